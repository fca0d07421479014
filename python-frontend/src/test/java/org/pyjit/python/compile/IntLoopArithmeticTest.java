package org.pyjit.python.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pyjit.codegen.CompiledModule;
import org.pyjit.codegen.Jit;
import org.pyjit.ir.Block;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.Signature;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;

/**
 * The int-loop operators compiled to machine code for this host and run on operand pairs at and
 * around every boundary (0, ±1, ±2^k, ±2^k±1, INT64_MIN/MAX) plus seeded random ones, against
 * Python's semantics computed with {@link BigInteger}: the exact result when it fits in i64 and
 * Python does not raise, else the exit (overflow, or raises for a zero divisor or a negative
 * shift count). Each operator is also compiled with every sample as a constant right operand (the
 * folded paths: power-of-two divisors, constant shift counts).
 */
class IntLoopArithmeticTest {

    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);
    /** Exit codes of the compiled functions; results are returned separately. */
    private static final long NO_EXIT = 0;
    private static final List<Long> SAMPLES = samples();
    private static final List<Long> CONSTANTS = List.of(0L, 1L, -1L, 2L, -2L, 3L, -3L, 7L, -7L, 8L, 16L, 1000L,
            62L, 63L, 64L, 65L, 1L << 59, Long.MIN_VALUE, Long.MAX_VALUE);

    private static CompiledModule compiled;

    /** The outcome of {@code l op r}: a value, or the way the loop leaves. */
    private record Outcome(long value, IntLoopArithmetic.Leave leave) {
        static Outcome of(BigInteger exact) {
            return exact.compareTo(MIN) < 0 || exact.compareTo(MAX) > 0
                    ? new Outcome(0, IntLoopArithmetic.Leave.OVERFLOW) : new Outcome(exact.longValueExact(), null);
        }

        static final Outcome RAISES = new Outcome(0, IntLoopArithmetic.Leave.RAISES);
    }

    private static List<Long> samples() {
        List<Long> s = new ArrayList<>(List.of(0L, 1L, -1L, 2L, -2L, 3L, -3L, 7L, -7L, 1000L, -1000L,
                Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1));
        for (int k = 1; k < 63; k += k < 8 ? 1 : 7) {
            for (long v : new long[] {1L << k, (1L << k) - 1, (1L << k) + 1}) {
                s.add(v);
                s.add(-v);
            }
        }
        for (long v : new long[] {1L << 62, (1L << 62) - 1, 1L << 60, (1L << 60) - 1, 3037000499L, 3037000500L}) {
            s.add(v);
            s.add(-v);
        }
        Random random = new Random(20261126);
        for (int k = 0; k < 40; k++) {
            s.add(random.nextLong() >> random.nextInt(64));
        }
        return List.copyOf(s);
    }

    /** Python's {@code l op r} on ints. */
    private static Outcome python(IntLoopArithmetic.Binary op, long left, long right) {
        BigInteger l = BigInteger.valueOf(left);
        BigInteger r = BigInteger.valueOf(right);
        return switch (op) {
            case ADD -> Outcome.of(l.add(r));
            case SUBTRACT -> Outcome.of(l.subtract(r));
            case MULTIPLY -> Outcome.of(l.multiply(r));
            case AND -> Outcome.of(l.and(r));
            case OR -> Outcome.of(l.or(r));
            case XOR -> Outcome.of(l.xor(r));
            case RSHIFT -> right < 0 ? Outcome.RAISES : Outcome.of(l.shiftRight((int) Math.min(right, 1000)));
            case LSHIFT -> right < 0 ? Outcome.RAISES : left == 0 ? Outcome.of(BigInteger.ZERO)
                    : right >= 64 ? new Outcome(0, IntLoopArithmetic.Leave.OVERFLOW) : Outcome.of(l.shiftLeft((int) right));
            case FLOOR_DIVIDE -> right == 0 ? Outcome.RAISES : Outcome.of(floorDivide(l, r));
            case REMAINDER -> right == 0 ? Outcome.RAISES : Outcome.of(l.subtract(r.multiply(floorDivide(l, r))));
        };
    }

    private static BigInteger floorDivide(BigInteger l, BigInteger r) {
        BigInteger[] qr = l.divideAndRemainder(r);
        return qr[1].signum() != 0 && qr[1].signum() != r.signum() ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    private static Outcome python(IntLoopArithmetic.Unary op, long v) {
        return switch (op) {
            case NEGATIVE -> Outcome.of(BigInteger.valueOf(v).negate());
            case INVERT -> Outcome.of(BigInteger.valueOf(v).not());
        };
    }

    private static String name(String kind, Enum<?> op, OptionalLong constant) {
        return kind + "_" + op.name() + constant.stream().mapToObj(c -> "_c" + Long.toUnsignedString(c)).findFirst()
                .orElse("");
    }

    /**
     * {@code (l, r) -> result} (0 when leaving) or {@code (l, r) -> exit code} (0 when not leaving,
     * else 1 + the {@link IntLoopArithmetic.Leave} ordinal).
     */
    private static IrFunction function(String name, boolean exitCode,
                                       Function<FunctionBuilder, Function<List<Value>, Value>> operator) {
        return FunctionBuilder.build(name, Signature.of(Type.I64, Type.I64, Type.I64), b -> {
            Block entry = b.createBlock();
            List<Value> params = b.appendEntryParams(entry);
            b.switchToBlock(entry);
            Value result = operator.apply(b).apply(params);
            b.ret(exitCode ? b.iconst(Type.I64, NO_EXIT) : result);
        });
    }

    private static IntLoopArithmetic.Exits exits(FunctionBuilder b, boolean exitCode) {
        return (holds, why) -> {
            Block leave = b.createBlock();
            Block stay = b.createBlock();
            b.brif(holds, leave, stay);
            b.switchToBlock(leave);
            b.ret(b.iconst(Type.I64, exitCode ? 1 + why.ordinal() : 0));
            b.switchToBlock(stay);
        };
    }

    @BeforeAll
    static void compile() {
        List<IrFunction> functions = new ArrayList<>();
        for (boolean exitCode : new boolean[] {false, true}) {
            String kind = exitCode ? "exit" : "value";
            for (IntLoopArithmetic.Binary op : IntLoopArithmetic.Binary.values()) {
                List<OptionalLong> variants = new ArrayList<>(List.of(OptionalLong.empty()));
                CONSTANTS.forEach(c -> variants.add(OptionalLong.of(c)));
                for (OptionalLong constant : variants) {
                    functions.add(function(name(kind, op, constant), exitCode, b -> params -> {
                        Value right = constant.isPresent() ? b.iconst(Type.I64, constant.getAsLong()) : params.get(1);
                        return new IntLoopArithmetic(b).binary(op, params.get(0), right, constant, exits(b, exitCode));
                    }));
                }
            }
            for (IntLoopArithmetic.Unary op : IntLoopArithmetic.Unary.values()) {
                functions.add(function(name(kind, op, OptionalLong.empty()), exitCode,
                        b -> params -> new IntLoopArithmetic(b).unary(op, params.get(0), exits(b, exitCode))));
            }
        }
        compiled = Jit.host().compile(new IrModule(functions));
    }

    @AfterAll
    static void release() {
        compiled.close();
    }

    private static Outcome run(Enum<?> op, OptionalLong constant, long l, long r) {
        long exit = compiled.function(name("exit", op, constant)).call(l, r);
        long value = compiled.function(name("value", op, constant)).call(l, r);
        return exit == NO_EXIT ? new Outcome(value, null)
                : new Outcome(0, IntLoopArithmetic.Leave.values()[(int) exit - 1]);
    }

    @ParameterizedTest
    @EnumSource(IntLoopArithmetic.Binary.class)
    void binaryOperatorsArePythonsOrLeave(IntLoopArithmetic.Binary op) {
        for (long l : SAMPLES) {
            for (long r : SAMPLES) {
                Outcome expected = python(op, l, r);
                assertEquals(expected, run(op, OptionalLong.empty(), l, r), () -> l + " " + op + " " + r);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(IntLoopArithmetic.Binary.class)
    void constantRightOperandsFoldToTheSameResults(IntLoopArithmetic.Binary op) {
        for (long c : CONSTANTS) {
            for (long l : SAMPLES) {
                Outcome expected = python(op, l, c);
                assertEquals(expected, run(op, OptionalLong.of(c), l, 0), () -> l + " " + op + " const " + c);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(IntLoopArithmetic.Unary.class)
    void unaryOperatorsArePythonsOrLeave(IntLoopArithmetic.Unary op) {
        for (long v : SAMPLES) {
            assertEquals(python(op, v), run(op, OptionalLong.empty(), v, 0), () -> op + " " + v);
        }
    }

    @Test
    void everyNumberOpIsClassified() {
        // In-place forms map to their operator; true division, power and @ stay generic.
        long ints = Stream.of(NumberOp.values()).filter(n -> IntLoopArithmetic.Binary.of(n).isPresent()).count();
        assertEquals(20, ints);
        assertEquals(IntLoopArithmetic.Binary.FLOOR_DIVIDE, IntLoopArithmetic.Binary.of(NumberOp.INPLACE_FLOOR_DIVIDE)
                .orElseThrow());
        assertTrue(IntLoopArithmetic.Binary.of(NumberOp.TRUE_DIVIDE).isEmpty());
    }
}
