package org.pyjit.aarch64.asm;

/**
 * A load or store of one register: transfer size, direction, sign extension and register file.
 * {@link #base()} is the "unsigned offset" encoding with zero fields (DDI 0487 C4.1 "Load/store
 * register (unsigned immediate)"); the other addressing forms derive from it.
 */
public enum MemOp {
    /** Store byte. */
    STRB(0x39000000, 0, false, Width.W, "strb"),
    /** Load byte, zero-extended. */
    LDRB(0x39400000, 0, false, Width.W, "ldrb"),
    /** Load byte, sign-extended to 64 bits. */
    LDRSB_X(0x39800000, 0, false, Width.X, "ldrsb"),
    /** Load byte, sign-extended to 32 bits. */
    LDRSB_W(0x39C00000, 0, false, Width.W, "ldrsb"),
    /** Store halfword. */
    STRH(0x79000000, 1, false, Width.W, "strh"),
    /** Load halfword, zero-extended. */
    LDRH(0x79400000, 1, false, Width.W, "ldrh"),
    /** Load halfword, sign-extended to 64 bits. */
    LDRSH_X(0x79800000, 1, false, Width.X, "ldrsh"),
    /** Load halfword, sign-extended to 32 bits. */
    LDRSH_W(0x79C00000, 1, false, Width.W, "ldrsh"),
    /** Store word. */
    STR_W(0xB9000000, 2, false, Width.W, "str"),
    /** Load word, zero-extended. */
    LDR_W(0xB9400000, 2, false, Width.W, "ldr"),
    /** Load word, sign-extended to 64 bits. */
    LDRSW(0xB9800000, 2, false, Width.X, "ldrsw"),
    /** Store doubleword. */
    STR_X(0xF9000000, 3, false, Width.X, "str"),
    /** Load doubleword. */
    LDR_X(0xF9400000, 3, false, Width.X, "ldr"),
    /** Store single-precision register. */
    STR_S(0xBD000000, 2, true, null, "str"),
    /** Load single-precision register. */
    LDR_S(0xBD400000, 2, true, null, "ldr"),
    /** Store double-precision register. */
    STR_D(0xFD000000, 3, true, null, "str"),
    /** Load double-precision register. */
    LDR_D(0xFD400000, 3, true, null, "ldr");

    private final int base;
    private final int log2Size;
    private final boolean fp;
    private final Width regWidth;
    private final String mnemonic;

    MemOp(int base, int log2Size, boolean fp, Width regWidth, String mnemonic) {
        this.base = base;
        this.log2Size = log2Size;
        this.fp = fp;
        this.regWidth = regWidth;
        this.mnemonic = mnemonic;
    }

    int base() {
        return base;
    }

    /** log2 of the transfer size in bytes (the scale of unsigned offsets). */
    public int log2Size() {
        return log2Size;
    }

    /** True if the transfer register is a SIMD&amp;FP register. */
    public boolean isFp() {
        return fp;
    }

    /** Width of a general transfer register (null for FP). */
    public Width regWidth() {
        return regWidth;
    }

    /** The precision of an FP transfer register. */
    public FpWidth fpWidth() {
        return log2Size == 3 ? FpWidth.D : FpWidth.S;
    }

    /** The scaled mnemonic ({@code ldr}, {@code strb}, ...). */
    public String mnemonic() {
        return mnemonic;
    }

    /** The unscaled-offset mnemonic ({@code ldur}, {@code sturb}, ...). */
    public String unscaledMnemonic() {
        return mnemonic.substring(0, 2) + "u" + mnemonic.substring(2);
    }
}
