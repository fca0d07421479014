package org.pyjit.aarch64.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The cross tools the AArch64 tests run: GNU binutils and gcc for aarch64-linux-gnu and
 * qemu-aarch64, found on PATH. A missing tool fails the test with the package to install; it is
 * never skipped.
 */
public final class CrossTools {
    /** Debian packages providing the tools. */
    public static final String INSTALL = "apt-get install -y qemu-user binutils-aarch64-linux-gnu gcc-aarch64-linux-gnu";

    private CrossTools() {
    }

    /** The path of {@code name} on PATH. */
    public static String require(String name) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                File f = new File(dir, name);
                if (f.canExecute()) {
                    return f.getPath();
                }
            }
        }
        throw new AssertionError(name + " not found on PATH; the AArch64 tests need the cross tools: " + INSTALL);
    }

    /** aarch64-linux-gnu-objdump. */
    public static String objdump() {
        return require("aarch64-linux-gnu-objdump");
    }

    /** aarch64-linux-gnu-gcc. */
    public static String gcc() {
        return require("aarch64-linux-gnu-gcc");
    }

    /** qemu-aarch64 (user mode). */
    public static String qemu() {
        return require("qemu-aarch64");
    }

    /** The result of a process run. */
    public record Run(int exitCode, String stdout, String stderr) {
    }

    /** Runs {@code command} with {@code stdin} as input and waits (at most two minutes). */
    public static Run run(List<String> command, byte[] stdin) {
        try {
            Path out = Files.createTempFile("pyjit-a64", ".out");
            Path err = Files.createTempFile("pyjit-a64", ".err");
            try {
                Process p = new ProcessBuilder(new ArrayList<>(command))
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                try (var in = p.getOutputStream()) {
                    in.write(stdin);
                }
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("timed out: " + command);
                }
                return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
