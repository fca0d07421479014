package org.pyjit.ir.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.pyjit.ir.Opcode.*;
import static org.pyjit.ir.Type.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pyjit.ir.FloatCC;
import org.pyjit.ir.Ints;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.TrapCode;
import org.pyjit.ir.TrapException;
import org.pyjit.ir.Type;

/** Edge values of the pure operations, interpreted through one-instruction functions. */
class SemanticsTest {

    /** Runs {@code op a, b} at type {@code t} in the interpreter. */
    static long bin(Opcode op, Type t, long a, long b) {
        return Fns.one(t, List.of(t, t), (fb, p) -> fb.binary(op, p.get(0), p.get(1))).call("f", a, b)[0];
    }

    /** Runs {@code op a, b} with the amount of a different type. */
    static long shift(Opcode op, Type t, Type amountType, long a, long b) {
        return Fns.one(t, List.of(t, amountType), (fb, p) -> fb.binary(op, p.get(0), p.get(1))).call("f", a, b)[0];
    }

    static TrapCode binTrap(Opcode op, Type t, long a, long b) {
        return assertThrows(TrapException.class, () -> bin(op, t, a, b)).trapCode();
    }

    static long[] ovf(Opcode op, Type t, long a, long b) {
        long r = Fns.one(t, List.of(t, t), (fb, p) -> fb.overflow(op, p.get(0), p.get(1)).get(0)).call("f", a, b)[0];
        long f = Fns.one(I8, List.of(t, t), (fb, p) -> fb.overflow(op, p.get(0), p.get(1)).get(1)).call("f", a, b)[0];
        return new long[] {r, f};
    }

    static double d(long bits) {
        return Bits.toDouble(bits);
    }

    static long dd(double x) {
        return Bits.ofDouble(x);
    }

    @Test
    void integerArithmeticWrapsAtEveryWidth() {
        assertEquals(Long.MIN_VALUE, bin(IADD, I64, Long.MAX_VALUE, 1));
        assertEquals(-128, bin(IADD, I8, 127, 1));
        assertEquals(32767, bin(ISUB, I16, -32768, 1));
        assertEquals(Integer.MIN_VALUE, bin(IMUL, I32, 0x4000_0000, 2));
        assertEquals(0, bin(IMUL, I8, 16, 16));
        // Arguments are normalised: 255 passed for an i8 is -1.
        assertEquals(-2, bin(IADD, I8, 255, 255));
        assertEquals(-128, Fns.one(I8, List.of(I8), (fb, p) -> fb.unary(INEG, p.get(0))).call("f", -128)[0]);
        assertEquals(6, Fns.one(I16, List.of(I16), (fb, p) -> fb.binaryImm(IMUL_IMM, p.get(0), -3)).call("f", -2)[0]);
        assertEquals(-32768, Fns.one(I16, List.of(I16), (fb, p) -> fb.iaddImm(p.get(0), 1)).call("f", 32767)[0]);
    }

    @Test
    void divisionTrapsAndEdges() {
        for (Type t : List.of(I8, I16, I32, I64)) {
            assertEquals(TrapCode.INT_OVF, binTrap(SDIV, t, Ints.min(t), -1), t.text());
            assertEquals(TrapCode.INT_DIVZ, binTrap(SDIV, t, Ints.min(t), 0), t.text());
            assertEquals(0, bin(SREM, t, Ints.min(t), -1), t.text());
            for (Opcode op : List.of(SDIV, UDIV, SREM, UREM)) {
                assertEquals(TrapCode.INT_DIVZ, binTrap(op, t, 7, 0), op + " " + t);
            }
        }
        assertEquals(-3, bin(SDIV, I64, -7, 2));
        assertEquals(-1, bin(SREM, I64, -7, 2));
        assertEquals(1, bin(SREM, I64, 7, -2));
        assertEquals(127, bin(UDIV, I8, -1, 2)); // 255 / 2
        assertEquals(Long.MAX_VALUE, bin(UDIV, I64, -1, 2));
        assertEquals(1, bin(UREM, I8, -1, 2));
        assertEquals(-1, bin(UDIV, I64, -1, 1));
        assertEquals(0, bin(UDIV, I32, 5, -1)); // 5 / 0xFFFFFFFF
    }

    @Test
    void shiftAmountsAreMaskedToTheWidth() {
        assertEquals(2, bin(ISHL, I32, 1, 33));
        assertEquals(Integer.MIN_VALUE, bin(ISHL, I32, 1, -1)); // -1 & 31 = 31
        assertEquals(1, bin(ISHL, I8, 1, 8));
        assertEquals(-128, bin(ISHL, I8, 1, 7));
        assertEquals(127, bin(USHR, I8, -1, 1));
        assertEquals(-1, bin(SSHR, I16, -2, 17));
        assertEquals(Long.MIN_VALUE, bin(ISHL, I64, 1, 63));
        assertEquals(1, bin(ISHL, I64, 1, 64));
        assertEquals(1, bin(USHR, I64, Long.MIN_VALUE, -1));
        assertEquals(-1, bin(SSHR, I64, Long.MIN_VALUE, 127));
        // The amount may have another type; only its low bits count.
        assertEquals(1L << 5, shift(ISHL, I64, I8, 1, 69)); // 69 & 63
        assertEquals(Long.MIN_VALUE, shift(ISHL, I64, I8, 1, -1)); // i8 0xFF & 63
        assertEquals(-1, shift(SSHR, I8, I64, -128, 7 + 64));
    }

    @Test
    void rotates() {
        assertEquals(0x03, bin(ROTL, I8, 0x81, 1));
        assertEquals(-64, bin(ROTR, I8, 0x81, 1)); // 0xC0
        assertEquals(0x81 - 256, bin(ROTL, I8, 0x81, 8));
        assertEquals(0x0102, bin(ROTL, I16, 0x0201, 8));
        assertEquals(1, bin(ROTL, I64, Long.MIN_VALUE, 1));
        assertEquals(Long.MIN_VALUE, bin(ROTR, I64, 1, 65));
        assertEquals(0x8000_0000L - 0x1_0000_0000L, bin(ROTR, I32, 1, -31)); // -31 & 31 = 1
    }

    @Test
    void overflowFlagsAreSigned() {
        assertArrayEquals(new long[] {Long.MIN_VALUE, 1}, ovf(IADD_OVERFLOW, I64, Long.MAX_VALUE, 1));
        assertArrayEquals(new long[] {-2, 0}, ovf(IADD_OVERFLOW, I64, -1, -1)); // unsigned carry is not overflow
        assertArrayEquals(new long[] {-128, 1}, ovf(IADD_OVERFLOW, I8, 127, 1));
        assertArrayEquals(new long[] {Long.MAX_VALUE, 1}, ovf(ISUB_OVERFLOW, I64, Long.MIN_VALUE, 1));
        assertArrayEquals(new long[] {Long.MIN_VALUE, 1}, ovf(ISUB_OVERFLOW, I64, 0, Long.MIN_VALUE));
        assertArrayEquals(new long[] {32767, 1}, ovf(ISUB_OVERFLOW, I16, -32768, 1));
        assertArrayEquals(new long[] {0, 1}, ovf(IMUL_OVERFLOW, I64, 1L << 32, 1L << 32));
        assertArrayEquals(new long[] {Long.MIN_VALUE, 1}, ovf(IMUL_OVERFLOW, I64, Long.MIN_VALUE, -1));
        assertArrayEquals(new long[] {Long.MIN_VALUE, 0}, ovf(IMUL_OVERFLOW, I64, 1L << 62, -2));
        assertArrayEquals(new long[] {Integer.MIN_VALUE, 1}, ovf(IMUL_OVERFLOW, I32, 65536, 32768));
        assertArrayEquals(new long[] {-128, 0}, ovf(IMUL_OVERFLOW, I8, -16, 8));
    }

    @ParameterizedTest
    @EnumSource(FloatCC.class)
    void floatComparesWithNaN(FloatCC cc) {
        boolean unorderedTrue = switch (cc) {
            case UNO, NE, UEQ, ULT, ULE, UGT, UGE -> true;
            case ORD, EQ, ONE, LT, LE, GT, GE -> false;
        };
        for (Type t : List.of(F32, F64)) {
            long nan = t == F32 ? Bits.ofFloat(Float.NaN) : dd(Double.NaN);
            long one = t == F32 ? Bits.ofFloat(1f) : dd(1);
            Interpreter in = Fns.one(I8, List.of(t, t), (fb, p) -> fb.fcmp(cc, p.get(0), p.get(1)));
            assertEquals(unorderedTrue ? 1 : 0, in.call("f", nan, one)[0], cc + " " + t);
            assertEquals(unorderedTrue ? 1 : 0, in.call("f", one, nan)[0], cc + " " + t);
            assertEquals(unorderedTrue ? 1 : 0, in.call("f", nan, nan)[0], cc + " " + t);
        }
    }

    @ParameterizedTest
    @EnumSource(FloatCC.class)
    void floatComparesOrdered(FloatCC cc) {
        Interpreter in = Fns.one(I8, List.of(F64, F64), (fb, p) -> fb.fcmp(cc, p.get(0), p.get(1)));
        long lt = in.call("f", dd(1), dd(2))[0];
        long eq = in.call("f", dd(-0.0), dd(0.0))[0];
        long gt = in.call("f", dd(Double.POSITIVE_INFINITY), dd(2))[0];
        String expected = switch (cc) {
            case ORD -> "111";
            case UNO -> "000";
            case EQ, UEQ -> "010";
            case NE, ONE -> "101";
            case LT, ULT -> "100";
            case LE, ULE -> "110";
            case GT, UGT -> "001";
            case GE, UGE -> "011";
        };
        assertEquals(expected, "" + lt + eq + gt, cc.text());
    }

    @Test
    void minMaxOrderSignedZerosAndPropagateNaN() {
        long negZero = dd(-0.0);
        long posZero = dd(0.0);
        assertEquals(negZero, bin(FMIN, F64, posZero, negZero));
        assertEquals(negZero, bin(FMIN, F64, negZero, posZero));
        assertEquals(posZero, bin(FMAX, F64, negZero, posZero));
        assertEquals(posZero, bin(FMAX, F64, posZero, negZero));
        assertEquals(Bits.ofFloat(-0f), bin(FMIN, F32, Bits.ofFloat(0f), Bits.ofFloat(-0f)));
        assertEquals(Bits.ofFloat(0f), bin(FMAX, F32, Bits.ofFloat(-0f), Bits.ofFloat(0f)));
        assertEquals(true, Double.isNaN(d(bin(FMIN, F64, dd(1), dd(Double.NaN)))));
        assertEquals(true, Double.isNaN(d(bin(FMAX, F64, dd(Double.NaN), dd(1)))));
        assertEquals(true, Float.isNaN(Bits.toFloat(bin(FMAX, F32, Bits.ofFloat(1f), Bits.ofFloat(Float.NaN)))));
    }

    @Test
    void floatArithmeticIsIeeeAtEachPrecision() {
        assertEquals(0.30000000000000004, d(bin(FADD, F64, dd(0.1), dd(0.2))));
        assertEquals(Bits.ofFloat(0.1f + 0.2f), bin(FADD, F32, Bits.ofFloat(0.1f), Bits.ofFloat(0.2f)));
        assertEquals(Bits.ofFloat(16777216f), bin(FADD, F32, Bits.ofFloat(16777216f), Bits.ofFloat(1f)));
        assertEquals(Double.NEGATIVE_INFINITY, d(bin(FDIV, F64, dd(-1), dd(0.0))));
        assertEquals(-0.0, d(bin(FMUL, F64, dd(-1), dd(0.0))));
        assertEquals(1.0, d(bin(FSUB, F64, dd(3), dd(2))));
        Interpreter sqrt = Fns.one(F32, List.of(F32), (fb, p) -> fb.unary(SQRT, p.get(0)));
        assertEquals(Bits.ofFloat((float) Math.sqrt(2.0)), sqrt.call("f", Bits.ofFloat(2f))[0]);
        assertEquals(Bits.ofFloat(-0f), sqrt.call("f", Bits.ofFloat(-0f))[0]);
        Interpreter sqrt64 = Fns.one(F64, List.of(F64), (fb, p) -> fb.unary(SQRT, p.get(0)));
        assertEquals(true, Double.isNaN(d(sqrt64.call("f", dd(-1))[0])));
    }

    @Test
    void negAndAbsTouchOnlyTheSignBitEvenOfNaN() {
        long payloadNaN = 0x7FF0_0000_0000_1234L;
        Interpreter neg = Fns.one(F64, List.of(F64), (fb, p) -> fb.unary(FNEG, p.get(0)));
        Interpreter abs = Fns.one(F64, List.of(F64), (fb, p) -> fb.unary(FABS, p.get(0)));
        assertEquals(payloadNaN | Long.MIN_VALUE, neg.call("f", payloadNaN)[0]);
        assertEquals(payloadNaN, abs.call("f", payloadNaN | Long.MIN_VALUE)[0]);
        assertEquals(dd(-0.0), neg.call("f", dd(0.0))[0]);
        Interpreter neg32 = Fns.one(F32, List.of(F32), (fb, p) -> fb.unary(FNEG, p.get(0)));
        assertEquals(0xFFC0_0001L, neg32.call("f", 0x7FC0_0001L)[0]); // zero-extended f32 pattern
        Interpreter abs32 = Fns.one(F32, List.of(F32), (fb, p) -> fb.unary(FABS, p.get(0)));
        assertEquals(0x7FC0_0001L, abs32.call("f", 0xFFC0_0001L)[0]);
    }

    static long cvt(Opcode op, Type from, Type to, long a) {
        return Fns.one(to, List.of(from), (fb, p) -> fb.convert(op, to, p.get(0))).call("f", a)[0];
    }

    static TrapCode cvtTrap(Type from, Type to, long a) {
        return assertThrows(TrapException.class, () -> cvt(FCVT_TO_SINT, from, to, a)).trapCode();
    }

    @Test
    void floatToIntTruncatesAndTrapsExactlyAtTheBounds() {
        assertEquals(TrapCode.BAD_CONVERSION, cvtTrap(F64, I64, dd(9.223372036854775807E18))); // == 2^63
        assertEquals(Long.MIN_VALUE, cvt(FCVT_TO_SINT, F64, I64, dd(-9.223372036854775808E18)));
        assertEquals(TrapCode.BAD_CONVERSION, cvtTrap(F64, I64, dd(Math.nextDown(-9.223372036854775808E18))));
        assertEquals(9223372036854774784L, cvt(FCVT_TO_SINT, F64, I64, dd(Math.nextDown(9.223372036854775807E18))));
        assertEquals(TrapCode.BAD_CONVERSION, cvtTrap(F64, I64, dd(Double.NaN)));
        assertEquals(TrapCode.BAD_CONVERSION, cvtTrap(F64, I64, dd(Double.POSITIVE_INFINITY)));
        assertEquals(Integer.MAX_VALUE, cvt(FCVT_TO_SINT, F64, I32, dd(2147483647.9)));
        assertEquals(TrapCode.BAD_CONVERSION, cvtTrap(F64, I32, dd(2147483648.0)));
        assertEquals(Integer.MIN_VALUE, cvt(FCVT_TO_SINT, F64, I32, dd(-2147483648.9)));
        assertEquals(TrapCode.BAD_CONVERSION, cvtTrap(F64, I32, dd(-2147483649.0)));
        assertEquals(127, cvt(FCVT_TO_SINT, F64, I8, dd(127.99)));
        assertEquals(TrapCode.BAD_CONVERSION, cvtTrap(F64, I8, dd(128)));
        assertEquals(-128, cvt(FCVT_TO_SINT, F32, I8, Bits.ofFloat(-128.5f)));
        assertEquals(0, cvt(FCVT_TO_SINT, F64, I16, dd(-0.99)));
        assertEquals(TrapCode.BAD_CONVERSION, cvtTrap(F32, I32, Bits.ofFloat(2147483648f)));
        assertEquals(Integer.MIN_VALUE, cvt(FCVT_TO_SINT, F32, I32, Bits.ofFloat(-2147483648f)));
        assertEquals(TrapCode.BAD_CONVERSION, cvtTrap(F32, I64, Bits.ofFloat(Float.NaN)));
    }

    @Test
    void conversions() {
        assertEquals(dd(9007199254740992.0), cvt(FCVT_FROM_SINT, I64, F64, 9007199254740993L)); // ties to even
        assertEquals(Bits.ofFloat(16777216f), cvt(FCVT_FROM_SINT, I64, F32, 16777217L));
        assertEquals(Bits.ofFloat(-128f), cvt(FCVT_FROM_SINT, I8, F32, -128));
        // Rounded once from the integer, not through double: 2^60 + 2^36 + 1 rounds up in f32.
        long x = (1L << 60) + (1L << 36) + 1;
        assertEquals(Bits.ofFloat((float) x), cvt(FCVT_FROM_SINT, I64, F32, x));
        assertEquals(-1, cvt(SEXTEND, I8, I64, -1));
        assertEquals(255, cvt(UEXTEND, I8, I64, -1));
        assertEquals(65535, cvt(UEXTEND, I16, I32, -1));
        assertEquals(0xFFFF_FFFFL, cvt(UEXTEND, I32, I64, -1));
        assertEquals(-1, cvt(IREDUCE, I64, I8, 0x1FF));
        assertEquals(0x7FFF, cvt(IREDUCE, I32, I16, 0x3_7FFF));
        assertEquals(dd(0.1f), cvt(FPROMOTE, F32, F64, Bits.ofFloat(0.1f)));
        assertEquals(Bits.ofFloat(0.1f), cvt(FDEMOTE, F64, F32, dd(0.1)));
        assertEquals(Bits.ofFloat(Float.POSITIVE_INFINITY), cvt(FDEMOTE, F64, F32, dd(1e300)));
        assertEquals(-0x4080_0000L, cvt(BITCAST, F32, I32, Bits.ofFloat(-1f))); // 0xBF800000 sign-extended
        assertEquals(Bits.ofFloat(-1f), cvt(BITCAST, I32, F32, 0xBF80_0000L));
        assertEquals(0x7FF0_0000_0000_0001L, cvt(BITCAST, I64, F64, 0x7FF0_0000_0000_0001L));
        assertEquals(0x7FF0_0000_0000_0001L, cvt(BITCAST, F64, I64, 0x7FF0_0000_0000_0001L));
    }

    @Test
    void selectAndCompares() {
        Interpreter sel = Fns.one(I64, List.of(I8, I64, I64), (fb, p) -> fb.select(p.get(0), p.get(1), p.get(2)));
        assertEquals(10, sel.call("f", -128, 10, 20)[0]);
        assertEquals(20, sel.call("f", 0, 10, 20)[0]);
        Interpreter ult = Fns.one(I8, List.of(I8, I8), (fb, p) -> fb.icmp(org.pyjit.ir.IntCC.ULT, p.get(0), p.get(1)));
        assertEquals(0, ult.call("f", -1, 1)[0]); // 255 < 1 is false
        assertEquals(1, ult.call("f", 127, -128)[0]); // 127 < 128
        Interpreter imm = Fns.one(I8, List.of(I16), (fb, p) -> fb.icmpImm(org.pyjit.ir.IntCC.UGT, p.get(0), 65535));
        assertEquals(0, imm.call("f", -1)[0]); // 65535 > 65535 is false
    }

    @Test
    void semanticsRejectsOpcodesOfOtherFormats() {
        assertThrows(IllegalArgumentException.class, () -> Semantics.binary(Opcode.JUMP, I64, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> Semantics.unary(Opcode.IADD, I64, 1));
        assertThrows(IllegalArgumentException.class, () -> Semantics.convert(Opcode.IADD, I64, I32, 1));
    }
}
