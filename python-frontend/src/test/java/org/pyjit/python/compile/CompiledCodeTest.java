package org.pyjit.python.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pyjit.python.PythonProcesses;
import org.pyjit.python.PythonProcesses.Outcome;

/**
 * Hot functions of the supported subset compiled at first call ({@code PYJIT_THRESHOLD=1}) and run
 * compiled from the second: output, traceback and status byte-identical to python3.12, and the
 * statistics name them compiled (or the refusal reason).
 */
class CompiledCodeTest {

    @TempDir
    Path dir;

    private Path program() throws IOException {
        Path p = dir.resolve("compiled_arith.py");
        try (InputStream in = CompiledCodeTest.class.getResourceAsStream("/compile/compiled_arith.py")) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    private Outcome pyjit(Path program, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(PythonProcesses.baseEnvironment());
        env.put("PYJIT_COMPILE", "1");
        env.put("PYJIT_THRESHOLD", "1");
        env.putAll(extra);
        return PythonProcesses.run(PythonProcesses.command(PythonProcesses.pyjit(), List.of(program.toString())),
                dir, env, null);
    }

    @Test
    void compiledFunctionsBehaveExactlyLikePython() throws IOException {
        Path program = program();
        Outcome py = PythonProcesses.run(PythonProcesses.command(PythonProcesses.python(), List.of(program.toString())),
                dir, PythonProcesses.baseEnvironment(), null);
        Outcome jit = pyjit(program, Map.of());
        assertEquals(py.exitStatus(), jit.exitStatus());
        assertArrayEquals(py.stdout(), jit.stdout(), () -> new String(jit.stdout(), StandardCharsets.UTF_8));
        assertArrayEquals(py.stderr(), jit.stderr(), () -> new String(jit.stderr(), StandardCharsets.UTF_8));
        assertTrue(new String(py.stderr(), StandardCharsets.UTF_8).contains("line 39, in divide"));
    }

    @Test
    void statisticsNameCompiledAndRefusedFunctions() throws IOException {
        String err = new String(pyjit(program(), Map.of("PYJIT_STATS", "1")).stderr(), StandardCharsets.UTF_8);
        for (String f : List.of("total (compiled_arith.py:1)", "fsum (compiled_arith.py:9)",
                "classify (compiled_arith.py:17)", "pick (compiled_arith.py:30)", "divide (compiled_arith.py:37)")) {
            assertTrue(err.lines().anyMatch(l -> l.startsWith(f) && l.contains("hot, compiled (")), f + "\n" + err);
        }
        assertTrue(err.lines().anyMatch(l -> l.startsWith("ops (compiled_arith.py:24)")
                && l.contains("hot, not compiled: unsupported opcode BUILD_TUPLE at offset 118")), err);
    }
}
