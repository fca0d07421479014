package org.pyjit.python.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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
 * CPython's own regression tests of classes, descriptors, exceptions, generators and closures,
 * run under pyjit with bodies compiled from code the interpreter has already specialised
 * ({@code PYJIT_THRESHOLD=20}, compiled synchronously). At threshold 1 code is compiled before
 * any specialisation, so the paths that start from the interpreter's inline caches (polymorphic
 * attribute caches, direct calls of polymorphic sites) are not reached there; here they are, and
 * the statistics show that they ran, besides handlers run compiled.
 */
class SpecialisedRegressionTest {

    private static final List<String> FILES = List.of("test_descr", "test_class", "test_exceptions",
            "test_generators", "test_scope", "test_functools", "test_with");

    @Test
    void regressionFilesPassWithBodiesCompiledFromSpecialisedCode(@TempDir Path dir) {
        Map<String, String> env = new HashMap<>(PythonProcesses.baseEnvironment());
        env.put("PYJIT_COMPILE", "1");
        env.put("PYJIT_THRESHOLD", "20");
        env.put("PYJIT_COMPILE_SYNC", "1");
        env.put("PYJIT_STATS", "1");
        List<String> args = new ArrayList<>(List.of("-m", "test"));
        args.addAll(FILES);
        Outcome run = PythonProcesses.run(PythonProcesses.command(PythonProcesses.pyjit(), args), dir, env, null);
        String out = run.out();
        String err = new String(run.stderr(), StandardCharsets.UTF_8);
        assertEquals(0, run.exitStatus(), () -> out + err);
        assertTrue(out.contains("Result: SUCCESS"), out);
        assertTrue(total(err, "guard held for another type") > 100, err);
        assertTrue(total(err, "handler exception to handler") > 100, err);
        assertTrue(total(err, "direct call") > 1000, err);
    }

    /** The sum of the statistics' exit totals whose label starts with {@code label}. */
    private static long total(String stats, String label) {
        Matcher m = Pattern.compile("(?m)^\\s*exits\\s+" + Pattern.quote(label) + ".*?(\\d+)\\s*$").matcher(stats);
        long sum = 0;
        while (m.find()) {
            sum += Long.parseLong(m.group(1));
        }
        return sum;
    }
}
