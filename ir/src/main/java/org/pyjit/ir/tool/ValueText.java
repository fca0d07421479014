package org.pyjit.ir.tool;

import java.math.BigInteger;
import java.util.regex.Pattern;
import org.pyjit.ir.Ints;
import org.pyjit.ir.Type;
import org.pyjit.ir.interp.Bits;

/**
 * The notation of values in run lines and {@code jitc} output, read and written according to a
 * {@link Type}.
 *
 * <ul>
 *   <li>Integers: decimal with an optional sign, or {@code 0x} hex (a bit pattern). A decimal
 *       may be given signed or unsigned ({@code -1} and {@code 255} are the same {@code i8});
 *       anything outside {@code [MIN, 2^width - 1]} is an error. Written as signed decimal.</li>
 *   <li>Floats: decimal ({@code 1}, {@code 1.5}, {@code -0.0}, {@code 1e-3}), hex floats
 *       ({@code 0x1.8p1}), {@code inf}, {@code -inf}, {@code nan} (any NaN matches it as an
 *       expectation; as an argument it is the canonical quiet NaN) and {@code nan:0x<bits>} (one
 *       exact NaN). {@code f32} text is rounded once, directly to single precision. Written as
 *       {@link Double#toString}/{@link Float#toString} for finite values, {@code inf}/{@code -inf},
 *       {@code nan} for the canonical quiet NaN and {@code nan:0x<bits>} for any other.</li>
 * </ul>
 */
public final class ValueText {
    private static final Pattern DECIMAL_INT = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern HEX_INT = Pattern.compile("0[xX][0-9a-fA-F]+");
    private static final Pattern DECIMAL_FLOAT = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Pattern HEX_FLOAT = Pattern.compile("[+-]?0[xX]([0-9a-fA-F]+(\\.[0-9a-fA-F]*)?|\\.[0-9a-fA-F]+)[pP][+-]?[0-9]+");
    private static final Pattern NAN_BITS = Pattern.compile("nan:0[xX][0-9a-fA-F]{1,16}");

    private ValueText() {
    }

    /**
     * Reads {@code text} as a value of {@code type}.
     *
     * @return the raw value pattern, canonical for {@code type}
     * @throws IllegalArgumentException with a one-line message if the text is not a value of the type
     */
    public static long parse(String text, Type type) {
        return type.isInt() ? parseInt(text, type) : parseFloat(text, type);
    }

    /** True if {@code text} is {@code nan} (the expectation that matches any NaN). */
    public static boolean isAnyNaN(String text) {
        return text.equals("nan");
    }

    /** Writes a raw value pattern of {@code type} in this notation. */
    public static String format(long bits, Type type) {
        return switch (type) {
            case I8, I16, I32, I64 -> Long.toString(Ints.canonical(bits, type));
            case F32 -> {
                float f = Bits.toFloat(bits);
                if (Float.isNaN(f)) {
                    yield (int) bits == Float.floatToRawIntBits(Float.NaN) ? "nan" : "nan:0x" + Integer.toHexString((int) bits);
                }
                yield Float.isInfinite(f) ? (f > 0 ? "inf" : "-inf") : Float.toString(f);
            }
            case F64 -> {
                double d = Bits.toDouble(bits);
                if (Double.isNaN(d)) {
                    yield bits == Double.doubleToRawLongBits(Double.NaN) ? "nan" : "nan:0x" + Long.toHexString(bits);
                }
                yield Double.isInfinite(d) ? (d > 0 ? "inf" : "-inf") : Double.toString(d);
            }
        };
    }

    private static long parseInt(String text, Type type) {
        BigInteger v;
        boolean hex = HEX_INT.matcher(text).matches();
        if (hex) {
            v = new BigInteger(text.substring(2), 16);
        } else if (DECIMAL_INT.matcher(text).matches()) {
            v = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
        } else {
            throw new IllegalArgumentException("'" + text + "' is not an integer (decimal or 0x hex) for " + type);
        }
        BigInteger lowest = hex ? BigInteger.ZERO : BigInteger.valueOf(Ints.min(type));
        BigInteger highest = BigInteger.ONE.shiftLeft(type.bits()).subtract(BigInteger.ONE);
        if (v.compareTo(lowest) < 0 || v.compareTo(highest) > 0) {
            throw new IllegalArgumentException("'" + text + "' is out of range for " + type);
        }
        return Ints.canonical(v.longValue(), type);
    }

    private static long parseFloat(String text, Type type) {
        boolean f32 = type == Type.F32;
        switch (text) {
            case "nan":
                return f32 ? Bits.ofFloat(Float.NaN) : Bits.ofDouble(Double.NaN);
            case "inf", "+inf":
                return f32 ? Bits.ofFloat(Float.POSITIVE_INFINITY) : Bits.ofDouble(Double.POSITIVE_INFINITY);
            case "-inf":
                return f32 ? Bits.ofFloat(Float.NEGATIVE_INFINITY) : Bits.ofDouble(Double.NEGATIVE_INFINITY);
            default:
                break;
        }
        if (NAN_BITS.matcher(text).matches()) {
            long bits = Long.parseUnsignedLong(text.substring(6), 16);
            if (!Bits.isNaN(bits, type) || (f32 && (bits >>> 32) != 0)) {
                throw new IllegalArgumentException("'" + text + "' is not the bit pattern of an " + type + " NaN");
            }
            return bits;
        }
        if (!DECIMAL_FLOAT.matcher(text).matches() && !HEX_FLOAT.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a float (decimal, inf, -inf, nan) for " + type);
        }
        return f32 ? Bits.ofFloat(Float.parseFloat(text)) : Bits.ofDouble(Double.parseDouble(text));
    }
}
