package org.pyjit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Example;
import org.pyjit.fuzz.harness.Case;
import org.pyjit.fuzz.harness.DifferentialCheck;
import org.pyjit.fuzz.harness.Divergence;
import org.pyjit.fuzz.harness.Report;
import org.pyjit.fuzz.replay.RegressionFile;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.text.IrParser;
import org.pyjit.ir.text.IrPrinter;

/**
 * Replays every {@code .jir} under {@code src/test/resources/regressions} through the same
 * differential check as generated code: each file must verify, and the interpreter and every host
 * backend must agree on every recorded run.
 */
class RegressionReplayTest {
    /** Where regression files live, relative to the module directory (surefire's working dir). */
    static final Path DIR = Path.of("src", "test", "resources", "regressions");

    @Example
    void everyRegressionFileAgrees() throws IOException {
        List<RegressionFile> files = RegressionFile.loadAll(DIR);
        assertFalse(files.isEmpty(), "no regression files under " + DIR.toAbsolutePath());
        StringBuilder failures = new StringBuilder();
        int compared = 0;
        for (RegressionFile f : files) {
            try {
                Checks.verifies(f.module());
                Report r = Fixture.check().run(f.module(), f.entry(), f.runs(), DifferentialCheck.Mode.GENERATED);
                compared += r.compared();
            } catch (RuntimeException | AssertionError e) {
                failures.append("\n=== ").append(f.name()).append(": ").append(e.getMessage());
            }
        }
        assertTrue(failures.length() == 0, () -> "regressions fail:" + failures);
        System.out.println("regressions: " + files.size() + " files, " + compared + " native comparisons");
    }

    @Example
    void divergenceReportsReplayAsRegressionFiles() {
        IrModule m = IrParser.parseModule("""
                function %f0(i64, i32) -> i32 {
                block0(v0: i64, v1: i32):
                    v2 = iadd_imm v1, 1
                    return v2
                }
                """);
        List<Case> runs = List.of(new Case(3, new long[] {-1}), new Case(0, new long[] {0x7fffffff}));
        String text = Divergence.regressionText(m, "f0", runs);
        RegressionFile parsed = RegressionFile.parse("self", text);
        assertEquals("f0", parsed.entry());
        assertEquals(runs, parsed.runs());
        assertEquals(IrPrinter.print(m), IrPrinter.print(parsed.module()));
        assertTrue(text.startsWith("; entry: f0\n; run: seed=3 args=0xffffffffffffffff\n"), text);
    }
}
