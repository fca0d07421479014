package org.pyjit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import org.pyjit.fuzz.gen.FunctionSpec;
import org.pyjit.fuzz.gen.ProgramBuilder;
import org.pyjit.fuzz.gen.ProgramSpec;
import org.pyjit.fuzz.gen.Stmt;
import org.pyjit.fuzz.harness.Case;
import org.pyjit.fuzz.harness.InterpreterRun;
import org.pyjit.fuzz.harness.Outcome;
import org.pyjit.fuzz.harness.TestBuffer;
import org.pyjit.ir.BasicBlock;
import org.pyjit.ir.Inst;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;

/**
 * The generators are not degenerate: over a fixed sample they cover every opcode family the
 * brief asks for, most runs return rather than trap, dropping any statement from a body (what the
 * shrinker does) still builds a valid module, binary operations mostly combine two distinct
 * computed values (constants stay in the mix), every result reaches an observable output, and
 * few functions are near-empty.
 */
class GeneratorTest {

    private static List<FuzzInput> sample(Arbitrary<FuzzInput> a, int n) {
        return a.generator(1000).stream(new Random(42)).limit(n).map(s -> s.value()).toList();
    }

    @Example
    void sampleCoversTheOpcodeFamilies() {
        Map<Opcode, Integer> seen = new EnumMap<>(Opcode.class);
        for (FuzzInput in : sample(IrArbitraries.inputs(FuzzConfig.defaults()), 400)) {
            for (IrFunction f : in.module().functions()) {
                for (BasicBlock b : f.blocks()) {
                    for (Inst i : b.insts()) {
                        seen.merge(i.opcode(), 1, Integer::sum);
                    }
                }
            }
        }
        for (Opcode op : List.of(Opcode.IADD, Opcode.FADD, Opcode.SDIV, Opcode.UREM, Opcode.ROTR, Opcode.ICMP,
                Opcode.FCMP, Opcode.SELECT, Opcode.IMUL_OVERFLOW, Opcode.SEXTEND, Opcode.FCVT_TO_SINT,
                Opcode.FCVT_FROM_SINT, Opcode.BITCAST, Opcode.FDEMOTE, Opcode.LOAD, Opcode.STORE, Opcode.STACK_ADDR,
                Opcode.CALL, Opcode.CALL_INDIRECT, Opcode.FUNC_ADDR, Opcode.BRIF, Opcode.BR_TABLE, Opcode.TRAP,
                Opcode.SQRT, Opcode.FMIN)) {
            assertTrue(seen.containsKey(op), () -> op + " never generated; seen " + seen.keySet());
        }
    }

    @Example
    void mostRunsReturn() {
        Map<String, Integer> kinds = new HashMap<>();
        try (TestBuffer buffer = new TestBuffer()) {
            for (FuzzInput in : sample(IrArbitraries.mixedInputs(), 300)) {
                InterpreterRun run = new InterpreterRun(in.module(), buffer);
                for (Case c : in.cases()) {
                    buffer.reset(c.seed());
                    long[] args = new long[c.args().length + 1];
                    args[0] = buffer.base();
                    System.arraycopy(c.args(), 0, args, 1, c.args().length);
                    Outcome o = run.call(ProgramSpec.entry(), args);
                    kinds.merge(o instanceof Outcome.Trapped t ? t.code().text() : "returned", 1, Integer::sum);
                }
            }
        }
        int total = kinds.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("generator outcomes: " + kinds);
        assertTrue(kinds.getOrDefault("returned", 0) * 2 > total, () -> "mostly traps: " + kinds);
        assertEquals(null, kinds.get("step_limit"));
        assertEquals(null, kinds.get("heap_oob"));
    }

    @Example
    void everyShorterBodyStillBuilds() {
        for (FuzzInput in : sample(IrArbitraries.inputs(FuzzConfig.defaults()), 60)) {
            FunctionSpec f = in.program().functions().get(0);
            for (int drop = 0; drop < f.body().size(); drop++) {
                List<Stmt> body = new java.util.ArrayList<>(f.body());
                body.remove(drop);
                List<FunctionSpec> fs = new java.util.ArrayList<>(in.program().functions());
                fs.set(0, new FunctionSpec(f.params(), f.returns(), f.slots(), f.pressure(), body, f.result()));
                IrModule m = ProgramBuilder.build(new ProgramSpec(fs));
                Checks.verifies(m);
            }
        }
    }

    @Example
    void typesOfEveryWidthAppear() {
        Map<Type, Integer> results = new EnumMap<>(Type.class);
        for (FuzzInput in : sample(IrArbitraries.inputs(FuzzConfig.defaults()), 100)) {
            for (IrFunction f : in.module().functions()) {
                f.blocks().forEach(b -> b.insts().forEach(i -> i.results().forEach(v -> results.merge(v.type(), 1, Integer::sum))));
            }
        }
        assertEquals(Type.values().length, results.size(), results::toString);
    }

    /**
     * The operand shape that lets a swapped or misread operand show: an injected bug that swapped
     * the operands of a register-register {@code isub} survived 1000 tries when most second operands
     * were constants (folded into immediates, so the buggy form was never emitted). Now at least
     * 60% of binary operations have two distinct non-constant operands, and at least 3% still have a
     * constant one, so the immediate forms stay covered.
     */
    @Example
    void binaryOperandsAreMostlyDistinctComputedValues() {
        Set<Opcode> binary = Set.of(Opcode.IADD, Opcode.ISUB, Opcode.IMUL, Opcode.BAND, Opcode.BOR, Opcode.BXOR,
                Opcode.ISHL, Opcode.USHR, Opcode.SSHR, Opcode.ROTL, Opcode.ROTR, Opcode.FADD, Opcode.FSUB,
                Opcode.FMUL, Opcode.FDIV, Opcode.FMIN, Opcode.FMAX, Opcode.ICMP, Opcode.FCMP);
        int total = 0;
        int distinctComputed = 0;
        int withConstant = 0;
        for (FuzzInput in : sample(IrArbitraries.inputs(FuzzConfig.defaults()), 200)) {
            for (IrFunction f : in.module().functions()) {
                Set<Value> constants = new HashSet<>();
                Set<Value> canonicalisers = new HashSet<>();
                for (BasicBlock b : f.blocks()) {
                    for (Inst i : b.insts()) {
                        switch (i.opcode()) {
                            case ICONST, F32CONST, F64CONST -> constants.addAll(i.results());
                            default -> { }
                        }
                    }
                }
                for (BasicBlock b : f.blocks()) {
                    for (Inst i : b.insts()) {
                        // fcmp uno v, v is the generator's own NaN canonicalisation, not a generated compare
                        if (!binary.contains(i.opcode()) || (i.opcode() == Opcode.FCMP && i.arg(0).equals(i.arg(1)))) {
                            continue;
                        }
                        total++;
                        boolean c = constants.contains(i.arg(0)) || constants.contains(i.arg(1));
                        if (c) {
                            withConstant++;
                        } else if (!i.arg(0).equals(i.arg(1))) {
                            distinctComputed++;
                        }
                    }
                }
            }
        }
        String counts = total + " binary, " + distinctComputed + " distinct computed, " + withConstant + " with a constant";
        System.out.println("generator operands: " + counts);
        assertTrue(distinctComputed * 10 >= total * 6, counts);
        assertTrue(withConstant * 100 >= total * 3, counts);
    }

    /**
     * No generated result is dead: every value an instruction defines (but constants and the entry
     * inputs, which only feed others) is used by an instruction or passed to a block, because unused
     * results are folded into the sink the epilogue stores. A wrong result therefore always reaches
     * memory or the return value.
     */
    @Example
    void everyResultIsUsed() {
        int results = 0;
        for (FuzzInput in : sample(IrArbitraries.inputs(FuzzConfig.defaults()), 100)) {
            for (IrFunction f : in.module().functions()) {
                Set<Value> used = new HashSet<>();
                for (BasicBlock b : f.blocks()) {
                    for (Inst i : b.insts()) {
                        used.addAll(i.args());
                        i.targets().forEach(t -> used.addAll(t.args()));
                    }
                }
                for (BasicBlock b : f.blocks()) {
                    for (Inst i : b.insts()) {
                        switch (i.opcode()) {
                            case ICONST, F32CONST, F64CONST, LOAD -> { }
                            default -> {
                                for (Value v : i.results()) {
                                    results++;
                                    assertTrue(used.contains(v), () -> v + " of " + i + " is never used in\n" + org.pyjit.ir.text.IrPrinter.print(in.module()));
                                }
                            }
                        }
                    }
                }
            }
        }
        assertTrue(results > 1000, "too few results to mean anything: " + results);
    }

    /**
     * Tries are not spent on near-empty programs: top-level bodies are drawn toward the maximum
     * length (the larger of two uniform draws, mean about 2/3 of {@code maxStmts}), so at most 10%
     * of entry functions have two statements or fewer and the median has at least half the maximum.
     */
    @Example
    void fewNearEmptyFunctions() {
        List<Integer> sizes = sample(IrArbitraries.inputs(FuzzConfig.defaults()), 300).stream()
                .map(in -> in.program().functions().get(0).body().size()).sorted().toList();
        long tiny = sizes.stream().filter(n -> n <= 2).count();
        assertTrue(tiny * 10 <= sizes.size(), () -> tiny + " of " + sizes.size() + " have <= 2 statements");
        int median = sizes.get(sizes.size() / 2);
        assertTrue(median * 2 >= FuzzConfig.defaults().maxStmts(), () -> "median body " + median);
    }
}
