package org.pyjit.ir;

/** The ten integer comparison conditions of {@code icmp}. Signed and unsigned orders differ. */
public enum IntCC {
    /** Equal. */
    EQ("eq"),
    /** Not equal. */
    NE("ne"),
    /** Signed less than. */
    SLT("slt"),
    /** Signed less than or equal. */
    SLE("sle"),
    /** Signed greater than. */
    SGT("sgt"),
    /** Signed greater than or equal. */
    SGE("sge"),
    /** Unsigned less than. */
    ULT("ult"),
    /** Unsigned less than or equal. */
    ULE("ule"),
    /** Unsigned greater than. */
    UGT("ugt"),
    /** Unsigned greater than or equal. */
    UGE("uge");

    private final String text;

    IntCC(String text) {
        this.text = text;
    }

    /** The condition's name in the text format. */
    public String text() {
        return text;
    }

    /** The condition that holds exactly when this one does not. */
    public IntCC inverse() {
        return switch (this) {
            case EQ -> NE;
            case NE -> EQ;
            case SLT -> SGE;
            case SLE -> SGT;
            case SGT -> SLE;
            case SGE -> SLT;
            case ULT -> UGE;
            case ULE -> UGT;
            case UGT -> ULE;
            case UGE -> ULT;
        };
    }

    /** The condition with the operands swapped: {@code a < b} is {@code b > a}. */
    public IntCC swapped() {
        return switch (this) {
            case EQ, NE -> this;
            case SLT -> SGT;
            case SLE -> SGE;
            case SGT -> SLT;
            case SGE -> SLE;
            case ULT -> UGT;
            case ULE -> UGE;
            case UGT -> ULT;
            case UGE -> ULE;
        };
    }

    /**
     * Evaluates the condition on two values of a type {@code bits} wide, each given in canonical
     * (sign-extended) form.
     */
    public boolean test(long a, long b) {
        return switch (this) {
            case EQ -> a == b;
            case NE -> a != b;
            case SLT -> a < b;
            case SLE -> a <= b;
            case SGT -> a > b;
            case SGE -> a >= b;
            case ULT -> Long.compareUnsigned(a, b) < 0;
            case ULE -> Long.compareUnsigned(a, b) <= 0;
            case UGT -> Long.compareUnsigned(a, b) > 0;
            case UGE -> Long.compareUnsigned(a, b) >= 0;
        };
    }

    /** The condition named {@code text}, or null. */
    public static IntCC fromText(String text) {
        for (IntCC c : values()) {
            if (c.text.equals(text)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
