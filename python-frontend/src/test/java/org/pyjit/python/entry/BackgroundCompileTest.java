package org.pyjit.python.entry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyjit.python.PythonProcesses.statsOf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pyjit.python.PythonProcesses;
import org.pyjit.python.PythonProcesses.Outcome;

/**
 * Compilation off the Python thread ({@code PYJIT_COMPILE=1} at the default threshold): programs
 * print what python3.12 prints, hot bodies are compiled by the compiler thread and entered once
 * installed, and code objects that die while their compile is pending are handled.
 */
class BackgroundCompileTest {

    /** The first line under a body compiled on the compiler thread. */
    private static final Pattern QUEUED_BODY = Pattern.compile(
            "compiled in [0-9.]+ ms: \\d+ IR instructions, \\d+ bytes, queued [0-9.]+ ms; "
                    + "entries (\\d+), instructions");
    private static final Pattern CACHE = Pattern.compile("code cache: (\\d+) blobs");

    @TempDir
    Path dir;

    private Path program(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = BackgroundCompileTest.class.getResourceAsStream("/entry/" + name)) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    private Outcome run(Path exe, Map<String, String> env, String... args) {
        return PythonProcesses.run(PythonProcesses.command(exe, List.of(args)), dir, env, null);
    }

    private static Map<String, String> compiling(Path log) {
        Map<String, String> env = new HashMap<>(PythonProcesses.baseEnvironment());
        env.put("PYJIT_COMPILE", "1");
        // The programs' hot functions have no loops; these tests are about entering them.
        env.put("PYJIT_ENTER", "all");
        env.put("PYJIT_LOG", log.toString());
        return env;
    }

    @Test
    void hotFunctionsAreCompiledInTheBackgroundAndEntered() throws IOException {
        Path program = program("async_hot.py");
        Outcome py = run(PythonProcesses.python(), PythonProcesses.baseEnvironment(), program.toString());
        Path log = dir.resolve("async_hot.log");
        Map<String, String> env = compiling(log);
        env.put("PYJIT_STATS", "1");
        Outcome jit = run(PythonProcesses.pyjit(), env, program.toString());
        assertEquals(py.exitStatus(), jit.exitStatus(), jit.err());
        assertArrayEquals(py.stdout(), jit.stdout(), jit::out);
        List<String> lines = Files.readAllLines(log);
        for (String function : List.of("add", "poly", "ratio")) {
            // The hot upcall only queued the body; the compiler thread installed it later.
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("jit: hot: function " + function + " (")
                    && l.endsWith("hot, compile pending")), String.join("\n", lines));
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("jit: compiled: function " + function + " (")
                    && l.contains("off the Python thread")), String.join("\n", lines));
            String rows = statsOf(jit.err(), function);
            assertTrue(rows.contains("hot, compiled ("), rows);
            Matcher m = QUEUED_BODY.matcher(rows);
            assertTrue(m.find(), rows);
            // At least the 5000 calls made after the log showed the body installed ran it.
            assertTrue(Long.parseLong(m.group(1)) >= 5000, rows);
        }
    }

    @Test
    void codeDyingWhileItsCompileIsPendingIsHandled() throws IOException {
        Path program = program("churn_pending.py");
        int n = 300;
        Outcome py = run(PythonProcesses.python(), PythonProcesses.baseEnvironment(), "-X", "dev",
                program.toString(), Integer.toString(n));
        Path log = dir.resolve("churn_pending.log");
        Outcome jit = run(PythonProcesses.pyjit(), compiling(log), "-X", "dev", program.toString(),
                Integer.toString(n));
        assertEquals(0, jit.exitStatus(), jit.err());
        assertArrayEquals(py.stdout(), jit.stdout(), jit::out);
        assertArrayEquals(py.stderr(), jit.stderr(), jit::err);
        List<String> lines = Files.readAllLines(log);
        long hot = lines.stream().filter(l -> l.startsWith("jit: hot: function f (")).count();
        assertEquals(n, hot, String.join("\n", lines));
        // Most die before or while their compile runs: queued jobs of dead code are skipped (no
        // line), and a body finished for dead code is discarded, never published.
        long published = lines.stream().filter(l -> l.startsWith("jit: compiled: function f (")).count();
        assertTrue(published < n, "published: " + published);
        List<Long> blobs = new ArrayList<>();
        for (String line : lines) {
            Matcher m = CACHE.matcher(line);
            if (m.find()) {
                blobs.add(Long.parseLong(m.group(1)));
            }
        }
        // Whatever was compiled was freed again: the code cache never grows with the churn.
        assertTrue(blobs.stream().allMatch(b -> b <= 8), blobs.toString());
    }
}
