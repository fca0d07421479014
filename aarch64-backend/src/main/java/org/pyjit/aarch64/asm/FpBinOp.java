package org.pyjit.aarch64.asm;

/**
 * Floating-point data-processing (2 source), the {@code opcode} field (bits 15..12). AArch64
 * {@link #FMIN}/{@link #FMAX} return NaN if either input is NaN and order {@code -0.0 < +0.0}
 * (DDI 0487 C7.2 FMIN (scalar), FMAX (scalar); unlike FMINNM/FMAXNM and x86 MINSD).
 */
public enum FpBinOp {
    /** Multiply. */
    FMUL(0),
    /** Divide. */
    FDIV(1),
    /** Add. */
    FADD(2),
    /** Subtract. */
    FSUB(3),
    /** Maximum, NaN-propagating. */
    FMAX(4),
    /** Minimum, NaN-propagating. */
    FMIN(5);

    private final int opcode;

    FpBinOp(int opcode) {
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
