package org.pyjit.python.launch;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The {@code PYJIT_LOG} file: one line per JIT decision, prefixed by a category. A log without a
 * file swallows everything.
 */
public final class JitLog implements AutoCloseable {

    private final PrintWriter out;

    private JitLog(PrintWriter out) {
        this.out = out;
    }

    /**
     * Opens the log (appending) or a no-op log.
     *
     * @param file the log file, if logging is on
     * @return the log
     * @throws LaunchException if the file cannot be opened
     */
    public static JitLog open(Optional<Path> file) throws LaunchException {
        if (file.isEmpty()) {
            return new JitLog(null);
        }
        try {
            return new JitLog(new PrintWriter(Files.newBufferedWriter(file.get(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND), true));
        } catch (IOException e) {
            throw new LaunchException("PYJIT_LOG=" + file.get() + ": cannot open: " + e.getMessage(), e);
        }
    }

    /**
     * Logs one line.
     *
     * @param category e.g. {@code boot}, {@code compile}, {@code deopt}
     * @param message the fact
     */
    public synchronized void log(String category, String message) {
        if (out != null) {
            out.println(category + ": " + message);
        }
    }

    /** Whether lines go anywhere (to skip building expensive messages). */
    public boolean enabled() {
        return out != null;
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            out.close();
        }
    }
}
