package org.pyjit.aarch64.asm;

/** Operand size of a general-purpose instruction: the {@code sf} bit (W = 32 bits, X = 64 bits). */
public enum Width {
    /** 32-bit ({@code sf = 0}), registers named {@code wN}. */
    W(32),
    /** 64-bit ({@code sf = 1}), registers named {@code xN}. */
    X(64);

    private final int bits;

    Width(int bits) {
        this.bits = bits;
    }

    /** 32 or 64. */
    public int bits() {
        return bits;
    }

    /** The {@code sf} field value (0 or 1). */
    int sf() {
        return this == X ? 1 : 0;
    }
}
