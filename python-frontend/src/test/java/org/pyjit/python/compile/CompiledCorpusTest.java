package org.pyjit.python.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.pyjit.python.PythonProcesses;
import org.pyjit.python.PythonProcesses.Outcome;

/**
 * The corpus of {@code src/test/python} with the compiler on at first call
 * ({@code PYJIT_COMPILE=1 PYJIT_THRESHOLD=1}) against {@code python3.12}: stdout, stderr and exit
 * status byte-identical. Programs run as files (those with {@code # mode/argv/stdin/options}
 * directives exercise the launcher, not compiled code, and stay with {@code CorpusTest}). By
 * default a fixed selection heavy in compiled code runs (the module's time budget);
 * {@code -Dpyjit.compiledCorpus=all} runs every file program.
 */
class CompiledCorpusTest {

    private static final Path CORPUS = Path.of("src/test/python");
    /**
     * The default selection: recursion, calls (and the order in which their arguments die),
     * classes, closures, exceptions, loops, tracing.
     */
    private static final Set<String> SELECTION = Set.of("call_ownership.py", "classes_inheritance.py", "closures.py",
            "comprehensions.py", "deep_recursion.py", "descriptors.py", "dict_set_ops.py", "exceptions_traceback.py",
            "generators.py", "hot_loops.py", "iter_protocol.py", "monitoring_user.py", "numbers_arith.py",
            "recursion_depth.py", "recursion_error.py", "rebinding.py", "call_leak.py", "settrace_user.py",
            "slicing_sequences.py",
            "string_formatting.py", "with_statement.py");
    private static Path work;
    private static ExecutorService pool;

    @BeforeAll
    static void copyCorpus() throws IOException {
        work = PythonProcesses.copyTree(CORPUS, "pyjit-compiled-corpus");
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        pool.shutdownNow();
        PythonProcesses.deleteTree(work);
    }

    private static boolean plainFile(Path program) {
        try {
            return Files.readAllLines(program, StandardCharsets.UTF_8).stream().takeWhile(l -> l.startsWith("# "))
                    .noneMatch(l -> l.matches("# (mode|argv|stdin|options):.*"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    List<DynamicTest> corpusMatchesPythonWhenCompiled() throws IOException {
        boolean all = "all".equals(System.getProperty("pyjit.compiledCorpus"));
        List<Path> programs;
        try (Stream<Path> files = Files.list(work)) {
            programs = files.filter(p -> p.toString().endsWith(".py")).filter(CompiledCorpusTest::plainFile)
                    .filter(p -> all || SELECTION.contains(p.getFileName().toString())).sorted().toList();
        }
        assertTrue(programs.size() >= SELECTION.size(), "corpus has " + programs.size() + " programs");
        Map<String, String> base = PythonProcesses.baseEnvironment();
        Map<String, String> compiled = new java.util.HashMap<>(base);
        compiled.put("PYJIT_COMPILE", "1");
        compiled.put("PYJIT_THRESHOLD", "1");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : programs) {
            List<String> args = List.of(file.getFileName().toString());
            CompletableFuture<Outcome> expected = CompletableFuture.supplyAsync(() -> PythonProcesses.run(
                    PythonProcesses.command(PythonProcesses.python(), args), work, base, null), pool);
            CompletableFuture<Outcome> actual = CompletableFuture.supplyAsync(() -> PythonProcesses.run(
                    PythonProcesses.command(PythonProcesses.pyjit(), args), work, compiled, null), pool);
            tests.add(DynamicTest.dynamicTest(file.getFileName() + " (compiled, threshold 1)", () -> {
                Outcome e = expected.join();
                Outcome a = actual.join();
                assertEquals(text(e.stderr()), text(a.stderr()), "stderr");
                assertEquals(text(e.stdout()), text(a.stdout()), "stdout");
                assertEquals(e.exitStatus(), a.exitStatus(), "exit status");
                assertTrue(Arrays.equals(e.stdout(), a.stdout()), "stdout bytes");
                assertTrue(Arrays.equals(e.stderr(), a.stderr()), "stderr bytes");
            }));
        }
        return tests;
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
