package org.pyjit.python.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pyjit.python.PythonProcesses;

/**
 * SIGINT sent to a running {@code bin/pyjit} behaves as under {@code python3.12}:
 * KeyboardInterrupt in Python code, {@code finally} and atexit run, death by SIGINT (130).
 */
class SigintTest {

    /** Resets SIGINT to its default (a background test JVM may have inherited "ignore"). */
    private static final String RESET_AND_EXEC = "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
            + "os.execv(sys.argv[1], sys.argv[1:])";

    private record Run(int status, String out, String err) { }

    private static Run interrupt(Path exe, Path cwd, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(PythonProcesses.python().toString(), "-c", RESET_AND_EXEC,
                exe.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().clear();
        pb.environment().putAll(PythonProcesses.baseEnvironment());
        pb.environment().put("PYTHONUNBUFFERED", "1");
        Process p = pb.start();
        CompletableFuture<byte[]> err = PythonProcesses.drain(p.getErrorStream());
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder text = new StringBuilder();
        String line = out.readLine();
        assertEquals("ready", line, "the program did not start");
        text.append(line).append('\n');
        // "ready" is printed just before the code under test starts; give it time to get there,
        // so the interrupt lands in that code on a loaded machine too (CPython itself and pyjit
        // both take the signal at the loop's back edge from then on).
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
        return new Run(p.exitValue(), text.toString(), new String(err.join(), StandardCharsets.UTF_8));
    }

    private static void assertLikePython(Path cwd, String... args) throws Exception {
        Run expected = interrupt(PythonProcesses.python(), cwd, args);
        Run actual = interrupt(PythonProcesses.pyjit(), cwd, args);
        assertEquals(expected, actual);
        assertEquals(130, actual.status());
        assertTrue(actual.err().endsWith("KeyboardInterrupt\n"), actual.err());
    }

    @Test
    void busyLoopIsInterrupted(@TempDir Path dir) throws Exception {
        // The program, `-c "while True: pass"`, behind a readiness line.
        assertLikePython(dir, "-c", "print('ready')\nwhile True: pass");
    }

    @Test
    void finallyAndAtexitRun(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("fin.py"), """
                import atexit, sys, time
                atexit.register(print, "atexit ran")
                try:
                    print("ready")
                    if sys.argv[1] == "sleep":
                        time.sleep(120)
                    n = 0
                    while True:
                        n += 1
                finally:
                    print("finally ran")
                """);
        assertLikePython(dir, "fin.py", "busy");
        assertLikePython(dir, "fin.py", "sleep");
        Run run = interrupt(PythonProcesses.pyjit(), dir, "fin.py", "busy");
        assertEquals("ready\nfinally ran\natexit ran\n", run.out());
    }

    @Test
    void scriptHandlerDecidesTheStatus(@TempDir Path dir) throws Exception {
        String code = "import signal, sys\nsignal.signal(signal.SIGINT, lambda s, f: sys.exit(42))\n"
                + "print('ready')\nwhile True: pass";
        Run expected = interrupt(PythonProcesses.python(), dir, "-c", code);
        Run actual = interrupt(PythonProcesses.pyjit(), dir, "-c", code);
        assertEquals(expected, actual);
        assertEquals(42, actual.status());
    }
}
