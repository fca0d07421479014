package org.pyjit.python.compile;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code PYJIT_PERFMAP=1}: the names of JIT code for Linux {@code perf}. {@code perf report} names
 * a sample in an anonymous executable mapping from {@code /tmp/perf-PID.map}, one line per symbol:
 * {@code START SIZE NAME}, start and size in hexadecimal without a prefix (the convention of
 * {@code tools/perf/Documentation/jit-interface.txt}). Lines are only appended: a freed body's
 * line stays, and a later body at the same address gets a line of its own, which perf prefers
 * (the last one read wins for an address).
 */
final class PerfMap {

    private final Path file;

    /** The map of this process, in {@code /tmp}. */
    PerfMap() {
        this(Path.of("/tmp", "perf-" + ProcessHandle.current().pid() + ".map"));
    }

    /**
     * @param file where the lines go (created on the first one)
     */
    PerfMap(Path file) {
        this.file = file;
    }

    /**
     * Appends one symbol. The caller serialises calls.
     *
     * @param start the code's first byte
     * @param size its length in bytes
     * @param name the symbol; white space is replaced by {@code _} (perf reads the name to the end
     *     of the line, but other readers split on blanks)
     */
    void add(long start, long size, String name) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            w.write(Long.toHexString(start) + " " + Long.toHexString(size) + " " + name.replaceAll("\\s", "_")
                    + "\n");
        } catch (IOException e) {
            System.err.println("pyjit: warning: PYJIT_PERFMAP: " + e.getMessage());
        }
    }

    /** The file written. */
    Path file() {
        return file;
    }
}
