package org.pyjit.python.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
        "intloops_osr.py", "intloops_threads.py", "intloops_operators.py", "fork_child.py", "c_fork_child.py",
        "compiled_generators.py", "compiled_yield_from.py", "compiled_coroutines.py", "module_names.py",
        "module_nameerror.py", "module_annotations.py", "compiled_raise.py", "compiled_exception_events.py",
        "compiled_breaker.py", "intloops_lists.py", "compiled_exits.py", "compiled_handlers.py"})
    void compiledFunctionsBehaveExactlyLikePython(String name) throws IOException {
        Path program = program(name);
        Outcome py = PythonProcesses.run(PythonProcesses.command(PythonProcesses.python(), List.of(program.toString())),
                dir, PythonProcesses.baseEnvironment(), null);
        Outcome jit = pyjit(program, Map.of());
        assertEquals(py.exitStatus(), jit.exitStatus());
        assertArrayEquals(py.stdout(), jit.stdout(), () -> new String(jit.stdout(), StandardCharsets.UTF_8));
        assertArrayEquals(py.stderr(), jit.stderr(), () -> new String(jit.stderr(), StandardCharsets.UTF_8));
    }

    /**
     * {@link #statisticsOfARunLikePython} of a test program whose every function runs
     * interpreted three times (CPython specialises it) and is compiled at its fourth call, on the
     * Python thread (so the counts are exact), every entry taken.
     */
    private String compiledAtFourthCall(String name) throws IOException {
        return statisticsOfARunLikePython(program(name),
                Map.of("PYJIT_THRESHOLD", "4", "PYJIT_COMPILE_SYNC", "1", "PYJIT_ENTER", "all"));
    }

    /**
     * Runs a program under python3.12 and under pyjit with {@code PYJIT_STATS=1} (which also
     * installs the entry points before the program runs, so a threshold above 1 counts from its
     * first call): same status and stdout, and pyjit's stderr is python's followed by the
     * statistics, which are returned.
     */
    private String statisticsOfARunLikePython(Path program, Map<String, String> env) {
        Outcome py = PythonProcesses.run(PythonProcesses.command(PythonProcesses.python(), List.of(program.toString())),
                dir, PythonProcesses.baseEnvironment(), null);
        Map<String, String> withStats = new HashMap<>(env);
        withStats.put("PYJIT_STATS", "1");
        Outcome jit = pyjit(program, withStats);
        assertEquals(py.exitStatus(), jit.exitStatus());
        assertArrayEquals(py.stdout(), jit.stdout(), () -> new String(jit.stdout(), StandardCharsets.UTF_8));
        String pyErr = new String(py.stderr(), StandardCharsets.UTF_8);
        String jitErr = new String(jit.stderr(), StandardCharsets.UTF_8);
        assertTrue(jitErr.startsWith(pyErr + "pyjit statistics"), jitErr);
        return jitErr.substring(pyErr.length());
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
        // Both calls of each round return from the body: the handler and the finally block after
        // it ran compiled.
        assertReport(err, "guarded (compiled_exceptions.py:4)", "return @64: 6");
        // Both exceptions of each call are handled in the body, which runs the loop on and returns.
        assertReport(err, "nested (compiled_exceptions.py:14)", "handler exception to handler @24: 6",
                "return @40: 3");
        assertReport(err, "deep (compiled_exceptions.py:45)", "error exception @52: 11",
                "error exception @32: 4");
        assertReport(err, "catch_deep (compiled_exceptions.py:51)", "handler exception to handler @16: 3");
        assertReport(err, "uncaught (compiled_exceptions.py:58)", "error exception @14: 2");
        assertReport(err, "Box.__exit__ (compiled_exceptions.py:32)", "return @22: 6");
    }

    /**
     * Exception handlers run compiled: {@code nested} handles 39 exceptions in three calls, its
     * handlers (an except clause with a nested try, {@code sys.exc_info()} inside) and the rest of
     * its loop in the body it was entered in, which returns itself each time; what is not compiled
     * in a handler (a tuple of classes, an invalid class, RERAISE) leaves at that instruction.
     */
    @Test
    void exceptionHandlersRunCompiled() throws IOException {
        String err = stats("compiled_handlers.py");
        assertReport(err, "nested (compiled_handlers.py:47)", "handler exception to handler @48: 30",
                "handler exception to handler @104: 9", "return @64: 3");
        assertTrue(report(err, "nested (compiled_handlers.py:47)").get(1).contains("entries 3, instructions 1554"),
                () -> report(err, "nested (compiled_handlers.py:47)").toString());
        assertReport(err, "classify (compiled_handlers.py:27)",
                "deopt operand not handled: CHECK_EXC_MATCH of a non-class @424: 3");
        assertReport(err, "invalid (compiled_handlers.py:92)",
                "deopt operand not handled: CHECK_EXC_MATCH of a non-class @32: 9");
        assertReport(err, "unmatched (compiled_handlers.py:84)", "deopt unsupported RERAISE @50: 9");
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
        // Both sides of an if at the end of the body jump back to the header; the first iteration of
        // each call runs generic (i unbound), the calls over -2^62 fail the guards.
        assertReport(err, "two_back_edges (compiled_intloops.py:92)", "int loop @32: 3");
        for (String f : List.of("rebinds (compiled_intloops.py:50)", "divides (compiled_intloops.py:62)")) {
            assertTrue(report(err, f).stream().noneMatch(l -> l.contains("int loop")), report(err, f).toString());
        }
    }

    @Test
    void intLoopOperatorsRunOnMachineIntegers() throws IOException {
        String err = stats("intloops_operators.py");
        // Every call runs the loop on machine integers: // and % of all sign combinations.
        assertReport(err, "divmods (intloops_operators.py:6)", "int loop @24: 18");
        // m * k = INT64_MIN fits (no exit at @32 for it); -MIN (@116) and MIN // -1 (@38) leave, as
        // does 2^59 * 16 (@32); t stays small, so each later iteration runs specialised again.
        assertReport(err, "edges (intloops_operators.py:19)", "int loop @20: 38", "int loop overflow @116: 18",
                "int loop overflow @38: 6", "int loop overflow @32: 6", "int loop overflow @24: 2");
        // << leaves where the result passes 64 bits (1 << 63, 5 << 61, counts of 64 and more).
        assertReport(err, "shifts (intloops_operators.py:29)", "int loop @24: 32", "int loop overflow @58: 14");
        assertReport(err, "grow_shift (intloops_operators.py:51)", "int loop @16: 4", "int loop overflow @20: 4");
        // A negative shift count and a zero divisor leave at their instruction; the generic code
        // raises there (tracebacks compared with python3.12 above), caught or not.
        assertReport(err, "count_down_shift (intloops_operators.py:61)", "int loop raises @14: 2",
                "error exception @14: 2");
        assertReport(err, "count_down_divide (intloops_operators.py:69)", "int loop raises @14: 3",
                "error exception @14: 3");
        assertReport(err, "count_down_modulo (intloops_operators.py:77)", "int loop raises @14: 2");
        assertReport(err, "guarded (intloops_operators.py:84)", "int loop raises @20: 2",
                "handler exception to handler @20: 2");
        // Truth tests on ints (&, not %, unary -, ~, while x, or); 2^61 fails the guards.
        assertReport(err, "truths (intloops_operators.py:96)", "int loop @20: 4", "int loop guard failed @20: 10");
        assertReport(err, "bits (intloops_operators.py:113)", "int loop @10: 2");
        assertReport(err, "mixed (intloops_operators.py:122)", "int loop @24: 2");
        assertReport(err, "constant_shifts (intloops_operators.py:41)", "int loop @20: 4");
        // continue and an if at the end: three back edges to the FOR_ITER, one entry per call.
        assertReport(err, "skips (intloops_operators.py:135)", "int loop @28: 4", "return @90: 4");
    }

    /**
     * Int loops subscript list locals (load ints, store ints, test True/False items); accesses they leave to the generic code are counted at
     * their instruction: a float and a big item, None, 0 and 2 tested, a negative and a too large
     * index, replaced items the store would free.
     */
    @Test
    void intLoopsSubscriptListLocals() throws IOException {
        String err = stats("intloops_lists.py");
        assertReport(err, "total (intloops_lists.py:9)", "int loop @20: 4", "int loop item @32: 1");
        assertReport(err, "squares (intloops_lists.py:19)", "int loop @16: 2");
        assertTrue(report(err, "squares (intloops_lists.py:19)").stream().noneMatch(l -> l.contains("int loop item")),
                err);
        assertReport(err, "truths (intloops_lists.py:28)", "int loop @20: 5", "int loop item @28: 3");
        assertReport(err, "beyond (intloops_lists.py:39)", "int loop item @26: 5", "error exception @26: 1");
        assertReport(err, "replace (intloops_lists.py:57)", "int loop @16: 3", "int loop item @22: 2");
    }

    /**
     * The kernels of the benchmark programs while_loop.py and int_sum.py ({@code & % ^ >>} and
     * {@code if state & 1:}) run as int loops on every call, and sieve.py's inner loop (a list's
     * items set to False) once per prime, with python3.12's output.
     */
    @ParameterizedTest
    @CsvSource({"while_loop.py, kernel (while_loop.py:12), int loop @20: 40",
        "int_sum.py, kernel (int_sum.py:11), int loop @28: 40",
        "sieve.py, sieve_loop (sieve.py:10), int loop @90: 3"})
    void benchmarkKernelsRunAsIntLoops(String name, String row, String entered) throws IOException {
        Path program = Path.of(System.getProperty("user.dir")).resolve("../bench/python/programs").resolve(name)
                .normalize();
        List<String> args = List.of(program.toString(), "40");
        Outcome py = PythonProcesses.run(PythonProcesses.command(PythonProcesses.python(), args), dir,
                PythonProcesses.baseEnvironment(), null);
        Map<String, String> env = new HashMap<>(PythonProcesses.baseEnvironment());
        env.putAll(Map.of("PYJIT_COMPILE", "1", "PYJIT_THRESHOLD", "1", "PYJIT_STATS", "1"));
        Outcome jit = PythonProcesses.run(PythonProcesses.command(PythonProcesses.pyjit(), args), dir, env, null);
        assertEquals(0, jit.exitStatus(), jit::err);
        assertArrayEquals(py.stdout(), jit.stdout(), () -> new String(jit.stdout(), StandardCharsets.UTF_8));
        assertReport(jit.err(), row, entered);
        assertTrue(report(jit.err(), row).stream().noneMatch(l -> l.contains("overflow") || l.contains("raises")),
                () -> report(jit.err(), row).toString());
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
        // Synchronous: the loop body is installed by the back edge that made it hot, so the counts
        // below do not depend on when a compiler thread finishes.
        String err = statisticsOfARunLikePython(program("intloops_osr.py"),
                Map.of("PYJIT_THRESHOLD", "1000", "PYJIT_COMPILE_SYNC", "1"));
        assertReport(err, "count (intloops_osr.py:4)", "int loop @20: 1", "return @60: 1");
        assertReport(err, "crossing (intloops_osr.py:13)", "int loop @20: 2", "int loop overflow @30: 2");
    }

    /**
     * The quickened opcodes and inline caches become guarded fast paths: each function of the
     * program runs interpreted three times (CPython specialises it), is compiled at the fourth call
     * (synchronously, so the counts are fixed), and every guard is then made to fail once the
     * compiled code runs; output and tracebacks stay python3.12's.
     */
    @Test
    void specialisedInstructionsTakeGuardedFastPaths() throws IOException {
        Path program = program("compiled_specialised.py");
        Outcome py = PythonProcesses.run(PythonProcesses.command(PythonProcesses.python(), List.of(program.toString())),
                dir, PythonProcesses.baseEnvironment(), null);
        // With statistics the entry points are installed before the program runs (without, a
        // threshold above 1 may let these short-lived functions finish before they are counted).
        // The functions have no loops: PYJIT_ENTER=all has the interpreter's calls enter them.
        Outcome jit = pyjit(program, Map.of("PYJIT_THRESHOLD", "4", "PYJIT_COMPILE_SYNC", "1", "PYJIT_STATS", "1",
                "PYJIT_ENTER", "all"));
        assertEquals(1, jit.exitStatus());
        assertEquals(py.exitStatus(), jit.exitStatus());
        assertArrayEquals(py.stdout(), jit.stdout(), () -> new String(jit.stdout(), StandardCharsets.UTF_8));
        String pyErr = new String(py.stderr(), StandardCharsets.UTF_8);
        String jitErr = new String(jit.stderr(), StandardCharsets.UTF_8);
        assertTrue(jitErr.startsWith(pyErr + "pyjit statistics"), jitErr);
        String err = jitErr.substring(pyErr.length());
        // A rebound global keeps the keys version (fast path); a new global changes it (the
        // generic lookup once, while the site's cache is filled for the new keys, then the cache);
        // the deleted global leaves at the LOAD_GLOBAL for the interpreter's NameError.
        assertReport(err, "read_global (compiled_specialised.py:9)", "guard held LOAD_GLOBAL_MODULE @36: 25",
                "guard failed LOAD_GLOBAL_MODULE @36: 3", "guard held for the current keys LOAD_GLOBAL_MODULE @36: 4",
                "deopt global not found @36: 1");
        // A builtin shadowed by a new global, then the global deleted.
        assertReport(err, "read_builtin (compiled_specialised.py:16)", "guard held LOAD_GLOBAL_BUILTIN @2: 5",
                "guard failed LOAD_GLOBAL_BUILTIN @2: 2");
        // Methods and class attributes: the class changed (attribute, method, new attribute).
        assertReport(err, "use_points (compiled_specialised.py:35)",
                "guard held LOAD_ATTR_METHOD_WITH_VALUES @20: 20", "guard failed LOAD_ATTR_METHOD_WITH_VALUES @20: 14",
                "guard held LOAD_ATTR_CLASS @58: 20", "guard failed LOAD_ATTR_CLASS @58: 14");
        // Instance values: a materialised __dict__ and a deleted attribute fall back.
        assertReport(err, "P.norm1 (compiled_specialised.py:27)", "guard held LOAD_ATTR_INSTANCE_VALUE @14: 29",
                "guard failed LOAD_ATTR_INSTANCE_VALUE @14: 4");
        assertReport(err, "P.scale (compiled_specialised.py:30)", "guard held STORE_ATTR_INSTANCE_VALUE @32: 29");
        // New attributes stored by the fast path (insertion order kept: vars() is compared above).
        assertReport(err, "Q.__init__ (compiled_specialised.py:102)", "guard held STORE_ATTR_INSTANCE_VALUE @10: 4",
                "guard held STORE_ATTR_INSTANCE_VALUE @24: 4");
        assertReport(err, "S.total (compiled_specialised.py:54)", "guard held LOAD_ATTR_SLOT @4: 13",
                "guard held STORE_ATTR_SLOT @32: 13", "guard failed LOAD_ATTR_SLOT @4: 1", "error exception @4: 1");
        assertReport(err, "use_lazy (compiled_specialised.py:71)", "guard held LOAD_ATTR_METHOD_LAZY_DICT @20: 10",
                "guard failed LOAD_ATTR_METHOD_LAZY_DICT @20: 1");
        assertReport(err, "use_module (compiled_specialised.py:78)", "guard held LOAD_ATTR_MODULE @46: 15",
                "guard failed LOAD_ATTR_MODULE @46: 2");
        assertReport(err, "use_methods (compiled_specialised.py:94)", "guard held LOAD_ATTR_METHOD_NO_DICT @18: 10");
        // Lists: negative and out-of-range indexes, a dict and a bool fall back.
        assertReport(err, "use_list (compiled_specialised.py:85)", "guard held BINARY_SUBSCR_LIST_INT @6: 5",
                "guard failed BINARY_SUBSCR_LIST_INT @6: 4", "guard held STORE_SUBSCR_LIST_INT @20: 5",
                "guard failed STORE_SUBSCR_LIST_INT @20: 3", "error exception @6: 1");
        assertReport(err, "use_tuple (compiled_specialised.py:90)", "guard held BINARY_SUBSCR_TUPLE_INT @6: 6",
                "guard failed BINARY_SUBSCR_TUPLE_INT @6: 4", "error exception @6: 2");
        // The owner's last reference released by the fast path: its destructor ran at the right line.
        assertReport(err, "temp_attr (compiled_specialised.py:119)", "guard held LOAD_ATTR_INSTANCE_VALUE @22: 5",
                "guard held LOAD_ATTR_INSTANCE_VALUE @72: 5");
    }

    @Test
    void generatorsRunCompiledFromEachResumptionToTheirNextYield() throws IOException {
        String err = stats("compiled_generators.py");
        // Entered at the first next() (PY_START) and at every resumption after a yield
        // (PY_RESUME); the yield itself and the return are the interpreter's. counter's 22 entries
        // include the two resumptions on another thread.
        assertReport(err, "counter (compiled_generators.py:6)", "yield @28: 18", "return @56: 4");
        assertTrue(report(err, "counter (compiled_generators.py:6)").get(0).contains("entered 22, declined 0"));
        assertReport(err, "accumulate (compiled_generators.py:14)", "yield @14: 21", "return @28: 4");
        // Resumed with values on the stack below the sent one.
        assertReport(err, "stacked (compiled_generators.py:24)", "yield @20: 1", "yield @32: 1", "yield @46: 1",
                "yield @68: 1", "yield @74: 1");
        // An exception inside the generator's own try block goes to its handler, which runs
        // compiled up to the next yield; throw() and close() run interpreted (no RESUME), later
        // resumptions compiled again.
        assertReport(err, "guarded (compiled_generators.py:30)", "yield @36: 5", "handler exception to handler @68: 1");
        // Every generator instruction is covered by the StopIteration handler CPython wraps it in:
        // an exception leaving the generator is unwound to it in compiled code.
        assertReport(err, "uncaught (compiled_generators.py:186)", "yield @8: 1", "handler exception to handler @18: 1");
        assertReport(err, "tree (compiled_generators.py:91)", "yield @124: 88", "yield @18: 24", "return @138: 22");
        assertReport(err, "Noisy.items (compiled_generators.py:81)", "yield @40: 5");
        // The generator expression summed: one entry per resumption, 2,000 iterations compiled.
        List<String> genexpr = report(err, "main.<locals>.<genexpr> (compiled_generators.py:151)");
        assertTrue(genexpr.get(0).contains("entered 1334, declined 0"), genexpr::toString);
        assertTrue(genexpr.get(1).endsWith("entries 1334, instructions 19334"), genexpr::toString);
        assertReport(err, "main.<locals>.<genexpr> (compiled_generators.py:151)", "yield @34: 1333", "return @44: 1");
    }

    @Test
    void yieldFromDelegatesInCompiledCode() throws IOException {
        String err = stats("compiled_yield_from.py");
        // SEND runs compiled: a delegated value leaves at the YIELD_VALUE after it, a delegate's
        // return continues at END_SEND; each resumption inside the SEND loop is entered.
        assertReport(err, "middle (compiled_yield_from.py:10)", "yield @34: 3", "yield @58: 2", "return @74: 1");
        assertReport(err, "chain (compiled_yield_from.py:45)", "yield @60: 910", "return @78: 910");
        // An exception from the delegate unwinds to the handler covering SEND.
        assertReport(err, "top (compiled_yield_from.py:21)", "handler exception to handler @92: 1");
        // A value sent to a plain iterator: AttributeError from SEND, to the StopIteration wrapper.
        assertReport(err, "over_iterator (compiled_yield_from.py:53)", "handler exception to handler @34: 1");
        // Two generators resumed at a RESUME followed by DELETE_ATTR: the first entry returns at
        // once and disables that RESUME for our tool, the second resumption is not seen.
        assertReport(err, "raiser (compiled_yield_from.py:57)", "yield @8: 2",
                "deopt resume not entered: DELETE_ATTR @10: 1");
        for (String f : List.of("leaf (compiled_yield_from.py:1)", "middle (compiled_yield_from.py:10)",
            "chain (compiled_yield_from.py:45)", "delegating_catcher (compiled_yield_from.py:40)")) {
            assertTrue(report(err, f).stream().noneMatch(l -> l.contains("deopt")), report(err, f).toString());
        }
    }

    @Test
    void coroutinesAndAsyncGeneratorsRunCompiledBetweenTheirAwaits() throws IOException {
        String err = stats("compiled_coroutines.py");
        // Awaiting a new coroutine is compiled (GET_AWAITABLE passes it through, SEND resumes it);
        // a value yielded to the driver leaves at the YIELD_VALUE of the SEND loop.
        assertReport(err, "middle (compiled_coroutines.py:19)", "yield @34: 6", "yield @78: 7", "return @102: 2");
        assertTrue(report(err, "middle (compiled_coroutines.py:19)").stream().noneMatch(l -> l.contains("deopt")),
                () -> report(err, "middle (compiled_coroutines.py:19)").toString());
        assertReport(err, "ticker (compiled_coroutines.py:80)", "yield @120: 6", "return @142: 2");
        // An exception from an awaited coroutine reaches the awaiting coroutine's handler.
        assertReport(err, "guarded (compiled_coroutines.py:30)", "handler exception to handler @32: 1");
        // Awaiting an iterable coroutine (types.coroutine) or a future is left to the interpreter;
        // so are an async generator's yield (CALL_INTRINSIC_1) and async for/with.
        assertReport(err, "leaf (compiled_coroutines.py:12)",
                "deopt operand not handled: GET_AWAITABLE of other than a new coroutine @60: 15");
        assertReport(err, "countdown (compiled_coroutines.py:63)", "deopt unsupported oparg of CALL_INTRINSIC_1 4 @60: 6");
        assertReport(err, "suspend (compiled_coroutines.py:5)", "yield @8: 26", "return @16: 24");
    }

    /**
     * A tool enabled while a body runs makes it leave after the call that enabled it; while a
     * tool has events for the code the gate declines; once the tool is gone (settrace, then a
     * sys.monitoring tool with local line events) the same bodies run on: no leaving at entry.
     */
    @Test
    void instrumentationEnabledWhileCompiledCodeRunsIsHonoured() throws IOException {
        String err = stats("compiled_instrumentation.py");
        assertReport(err, "work (compiled_instrumentation.py:20)", "deopt instrumentation changed @64: 1",
                "return @100: 10");
        assertReport(err, "leaf (compiled_instrumentation.py:16)", "return @10: 39");
        assertTrue(report(err, "work (compiled_instrumentation.py:20)").stream().noneMatch(l -> l.contains("@0:")));
        assertTrue(report(err, "leaf (compiled_instrumentation.py:16)").stream().noneMatch(l -> l.contains("deopt")));
    }

    /**
     * An exception unwound to a handler inside compiled code fires RAISE and EXCEPTION_HANDLED
     * for the tools that listen (sys.settrace's 'exception' event included) at python3.12's
     * offsets, a callback's failure or DISABLE as python's; the statistics show that the callers
     * ran compiled and called the callbacks at their handlers.
     */
    @Test
    void exceptionEventsFireWhereCompiledCodeUnwinds() throws IOException {
        String err = statisticsOfARunLikePython(program("compiled_exception_events.py"), Map.of());
        assertReport(err, "caller (compiled_exception_events.py:57)", "handler exception to handler @10: 4",
                "event RAISE @50: 1", "event EXCEPTION_HANDLED @50: 1");
        assertReport(err, "caller_monitored (compiled_exception_events.py:65)", "event RAISE @50: 1",
                "event EXCEPTION_HANDLED @50: 1");
        assertReport(err, "caller_failing_callback (compiled_exception_events.py:73)", "event RAISE @22: 1",
                "event EXCEPTION_HANDLED @22: 1");
        assertReport(err, "caller_catching_all (compiled_exception_events.py:81)", "event RAISE @22: 1");
        assertReport(err, "inner (compiled_exception_events.py:99)", "event RAISE @22: 1");
        assertReport(err, "gen (compiled_exception_events.py:111)", "event EXCEPTION_HANDLED @34: 1");
    }

    /**
     * Compiled callers call compiled callees directly once the interpreter has specialised their
     * CALLs (threshold 5): results, the RecursionError, a frame object made in a callee, a callee
     * raising through direct calls and into a handler, settrace switched on and off, a rebound
     * callee, closures whose free variables the caller copies (a cell shared with another
     * closure), functions whose cells the caller makes (an argument in a cell, a local cell, a
     * frame with both cells and free variables; a cell whose allocation fails raises at its
     * MAKE_CELL and leaves no reference behind) and the final traceback are python3.12's; the statistics count the direct calls.
     */
    @Test
    void directCallsBehaveExactlyLikePython() throws IOException {
        // Callers without loops (fib) are entered from the interpreter only with PYJIT_ENTER=all.
        String err = statisticsOfARunLikePython(program("direct_calls.py"),
                Map.of("PYJIT_THRESHOLD", "5", "PYJIT_COMPILE_SYNC", "1", "PYJIT_ENTER", "all"));
        // The rebound add is another simple function: after its first five calls (its body is
        // compiled at the fifth) the site calls it directly too.
        assertReport(err, "caller (direct_calls.py:111)", "direct call @72: 845", "direct call @102: 849",
                "direct call @126: 849");
        assertReport(err, "fib (direct_calls.py:10)", "direct call @34: 7346");
        assertReport(err, "catcher (direct_calls.py:119)", "direct call @16: 16",
                "handler exception to handler @16: 16");
        assertReport(err, "frames (direct_calls.py:126)", "direct call @46: 15");
        assertReport(err, "closures (direct_calls.py:103)", "direct call @48: 160", "direct call @68: 160");
        assertReport(err, "others (direct_calls.py:131)", "direct call @52: 16", "direct call @72: 16");
        // make_adder, add, fresh_counter, step, middle, innermost: cells made by the caller.
        assertReport(err, "cells (direct_calls.py:96)", "direct call @50: 160", "direct call @60: 160",
                "direct call @80: 160", "direct call @88: 160", "direct call @114: 160", "direct call @124: 160");
        // The two failed cell allocations were direct calls whose MemoryError reached the handler,
        // which ran compiled, and the loop went on in the same body.
        assertReport(err, "cell_fails (direct_calls.py:170)", "direct call @116: 24",
                "handler exception to handler @116: 2");
    }

    /**
     * Loop-free functions that get hot called from C ({@code map}, {@code filter},
     * {@code functools.reduce}, {@code sorted}'s key, a bound method through {@code map}) are
     * compiled for direct calls and get the vectorcall entry: their {@code PY_START} is off, so
     * every entry counted comes through it. A lambda made anew at each turn gets it from the
     * function watcher. Calls the entry leaves to {@code _PyFunction_Vectorcall} are not entered:
     * one argument for {@code defaults(a, b=10)}, keywords, two arguments for {@code scale}, calls
     * under a profiler (which sees them all), a replaced {@code __code__}. An exception raised in
     * an entered body, a recursion through {@code map}, and every result are python3.12's.
     */
    @Test
    void functionsCalledFromCEnterTheirBodiesThroughTheVectorcallEntry() throws IOException {
        String err = statisticsOfARunLikePython(program("vectorcall_entry.py"),
                Map.of("PYJIT_THRESHOLD", "4", "PYJIT_COMPILE_SYNC", "1", "PYJIT_ENTER", "loops"));
        // 60 turns of map(scale, range(5)), the first four calls interpreted.
        assertEntered(err, "scale (vectorcall_entry.py:10)", 296);
        assertEntered(err, "with_cell (vectorcall_entry.py:14)", 236);
        // Only the 180 two-argument calls, the first of them interpreted.
        assertEntered(err, "defaults (vectorcall_entry.py:19)", 179);
        assertEntered(err, "fails (vectorcall_entry.py:23)", 10);
        assertReport(err, "fails (vectorcall_entry.py:23)", "error exception @32: 1");
        assertEntered(err, "Acc.add (vectorcall_entry.py:33)", 6);
        assertEntered(err, "depth (vectorcall_entry.py:38)", 37);
        // New lambdas each turn: 480 calls of map's, 600 of filter's, 300 of reduce's.
        assertEntered(err, "main.<locals>.<lambda> (vectorcall_entry.py:57)", 476);
        assertEntered(err, "main.<locals>.<lambda> (vectorcall_entry.py:58)", 596);
        assertEntered(err, "main.<locals>.<lambda> (vectorcall_entry.py:59)", 356);
        assertEntered(err, "main.<locals>.<lambda> (vectorcall_entry.py:65)", 16);
    }

    /** A function's row says it was compiled and entered {@code entered} times. */
    private static void assertEntered(String stats, String row, int entered) {
        String line = report(stats, row).get(0);
        assertTrue(line.contains("hot, compiled (") && line.contains(", entered " + entered + ", "), line);
    }

    /**
     * A loop body entered by OSR whose header is an EXTENDED_ARG-prefixed FOR_ITER: a tool comes
     * and goes in the middle of the loop, the body leaves after that call, and the back edge
     * enters it again (at the prefix: the body's entry is chosen from the jump's target). It once
     * left at the header's opcode unit on every entry after such a change, and the interpreter
     * ran the FOR_ITER with the low byte of its jump only, and crashed.
     */
    @Test
    void prefixedLoopHeadersAreEnteredAgainAfterAToolCameAndWent() throws IOException {
        String err = statisticsOfARunLikePython(program("osr_extended_arg.py"),
                Map.of("PYJIT_THRESHOLD", "10", "PYJIT_COMPILE_SYNC", "1"));
        assertReport(err, "long_loop (osr_extended_arg.py:16)", "deopt instrumentation changed @544: 2",
                "return @592: 2");
        List<String> lines = report(err, "long_loop (osr_extended_arg.py:16)");
        assertTrue(lines.stream().anyMatch(l -> l.contains("entries 4,")), lines::toString);
        assertTrue(lines.stream().noneMatch(l -> l.contains("@34:")), lines::toString);
    }

    /**
     * Loops inside try and with blocks and 3.12's inlined comprehensions (their headers are covered
     * by the exception table) are taken over by on-stack replacement: restricted to the loop, they
     * leave where control leaves it, exceptions in them reach their handlers, and an exception
     * after the loop is not caught by the loop's handler; output and traceback are python3.12's.
     */
    @Test
    void loopsInsideTryBlocksAreTakenOver() throws IOException {
        String err = statisticsOfARunLikePython(program("osr_try.py"),
                Map.of("PYJIT_THRESHOLD", "100", "PYJIT_COMPILE_SYNC", "1"));
        assertReport(err, "comprehensions (osr_try.py:45)", "deopt loop exit @64: 2", "deopt loop exit @150: 2",
                "deopt loop exit @222: 2");
        assertReport(err, "in_with (osr_try.py:34)", "deopt loop exit @84: 2", "handler exception to handler @66: 2");
        assertReport(err, "comprehension_raises (osr_try.py:56)", "handler exception to handler @50: 2");
        assertReport(err, "in_try (osr_try.py:21)", "deopt loop exit @64: 2", "deopt loop exit @88: 2");
        assertReport(err, "after_loop_raises (osr_try.py:78)", "deopt loop exit @50: 2");
        assertTrue(report(err, "nested_try_in_loop (osr_try.py:63)").stream()
                .anyMatch(l -> l.trim().matches("deopt loop exit @54: [1-9][0-9]*")), err);
    }

    /**
     * The loops of a function whose headers are not covered by the exception table share one
     * body: compiled once, when the first of them gets hot, and entered at any of their headers
     * (a later call enters it at the first back edge it takes).
     */
    @Test
    void loopsOfAFunctionShareOneBody() throws IOException {
        String err = statisticsOfARunLikePython(program("osr_shared.py"),
                Map.of("PYJIT_THRESHOLD", "100", "PYJIT_COMPILE_SYNC", "1"));
        assertReport(err, "work (osr_shared.py:3)", "loops @56, @28, @100:", "return @204: 2");
        assertReport(err, "after (osr_shared.py:16)", "loops @16, @60:", "return @82: 3");
        assertEquals(1, report(err, "after (osr_shared.py:16)").stream().filter(l -> l.contains("compiled in")).count(),
                err);
    }

    /**
     * FOR_ITER quickened to FOR_ITER_LIST / _TUPLE / _RANGE steps the iterator inline while items
     * are left (a list growing and shrinking while iterated, a negative step, values beyond the
     * small ints and near 2**63, an iterator resumed after a break and once exhausted, another
     * iterator type at the same site); exhaustion takes tp_iternext. Output, including the order
     * in which finalizers print, stays python3.12's.
     */
    @Test
    void quickenedForItersStepTheirIteratorsInline() throws IOException {
        String err = compiledAtFourthCall("for_iter_fast_paths.py");
        assertReport(err, "over_list (for_iter_fast_paths.py:13)", "guard held FOR_ITER_LIST @10: 16");
        assertReport(err, "over_tuple (for_iter_fast_paths.py:24)", "guard held FOR_ITER_TUPLE @10: 38");
        assertReport(err, "over_range (for_iter_fast_paths.py:31)", "guard held FOR_ITER_RANGE @14: 14");
    }

    /**
     * BINARY_SUBSCR_DICT / STORE_SUBSCR_DICT go straight to the dict functions on an exact dict:
     * hits, misses (KeyError with a tuple key), a key whose {@code __hash__}/{@code __eq__} print
     * (called as often as in python), unhashable keys, and a dict subclass with
     * {@code __missing__} or {@code __setitem__} and other containers at the same sites.
     */
    @Test
    void quickenedDictSubscriptsCallTheDictFunctions() throws IOException {
        String err = compiledAtFourthCall("dict_subscripts.py");
        assertReport(err, "read (dict_subscripts.py:33)", "guard held BINARY_SUBSCR_DICT @6: 15");
        assertReport(err, "write (dict_subscripts.py:37)", "guard held STORE_SUBSCR_DICT @8: 5");
    }

    /**
     * BINARY_OP_INPLACE_ADD_UNICODE ({@code s += t} and {@code s = s + t} before STORE_FAST s)
     * extends the local's string with PyUnicode_Append: a string only the local holds, one held
     * elsewhere too (left unchanged), a str subclass on the left from the middle of a loop (the
     * guard fails, the subclass's {@code __add__} runs), a subclass or another type on the right
     * (a TypeError caught, and one ending the program with python3.12's traceback); the last
     * string has no reference but its local's and the caller's.
     */
    @Test
    void strAdditionsStoredToTheirLeftOperandAppendInPlace() throws IOException {
        String err = compiledAtFourthCall("string_append.py");
        assertReport(err, "grow (string_append.py:16)", "guard held BINARY_OP_INPLACE_ADD_UNICODE @50: 1162");
        assertReport(err, "rebind (string_append.py:23)", "guard held BINARY_OP_INPLACE_ADD_UNICODE @56: 36");
        assertReport(err, "mixed (string_append.py:45)", "guard held BINARY_OP_INPLACE_ADD_UNICODE @76: 9",
                "guard failed BINARY_OP_INPLACE_ADD_UNICODE @76: 9");
        assertReport(err, "failing (string_append.py:54)", "guard failed BINARY_OP_INPLACE_ADD_UNICODE @58: 2");
    }

    /**
     * A CALL_PY_EXACT_ARGS site that meets several functions calls every simple one directly
     * (methods of three classes, functions from a list: three times the calls of the function the
     * site caches), and the rest through the vectorcall: *args, a keyword-only parameter, a
     * generator function, the wrong number of arguments, a builtin, a class, a function whose
     * code was rebound. Outputs stay python3.12's. Under the default entry policy (loop-free
     * functions compiled only for compiled callers) every simple callee of those sites is compiled,
     * though the sites cache one function and the callees got hot while the vectorcall (behind
     * the interpreter's entry frame) called them.
     */
    @Test
    void polymorphicCallSitesCallEverySimpleFunctionDirectly() throws IOException {
        String err = compiledAtFourthCall("polymorphic_calls.py");
        assertReport(err, "areas (polymorphic_calls.py:59)", "direct call @40: 30");
        assertReport(err, "pipeline (polymorphic_calls.py:66)", "direct call @18: 26");
        String loopsOnly = statisticsOfARunLikePython(program("polymorphic_calls.py"),
                Map.of("PYJIT_THRESHOLD", "4", "PYJIT_COMPILE_SYNC", "1"));
        for (String callee : List.of("Square.area (polymorphic_calls.py:12)", "Rect.area (polymorphic_calls.py:21)",
                "Circle.area (polymorphic_calls.py:26)", "inc (polymorphic_calls.py:35)",
                "neg (polymorphic_calls.py:43)")) {
            assertReport(loopsOnly, callee);
        }
    }

    /**
     * Attribute sites whose specialised guard failed before the compile keep further classes in a
     * polymorphic cache ({@link AttributeCache}): loads of instance values at another index,
     * stores that add attributes (the insertion order, which {@code vars()} shows, is the
     * program's, not the keys'), and methods of subclasses. Then the classes change under the
     * compiled code: an attribute deleted (AttributeError), a class's shared keys grown by another
     * name (its method entry is emptied and filled again: the hits go on), a method shadowed by
     * an instance attribute, a dict materialised, a property added to and removed from a class, more classes
     * than the cache holds, {@code __getattr__}, a static method; every result stays python3.12's.
     * The failed counts include the cache's fills and every change's generic path.
     */
    @Test
    void polymorphicAttributeSitesKeepOtherClassesInACache() throws IOException {
        String err = compiledAtFourthCall("polymorphic_attributes.py");
        assertReport(err, "total (polymorphic_attributes.py:51)",
                "guard held for another type LOAD_ATTR_INSTANCE_VALUE @20: 141",
                "guard failed LOAD_ATTR_INSTANCE_VALUE @20: 71",
                "guard held for another type LOAD_ATTR_INSTANCE_VALUE @20: 82");
        assertReport(err, "relabel (polymorphic_attributes.py:58)",
                "guard held for another type STORE_ATTR_INSTANCE_VALUE @16: 50",
                "guard held for another type STORE_ATTR_INSTANCE_VALUE @30: 50",
                "guard held for another type STORE_ATTR_INSTANCE_VALUE @70: 50",
                "guard failed STORE_ATTR_INSTANCE_VALUE @70: 7");
        assertReport(err, "names (polymorphic_attributes.py:65)",
                "guard held for another type LOAD_ATTR_METHOD_WITH_VALUES @22: 103",
                "guard failed LOAD_ATTR_METHOD_WITH_VALUES @22: 54",
                "guard held for another type LOAD_ATTR_METHOD_WITH_VALUES @22: 82");
    }

    /**
     * LOAD_GLOBAL sites compiled at the fourth call keep finding their globals through their
     * run-time caches ({@link GlobalCache}) after the module's dict gets new keys: new globals, a
     * global deleted and defined again, a global shadowing a builtin and deleted, a builtin
     * rebound in place, a non-string key (no cache), more changes than a site's fills; every
     * result and NameError stays python3.12's. Without the cache every execution after the first
     * change took the generic lookups ("guard failed").
     */
    @Test
    void globalSitesFollowTheModulesCurrentKeys() throws IOException {
        String err = compiledAtFourthCall("global_caches.py");
        assertReport(err, "scaled (global_caches.py:10)",
                "guard held for the current keys LOAD_GLOBAL_MODULE @20: 67",
                "guard held for the current keys LOAD_GLOBAL_BUILTIN @34: 67",
                "guard failed LOAD_GLOBAL_MODULE @20: 98");
        assertReport(err, "counted (global_caches.py:24)",
                "guard held for the current keys LOAD_GLOBAL_BUILTIN @2: 1");
    }

    /**
     * CALLs quickened to calls of C functions take {@link CallFastPath}'s guarded paths: builtin
     * functions (METH_O, METH_FASTCALL, with keywords allowed, len, isinstance), method
     * descriptors (METH_O, NOARGS, FASTCALL, with keywords allowed), types with tp_vectorcall,
     * list.append in place, type/str/tuple of one argument. Each function is compiled
     * at its fourth call, then called with other types, a subclass, an overridden append and a
     * shadowed builtin (each guard fails and the generic call runs), with errors raised by the
     * called functions and a RecursionError through a METH_O builtin; output and tracebacks stay
     * python3.12's.
     */
    @Test
    void quickenedCallsOfCFunctionsTakeGuardedFastPaths() throws IOException {
        String err = compiledAtFourthCall("call_fast_paths.py");
        // An Appender overrides append: its three calls fail the descriptor guard.
        assertReport(err, "appends (call_fast_paths.py:36)", "guard held CALL_NO_KW_LIST_APPEND @54: 756",
                "guard failed CALL_NO_KW_LIST_APPEND @54: 3");
        assertReport(err, "builtins_o (call_fast_paths.py:24)", "guard held CALL_NO_KW_BUILTIN_O @14: 9",
                "guard held CALL_NO_KW_LEN @34: 8");
        assertReport(err, "builtins_fast (call_fast_paths.py:28)", "guard held CALL_NO_KW_ISINSTANCE @24: 8",
                "guard held CALL_NO_KW_BUILTIN_FAST @46: 8");
        // A list subclass: self is not exactly of the descriptor's type.
        assertReport(err, "methods (call_fast_paths.py:32)", "guard held CALL_NO_KW_METHOD_DESCRIPTOR_O @26: 6",
                "guard failed CALL_NO_KW_METHOD_DESCRIPTOR_O @26: 1",
                "guard held CALL_NO_KW_METHOD_DESCRIPTOR_NOARGS @56: 7",
                "guard held CALL_NO_KW_METHOD_DESCRIPTOR_FAST @88: 7");
        assertReport(err, "conversions (call_fast_paths.py:42)", "guard held CALL_NO_KW_TYPE_1 @14: 16",
                "guard held CALL_NO_KW_STR_1 @54: 16", "guard held CALL_NO_KW_TUPLE_1 @74: 15");
        // len shadowed by a global lambda once.
        assertReport(err, "uses_len (call_fast_paths.py:46)", "guard held CALL_NO_KW_LEN @14: 6",
                "guard failed CALL_NO_KW_LEN @14: 1");
        assertReport(err, "classes (call_fast_paths.py:54)", "guard held CALL_BUILTIN_CLASS @38: 7");
        assertReport(err, "keywords_allowed (call_fast_paths.py:59)",
                "guard held CALL_BUILTIN_FAST_WITH_KEYWORDS @14: 6",
                "guard held CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS @64: 6");
    }

    /**
     * Above threshold 1 the callbacks enter only bodies whose entry can reach a loop before it
     * returns or yields: a loop-free function is compiled for direct calls only (every entry of
     * its body is one of its compiled caller's direct calls), a generator whose every turn yields
     * is not compiled, one that loops between yields is entered at its resumptions if its loop
     * turns at least four times a resumption (else not compiled). A loop-free
     * function is compiled only for a compiled caller's direct calls or for C callers (entered
     * through its vectorcall slot): one called only by itself is not compiled.
     * {@code PYJIT_ENTER=all} enters them all. Compiled in the background, the loop-free
     * function's events stop at the threshold.
     */
    @Test
    void eventsEnterOnlyBodiesThatReachALoop() throws IOException {
        String err = statisticsOfARunLikePython(program("entry_policy.py"),
                Map.of("PYJIT_THRESHOLD", "20", "PYJIT_COMPILE_SYNC", "1"));
        List<String> tiny = report(err, "tiny (entry_policy.py:5)");
        assertTrue(tiny.get(0).contains("direct calls only: no loop"), tiny::toString);
        long direct = report(err, "looping (entry_policy.py:21)").stream().map(String::trim)
                .filter(l -> l.startsWith("direct call @48: "))
                .mapToLong(l -> Long.parseLong(l.substring("direct call @48: ".length()))).sum();
        assertTrue(direct > 0, err);
        // map's 280 calls after the threshold come through the vectorcall entry; so do the
        // interpreter's calls before it specialises looping's CALL, and the last line's.
        long entries = Long.parseLong(tiny.get(0).replaceAll(".*, entered ([0-9]+),.*", "$1"));
        assertTrue(entries > direct + 280, tiny + " vs " + direct);
        // Called from C: map's 280 calls after the threshold, and the last line's halve(7), whose
        // CALL the interpreter runs once, unspecialised, through the function's vectorcall slot.
        assertTrue(report(err, "halve (entry_policy.py:11)").get(0)
                .contains("direct calls only: no loop), entered 281,"), err);
        assertTrue(report(err, "fact (entry_policy.py:16)").get(0)
                .contains("not compiled: no loop, and no compiled caller would call it directly"), err);
        // Generators whose loop turns once (each) or about twice (halves) a resumption.
        for (String few : List.of("each (entry_policy.py:29)", "halves (entry_policy.py:42)")) {
            assertTrue(report(err, few).get(0)
                    .matches(".*not compiled: its loops turn [0-3]\\.[0-9] times a resumption, fewer than 4.*"), err);
        }
        assertReport(err, "sparse (entry_policy.py:35)", "return @46: 2");
        assertTrue(report(err, "sparse (entry_policy.py:35)").stream().anyMatch(l -> l.trim().startsWith("yield @36: ")),
                err);

        String all = statisticsOfARunLikePython(program("entry_policy.py"),
                Map.of("PYJIT_THRESHOLD", "20", "PYJIT_COMPILE_SYNC", "1", "PYJIT_ENTER", "all"));
        assertFalse(report(all, "tiny (entry_policy.py:5)").get(0).contains("direct calls only"), all);
        assertReport(all, "each (entry_policy.py:29)", "return @34: 2");

        // Compiled off the Python thread: the loop-free function's events stop at the threshold,
        // not when its body is installed (every call meanwhile would pay the callback).
        String background = statisticsOfARunLikePython(program("entry_policy.py"), Map.of("PYJIT_THRESHOLD", "20"));
        String row = report(background, "tiny (entry_policy.py:5)").get(0);
        assertEquals("20", row.substring("tiny (entry_policy.py:5)".length()).trim().split("\\s+")[0], row);
    }

    /**
     * Exits share their code: a body has one return per way of leaving (the two shared exit
     * ends, the entry's, and those of each shared unwinding block), however many exits it has.
     * An int loop with an exit per operator that may overflow has at most three; a try block
     * with six calls that may raise has as many as one with two.
     */
    @Test
    void exitsShareTheirCode() throws IOException {
        Path dump = dir.resolve("dump");
        Outcome jit = pyjit(program("compiled_exits.py"), Map.of("PYJIT_DUMP", dump.toString()));
        assertEquals(0, jit.exitStatus(), () -> new String(jit.stderr(), StandardCharsets.UTF_8));
        long kernel = returns(dump, "kernel");
        assertTrue(kernel <= 3, "returns in kernel: " + kernel);
        assertEquals(returns(dump, "few"), returns(dump, "many"));
    }

    /** The {@code return} instructions in the dumped IR of a function of compiled_exits.py. */
    private static long returns(Path dump, String function) throws IOException {
        try (Stream<Path> files = Files.list(dump)) {
            Path ir = files.filter(f -> f.getFileName().toString().contains("-" + function + "__compiled_exits.py")
                    && f.getFileName().toString().endsWith(".ir")).findFirst()
                    .orElseThrow(() -> new AssertionError("no IR of " + function + " in " + dump));
            return Files.readAllLines(ir).stream().filter(l -> l.trim().startsWith("return ")).count();
        }
    }
}
