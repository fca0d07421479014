package org.pyjit.ir.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pyjit.ir.Signature;
import org.pyjit.ir.TrapCode;
import org.pyjit.ir.Type;
import org.pyjit.ir.interp.Bits;

/** Run-line syntax, value notation and expectation matching. */
class RunLineTest {
    static final Signature F64_F64 = Signature.of(Type.F64, Type.F64);
    static final Signature I8_I8 = Signature.of(Type.I8, Type.I8);

    @Test
    void parsesCallsAndExpectations() {
        List<RunLine> runs = RunLine.parseAll("""
                ; run: %f(1, -2) == 3
                  ;run:%g() == trap user7
                ; run: %h(0x10)
                ; run: %v(1.5) == void
                ; not a run line: %f(1)
                """);
        assertEquals(4, runs.size());
        assertEquals(new RunLine(1, "f", List.of("1", "-2"), new Expectation.Value("3")), runs.get(0));
        assertEquals(new RunLine(2, "g", List.of(), new Expectation.Trap(TrapCode.user(7))), runs.get(1));
        assertEquals(new Expectation.NoTrap(), runs.get(2).expected());
        assertEquals(new Expectation.Void(), runs.get(3).expected());
        assertEquals("%f(1, -2) == 3", runs.get(0).text());
    }

    @Test
    void rejectsMalformedLines() {
        assertEquals(3, assertThrows(RunLineException.class, () -> RunLine.parseAll("\n\n; run: f(1)")).line());
        assertThrows(RunLineException.class, () -> RunLine.parse(1, "%f(1,) == 2"));
        assertThrows(RunLineException.class, () -> RunLine.parse(1, "%f(1) == trap nonsense"));
        assertThrows(RunLineException.class, () -> RunLine.parse(1, "%f(1) == 1 2"));
        assertThrows(RunLineException.class, () -> RunLine.parse(1, "%f(1)").arguments(Signature.of(Type.I64)));
        assertThrows(RunLineException.class, () -> RunLine.parse(1, "%f(256)").arguments(I8_I8));
    }

    @Test
    void valuesAreReadPerType() {
        assertEquals(-1, ValueText.parse("255", Type.I8));
        assertEquals(-1, ValueText.parse("0xFF", Type.I8));
        assertEquals(-128, ValueText.parse("-128", Type.I8));
        assertThrows(IllegalArgumentException.class, () -> ValueText.parse("-129", Type.I8));
        assertThrows(IllegalArgumentException.class, () -> ValueText.parse("0x100", Type.I8));
        assertEquals(Long.MIN_VALUE, ValueText.parse("9223372036854775808", Type.I64));
        assertEquals(-1, ValueText.parse("18446744073709551615", Type.I64));
        assertThrows(IllegalArgumentException.class, () -> ValueText.parse("1.0", Type.I32));
        assertEquals(Bits.ofDouble(1.0), ValueText.parse("1", Type.F64));
        assertEquals(Bits.ofDouble(-0.0), ValueText.parse("-0.0", Type.F64));
        assertEquals(Bits.ofFloat(0.1f), ValueText.parse("0.1", Type.F32));
        assertEquals(Bits.ofDouble(3.0), ValueText.parse("0x1.8p1", Type.F64));
        assertEquals(Bits.ofDouble(Double.NEGATIVE_INFINITY), ValueText.parse("-inf", Type.F64));
        assertEquals(0x7FF0_0000_0000_0001L, ValueText.parse("nan:0x7ff0000000000001", Type.F64));
        assertThrows(IllegalArgumentException.class, () -> ValueText.parse("nan:0x3ff0000000000000", Type.F64));
        assertThrows(IllegalArgumentException.class, () -> ValueText.parse("Infinity", Type.F64));
        assertThrows(IllegalArgumentException.class, () -> ValueText.parse("1.5f", Type.F32));
    }

    @Test
    void valuesAreWrittenPerType() {
        assertEquals("-1", ValueText.format(0xFF, Type.I8));
        assertEquals("-0.0", ValueText.format(Bits.ofDouble(-0.0), Type.F64));
        assertEquals("0.1", ValueText.format(Bits.ofFloat(0.1f), Type.F32));
        assertEquals("-inf", ValueText.format(Bits.ofFloat(Float.NEGATIVE_INFINITY), Type.F32));
        assertEquals("nan", ValueText.format(Bits.ofDouble(Double.NaN), Type.F64));
        assertEquals("nan:0xfff8000000000000", ValueText.format(0xFFF8_0000_0000_0000L, Type.F64));
        assertEquals("nan:0x7fc00001", ValueText.format(0x7FC0_0001L, Type.F32));
    }

    @Test
    void floatsCompareByBitsExceptAnyNaN() {
        Expectation negZero = new Expectation.Value("-0.0");
        assertNull(negZero.mismatch(F64_F64, new Outcome.Returned(new long[] {Bits.ofDouble(-0.0)})));
        assertEquals("expected -0.0, got 0.0", negZero.mismatch(F64_F64, new Outcome.Returned(new long[] {0})));
        Expectation nan = new Expectation.Value("nan");
        assertNull(nan.mismatch(F64_F64, new Outcome.Returned(new long[] {0xFFF8_0000_0000_0001L})));
        assertEquals("expected nan, got 1.0", nan.mismatch(F64_F64, new Outcome.Returned(new long[] {Bits.ofDouble(1)})));
        Expectation exactNaN = new Expectation.Value("nan:0x7ff8000000000001");
        assertEquals("expected nan:0x7ff8000000000001, got nan",
                exactNaN.mismatch(F64_F64, new Outcome.Returned(new long[] {Bits.ofDouble(Double.NaN)})));
        assertEquals("expected 3, got trap int_divz",
                new Expectation.Value("3").mismatch(I8_I8, new Outcome.Trapped(TrapCode.INT_DIVZ)));
        assertNull(new Expectation.Value("255").mismatch(I8_I8, new Outcome.Returned(new long[] {-1})));
        assertEquals("expected no trap, got trap user1",
                new Expectation.NoTrap().mismatch(I8_I8, new Outcome.Trapped(TrapCode.user(1))));
        assertEquals("expected trap int_divz, got 5",
                new Expectation.Trap(TrapCode.INT_DIVZ).mismatch(I8_I8, new Outcome.Returned(new long[] {5})));
    }

    @Test
    void goldenDirectoryIsFoundFromTheModule() {
        assertEquals(true, java.nio.file.Files.isDirectory(GoldenFile.defaultDirectory()));
    }
}
