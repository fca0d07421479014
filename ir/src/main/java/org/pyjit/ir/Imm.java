package org.pyjit.ir;

import java.util.Objects;

/**
 * The immediate operand of an instruction; which kind an opcode carries is fixed by its
 * {@link Format}.
 */
public sealed interface Imm {

    /** No immediate. */
    record None() implements Imm {
        /** The only instance. */
        public static final None INSTANCE = new None();
    }

    /**
     * An integer immediate, held in canonical form (sign-extended from the operation's width).
     *
     * @param value the value
     */
    record Int(long value) implements Imm {
    }

    /**
     * A float constant's raw bits ({@code f32}: the low 32 bits; NaN payloads are kept).
     *
     * @param bits the IEEE 754 bit pattern
     */
    record FloatBits(long bits) implements Imm {
    }

    /**
     * An integer condition.
     *
     * @param cc the condition
     */
    record IntCond(IntCC cc) implements Imm {
        /** Checks for null. */
        public IntCond {
            Objects.requireNonNull(cc);
        }
    }

    /**
     * An integer condition and an integer immediate ({@code icmp_imm}).
     *
     * @param cc    the condition
     * @param value the right-hand operand, canonical
     */
    record IntCondImm(IntCC cc, long value) implements Imm {
        /** Checks for null. */
        public IntCondImm {
            Objects.requireNonNull(cc);
        }
    }

    /**
     * A float condition.
     *
     * @param cc the condition
     */
    record FloatCond(FloatCC cc) implements Imm {
        /** Checks for null. */
        public FloatCond {
            Objects.requireNonNull(cc);
        }
    }

    /**
     * A byte offset added to an address ({@code load}, {@code store}).
     *
     * @param offset signed 32-bit offset
     */
    record Offset(int offset) implements Imm {
    }

    /**
     * A stack slot and a byte offset into it ({@code stack_addr}).
     *
     * @param slot   the slot
     * @param offset the offset
     */
    record SlotRef(StackSlot slot, int offset) implements Imm {
        /** Checks for null. */
        public SlotRef {
            Objects.requireNonNull(slot);
        }
    }

    /**
     * The name of an IR function of the same module ({@code call}, {@code func_addr}).
     *
     * @param name the function's name, without the {@code %}
     */
    record Callee(String name) implements Imm {
        /** Checks for null. */
        public Callee {
            Objects.requireNonNull(name);
        }
    }

    /**
     * The C signature of a native callee ({@code call_indirect}).
     *
     * @param signature the signature
     */
    record Sig(Signature signature) implements Imm {
        /** Checks for null. */
        public Sig {
            Objects.requireNonNull(signature);
        }
    }

    /**
     * A trap code ({@code trap}).
     *
     * @param code the code
     */
    record Trap(TrapCode code) implements Imm {
        /** Checks for null. */
        public Trap {
            Objects.requireNonNull(code);
        }
    }
}
