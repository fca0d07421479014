package org.pyjit.ir.interp;

import org.pyjit.ir.Ints;
import org.pyjit.ir.Type;

/**
 * Conversions between Java numbers and the interpreter's raw 64-bit value patterns: {@code f64}
 * as its IEEE bits, {@code f32} as its IEEE bits zero-extended, integers sign-extended from their
 * width.
 */
public final class Bits {
    private static final long F32_MASK = 0xFFFF_FFFFL;

    private Bits() {
    }

    /** The pattern of an {@code f64}: its raw IEEE bits (NaN payloads kept). */
    public static long ofDouble(double value) {
        return Double.doubleToRawLongBits(value);
    }

    /** The {@code f64} a pattern holds. */
    public static double toDouble(long bits) {
        return Double.longBitsToDouble(bits);
    }

    /** The pattern of an {@code f32}: its raw IEEE bits, zero-extended (NaN payloads kept). */
    public static long ofFloat(float value) {
        return Float.floatToRawIntBits(value) & F32_MASK;
    }

    /** The {@code f32} held in the low 32 bits of a pattern. */
    public static float toFloat(long bits) {
        return Float.intBitsToFloat((int) bits);
    }

    /**
     * {@code bits} brought into the canonical form of {@code type}: integers truncated and
     * sign-extended, {@code f32} truncated to 32 bits and zero-extended, {@code f64} unchanged.
     */
    public static long normalize(long bits, Type type) {
        return switch (type) {
            case I8, I16, I32, I64 -> Ints.canonical(bits, type);
            case F32 -> bits & F32_MASK;
            case F64 -> bits;
        };
    }

    /** True if the pattern holds a NaN of the float type {@code type}. */
    public static boolean isNaN(long bits, Type type) {
        return switch (type) {
            case F32 -> Float.isNaN(toFloat(bits));
            case F64 -> Double.isNaN(toDouble(bits));
            case I8, I16, I32, I64 -> false;
        };
    }
}
