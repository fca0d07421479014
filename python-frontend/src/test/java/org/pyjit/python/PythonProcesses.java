package org.pyjit.python;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.pyjit.python.launch.LaunchException;
import org.pyjit.python.launch.PythonLocator;

/** Runs {@code bin/pyjit} and the reference {@code python3.12} as child processes for tests. */
public final class PythonProcesses {

    private PythonProcesses() {
    }

    /**
     * What a process did.
     *
     * @param exitStatus exit status (128 + n for death by signal n, as a shell reports it)
     * @param stdout its standard output bytes
     * @param stderr its standard error bytes
     */
    public record Outcome(int exitStatus, byte[] stdout, byte[] stderr) {
        /** Stdout as UTF-8 text. */
        public String out() {
            return new String(stdout, java.nio.charset.StandardCharsets.UTF_8);
        }

        /** Stderr as UTF-8 text. */
        public String err() {
            return new String(stderr, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The launcher script of this checkout. */
    public static Path pyjit() {
        Path p = Path.of(System.getProperty("user.dir")).resolve("../bin/pyjit").normalize();
        if (!Files.isExecutable(p)) {
            throw new IllegalStateException("bin/pyjit not found at " + p);
        }
        return p;
    }

    /** The reference python3.12, found exactly as the launcher finds it. */
    public static Path python() {
        try {
            return new PythonLocator(System.getenv(), Path.of("")).locate().executable();
        } catch (LaunchException e) {
            throw new IllegalStateException(e.line(), e);
        }
    }

    /** The test environment: the inherited one without any {@code PYJIT_*} variable. */
    public static Map<String, String> baseEnvironment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("PYJIT_"));
        return env;
    }

    /**
     * Runs a command to completion.
     *
     * @param command the command
     * @param cwd working directory
     * @param env the complete environment
     * @param stdin a file for standard input, or {@code null} for an empty input
     * @return the outcome
     */
    public static Outcome run(List<String> command, Path cwd, Map<String, String> env, Path stdin) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                : ProcessBuilder.Redirect.from(stdin.toFile()));
        try {
            Process p = pb.start();
            CompletableFuture<byte[]> out = drain(p.getInputStream());
            CompletableFuture<byte[]> err = drain(p.getErrorStream());
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return new Outcome(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a stream fully on another thread.
     *
     * @param in the stream
     * @return its bytes, eventually
     */
    public static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, r -> new Thread(r, "drain").start());
    }

    /**
     * A fresh temporary copy of a directory tree (programs run there, so their files and outputs
     * never touch the sources).
     *
     * @param from the tree
     * @param prefix the temporary directory's name prefix
     * @return the copy's root
     */
    public static Path copyTree(Path from, String prefix) throws IOException {
        Path to = Files.createTempDirectory(prefix);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    /** Deletes a tree made by {@link #copyTree}. */
    public static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * A command: the executable followed by arguments.
     *
     * @param exe the executable
     * @param args its arguments
     * @return the command line
     */
    public static List<String> command(Path exe, List<String> args) {
        List<String> c = new ArrayList<>();
        c.add(exe.toString());
        c.addAll(args);
        return c;
    }

    /**
     * The row of {@code function} in a {@code PYJIT_STATS} table and the lines under it.
     *
     * @param stats pyjit's stderr with the statistics
     * @param function the code object's qualified name (the row starts with it and " (")
     * @return the row and its report lines, each ending in a newline
     */
    public static String statsOf(String stats, String function) {
        StringBuilder out = new StringBuilder();
        boolean in = false;
        for (String line : stats.lines().toList()) {
            if (line.startsWith(function + " (")) {
                in = true;
            } else if (in && !line.startsWith(" ")) {
                break;
            }
            if (in) {
                out.append(line).append('\n');
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(in, "no row for " + function + " in\n" + stats);
        return out.toString();
    }
}
