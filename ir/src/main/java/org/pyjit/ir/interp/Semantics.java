package org.pyjit.ir.interp;

import org.pyjit.ir.FloatCC;
import org.pyjit.ir.IntCC;
import org.pyjit.ir.Ints;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.TrapCode;
import org.pyjit.ir.TrapException;
import org.pyjit.ir.Type;

/**
 * The executable definition of every pure IR operation on raw value patterns ({@link Bits}).
 * Operands must be canonical for their type; results are. Usable on its own, e.g. for constant
 * folding, which then agrees with the interpreter by construction.
 */
public final class Semantics {
    private Semantics() {
    }

    /**
     * A {@code BINARY} or {@code BINARY_IMM} operation ({@code iadd_imm} is {@code iadd} with the
     * immediate as {@code b}).
     *
     * @param type the operands' and result's type (for shifts and rotates: the type of {@code a};
     *             the amount {@code b} may be of any integer type)
     * @throws TrapException {@code int_divz} or {@code int_ovf} from the divisions
     */
    public static long binary(Opcode op, Type type, long a, long b) {
        return switch (op) {
            case IADD, IADD_IMM -> Ints.canonical(a + b, type);
            case ISUB -> Ints.canonical(a - b, type);
            case IMUL, IMUL_IMM -> Ints.canonical(a * b, type);
            case SDIV -> sdiv(type, a, b);
            case UDIV -> Ints.canonical(Long.divideUnsigned(Ints.unsigned(a, type), nonZero(Ints.unsigned(b, type))), type);
            case SREM -> a % nonZero(b); // Java's % gives MIN % -1 == 0 and the dividend's sign
            case UREM -> Ints.canonical(Long.remainderUnsigned(Ints.unsigned(a, type), nonZero(Ints.unsigned(b, type))), type);
            case BAND, BAND_IMM -> a & b;
            case BOR, BOR_IMM -> a | b;
            case BXOR, BXOR_IMM -> a ^ b;
            case ISHL, ISHL_IMM -> Ints.canonical(a << shiftAmount(type, b), type);
            case USHR, USHR_IMM -> Ints.canonical(Ints.unsigned(a, type) >>> shiftAmount(type, b), type);
            case SSHR, SSHR_IMM -> a >> shiftAmount(type, b);
            case ROTL -> rotateLeft(type, a, shiftAmount(type, b));
            case ROTR -> rotateLeft(type, a, (type.bits() - shiftAmount(type, b)) & (type.bits() - 1));
            case FADD, FSUB, FMUL, FDIV, FMIN, FMAX -> floatBinary(op, type, a, b);
            default -> throw new IllegalArgumentException(op + " is not a binary operation");
        };
    }

    /** A {@code UNARY} operation on a value of {@code type}. */
    public static long unary(Opcode op, Type type, long a) {
        return switch (op) {
            case INEG -> Ints.canonical(-a, type);
            case BNOT -> ~a;
            case FNEG -> a ^ signBit(type);
            case FABS -> a & ~signBit(type);
            case SQRT -> type == Type.F32
                    ? Bits.ofFloat((float) Math.sqrt(Bits.toFloat(a))) // exact: double has > 2*24+2 bits
                    : Bits.ofDouble(Math.sqrt(Bits.toDouble(a)));
            default -> throw new IllegalArgumentException(op + " is not a unary operation");
        };
    }

    /**
     * The wrapped result and signed-overflow flag of an {@code OVERFLOW} operation.
     *
     * @return {@code {result, flag}} with flag 0 or 1
     */
    public static long[] overflow(Opcode op, Type type, long a, long b) {
        long result = switch (op) {
            case IADD_OVERFLOW -> Ints.canonical(a + b, type);
            case ISUB_OVERFLOW -> Ints.canonical(a - b, type);
            case IMUL_OVERFLOW -> Ints.canonical(a * b, type);
            default -> throw new IllegalArgumentException(op + " is not an overflow operation");
        };
        boolean overflow;
        if (type == Type.I64) {
            overflow = switch (op) {
                case IADD_OVERFLOW -> ((a ^ result) & (b ^ result)) < 0;
                case ISUB_OVERFLOW -> ((a ^ b) & (a ^ result)) < 0;
                default -> Math.multiplyHigh(a, b) != (result >> 63);
            };
        } else {
            // Narrow operands: the exact result fits in a long, so overflow is "not canonical".
            long exact = switch (op) {
                case IADD_OVERFLOW -> a + b;
                case ISUB_OVERFLOW -> a - b;
                default -> a * b;
            };
            overflow = exact != result;
        }
        return new long[] {result, overflow ? 1 : 0};
    }

    /** {@code icmp}: 1 if {@code cc} holds for the canonical operands, else 0. */
    public static long icmp(IntCC cc, long a, long b) {
        return cc.test(a, b) ? 1 : 0;
    }

    /** {@code fcmp} on two values of float type {@code type}: 1 if {@code cc} holds, else 0. */
    public static long fcmp(FloatCC cc, Type type, long a, long b) {
        return cc.test(toDouble(type, a), toDouble(type, b)) ? 1 : 0;
    }

    /**
     * A {@code CONVERT} operation from {@code from} to {@code to}.
     *
     * @throws TrapException {@code bad_conversion} from {@code fcvt_to_sint}
     */
    public static long convert(Opcode op, Type from, Type to, long a) {
        return switch (op) {
            case SEXTEND, IREDUCE -> Ints.canonical(a, to); // canonical a is already sign-extended
            case UEXTEND -> Ints.canonical(Ints.unsigned(a, from), to);
            case FCVT_FROM_SINT -> to == Type.F32 ? Bits.ofFloat((float) a) : Bits.ofDouble((double) a);
            case FCVT_TO_SINT -> toSint(to, toDouble(from, a));
            case FPROMOTE -> Bits.ofDouble(Bits.toFloat(a));
            case FDEMOTE -> Bits.ofFloat((float) Bits.toDouble(a));
            case BITCAST -> Bits.normalize(a, to);
            default -> throw new IllegalArgumentException(op + " is not a conversion");
        };
    }

    /**
     * Truncates {@code x} toward zero into the signed integer type {@code to}.
     *
     * @throws TrapException {@code bad_conversion} if {@code x} is NaN or the truncated value is
     *                       outside {@code [MIN, MAX]} of {@code to}
     */
    static long toSint(Type to, double x) {
        double t = x < 0 ? Math.ceil(x) : Math.floor(x);
        // -2^(w-1) and 2^(w-1) are exact doubles; an integral t is <= MAX iff it is < 2^(w-1).
        double low = Ints.min(to);
        if (Double.isNaN(t) || t < low || t >= -low) {
            throw new TrapException(TrapCode.BAD_CONVERSION);
        }
        return (long) t;
    }

    private static long sdiv(Type type, long a, long b) {
        nonZero(b);
        if (a == Ints.min(type) && b == -1) {
            throw new TrapException(TrapCode.INT_OVF);
        }
        return a / b;
    }

    private static long nonZero(long divisor) {
        if (divisor == 0) {
            throw new TrapException(TrapCode.INT_DIVZ);
        }
        return divisor;
    }

    /** The amount read as unsigned and masked to {@code width - 1} (width is a power of two). */
    private static int shiftAmount(Type type, long amount) {
        return (int) (amount & (type.bits() - 1));
    }

    private static long rotateLeft(Type type, long a, int n) {
        return switch (type) {
            case I64 -> Long.rotateLeft(a, n);
            case I32 -> Integer.rotateLeft((int) a, n);
            case I8, I16 -> {
                long u = Ints.unsigned(a, type);
                yield Ints.canonical((u << n) | (u >>> (type.bits() - n)), type);
            }
            case F32, F64 -> throw new IllegalArgumentException("rotate of " + type);
        };
    }

    private static long floatBinary(Opcode op, Type type, long a, long b) {
        if (type == Type.F32) {
            float x = Bits.toFloat(a);
            float y = Bits.toFloat(b);
            return Bits.ofFloat(switch (op) {
                case FADD -> x + y;
                case FSUB -> x - y;
                case FMUL -> x * y;
                case FDIV -> x / y;
                case FMIN -> Math.min(x, y);
                default -> Math.max(x, y);
            });
        }
        double x = Bits.toDouble(a);
        double y = Bits.toDouble(b);
        return Bits.ofDouble(switch (op) {
            case FADD -> x + y;
            case FSUB -> x - y;
            case FMUL -> x * y;
            case FDIV -> x / y;
            case FMIN -> Math.min(x, y);
            default -> Math.max(x, y);
        });
    }

    private static long signBit(Type type) {
        return switch (type) {
            case F32 -> 0x8000_0000L;
            case F64 -> Long.MIN_VALUE;
            case I8, I16, I32, I64 -> throw new IllegalArgumentException("float operation on " + type);
        };
    }

    private static double toDouble(Type type, long bits) {
        return type == Type.F32 ? Bits.toFloat(bits) : Bits.toDouble(bits);
    }
}
