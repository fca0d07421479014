package org.pyjit.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.pyjit.codegen.CompiledModule;
import org.pyjit.codegen.Jit;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.tool.Executor;
import org.pyjit.ir.tool.GoldenFile;
import org.pyjit.ir.tool.Outcome;
import org.pyjit.ir.tool.RunLine;

/**
 * Every {@code ; run:} line of the IR golden files (and of this module's compile golden files), run by the interpreter and natively: both must
 * meet the line's expectation and agree with each other bit for bit.
 */
class GoldenDifferentialTest {
    static final Jit JIT = new Jit(new X86Backend(Allocators.checked()));

    static Path goldenDirectory() {
        return Path.of("..", "ir", "src", "test", "resources", "golden");
    }

    @TestFactory
    Stream<DynamicNode> everyRunLineAgreesWithTheInterpreter() {
        List<GoldenFile> files = new ArrayList<>(GoldenFile.all(goldenDirectory()));
        assertFalse(files.isEmpty(), "no golden files found");
        files.addAll(GoldenFile.all(CompileGoldenTest.DIR));
        return files.stream().filter(g -> !g.runs().isEmpty()).map(g -> {
            NativeExecutor exec = new NativeExecutor();
            List<DynamicTest> tests = new ArrayList<>();
            for (RunLine run : g.runs()) {
                tests.add(DynamicTest.dynamicTest(g.name() + ":" + run.line() + " " + run.text(), () -> {
                    run.run(g.module(), Executor.interpreter()).assertPassed();
                    run.run(g.module(), exec).assertPassed();
                    long[] args = run.arguments(run.callee(g.module()).signature());
                    Outcome interp = Executor.interpreter().outcome(g.module(), run.function(), args);
                    Outcome nat = exec.outcome(g.module(), run.function(), args);
                    assertEquals(interp, nat, "interpreter and native code disagree");
                }));
            }
            return DynamicContainer.dynamicContainer(g.path().getParent().getFileName() + "/" + g.name(), tests);
        });
    }

    /** Runs functions natively; the module is compiled once, on first use. */
    static final class NativeExecutor implements Executor {
        private IrModule module;
        private CompiledModule compiled;

        @Override
        public long[] call(IrModule m, String function, long[] args) {
            if (compiled == null || module != m) {
                compiled = JIT.compile(m);
                module = m;
            }
            long r = compiled.function(function).call(args);
            return m.function(function).signature().returns().isEmpty() ? new long[0] : new long[] {r};
        }
    }
}
