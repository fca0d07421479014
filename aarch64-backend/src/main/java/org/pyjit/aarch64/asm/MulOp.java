package org.pyjit.aarch64.asm;

/** Three-source multiplies (DDI 0487 C4.1 "Data-processing (3 source)"): {@code op31} and {@code o0}. */
public enum MulOp {
    /** {@code d = a + n*m}. */
    MADD(0, 0),
    /** {@code d = a - n*m}. */
    MSUB(0, 1),
    /** High 64 bits of the signed 128-bit product (64-bit only; Ra must be ZR). */
    SMULH(2, 0),
    /** High 64 bits of the unsigned 128-bit product (64-bit only; Ra must be ZR). */
    UMULH(6, 0);

    private final int op31;
    private final int o0;

    MulOp(int op31, int o0) {
        this.op31 = op31;
        this.o0 = o0;
    }

    int bits() {
        return op31 << 21 | o0 << 15;
    }

    /** True for SMULH/UMULH, which exist only at 64 bits and take no addend. */
    public boolean high() {
        return op31 != 0;
    }

    /** The lower-case mnemonic. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
