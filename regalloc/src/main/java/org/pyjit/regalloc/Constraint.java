package org.pyjit.regalloc;

/** Where an operand must be placed. */
public sealed interface Constraint {
    /** The kind of this constraint, for exhaustive switches. */
    ConstraintKind kind();

    /** Any allocatable register of the operand's class. */
    record AnyReg() implements Constraint {
        @Override
        public ConstraintKind kind() {
            return ConstraintKind.ANY_REG;
        }
    }

    /**
     * Exactly register {@code reg}, which must be allocatable (never the scratch register).
     *
     * @param reg the register
     */
    record Fixed(PReg reg) implements Constraint {
        /** Rejects null. */
        public Fixed {
            if (reg == null) throw new IllegalArgumentException("fixed register is null");
        }

        @Override
        public ConstraintKind kind() {
            return ConstraintKind.FIXED_REG;
        }
    }

    /** A spill slot: the instruction addresses the value in memory. */
    record Stack() implements Constraint {
        @Override
        public ConstraintKind kind() {
            return ConstraintKind.STACK;
        }
    }

    /**
     * Only on a LATE def: the def is placed in the same register as USE operand {@code input} of
     * the same instruction (x86 two-address form {@code dst = dst op src}). The input may be
     * ANY_REG or FIXED_REG constrained, never STACK.
     *
     * @param input index of the reused USE operand in the instruction's operand list
     */
    record Reuse(int input) implements Constraint {
        /** Rejects negative indices. */
        public Reuse {
            if (input < 0) throw new IllegalArgumentException("negative reuse input " + input);
        }

        @Override
        public ConstraintKind kind() {
            return ConstraintKind.REUSE;
        }
    }

    /** The shared ANY_REG constraint. */
    Constraint ANY_REG = new AnyReg();
    /** The shared STACK constraint. */
    Constraint STACK = new Stack();
}
