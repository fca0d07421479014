package org.pyjit.aarch64.asm;

/** Floating-point data-processing (1 source), same precision in and out: the {@code opcode} field. */
public enum FpUnOp {
    /** Register copy. */
    FMOV(0),
    /** Absolute value (clears the sign bit, NaN included). */
    FABS(1),
    /** Negation (flips the sign bit, NaN included). */
    FNEG(2),
    /** Square root. */
    FSQRT(3);

    private final int opcode;

    FpUnOp(int opcode) {
        this.opcode = opcode;
    }

    int opcode() {
        return opcode;
    }

    /** The lower-case mnemonic. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
