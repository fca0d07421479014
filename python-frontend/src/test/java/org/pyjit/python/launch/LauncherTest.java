package org.pyjit.python.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pyjit.python.PythonProcesses;
import org.pyjit.python.PythonProcesses.Outcome;

/** {@code bin/pyjit} end to end: options, errors, venvs, the log and the statistics. */
class LauncherTest {

    private static Outcome pyjit(Path cwd, Map<String, String> extraEnv, String... args) {
        Map<String, String> env = PythonProcesses.baseEnvironment();
        env.putAll(extraEnv);
        return PythonProcesses.run(PythonProcesses.command(PythonProcesses.pyjit(), List.of(args)), cwd, env, null);
    }

    @Test
    void badThresholdIsOneLineAndStatus2(@TempDir Path dir) {
        for (String bad : List.of("0", "-3", "abc", "99999999999", "1.5")) {
            Outcome o = pyjit(dir, Map.of("PYJIT_THRESHOLD", bad), "-c", "print('ran')");
            assertEquals(2, o.exitStatus(), bad);
            assertEquals("", o.out());
            assertEquals(1, o.err().lines().count(), o.err());
            assertTrue(o.err().startsWith("pyjit: PYJIT_THRESHOLD=" + bad), o.err());
        }
    }

    @Test
    void unknownVariableWarnsButRuns(@TempDir Path dir) {
        Outcome o = pyjit(dir, Map.of("PYJIT_TRESHOLD", "5"), "-c", "print('ran')");
        assertEquals(0, o.exitStatus());
        assertEquals("ran\n", o.out());
        assertTrue(o.err().startsWith("pyjit: warning: unknown environment variable PYJIT_TRESHOLD"), o.err());
        assertEquals(1, o.err().lines().count());
    }

    @Test
    void missingPythonIsOneLineAndStatus2(@TempDir Path dir) throws Exception {
        Outcome o = pyjit(dir, Map.of("PYJIT_PYTHON", dir.resolve("nope").toString()), "-c", "pass");
        assertEquals(2, o.exitStatus());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().startsWith("pyjit: PYJIT_PYTHON="), o.err());
        Path fake = dir.resolve("python3.12");
        Files.writeString(fake, "#!/bin/sh\necho 0; echo /nowhere; echo libpython3.12.a\n");
        assertTrue(fake.toFile().setExecutable(true));
        Outcome notShared = pyjit(dir, Map.of("PYJIT_PYTHON", fake.toString()), "-c", "pass");
        assertEquals(2, notShared.exitStatus());
        assertTrue(notShared.err().contains("not a shared build"), notShared.err());
        assertEquals(1, notShared.err().lines().count(), notShared.err());
    }

    @Test
    void venvIsHonoured(@TempDir Path dir) {
        Path python = PythonProcesses.python();
        Outcome made = PythonProcesses.run(List.of(python.toString(), "-m", "venv", "--without-pip", "v"), dir,
                PythonProcesses.baseEnvironment(), null);
        assertEquals(0, made.exitStatus(), made.err());
        String code = "import sys; print(sys.prefix != sys.base_prefix, sys.executable.endswith('v/bin/python'),"
                + " [p for p in sys.path if 'site-packages' in p][0].startswith(sys.prefix))";
        Path venvPython = dir.resolve("v/bin/python");
        Outcome expected = PythonProcesses.run(List.of(venvPython.toString(), "-c", code), dir,
                PythonProcesses.baseEnvironment(), null);
        Outcome actual = pyjit(dir, Map.of("PYJIT_PYTHON", venvPython.toString()), "-c", code);
        assertEquals("True True True\n", expected.out());
        assertEquals(expected.out(), actual.out());
        assertEquals(expected.err(), actual.err());
    }

    @Test
    void logRecordsBootFactsAndStatsPrintATable(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("jit.log");
        Outcome o = pyjit(dir, Map.of("PYJIT_LOG", log.toString(), "PYJIT_STATS", "1", "PYJIT_THRESHOLD", "7"),
                "-c", "import sys; sys.exit(5)");
        assertEquals(5, o.exitStatus());
        String text = Files.readString(log);
        assertTrue(text.contains("boot: libpython ") && text.contains("libpython3.12"), text);
        assertTrue(text.contains("boot: version 3.12."), text);
        assertTrue(text.contains("boot: jit threshold 7") && text.contains("exit: finalized"), text);
        assertTrue(o.err().startsWith("pyjit statistics (JIT enabled, threshold 7)"), o.err());
        assertTrue(o.err().contains(" hot, 0 compiled)"), o.err());
        assertTrue(text.contains("jit: entry: sys.monitoring tool 5"), text);
        Outcome disabled = pyjit(dir, Map.of("PYJIT_DISABLE", "1", "PYJIT_STATS", "1"), "-c", "pass");
        assertTrue(disabled.err().startsWith("pyjit statistics (JIT disabled"), disabled.err());
    }

    @Test
    void faulthandlerSurvivesTheJvm(@TempDir Path dir) {
        // HotSpot takes SIGSEGVs on purpose; with libjsig preloaded faulthandler chains to it.
        Outcome o = pyjit(dir, Map.of("PYTHONFAULTHANDLER", "1"), "-X", "dev", "-c",
                "import faulthandler, threading\nprint(faulthandler.is_enabled())\n"
                        + "ts = [threading.Thread(target=lambda: sum(range(10**5))) for _ in range(8)]\n"
                        + "[t.start() for t in ts]; [t.join() for t in ts]\nprint('ok')");
        assertEquals("True\nok\n", o.out(), o.err());
        assertEquals(0, o.exitStatus());
    }

    @Test
    void nonAsciiArgumentsReachPythonAsBytes(@TempDir Path dir) {
        Outcome o = pyjit(dir, Map.of(), "-c", "import sys; print(ascii(sys.argv[1:]))", "é", "", "日本");
        Outcome expected = PythonProcesses.run(List.of(PythonProcesses.python().toString(), "-c",
                "import sys; print(ascii(sys.argv[1:]))", "é", "", "日本"), dir, PythonProcesses.baseEnvironment(), null);
        assertEquals(expected.out(), o.out());
    }
}
