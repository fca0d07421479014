package org.pyjit.python.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A program of the corpus and how to run it, from comment directives at its top:
 * {@code # mode: -m | -m PKG | -c | -} (default: run the file), {@code # argv: ...} (arguments
 * after the program; double quotes group), {@code # stdin: FILE} and {@code # options: ...}
 * (interpreter options before the program).
 *
 * @param file the program
 * @param mode how it is named on the command line
 * @param options interpreter options
 * @param argv program arguments
 * @param stdin file for standard input, or {@code null}
 */
record CorpusProgram(Path file, String mode, List<String> options, List<String> argv, Path stdin) {

    static CorpusProgram read(Path file) throws IOException {
        String mode = "file";
        List<String> options = List.of();
        List<String> argv = List.of();
        Path stdin = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.startsWith("# ")) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(2, colon).trim();
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "mode" -> mode = value;
                case "options" -> options = words(value);
                case "argv" -> argv = words(value);
                case "stdin" -> stdin = file.resolveSibling(value);
                default -> { }
            }
        }
        return new CorpusProgram(file, mode, options, argv, stdin);
    }

    /** The interpreter's arguments (without the executable). */
    List<String> arguments() throws IOException {
        List<String> args = new ArrayList<>(options);
        String name = file.getFileName().toString();
        String stem = name.substring(0, name.length() - 3);
        if (mode.equals("file")) {
            args.add(name);
        } else if (mode.equals("-m")) {
            args.addAll(List.of("-m", stem));
        } else if (mode.startsWith("-m ")) {
            args.addAll(List.of("-m", mode.substring(3).trim()));
        } else if (mode.equals("-c")) {
            args.addAll(List.of("-c", Files.readString(file, StandardCharsets.UTF_8)));
        } else if (mode.equals("-")) {
            args.add("-");
        } else {
            throw new IllegalArgumentException(file + ": unknown mode " + mode);
        }
        args.addAll(argv);
        return args;
    }

    /** Standard input: the named file, the program itself in stdin mode, or nothing. */
    Path input() {
        return stdin != null ? stdin : mode.equals("-") ? file : null;
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : s.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    out.add(cur.toString());
                }
                cur.setLength(0);
                any = false;
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(cur.toString());
        }
        return out;
    }
}
