package org.pyjit.python.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pyjit.python.PythonProcesses;
import org.pyjit.python.PythonProcesses.Outcome;

/**
 * The entry points observed from outside: the statistics table and the log name the code objects
 * and loops that became hot, with their exact counts, and a failed installation leaves the
 * program untouched.
 */
class EntryPointsTest {

    /** Waits until the entry points are installed, then makes hot code with exact counts. */
    private static final String PROGRAM = """
            import sys, time
            deadline = time.monotonic() + 60
            while sys.monitoring.get_tool(5) != 'pyjit' and time.monotonic() < deadline:
                time.sleep(0.01)
            def hot(n):
                return n + 1
            def looping(n):
                s = 0
                for i in range(n):
                    s += i
                return s
            def gen(n):
                yield from range(n)
            def warm():
                return 0
            for i in range(40):
                hot(i)
            for _ in range(3):
                warm()
            print(looping(100), sum(sum(gen(2)) for _ in range(40)))
            """;

    private static Outcome pyjit(Path dir, Map<String, String> extra, String... args) {
        Map<String, String> env = PythonProcesses.baseEnvironment();
        env.putAll(extra);
        return PythonProcesses.run(PythonProcesses.command(PythonProcesses.pyjit(), List.of(args)), dir, env, null);
    }

    private static Optional<String> row(String table, String name) {
        return table.lines().filter(l -> l.startsWith(name + " ")).findFirst();
    }

    @Test
    void statsAndLogNameHotFunctionsAndLoopsWithTheirCounts(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("prog.py"), PROGRAM);
        Path log = dir.resolve("jit.log");
        Outcome o = pyjit(dir, Map.of("PYJIT_THRESHOLD", "40", "PYJIT_STATS", "1", "PYJIT_LOG", log.toString()),
                "prog.py");
        assertEquals(0, o.exitStatus(), o.err());
        assertEquals("4950 40\n", o.out());
        String table = o.err();
        assertEquals(List.of("hot", "(prog.py:5)", "40", "0", "hot,", "not", "compiled:", "no", "compiler", "yet"),
                List.of(row(table, "hot (prog.py:5)").orElseThrow(() -> new AssertionError(table)).split("\\s+")));
        assertEquals(List.of("looping", "(prog.py:7)", "1", "40"),
                List.of(row(table, "looping").orElseThrow(() -> new AssertionError(table)).split("\\s+")).subList(0, 4));
        assertTrue(row(table, "gen (prog.py:12)").orElseThrow(() -> new AssertionError(table))
                .matches("gen \\(prog\\.py:12\\) +40 +0 +hot, not compiled: no compiler yet"), table);
        assertTrue(row(table, "<module> (prog.py:1)").orElseThrow(() -> new AssertionError(table))
                .endsWith("hot, not compiled: no compiler yet"), table);
        assertTrue(row(table, "warm").isEmpty(), table);
        assertTrue(table.contains("entry points: "), table);
        String text = Files.readString(log);
        assertTrue(text.contains("jit: hot: function hot (prog.py:5) after 40 calls; hot, not compiled: no compiler yet"),
                text);
        assertTrue(text.matches("(?s).*jit: hot: loop \\d+->\\d+ in looping \\(prog\\.py:7\\) after 40 back edges"
                + " \\(function: 1 calls\\).*"), text);
        assertTrue(!text.contains("warm"), text);
    }

    @Test
    void thresholdOneMakesEveryCodeObjectHotAtItsFirstCall(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("prog.py"), PROGRAM);
        Outcome o = pyjit(dir, Map.of("PYJIT_THRESHOLD", "1", "PYJIT_STATS", "1"), "prog.py");
        assertEquals(0, o.exitStatus(), o.err());
        String table = o.err();
        assertTrue(row(table, "warm (prog.py:14)").orElseThrow(() -> new AssertionError(table))
                .matches("warm \\(prog\\.py:14\\) +1 +0 +hot, not compiled: no compiler yet"), table);
        assertTrue(row(table, "hot (prog.py:5)").orElseThrow().matches("hot \\(prog\\.py:5\\) +1 +0 .*"), table);
    }

    @Test
    void disabledMeansNoEntryPoints(@TempDir Path dir) {
        Outcome o = pyjit(dir, Map.of("PYJIT_DISABLE", "1", "PYJIT_STATS", "1"), "-c",
                "import sys; print(sys.monitoring.get_tool(5))");
        assertEquals("None\n", o.out());
        assertTrue(o.err().contains("entry points: not installed"), o.err());
    }

    @Test
    void toolIdTakenMeansOneWarningAndAnUntouchedProgram(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("sitecustomize.py"), "import sys\nsys.monitoring.use_tool_id(5, 'mine')\n");
        Path log = dir.resolve("jit.log");
        Outcome o = pyjit(dir, Map.of("PYTHONPATH", dir.toString(), "PYJIT_LOG", log.toString()), "-c",
                "import sys; print(sys.monitoring.get_tool(5))");
        assertEquals("mine\n", o.out());
        assertEquals("", o.err());
        assertEquals(0, o.exitStatus());
        List<String> warnings = Files.readAllLines(log).stream().filter(l -> l.startsWith("warning:")).toList();
        assertEquals(List.of("warning: running without the JIT: sys.monitoring tool id 5: tool 5 is already in use"),
                warnings);
    }
}
