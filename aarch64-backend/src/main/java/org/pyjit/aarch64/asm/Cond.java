package org.pyjit.aarch64.asm;

/** A condition code (the {@code cond} field, DDI 0487 C1.2.4 "Condition code"). */
public enum Cond {
    /** Equal (Z). */
    EQ,
    /** Not equal. */
    NE,
    /** Carry set / unsigned higher or same. */
    HS,
    /** Carry clear / unsigned lower. */
    LO,
    /** Negative. */
    MI,
    /** Positive or zero. */
    PL,
    /** Overflow. */
    VS,
    /** No overflow. */
    VC,
    /** Unsigned higher. */
    HI,
    /** Unsigned lower or same. */
    LS,
    /** Signed greater or equal. */
    GE,
    /** Signed less than. */
    LT,
    /** Signed greater than. */
    GT,
    /** Signed less or equal. */
    LE,
    /** Always. */
    AL,
    /** Always (encoding 0b1111, behaves as AL). */
    NV;

    /** The 4-bit field value. */
    public int encoding() {
        return ordinal();
    }

    /** The opposite condition (inverts bit 0); AL and NV have none. */
    public Cond invert() {
        if (this == AL || this == NV) {
            throw new IllegalArgumentException(this + " has no inverse");
        }
        return values()[ordinal() ^ 1];
    }

    /** The lower-case mnemonic suffix as GNU objdump prints it ({@code cs}/{@code cc} for HS/LO). */
    public String text() {
        return switch (this) {
            case HS -> "cs";
            case LO -> "cc";
            default -> name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
