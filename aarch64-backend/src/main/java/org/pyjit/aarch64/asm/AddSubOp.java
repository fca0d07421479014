package org.pyjit.aarch64.asm;

/** Add/subtract operations: the {@code op} (bit 30) and {@code S} (bit 29) fields. */
public enum AddSubOp {
    /** Add. */
    ADD(0, 0),
    /** Add, setting flags. */
    ADDS(0, 1),
    /** Subtract. */
    SUB(1, 0),
    /** Subtract, setting flags. */
    SUBS(1, 1);

    private final int op;
    private final int s;

    AddSubOp(int op, int s) {
        this.op = op;
        this.s = s;
    }

    /** Bits 30..29. */
    int bits() {
        return op << 30 | s << 29;
    }

    /** True if the operation sets the flags (its destination field means ZR, never SP). */
    public boolean setsFlags() {
        return s == 1;
    }

    /** The lower-case mnemonic. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
