package org.pyjit.ir.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.text.IrParseException;
import org.pyjit.ir.text.IrParser;

/**
 * What a {@link JitcCommand} works with: the output streams and the shared ways of reading input,
 * which turn every input problem into a {@link JitcException} with a one-line message.
 *
 * @param out standard output
 * @param err standard error
 */
public record JitcContext(PrintStream out, PrintStream err) {

    /** Reads a file as UTF-8 text. */
    public String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new JitcException(file + ": no such file", JitcException.INPUT);
        } catch (IOException | InvalidPathException e) {
            throw new JitcException(file + ": cannot read: " + e.getMessage(), JitcException.INPUT);
        }
    }

    /** Parses IR text; parse errors become {@code FILE:LINE:COLUMN: message}. */
    public IrModule parse(String file, String text) {
        try {
            return IrParser.parseModule(text);
        } catch (IrParseException e) {
            throw new JitcException(file + ":" + e.line() + ":" + e.column() + ": " + e.detail(), JitcException.INPUT);
        }
    }

    /** Reads and parses a file. */
    public IrModule load(String file) {
        return parse(file, read(file));
    }

    /** Reads, parses and verifies a file; verifier errors become {@code FILE: error} lines. */
    public IrModule loadVerified(String file) {
        IrModule m = load(file);
        List<String> errors = ModuleChecker.errors(m);
        if (!errors.isEmpty()) {
            throw new JitcException(String.join(System.lineSeparator(), errors.stream().map(e -> file + ": " + e).toList()),
                    JitcException.INPUT);
        }
        return m;
    }
}
