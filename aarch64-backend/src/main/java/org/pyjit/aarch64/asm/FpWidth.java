package org.pyjit.aarch64.asm;

/** Scalar floating-point precision: the {@code ftype} field (S = single, D = double). */
public enum FpWidth {
    /** Single precision, registers named {@code sN}. */
    S(0, 4),
    /** Double precision, registers named {@code dN}. */
    D(1, 8);

    private final int ftype;
    private final int bytes;

    FpWidth(int ftype, int bytes) {
        this.ftype = ftype;
        this.bytes = bytes;
    }

    /** The {@code ftype} field value. */
    int ftype() {
        return ftype;
    }

    /** 4 or 8. */
    public int bytes() {
        return bytes;
    }
}
