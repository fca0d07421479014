package org.pyjit.fuzz;

import java.util.ArrayList;
import java.util.List;
import org.pyjit.fuzz.gen.ProgramBuilder;
import org.pyjit.fuzz.gen.ProgramSpec;
import org.pyjit.fuzz.harness.Case;
import org.pyjit.ir.IrModule;

/**
 * One generated test input: a program and argument pools (one per run; each pool is longer than
 * any parameter list and is cut to the entry's parameters).
 *
 * @param config   the knobs it was generated with
 * @param program  the program
 * @param argPools raw-bit argument pools, one per run
 */
record FuzzInput(FuzzConfig config, ProgramSpec program, List<List<Long>> argPools) {

    /** Builds the module. */
    IrModule module() {
        return ProgramBuilder.build(program);
    }

    /** The runs of the entry function: seed {@code k} and the first parameters of pool {@code k}. */
    List<Case> cases() {
        int n = program.functions().get(0).params().size();
        List<Case> out = new ArrayList<>();
        for (int k = 0; k < argPools.size(); k++) {
            List<Long> pool = argPools.get(k);
            long[] args = new long[n];
            for (int i = 0; i < n; i++) {
                args[i] = pool.get(i % pool.size());
            }
            out.add(new Case(k, args));
        }
        return out;
    }
}
