package org.pyjit.x86.asm;

/**
 * The sixteen x86 condition codes, in hardware encoding order (the low nibble of
 * {@code Jcc 0F 80+cc}, {@code SETcc 0F 90+cc}, {@code CMOVcc 0F 40+cc}).
 */
public enum Cond {
    /** Overflow (OF=1). */
    O,
    /** No overflow. */
    NO,
    /** Below, unsigned &lt; (CF=1). */
    B,
    /** Above or equal, unsigned &gt;=. */
    AE,
    /** Equal (ZF=1). */
    E,
    /** Not equal. */
    NE,
    /** Below or equal, unsigned &lt;=. */
    BE,
    /** Above, unsigned &gt;. */
    A,
    /** Sign (SF=1). */
    S,
    /** No sign. */
    NS,
    /** Parity (PF=1; after ucomisd: unordered). */
    P,
    /** No parity (after ucomisd: ordered). */
    NP,
    /** Less, signed &lt;. */
    L,
    /** Greater or equal, signed &gt;=. */
    GE,
    /** Less or equal, signed &lt;=. */
    LE,
    /** Greater, signed &gt;. */
    G;

    private static final Cond[] VALUES = values();

    /** @return the 4-bit hardware encoding */
    public int encoding() {
        return ordinal();
    }

    /** @return the condition that holds exactly when this one does not (flips bit 0) */
    public Cond negate() {
        return VALUES[ordinal() ^ 1];
    }

    /** @return the lower-case mnemonic suffix objdump prints, e.g. {@code "ae"} */
    public String suffix() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    jnr.x86asm.CONDITION jnr() {
        return switch (this) {
            case O -> jnr.x86asm.CONDITION.C_O;
            case NO -> jnr.x86asm.CONDITION.C_NO;
            case B -> jnr.x86asm.CONDITION.C_B;
            case AE -> jnr.x86asm.CONDITION.C_AE;
            case E -> jnr.x86asm.CONDITION.C_E;
            case NE -> jnr.x86asm.CONDITION.C_NE;
            case BE -> jnr.x86asm.CONDITION.C_BE;
            case A -> jnr.x86asm.CONDITION.C_A;
            case S -> jnr.x86asm.CONDITION.C_S;
            case NS -> jnr.x86asm.CONDITION.C_NS;
            case P -> jnr.x86asm.CONDITION.C_P;
            case NP -> jnr.x86asm.CONDITION.C_NP;
            case L -> jnr.x86asm.CONDITION.C_L;
            case GE -> jnr.x86asm.CONDITION.C_GE;
            case LE -> jnr.x86asm.CONDITION.C_LE;
            case G -> jnr.x86asm.CONDITION.C_G;
        };
    }
}
