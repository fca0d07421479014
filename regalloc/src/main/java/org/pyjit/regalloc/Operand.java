package org.pyjit.regalloc;

/**
 * One operand of an instruction: which vreg, read or written, when, and where.
 *
 * @param vreg       the virtual register
 * @param kind       use or def
 * @param pos        early or late within the instruction
 * @param constraint placement requirement
 */
public record Operand(VReg vreg, OperandKind kind, OperandPos pos, Constraint constraint) {
    /** Rejects nulls and REUSE on anything but a late def. */
    public Operand {
        if (vreg == null || kind == null || pos == null || constraint == null) {
            throw new IllegalArgumentException("operand component is null");
        }
        if (constraint instanceof Constraint.Reuse && (kind != OperandKind.DEF || pos != OperandPos.LATE)) {
            throw new IllegalArgumentException("a reuse constraint is only valid on a late def: " + vreg);
        }
    }

    /** An early use in any register. */
    public static Operand use(VReg v) {
        return new Operand(v, OperandKind.USE, OperandPos.EARLY, Constraint.ANY_REG);
    }

    /** An early use in register {@code r}. */
    public static Operand fixedUse(VReg v, PReg r) {
        return new Operand(v, OperandKind.USE, OperandPos.EARLY, new Constraint.Fixed(r));
    }

    /** An early use read from a spill slot. */
    public static Operand stackUse(VReg v) {
        return new Operand(v, OperandKind.USE, OperandPos.EARLY, Constraint.STACK);
    }

    /** A late use in any register (still live while the defs are written). */
    public static Operand lateUse(VReg v) {
        return new Operand(v, OperandKind.USE, OperandPos.LATE, Constraint.ANY_REG);
    }

    /** A late def in any register. */
    public static Operand def(VReg v) {
        return new Operand(v, OperandKind.DEF, OperandPos.LATE, Constraint.ANY_REG);
    }

    /** A late def in register {@code r}. */
    public static Operand fixedDef(VReg v, PReg r) {
        return new Operand(v, OperandKind.DEF, OperandPos.LATE, new Constraint.Fixed(r));
    }

    /** A late def written to a spill slot. */
    public static Operand stackDef(VReg v) {
        return new Operand(v, OperandKind.DEF, OperandPos.LATE, Constraint.STACK);
    }

    /** A late def in the register of USE operand {@code input}. */
    public static Operand reuseDef(VReg v, int input) {
        return new Operand(v, OperandKind.DEF, OperandPos.LATE, new Constraint.Reuse(input));
    }

    /** A temp: an early def in any register, distinct from every register the instruction reads. */
    public static Operand temp(VReg v) {
        return new Operand(v, OperandKind.DEF, OperandPos.EARLY, Constraint.ANY_REG);
    }

    /** A temp fixed to register {@code r}. */
    public static Operand fixedTemp(VReg v, PReg r) {
        return new Operand(v, OperandKind.DEF, OperandPos.EARLY, new Constraint.Fixed(r));
    }

    @Override
    public String toString() {
        String c = switch (constraint.kind()) {
            case ANY_REG -> "reg";
            case FIXED_REG -> ((Constraint.Fixed) constraint).reg().toString();
            case STACK -> "stack";
            case REUSE -> "reuse" + ((Constraint.Reuse) constraint).input();
        };
        return (kind == OperandKind.USE ? "use " : "def ") + vreg + "@" + c + (pos == OperandPos.EARLY ? ":e" : ":l");
    }
}
