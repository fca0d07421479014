package org.pyjit.aarch64.asm;

/** Conditional select operations: {@code op} (bit 30) and {@code op2} (bits 11..10). */
public enum CondSelOp {
    /** {@code d = cond ? n : m}. */
    CSEL(0, 0),
    /** {@code d = cond ? n : m + 1}. */
    CSINC(0, 1),
    /** {@code d = cond ? n : ~m}. */
    CSINV(1, 0),
    /** {@code d = cond ? n : -m}. */
    CSNEG(1, 1);

    private final int op;
    private final int op2;

    CondSelOp(int op, int op2) {
        this.op = op;
        this.op2 = op2;
    }

    int bits() {
        return op << 30 | op2 << 10;
    }

    /** The lower-case mnemonic. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
