package org.pyjit.ir;

/**
 * Integer helpers shared by the IR's users. Integer values of every width are held in a
 * {@code long} in canonical form: sign-extended from the type's width.
 */
public final class Ints {
    private Ints() {
    }

    /** {@code value} truncated to {@code type}'s width and sign-extended back to 64 bits. */
    public static long canonical(long value, Type type) {
        return switch (type) {
            case I8 -> (byte) value;
            case I16 -> (short) value;
            case I32 -> (int) value;
            case I64 -> value;
            case F32, F64 -> throw new IllegalArgumentException("not an integer type: " + type);
        };
    }

    /** {@code value} truncated to {@code type}'s width and zero-extended to 64 bits. */
    public static long unsigned(long value, Type type) {
        return switch (type) {
            case I8 -> value & 0xFFL;
            case I16 -> value & 0xFFFFL;
            case I32 -> value & 0xFFFF_FFFFL;
            case I64 -> value;
            case F32, F64 -> throw new IllegalArgumentException("not an integer type: " + type);
        };
    }

    /** The smallest value of the signed type. */
    public static long min(Type type) {
        return type.bits() == 64 ? Long.MIN_VALUE : -(1L << (type.bits() - 1));
    }

    /** The largest value of the signed type. */
    public static long max(Type type) {
        return type.bits() == 64 ? Long.MAX_VALUE : (1L << (type.bits() - 1)) - 1;
    }
}
