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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.pyjit.python.PythonProcesses;
import org.pyjit.python.PythonProcesses.Outcome;

/**
 * Programs of {@code src/test/resources/compile}, one per opcode family, compiled at first call
 * ({@code PYJIT_THRESHOLD=1}) and run compiled from the second: output, traceback and status
 * byte-identical to python3.12; {@code PYJIT_STATS} shows which functions were compiled and where
 * compiled code left them.
 */
class CompiledCodeTest {

    @TempDir
    Path dir;

    private Path program(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = CompiledCodeTest.class.getResourceAsStream("/compile/" + name)) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    private Outcome pyjit(Path program, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(PythonProcesses.baseEnvironment());
        env.put("PYJIT_COMPILE", "1");
        env.put("PYJIT_THRESHOLD", "1");
        env.put("PYJIT_OSR", "1"); // loops after a handler continue in loop bodies (counted below)
        env.putAll(extra);
        return PythonProcesses.run(PythonProcesses.command(PythonProcesses.pyjit(), List.of(program.toString())),
                dir, env, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"compiled_arith.py", "compiled_calls.py", "compiled_exceptions.py", "compiled_loops.py",
        "compiled_instrumentation.py", "compiled_more.py", "compiled_numbers.py", "compiled_intloops.py",
        "intloops_osr.py", "intloops_threads.py", "module_names.py", "module_nameerror.py",
        "module_annotations.py", "compiled_raise.py"})
    void compiledFunctionsBehaveExactlyLikePython(String name) throws IOException {
        Path program = program(name);
        Outcome py = PythonProcesses.run(PythonProcesses.command(PythonProcesses.python(), List.of(program.toString())),
                dir, PythonProcesses.baseEnvironment(), null);
        Outcome jit = pyjit(program, Map.of());
        assertEquals(py.exitStatus(), jit.exitStatus());
        assertArrayEquals(py.stdout(), jit.stdout(), () -> new String(jit.stdout(), StandardCharsets.UTF_8));
        assertArrayEquals(py.stderr(), jit.stderr(), () -> new String(jit.stderr(), StandardCharsets.UTF_8));
    }

    /** The statistics of a program: the row and report lines of each of its own functions. */
    private String stats(String name) throws IOException {
        return new String(pyjit(program(name), Map.of("PYJIT_STATS", "1")).stderr(), StandardCharsets.UTF_8);
    }

    /** The report lines under a function's row. */
    private static List<String> report(String stats, String row) {
        List<String> lines = stats.lines().toList();
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).startsWith(row)) {
                int end = k + 1;
                while (end < lines.size() && lines.get(end).startsWith("    ")) {
                    end++;
                }
                return lines.subList(k, end);
            }
        }
        throw new AssertionError("no row " + row + " in\n" + stats);
    }

    private static void assertReport(String stats, String row, String... expected) {
        List<String> lines = report(stats, row);
        assertTrue(lines.get(0).contains("hot, compiled ("), lines.toString());
        for (String e : expected) {
            assertTrue(lines.stream().anyMatch(l -> l.trim().equals(e)), row + ": no '" + e + "' in " + lines);
        }
    }

    @Test
    void arithmeticAndBranchesAreCompiled() throws IOException {
        String err = stats("compiled_arith.py");
        assertReport(err, "total (compiled_arith.py:1)", "return @54: 3");
        assertReport(err, "fsum (compiled_arith.py:9)");
        assertReport(err, "classify (compiled_arith.py:17)");
        assertReport(err, "ops (compiled_arith.py:24)", "return @120: 3");
        assertReport(err, "pick (compiled_arith.py:30)", "return @14: 6", "return @12: 3", "return @6: 3");
        assertReport(err, "divide (compiled_arith.py:37)", "error exception @16: 1");
        assertTrue(report(err, "total (compiled_arith.py:1)").get(1).contains("entries 3, instructions 39063"),
                () -> report(err, "total (compiled_arith.py:1)").toString());
    }

    @Test
    void callsAttributesGlobalsAndContainersAreCompiled() throws IOException {
        String err = stats("compiled_calls.py");
        assertReport(err, "calls (compiled_calls.py:19)", "return @278: 3");
        assertReport(err, "helper (compiled_calls.py:6)");
        assertReport(err, "Point.__init__ (compiled_calls.py:11)");
        assertReport(err, "Point.norm2 (compiled_calls.py:15)");
        assertReport(err, "closure.<locals>.add (compiled_calls.py:40)");
        assertReport(err, "missing_global (compiled_calls.py:54)", "deopt global not found @2: 3");
        assertReport(err, "unbound_local (compiled_calls.py:66)", "deopt unbound local @10: 4");
        assertReport(err, "missing_method (compiled_calls.py:58)", "error exception @12: 3");
        assertTrue(report(err, "calls (compiled_calls.py:19)").stream().noneMatch(l -> l.contains("deopt")),
                () -> report(err, "calls (compiled_calls.py:19)").toString());
    }

    @Test
    void exceptionsInsideTryBlocksReachTheirHandlers() throws IOException {
        String err = stats("compiled_exceptions.py");
        assertReport(err, "guarded (compiled_exceptions.py:4)", "handler exception to handler @8: 3");
        assertReport(err, "guarded (compiled_exceptions.py:4)", "return @64: 3");
        // The first exception of each call goes to the handler, the interpreter runs it, and at its
        // next back edge the loop continues in a loop body (on-stack replacement).
        assertReport(err, "nested (compiled_exceptions.py:14)", "handler exception to handler @24: 3");
        assertReport(err, "deep (compiled_exceptions.py:45)", "error exception @52: 11",
                "error exception @32: 4");
        assertReport(err, "catch_deep (compiled_exceptions.py:51)", "handler exception to handler @16: 3");
        assertReport(err, "uncaught (compiled_exceptions.py:58)", "error exception @14: 2");
        assertReport(err, "Box.__exit__ (compiled_exceptions.py:32)", "return @22: 6");
    }

    @Test
    void moduleAndClassBodiesRunCompiled() throws IOException {
        String err = stats("module_names.py");
        // The module body, compiled at its first (only) run: its 2000-iteration loop of LOAD_NAME,
        // BINARY_OP and STORE_NAME (9 instructions an iteration) ran compiled, and it left only
        // at the LOAD_NAME of a deleted name, which the interpreter turns into NameError.
        List<String> module = report(err, "<module> (module_names.py:1)");
        assertReport(err, "<module> (module_names.py:1)", "deopt name not found @180: 1");
        Matcher m = Pattern.compile("entries 1, instructions (\\d+)")
                .matcher(module.get(1));
        assertTrue(m.find(), module.toString());
        assertTrue(Long.parseLong(m.group(1)) >= 9 * 2000, module.toString());
        // Class bodies (dict namespace, a global statement) run to their end compiled; the one
        // with a non-dict namespace leaves only at its DELETE_NAME.
        assertReport(err, "Point (module_names.py:30)", "return @74: 1");
        assertReport(err, "Point.Inner (module_names.py:38)", "return @28: 1");
        assertReport(err, "UsesGlobal (module_names.py:47)", "return @68: 1");
        assertReport(err, "Mapped (module_names.py:87)", "deopt del of a missing name or of a mapping @42: 1");
        assertTrue(module.stream().noneMatch(l -> l.contains("unsupported")), module.toString());
        assertTrue(report(err, "Mapped (module_names.py:87)").stream().noneMatch(l -> l.contains("unsupported")),
                () -> report(err, "Mapped (module_names.py:87)").toString());
    }

    @Test
    void raisesOfInstancesAndDeletesOfLocalsAreCompiled() throws IOException {
        String err = stats("compiled_raise.py");
        // Raised by compiled code: out of the frame, and to a handler of the same frame.
        assertReport(err, "fail (compiled_raise.py:2)", "error exception @38: 2", "return @42: 3");
        assertReport(err, "local_raise (compiled_raise.py:15)", "handler exception to handler @24: 4");
        // A class or a non-exception is left to the interpreter, as is a deleted local's use.
        assertReport(err, "by_class (compiled_raise.py:38)",
                "deopt operand not handled: RAISE_VARARGS of a class or non-exception @12: 1");
        assertReport(err, "deleting (compiled_raise.py:46)", "deopt unbound local @16: 4");
        assertReport(err, "delete_twice (compiled_raise.py:55)", "deopt unbound local @8: 1");
    }

    @Test
    void annotatedBodiesRunToTheirEndCompiled() throws IOException {
        String err = stats("module_annotations.py");
        assertReport(err, "<module> (module_annotations.py:1)", "return @310: 1");
        assertReport(err, "Item (module_annotations.py:9)", "return @52: 1");
        assertReport(err, "Annotated (module_annotations.py:33)", "return @36: 1");
    }

    @Test
    void loopsIterateCompiled() throws IOException {
        String err = stats("compiled_loops.py");
        assertReport(err, "squares (compiled_loops.py:1)", "return @56: 3");
        assertReport(err, "walk (compiled_loops.py:8)", "return @68: 3");
        assertReport(err, "drain (compiled_loops.py:22)");
        assertReport(err, "custom (compiled_loops.py:45)");
        assertReport(err, "Countdown.__next__ (compiled_loops.py:38)", "return @108: 12",
                "deopt operand not handled: RAISE_VARARGS of a class or non-exception @42: 3");
    }

    @Test
    void globalsFormattingSuperWithAndFunctionsAreCompiled() throws IOException {
        String err = stats("compiled_more.py");
        assertReport(err, "bump (compiled_more.py:4)", "return @30: 3");
        assertReport(err, "fmt (compiled_more.py:10)", "return @44: 4");
        assertReport(err, "Child.hello (compiled_more.py:24)", "return @66: 3");
        assertReport(err, "managed (compiled_more.py:41)", "return @78: 3");
        assertReport(err, "containers (compiled_more.py:52)",
                "deopt operand not handled: LIST_EXTEND of an iterator @58: 3");
        assertReport(err, "make_adders (compiled_more.py:61)", "return @166: 3");
        for (String f : List.of("bump", "fmt", "Child.hello", "managed", "make_adders")) {
            List<String> lines = report(err, f + " (compiled_more.py:");
            assertTrue(lines.stream().noneMatch(l -> l.contains("deopt")), lines.toString());
        }
    }

    @Test
    void numbersTakeTheFastPathsWithoutLeaving() throws IOException {
        String err = stats("compiled_numbers.py");
        assertReport(err, "arith (compiled_numbers.py:1)", "return @76: 1592", "error exception @6: 138",
                "error exception @14: 3");
        assertReport(err, "inplace (compiled_numbers.py:5)", "return @42: 1587");
        assertTrue(report(err, "arith (compiled_numbers.py:1)").stream().noneMatch(l -> l.contains("deopt")));
    }

    @Test
    void intOnlyLoopsRunOnMachineIntegers() throws IOException {
        String err = stats("compiled_intloops.py");
        // Entered when the loop runs at all (count(-3) and count(0) never reach the header).
        assertReport(err, "count (compiled_intloops.py:4)", "int loop @20: 6");
        assertReport(err, "down (compiled_intloops.py:23)", "int loop @26: 9");
        // A while-True loop whose return is an exit of the int loop.
        assertReport(err, "first_square_above (compiled_intloops.py:32)", "int loop @8: 6", "return @36: 6");
        // Overflow of 64 bits leaves at the multiplication; the bigger ints then fail the guards.
        assertReport(err, "grow (compiled_intloops.py:13)", "int loop @20: 18", "int loop overflow @24: 9",
                "int loop guard failed @20: 201");
        // Floats, strings and bools fail the guards (three calls of five iterations each run).
        assertReport(err, "loop_over (compiled_intloops.py:40)", "int loop @20: 9", "int loop guard failed @20: 60");
        // FOR_ITER over a range: the first iteration of each call runs generic (the loop variable is
        // unbound at the header), over_range(0, 1) never passes the guards.
        assertReport(err, "over_range (compiled_intloops.py:83)", "int loop @28: 9", "int loop overflow @44: 6");
        for (String f : List.of("rebinds (compiled_intloops.py:50)", "divides (compiled_intloops.py:62)",
            "two_back_edges (compiled_intloops.py:92)")) {
            assertTrue(report(err, f).stream().noneMatch(l -> l.contains("int loop")), report(err, f).toString());
        }
    }

    @Test
    void intLoopsLetOtherThreadsRun() throws IOException {
        String err = stats("intloops_threads.py");
        // The program prints whether the other thread ran during the loop (compared with python3.12
        // above); here: the loop ran specialised.
        List<String> lines = report(err, "count (intloops_threads.py:13)");
        assertTrue(lines.stream().anyMatch(l -> l.trim().startsWith("int loop @20: ")), lines::toString);
    }

    @Test
    void intLoopsEnteredByOnStackReplacementBehaveLikePython() throws IOException {
        Path program = program("intloops_osr.py");
        Outcome py = PythonProcesses.run(PythonProcesses.command(PythonProcesses.python(), List.of(program.toString())),
                dir, PythonProcesses.baseEnvironment(), null);
        // Synchronous: the loop body is installed by the back edge that made it hot, so the counts
        // below do not depend on when a compiler thread finishes.
        Outcome jit = pyjit(program, Map.of("PYJIT_THRESHOLD", "1000", "PYJIT_COMPILE_SYNC", "1"));
        assertEquals(0, jit.exitStatus());
        assertArrayEquals(py.stdout(), jit.stdout(), () -> new String(jit.stdout(), StandardCharsets.UTF_8));
        String err = new String(pyjit(program, Map.of("PYJIT_THRESHOLD", "1000", "PYJIT_COMPILE_SYNC", "1",
                "PYJIT_STATS", "1")).stderr(), StandardCharsets.UTF_8);
        assertReport(err, "count (intloops_osr.py:4)", "int loop @20: 1", "return @60: 1");
        assertReport(err, "crossing (intloops_osr.py:13)", "int loop @20: 2", "int loop overflow @30: 2");
    }

    @Test
    void instrumentationEnabledWhileCompiledCodeRunsIsHonoured() throws IOException {
        String err = stats("compiled_instrumentation.py");
        assertReport(err, "work (compiled_instrumentation.py:20)", "deopt instrumentation changed @64: 1",
                "deopt instrumentation changed @0: 1");
    }
}
