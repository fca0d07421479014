package org.pyjit.python.entry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyjit.python.PythonProcesses.statsOf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pyjit.python.PythonProcesses;
import org.pyjit.python.PythonProcesses.Outcome;

/**
 * The compiled-code entry ({@code PYJIT_COMPILE=1 PYJIT_THRESHOLD=1}) against python3.12: every
 * program's stdout, stderr and status are python's, and the statistics (or the log) show that the
 * functions under test were compiled and how often their bodies were entered or declined.
 */
class CompiledEntryTest {

    /** {@code name (file:line) ... hot, compiled (N bytes), entered E, declined D}. */
    private static final Pattern COMPILED_ROW =
            Pattern.compile("hot, compiled \\(\\d+ bytes\\), entered (\\d+), declined (\\d+)");

    @TempDir
    Path dir;

    private record Entries(long entered, long declined) { }

    private Path program(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = CompiledEntryTest.class.getResourceAsStream("/entry/" + name)) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    private static Map<String, String> compiling(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(PythonProcesses.baseEnvironment());
        env.put("PYJIT_COMPILE", "1");
        env.put("PYJIT_THRESHOLD", "1");
        env.putAll(extra);
        return env;
    }

    private Outcome python(Path program, String... args) {
        List<String> a = new ArrayList<>(List.of(program.toString()));
        a.addAll(List.of(args));
        return PythonProcesses.run(PythonProcesses.command(PythonProcesses.python(), a), dir,
                PythonProcesses.baseEnvironment(), null);
    }

    private Outcome pyjit(Path program, Map<String, String> env, String... args) {
        List<String> a = new ArrayList<>(List.of(program.toString()));
        a.addAll(List.of(args));
        return PythonProcesses.run(PythonProcesses.command(PythonProcesses.pyjit(), a), dir, env, null);
    }

    /** Runs under both; asserts identical output and status; returns pyjit's statistics (stderr). */
    private String sameAsPython(String name) throws IOException {
        Path program = program(name);
        Outcome py = python(program);
        Outcome plain = pyjit(program, compiling(Map.of()));
        assertEquals(py.exitStatus(), plain.exitStatus(), plain.err());
        assertArrayEquals(py.stdout(), plain.stdout(), plain::out);
        assertArrayEquals(py.stderr(), plain.stderr(), plain::err);
        Outcome stats = pyjit(program, compiling(Map.of("PYJIT_STATS", "1")));
        assertArrayEquals(py.stdout(), stats.stdout(), stats::out);
        return stats.err();
    }

    private static Entries entries(String stats, String function) {
        for (String line : stats.lines().toList()) {
            if (line.startsWith(function + " (")) {
                Matcher m = COMPILED_ROW.matcher(line);
                assertTrue(m.find(), line);
                return new Entries(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
            }
        }
        throw new AssertionError("no row for " + function + " in\n" + stats);
    }

    @Test
    void compiledCodeCalledFromCompiledCodeRunsCompiled() throws IOException {
        String stats = sameAsPython("nested.py");
        // Every call runs compiled, the one that makes the code hot included: V.__add__(v, 1) once,
        // then from inside outer's body once for outer(v, 1) and 1000 times for outer(v, 1000).
        assertEquals(new Entries(1002, 0), entries(stats, "V.__add__"));
        assertEquals(new Entries(2, 0), entries(stats, "outer"));
    }

    @Test
    void traceAndProfileFunctionsSeeEveryEvent() throws IOException {
        String stats = sameAsPython("trace_profile.py");
        // Entered: the loop's three calls (the first, which makes the code hot, included) and the
        // untraced call at the end; declined: once under settrace, once under setprofile.
        assertEquals(new Entries(4, 2), entries(stats, "step"));
        assertEquals(new Entries(4, 2), entries(stats, "loop"));
    }

    @Test
    void monitoringToolsSeeEveryEvent() throws IOException {
        String stats = sameAsPython("monitoring_tool.py");
        // Per tool 0..4: one global call and two local calls of step declined, one global call of
        // loop declined and one (step has the local events) entered.
        assertEquals(new Entries(4, 15), entries(stats, "step"));
        assertEquals(new Entries(3 + 5 + 1, 5), entries(stats, "loop"));
    }

    @Test
    void toolsSeeEveryEventOfCompiledGenerators() throws IOException {
        String stats = sameAsPython("generator_tools.py");
        // Entered: list(numbers(3)) four times; each generator's first next(); the two
        // resumptions of each list() of a generator's rest. Declined while settrace or the
        // monitoring tool is active (two resumptions each). Once a tool came and went, the body
        // runs on (it runs under the version read at entry): every entry yields or returns
        // compiled, none leaves because the instrumentation changed.
        assertEquals(new Entries(4 + 1 + 2 + 1 + 2, 4), entries(stats, "numbers"));
        assertTrue(stats.contains("    yield @22: 7") && stats.contains("    return @50: 3"), stats);
        assertTrue(!stats.contains("instrumentation changed @24") && !stats.contains("instrumentation changed @4:"),
                stats);
    }

    /**
     * The cyclic GC traverses a running generator's frame up to {@code stacktop}; popped slots
     * below the entry depth name freed objects, so the body hides the stack as the interpreter
     * does. Under the debug allocator (freed memory overwritten) a visit of a freed object
     * crashes the process.
     */
    @Test
    void collectorNeverSeesTheStackOfARunningCompiledGenerator() throws IOException {
        Path program = program("generator_gc.py");
        Map<String, String> debug = Map.of("PYTHONMALLOC", "debug");
        Map<String, String> pythonEnv = new HashMap<>(PythonProcesses.baseEnvironment());
        pythonEnv.putAll(debug);
        Outcome py = PythonProcesses.run(PythonProcesses.command(PythonProcesses.python(),
                List.of(program.toString())), dir, pythonEnv, null);
        Outcome jit = pyjit(program, compiling(Map.of("PYTHONMALLOC", "debug", "PYJIT_STATS", "1")));
        assertEquals(0, py.exitStatus(), py.err());
        assertEquals(py.exitStatus(), jit.exitStatus(), jit.err());
        assertArrayEquals(py.stdout(), jit.stdout(), jit::out);
        assertEquals(new Entries(6, 0), entries(jit.err(), "worker"));
    }

    @Test
    void millionCompiledResumptionsKeepMemoryFlat() throws IOException {
        String stats = sameAsPython("generator_leak.py");
        assertEquals(new Entries(1_020_005, 0), entries(stats, "pairs"));
    }

    /**
     * A compiled loop that waits for another thread lets it run: the GIL drop request sets the
     * eval breaker, the body leaves at its back edge for the interpreter, which switches threads,
     * and the loop comes back into the body at the next back edge (so the entries are at least
     * the two calls, more when a switch happened while the loop ran).
     */
    @Test
    void compiledLoopLetsAnotherThreadRun() throws IOException {
        String stats = sameAsPython("threads.py");
        Entries entries = entries(stats, "wait_while_equal");
        assertTrue(entries.entered() >= 2 && entries.declined() == 0, entries::toString);
    }

    @Test
    void millionCompiledCallsKeepMemoryFlat() throws IOException {
        String stats = sameAsPython("leak.py");
        assertEquals(new Entries(1_020_000, 0), entries(stats, "mix"));
    }

    @Test
    void deadCompiledCodeIsFreed() throws IOException {
        Path program = program("churn.py");
        int n = 10_000;
        Outcome py = python(program, Integer.toString(n));
        Path log = dir.resolve("churn.log");
        Outcome jit = pyjit(program, compiling(Map.of("PYJIT_LOG", log.toString())), Integer.toString(n));
        assertEquals(0, jit.exitStatus(), jit.err());
        assertArrayEquals(py.stdout(), jit.stdout(), jit::out);
        Pattern released = Pattern.compile("released: compiled body 0x\\p{XDigit}+ of a dead code object, (\\d+) "
                + "bytes freed; code cache: (\\d+) blobs, (\\d+) bytes mapped");
        long releases = 0;
        long mostBlobs = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher m = released.matcher(line);
            if (m.find()) {
                releases++;
                assertTrue(Long.parseLong(m.group(1)) > 0, line);
                mostBlobs = Math.max(mostBlobs, Long.parseLong(m.group(2)));
            }
        }
        // Every function's body, and the body of the exec'd code that defined it (module code is
        // compiled too), was freed when it died (the last ones at the latest at exit); the cache
        // never held more than the callbacks, the exception-event helper shared by all bodies,
        // the program's own module body and a few bodies awaiting a cycle collection.
        assertTrue(releases >= 2 * (n - 1), "releases: " + releases);
        assertTrue(mostBlobs <= 10, "most live blobs: " + mostBlobs);
    }

    @Test
    void loopsHotInTheirFirstCallContinueCompiled() throws IOException {
        // Default threshold: each function is called once, its loop gets hot after 1000 back edges
        // and the rest of the call runs in the loop body (entered once, by the JUMP callback).
        Path program = program("osr_loops.py");
        Outcome py = python(program);
        Map<String, String> env = new HashMap<>(PythonProcesses.baseEnvironment());
        env.put("PYJIT_COMPILE", "1");
        // The loop is compiled in the hot upcall, so the rest of this very call runs compiled.
        env.put("PYJIT_COMPILE_SYNC", "1");
        env.put("PYJIT_OSR", "1");
        env.put("PYJIT_STATS", "1");
        Outcome jit = pyjit(program, env);
        assertEquals(py.exitStatus(), jit.exitStatus(), jit.err());
        assertArrayEquals(py.stdout(), jit.stdout(), jit::out);
        String err = jit.err();
        assertTrue(err.startsWith(py.err()), err);
        Pattern entered = Pattern.compile("hot, compiled \\(loops only\\), entered 1, declined 0\n    loop @\\d+:\n"
                + "      compiled in [0-9.]+ ms: \\d+ IR instructions, \\d+ bytes; entries 1, instructions (\\d+)\n");
        for (String function : List.of("total", "squares", "fails_late")) {
            Matcher m = entered.matcher(statsOf(err, function));
            assertTrue(m.find(), statsOf(err, function));
            assertTrue(Long.parseLong(m.group(1)) > 100_000, statsOf(err, function));
        }
        assertTrue(statsOf(err, "total").contains("      return @54: 1\n"), statsOf(err, "total"));
        assertTrue(statsOf(err, "fails_late").contains("      error exception @"), statsOf(err, "fails_late"));
    }

    @Test
    void loopOnStackReplacedLetsAnotherThreadRun() throws IOException {
        Path program = program("osr_threads.py");
        Outcome py = python(program);
        Map<String, String> env = new HashMap<>(PythonProcesses.baseEnvironment());
        env.put("PYJIT_COMPILE", "1");
        // The loop is compiled in the hot upcall, so the rest of this very call runs compiled.
        env.put("PYJIT_COMPILE_SYNC", "1");
        env.put("PYJIT_OSR", "1");
        env.put("PYJIT_STATS", "1");
        Outcome jit = pyjit(program, env);
        assertEquals(0, jit.exitStatus(), jit.err());
        assertArrayEquals(py.stdout(), jit.stdout(), jit::out);
        // Entered from the hot back edge, and again after each thread switch (the body leaves
        // at its back edge when the eval breaker is set); the loop ran compiled to its return.
        assertTrue(statsOf(jit.err(), "wait_while_equal").matches("(?s).*\\(loops only\\), entered [1-9][0-9]*, .*"),
                jit.err());
        assertTrue(statsOf(jit.err(), "wait_while_equal").contains("      return @90: 1\n"), jit.err());
    }

    @Test
    void endlessLoopOnStackReplacedIsInterruptedLikePython() throws Exception {
        Path program = program("osr_spin.py");
        Path log = dir.resolve("osr_spin.log");
        Map<String, String> env = new HashMap<>(PythonProcesses.baseEnvironment());
        env.put("PYJIT_COMPILE", "1");
        // The loop is compiled in the hot upcall, so the rest of this very call runs compiled.
        env.put("PYJIT_COMPILE_SYNC", "1");
        env.put("PYJIT_OSR", "1");
        env.put("PYJIT_LOG", log.toString());
        Interrupted expected = interrupt(PythonProcesses.python(), program, PythonProcesses.baseEnvironment());
        Interrupted actual = interrupt(PythonProcesses.pyjit(), program, env);
        assertEquals(expected, actual);
        assertEquals(130, actual.status());
        assertTrue(Files.readAllLines(log).stream().anyMatch(l -> l.contains("hot: loop") && l.contains("in spin (osr_spin.py:1)")
                && l.contains("loop compiled")), Files.readString(log));
    }

    /** Resets SIGINT to its default (a background test JVM may have inherited "ignore"). */
    private static final String RESET_AND_EXEC = "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
            + "os.execv(sys.argv[1], sys.argv[1:])";

    private record Interrupted(int status, String out, String err) { }

    private Interrupted interrupt(Path exe, Path program, Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(PythonProcesses.python().toString(), "-c", RESET_AND_EXEC,
                exe.toString(), program.toString()).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        CompletableFuture<byte[]> err = PythonProcesses.drain(p.getErrorStream());
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder text = new StringBuilder();
        String line = out.readLine();
        assertEquals("ready", line, "the program did not start");
        text.append(line).append('\n');
        // "ready" is printed just before the endless call; let it get into the loop.
        Thread.sleep(300);
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
        assertEquals(0, kill.waitFor());
        // A child that ignores the signal must fail the test, not hang it: kill it after a minute,
        // which ends the reads below and fails the status assertions.
        CompletableFuture.delayedExecutor(60, TimeUnit.SECONDS).execute(p::destroyForcibly);
        while ((line = out.readLine()) != null) {
            text.append(line).append('\n');
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still running after SIGINT");
        return new Interrupted(p.exitValue(), text.toString(), new String(err.join(), StandardCharsets.UTF_8));
    }

    @Test
    void compiledEndlessLoopIsInterruptedLikePython() throws Exception {
        Path program = program("spin.py");
        Path log = dir.resolve("spin.log");
        Interrupted expected = interrupt(PythonProcesses.python(), program, PythonProcesses.baseEnvironment());
        Interrupted actual = interrupt(PythonProcesses.pyjit(), program, compiling(Map.of("PYJIT_LOG", log.toString())));
        assertEquals(expected, actual);
        assertEquals(130, actual.status());
        assertTrue(actual.err().contains("line 3, in spin\n    while True:\n"), actual.err());
        assertTrue(Files.readAllLines(log).stream().anyMatch(l -> l.contains("hot: function spin (spin.py:1)")
                && l.contains("hot, compiled")), Files.readString(log));
    }
}
