package org.pyjit.python.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Every program of {@code src/test/python} runs under {@code bin/pyjit} (once with
 * {@code PYJIT_THRESHOLD=1}, once with the default) and under {@code python3.12}, in the same
 * working directory (a fresh copy of the corpus) and environment; stdout, stderr and exit status
 * must be byte-identical.
 */
class CorpusTest {

    private static final Path CORPUS = Path.of("src/test/python");
    private static Path work;
    private static ExecutorService pool;

    @BeforeAll
    static void copyCorpus() throws IOException {
        work = PythonProcesses.copyTree(CORPUS, "pyjit-corpus");
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        pool.shutdownNow();
        PythonProcesses.deleteTree(work);
    }

    @TestFactory
    List<DynamicTest> corpusMatchesPython() throws IOException {
        List<Path> programs;
        try (Stream<Path> files = Files.list(work)) {
            programs = files.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
        assertTrue(programs.size() >= 40, "corpus has " + programs.size() + " programs");
        Path python = PythonProcesses.python();
        Path pyjit = PythonProcesses.pyjit();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : programs) {
            CorpusProgram program = CorpusProgram.read(file);
            List<String> args = program.arguments();
            CompletableFuture<Outcome> expected = CompletableFuture.supplyAsync(() ->
                    PythonProcesses.run(PythonProcesses.command(python, args), work, environment(null),
                            program.input()), pool);
            for (String threshold : new String[] {"1", null}) {
                CompletableFuture<Outcome> actual = CompletableFuture.supplyAsync(() ->
                        PythonProcesses.run(PythonProcesses.command(pyjit, args), work, environment(threshold),
                                program.input()), pool);
                String name = file.getFileName() + (threshold == null ? " (default threshold)" : " (threshold 1)");
                tests.add(DynamicTest.dynamicTest(name, () -> assertSame(expected.join(), actual.join())));
            }
        }
        return tests;
    }

    private static Map<String, String> environment(String threshold) {
        Map<String, String> env = PythonProcesses.baseEnvironment();
        if (threshold != null) {
            env.put("PYJIT_THRESHOLD", threshold);
        }
        return env;
    }

    private static void assertSame(Outcome expected, Outcome actual) {
        assertEquals(text(expected.stderr()), text(actual.stderr()), "stderr");
        assertEquals(text(expected.stdout()), text(actual.stdout()), "stdout");
        assertEquals(expected.exitStatus(), actual.exitStatus(), "exit status");
        assertTrue(java.util.Arrays.equals(expected.stdout(), actual.stdout()), "stdout bytes");
        assertTrue(java.util.Arrays.equals(expected.stderr(), actual.stderr()), "stderr bytes");
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
