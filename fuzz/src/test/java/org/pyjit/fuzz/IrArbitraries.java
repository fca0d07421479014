package org.pyjit.fuzz;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.ListArbitrary;
import org.pyjit.fuzz.gen.BufferLayout;
import org.pyjit.fuzz.gen.FunctionSpec;
import org.pyjit.fuzz.gen.ProgramSpec;
import org.pyjit.fuzz.gen.Stmt;
import org.pyjit.ir.Type;
import org.pyjit.ir.interp.Bits;

/**
 * jqwik generators of {@link FuzzInput}s. Programs are lists of {@link Stmt}s whose operands are
 * selectors, so jqwik's list and integer shrinking (drop statements, drop functions, selectors
 * toward 0, types toward {@code i8}) always yields buildable, valid, smaller programs.
 */
final class IrArbitraries {
    /** Argument runs per generated program. */
    static final int RUNS = 6;

    private static final List<Type> INT_TYPES = List.of(Type.I8, Type.I16, Type.I32, Type.I64);

    private IrArbitraries() {
    }

    /** Inputs under {@code config}. */
    static Arbitrary<FuzzInput> inputs(FuzzConfig config) {
        Arbitrary<List<List<Long>>> pools = rawArgument().list().ofSize(10).list().ofSize(RUNS);
        return Combinators.combine(program(config), pools).as((p, a) -> new FuzzInput(config, p, a));
    }

    /** Inputs under the default, integer-only and high-pressure configurations (shrinks to default). */
    static Arbitrary<FuzzInput> mixedInputs() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, inputs(FuzzConfig.defaults())),
                Tuple.of(2, inputs(FuzzConfig.integerOnly())),
                Tuple.of(2, inputs(FuzzConfig.highPressure())));
    }

    static Arbitrary<ProgramSpec> program(FuzzConfig c) {
        return function(c).list().ofMinSize(1).ofMaxSize(c.maxFunctions()).map(ProgramSpec::new).withoutEdgeCases();
    }

    static Arbitrary<FunctionSpec> function(FuzzConfig c) {
        Arbitrary<List<Type>> params = type(c).list().ofMaxSize(c.maxParams());
        Arbitrary<Integer> slots = c.stackSlots() ? Arbitraries.integers().between(0, 2) : Arbitraries.just(0);
        Arbitrary<Integer> pressure = Arbitraries.integers().between(0, c.pressure());
        return Combinators.combine(params, type(c), slots, pressure, body(c, 0, c.maxStmts()), selector())
                .as(FunctionSpec::new);
    }

    /**
     * A body of up to {@code size} statements. The top level draws its length toward the maximum
     * ({@link LongerBodies}) so few tries are spent on near-empty functions; nested bodies stay
     * uniform so loops do not multiply long bodies. Shrinking still removes statements down to none.
     */
    private static Arbitrary<List<Stmt>> body(FuzzConfig c, int depth, int size) {
        ListArbitrary<Stmt> list = statement(c, depth).list().ofMaxSize(size);
        return depth == 0 ? list.withSizeDistribution(new LongerBodies()) : list.withSizeDistribution(RandomDistribution.uniform());
    }

    /** One statement; nested regions only below {@link FuzzConfig#maxDepth()}. */
    static Arbitrary<Stmt> statement(FuzzConfig c, int depth) {
        List<Tuple.Tuple2<Integer, Arbitrary<Stmt>>> options = new ArrayList<>();
        Arbitrary<Type> type = type(c);
        Arbitrary<Integer> s = operand();
        Arbitrary<Integer> op = selector();
        options.add(Tuple.of(3, up(Combinators.combine(type, rawArgument()).as(Stmt.Constant::new))));
        options.add(Tuple.of(10, up(Combinators.combine(type, op, s, s).as(Stmt.Arith::new))));
        options.add(Tuple.of(5, up(Combinators.combine(intType(), op, s, immediate()).as(Stmt.ArithImm::new))));
        options.add(Tuple.of(3, up(Combinators.combine(type, op, s).as(Stmt.Unary::new))));
        options.add(Tuple.of(3, up(Combinators.combine(intType(), op, s, s, guarded(c)).as(Stmt.Divide::new))));
        options.add(Tuple.of(5, up(Combinators.combine(type, op, s, s).as(Stmt.Compare::new))));
        options.add(Tuple.of(3, up(Combinators.combine(intType(), op, s, immediate()).as(Stmt.CompareImm::new))));
        options.add(Tuple.of(4, up(Combinators.combine(type, s, s, s).as(Stmt.Choose::new))));
        options.add(Tuple.of(3, up(Combinators.combine(intType(), op, s, s).as(Stmt.Overflow::new))));
        options.add(Tuple.of(5, up(Combinators.combine(type, type, op, s, mayTrap(c)).as(Stmt.Convert::new))));
        options.add(Tuple.of(6, up(Combinators.combine(op, s).as(Stmt.Assign::new))));
        if (c.memory()) {
            Arbitrary<Integer> off = Arbitraries.integers().between(0, BufferLayout.DATA_SIZE);
            options.add(Tuple.of(4, up(Combinators.combine(type, Arbitraries.of(true, false), s, off).as(Stmt.Load::new))));
            options.add(Tuple.of(4, up(Combinators.combine(type, s, Arbitraries.of(true, false), s, off)
                    .as(Stmt.Store::new))));
        }
        if (c.stackSlots()) {
            options.add(Tuple.of(3, up(Combinators.combine(type, op, Arbitraries.integers().between(0, 31),
                    Arbitraries.of(true, false), s).as(Stmt.SlotAccess::new))));
        }
        if (c.calls()) {
            options.add(Tuple.of(3, up(Combinators.combine(op, s, Arbitraries.of(false, true)).as(Stmt.Call::new))));
        }
        if (c.natives()) {
            options.add(Tuple.of(2, up(Combinators.combine(op, s).as(Stmt.NativeCall::new))));
        }
        if (c.trapRate() > 0) {
            options.add(Tuple.of(1, up(Combinators.combine(s, Arbitraries.integers().between(0, 3)).as(Stmt.TrapIf::new))));
        }
        if (depth < c.maxDepth()) {
            int inner = Math.max(1, c.maxStmts() / 2);
            Arbitrary<List<Stmt>> nested = Arbitraries.lazy(() -> body(c, depth + 1, inner));
            options.add(Tuple.of(3, up(Combinators.combine(s, nested, nested).as(Stmt.If::new))));
            options.add(Tuple.of(3, up(Combinators.combine(Arbitraries.integers().between(0, c.maxLoopTrips()),
                    Arbitraries.of(false, true), s, nested).as(Stmt.Loop::new))));
            options.add(Tuple.of(1, up(Combinators.combine(s, Arbitraries.of(true, false),
                    nested.list().ofMinSize(1).ofMaxSize(4)).as(Stmt.Switch::new))));
        }
        return Arbitraries.frequencyOf(options);
    }

    private static Arbitrary<Stmt> up(Arbitrary<? extends Stmt> a) {
        return a.map(x -> x);
    }

    private static Arbitrary<Type> type(FuzzConfig c) {
        return c.floats() ? Arbitraries.of(Type.values()) : intType();
    }

    private static Arbitrary<Type> intType() {
        return Arbitraries.of(INT_TYPES);
    }

    /** Opcode, condition, variable and callee selectors: small, shrinking toward 0. */
    private static Arbitrary<Integer> selector() {
        return Arbitraries.integers().between(0, 31);
    }

    /**
     * Operand selectors (see {@link Stmt#CONSTANT_OPERAND}): mostly one of the last few results, so
     * results feed later operations; often any computed value; two in eleven a constant, which keeps
     * the immediate forms of the backends covered. Shrinks toward 0, the most recent result.
     */
    static Arbitrary<Integer> operand() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.integers().between(0, 3)),
                Tuple.of(4, Arbitraries.integers().between(0, Stmt.CONSTANT_OPERAND - 1)),
                Tuple.of(2, Arbitraries.integers().between(Stmt.CONSTANT_OPERAND, Stmt.CONSTANT_OPERAND + 7)));
    }

    private static Arbitrary<Boolean> guarded(FuzzConfig c) {
        return Arbitraries.integers().between(0, 99).map(p -> p >= c.trapRate());
    }

    private static Arbitrary<Boolean> mayTrap(FuzzConfig c) {
        return Arbitraries.integers().between(0, 99).map(p -> p < c.trapRate());
    }

    /** Immediates: edge values weighted, shift-sized numbers, any long. */
    static Arbitrary<Long> immediate() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(0L, 1L, -1L, 2L, Long.MIN_VALUE, Long.MAX_VALUE, 0x7FL, 0x80L, 0xFFL,
                        (long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE, 0xFFFF_FFFFL)),
                Tuple.of(3, Arbitraries.longs().between(-70, 70)),
                Tuple.of(2, Arbitraries.longs()));
    }

    /**
     * Raw argument and constant bits, edge values weighted: integer extremes of every width, and
     * float patterns (±0, ±∞, NaN, small numbers) of both widths.
     */
    static Arbitrary<Long> rawArgument() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, (long) Integer.MIN_VALUE,
                        (long) Integer.MAX_VALUE, (long) Short.MIN_VALUE, (long) Short.MAX_VALUE, -128L, 127L, 255L,
                        0xFFFF_FFFFL, 0x8000_0000L)),
                Tuple.of(3, Arbitraries.of(Bits.ofDouble(Double.NaN), Bits.ofDouble(-0.0), Bits.ofDouble(0.0),
                        Bits.ofDouble(Double.POSITIVE_INFINITY), Bits.ofDouble(Double.NEGATIVE_INFINITY),
                        Bits.ofDouble(1.5), Bits.ofDouble(-2.5), Bits.ofDouble(9.3e18), Bits.ofDouble(-9.3e18),
                        Bits.ofDouble(Double.MIN_VALUE), Bits.ofDouble(2147483647.5),
                        Bits.ofFloat(Float.NaN), Bits.ofFloat(-0.0f), Bits.ofFloat(Float.POSITIVE_INFINITY),
                        Bits.ofFloat(Float.NEGATIVE_INFINITY), Bits.ofFloat(3.5f), Bits.ofFloat(-1e10f))),
                Tuple.of(2, Arbitraries.longs().between(-1000, 1000)),
                Tuple.of(2, Arbitraries.longs()));
    }
}
