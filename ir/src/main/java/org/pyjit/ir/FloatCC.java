package org.pyjit.ir;

/**
 * The floating-point comparison conditions of {@code fcmp}. Ordered conditions are false when
 * either operand is NaN; unordered ones ({@code u…}) are true then. {@code ne} is "unordered or
 * not equal", so {@code eq} and {@code ne} are exact inverses, as are {@code one} and {@code ueq}.
 */
public enum FloatCC {
    /** Neither operand is NaN. */
    ORD("ord"),
    /** At least one operand is NaN. */
    UNO("uno"),
    /** Ordered and equal. */
    EQ("eq"),
    /** Unordered or not equal. */
    NE("ne"),
    /** Ordered and not equal. */
    ONE("one"),
    /** Unordered or equal. */
    UEQ("ueq"),
    /** Ordered and less than. */
    LT("lt"),
    /** Ordered and less than or equal. */
    LE("le"),
    /** Ordered and greater than. */
    GT("gt"),
    /** Ordered and greater than or equal. */
    GE("ge"),
    /** Unordered or less than. */
    ULT("ult"),
    /** Unordered or less than or equal. */
    ULE("ule"),
    /** Unordered or greater than. */
    UGT("ugt"),
    /** Unordered or greater than or equal. */
    UGE("uge");

    private final String text;

    FloatCC(String text) {
        this.text = text;
    }

    /** The condition's name in the text format. */
    public String text() {
        return text;
    }

    /** The condition that holds exactly when this one does not (NaN included). */
    public FloatCC inverse() {
        return switch (this) {
            case ORD -> UNO;
            case UNO -> ORD;
            case EQ -> NE;
            case NE -> EQ;
            case ONE -> UEQ;
            case UEQ -> ONE;
            case LT -> UGE;
            case LE -> UGT;
            case GT -> ULE;
            case GE -> ULT;
            case ULT -> GE;
            case ULE -> GT;
            case UGT -> LE;
            case UGE -> LT;
        };
    }

    /** The condition with the operands swapped. */
    public FloatCC swapped() {
        return switch (this) {
            case ORD, UNO, EQ, NE, ONE, UEQ -> this;
            case LT -> GT;
            case LE -> GE;
            case GT -> LT;
            case GE -> LE;
            case ULT -> UGT;
            case ULE -> UGE;
            case UGT -> ULT;
            case UGE -> ULE;
        };
    }

    /** Evaluates the condition; {@code f32} operands are compared after exact widening. */
    public boolean test(double a, double b) {
        boolean unordered = Double.isNaN(a) || Double.isNaN(b);
        return switch (this) {
            case ORD -> !unordered;
            case UNO -> unordered;
            case EQ -> a == b;
            case NE -> a != b;
            case ONE -> !unordered && a != b;
            case UEQ -> unordered || a == b;
            case LT -> a < b;
            case LE -> a <= b;
            case GT -> a > b;
            case GE -> a >= b;
            case ULT -> unordered || a < b;
            case ULE -> unordered || a <= b;
            case UGT -> unordered || a > b;
            case UGE -> unordered || a >= b;
        };
    }

    /** The condition named {@code text}, or null. */
    public static FloatCC fromText(String text) {
        for (FloatCC c : values()) {
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
