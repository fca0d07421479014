package org.pyjit.fuzz.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.pyjit.fuzz.harness.Case;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.text.IrParser;

/**
 * A regression case: a {@code .jir} module plus header comments saying what to run.
 * <pre>
 * ; entry: f0
 * ; run: seed=3 args=0x1 0xffffffffffffffff
 * function %f0(i64, i32) -> i32 { … }
 * </pre>
 * The entry's first parameter is the buffer base (supplied by the harness); {@code args} are the
 * raw bits of the remaining parameters, {@code seed} fixes the buffer's initial contents. Without
 * {@code run} lines the file is replayed on {@link EdgeArguments#cases edge-value arguments}.
 *
 * @param name   the file name, for messages
 * @param entry  the entry function (default {@code f0})
 * @param runs   the cases
 * @param module the parsed module
 */
public record RegressionFile(String name, String entry, List<Case> runs, IrModule module) {
    /** Copies the list. */
    public RegressionFile {
        runs = List.copyOf(runs);
    }

    /**
     * Parses a regression file's text.
     *
     * @throws org.pyjit.ir.text.IrParseException if the module does not parse
     * @throws IllegalArgumentException           if a header line is malformed
     */
    public static RegressionFile parse(String name, String text) {
        String entry = "f0";
        List<Case> runs = new ArrayList<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.startsWith("; entry:")) {
                entry = l.substring("; entry:".length()).strip();
            } else if (l.startsWith("; run:")) {
                runs.add(parseRun(name, l.substring("; run:".length()).strip()));
            }
        }
        IrModule module = IrParser.parseModule(text);
        if (module.function(entry) == null) {
            throw new IllegalArgumentException(name + ": no entry function %" + entry);
        }
        if (runs.isEmpty()) {
            runs = EdgeArguments.cases(module.function(entry).signature().params().subList(1,
                    module.function(entry).signature().params().size()));
        }
        return new RegressionFile(name, entry, runs, module);
    }

    private static Case parseRun(String file, String spec) {
        long seed = 0;
        long[] args = new long[0];
        for (String part : spec.split("\\s+(?=[a-z]+=)")) {
            if (part.startsWith("seed=")) {
                seed = Long.parseLong(part.substring(5).strip());
            } else if (part.startsWith("args=")) {
                String rest = part.substring(5).strip();
                args = rest.isEmpty() ? new long[0]
                        : Stream.of(rest.split("\\s+")).mapToLong(RegressionFile::parseLong).toArray();
            } else {
                throw new IllegalArgumentException(file + ": bad run line part '" + part + "'");
            }
        }
        return new Case(seed, args);
    }

    private static long parseLong(String s) {
        return s.startsWith("0x") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s);
    }

    /** Every {@code .jir} file under {@code dir}, sorted by name, parsed. */
    public static List<RegressionFile> loadAll(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<RegressionFile> out = new ArrayList<>();
            for (Path p : files.filter(p -> p.toString().endsWith(".jir")).sorted().toList()) {
                out.add(parse(dir.relativize(p).toString(), Files.readString(p)));
            }
            return out;
        }
    }
}
