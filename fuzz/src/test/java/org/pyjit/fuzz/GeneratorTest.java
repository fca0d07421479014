package org.pyjit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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

/**
 * The generators are not degenerate: over a fixed sample they cover every opcode family the
 * brief asks for, most runs return rather than trap, and dropping any statement from a body
 * (what the shrinker does) still builds a valid module.
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
}
