package org.pyjit.ir.tool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.text.IrParser;

/**
 * A {@code .jir} file: IR text with {@code ; run:} lines, parsed. Backends reuse it to run the
 * same files natively:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> golden() {
 *     Executor nativeCode = (module, fn, args) -> ...;       // compile and call
 *     return GoldenFile.all(GoldenFile.defaultDirectory()).stream()
 *             .flatMap(f -> f.runs().stream().map(r -> DynamicTest.dynamicTest(f.name() + ":" + r.line() + " " + r.text(),
 *                     () -> r.run(f.module(), nativeCode).assertPassed())));
 * }
 * }</pre>
 *
 * @param path   where it was read from
 * @param source the text
 * @param module the parsed functions
 * @param runs   the run lines in file order
 */
public record GoldenFile(Path path, String source, IrModule module, List<RunLine> runs) {
    /** System property naming the golden directory, overriding the search. */
    public static final String DIRECTORY_PROPERTY = "pyjit.golden.dir";
    /** The golden directory relative to the repository root. */
    public static final Path RELATIVE_DIRECTORY = Path.of("ir", "src", "test", "resources", "golden");

    /** Copies the run list. */
    public GoldenFile {
        runs = List.copyOf(runs);
    }

    /**
     * Reads and parses a file.
     *
     * @throws org.pyjit.ir.text.IrParseException if the IR does not parse
     * @throws RunLineException                   if a run line is malformed
     * @throws UncheckedIOException               if the file cannot be read
     */
    public static GoldenFile load(Path path) {
        String source;
        try {
            source = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return new GoldenFile(path, source, IrParser.parseModule(source), RunLine.parseAll(source));
    }

    /** The file name, e.g. {@code int_arith.jir}. */
    public String name() {
        return path.getFileName().toString();
    }

    /** Every {@code *.jir} file directly in {@code dir}, loaded, sorted by name. */
    public static List<GoldenFile> all(Path dir) {
        List<GoldenFile> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".jir")).sorted().toList()) {
                out.add(load(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * The golden directory: the system property {@value #DIRECTORY_PROPERTY} if set, else
     * {@link #RELATIVE_DIRECTORY} under the working directory or the nearest ancestor that has
     * it (so it is found from the root and from any module directory).
     *
     * @throws IllegalStateException if there is none
     */
    public static Path defaultDirectory() {
        String prop = System.getProperty(DIRECTORY_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE_DIRECTORY);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + RELATIVE_DIRECTORY + " above " + Path.of("").toAbsolutePath()
                + "; set -D" + DIRECTORY_PROPERTY);
    }
}
