package org.pyjit.python.bytecode;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.pyjit.python.launch.LaunchException;
import org.pyjit.python.launch.PythonLocator;

/** What {@code dump_corpus.py} printed: CPython's own view of the corpus code objects. */
record CorpusDump(Map<String, String> deopt, Map<String, Integer> caches, List<String> globals,
                  List<CodeRecord> codes) {

    /** One instruction as {@code dis.get_instructions(code)} lists it. */
    record DisInstruction(int offset, String opname, Integer arg, Integer jumpTarget, Integer effect,
                          Integer jumpEffect) { }

    /** One exception-table entry as {@code dis._parse_exception_table} gives it (byte offsets). */
    record DisEntry(int start, int end, int target, int depth, boolean lasti) { }

    /** One code object. */
    record CodeRecord(String qualname, int stackSize, List<String> names, byte[] coCode, byte[] adaptive,
                      byte[] exceptionTable, List<DisInstruction> instructions, Map<Integer, String> adaptiveOpnames,
                      Map<Integer, Map<String, Long>> cacheFields, List<DisEntry> entries) { }

    /** Runs the dump script once under the python3.12 the launcher would pick. */
    static CorpusDump run() throws IOException, InterruptedException, LaunchException, URISyntaxException {
        Path python = new PythonLocator(System.getenv(), Path.of("").toAbsolutePath()).locate().executable();
        Path script = Path.of(CorpusDump.class.getResource("/bytecode/dump_corpus.py").toURI());
        Path corpus = Path.of(CorpusDump.class.getResource("/bytecode/corpus_functions.py").toURI());
        Path errors = Files.createTempFile("pyjit-corpus", ".err");
        try {
            Process p = new ProcessBuilder(python.toString(), "-I", script.toString(), corpus.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectError(errors.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(python + " " + script + " failed:\n" + Files.readString(errors));
            }
            return parse(out);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    static CorpusDump parse(String text) {
        Map<String, String> deopt = new LinkedHashMap<>();
        Map<String, Integer> caches = new LinkedHashMap<>();
        List<String> globals = List.of();
        List<CodeRecord> codes = new ArrayList<>();
        Builder b = null;
        HexFormat hex = HexFormat.of();
        for (String line : text.split("\n")) {
            String[] f = line.split(" ", -1);
            switch (f[0]) {
                case "deopt" -> deopt.put(f[1], f[2]);
                case "caches" -> caches.put(f[1], Integer.parseInt(f[2]));
                case "globals" -> globals = List.of(line.substring("globals ".length()).split(" "));
                case "code" -> b = new Builder(line.substring("code ".length()));
                case "stacksize" -> b.stackSize = Integer.parseInt(f[1]);
                case "names" -> b.names = f.length == 2 && f[1].isEmpty() ? List.of()
                        : List.of(line.substring("names ".length()).split(" "));
                case "co_code" -> b.coCode = hex.parseHex(f[1]);
                case "adaptive" -> b.adaptive = hex.parseHex(f[1]);
                case "exctable" -> b.exceptionTable = hex.parseHex(f[1]);
                case "insn" -> b.instructions.add(new DisInstruction(Integer.parseInt(f[1]), f[2], optInt(f[3]),
                        optInt(f[4]), optInt(f[5]), optInt(f[6])));
                case "ainsn" -> b.adaptiveOpnames.put(Integer.parseInt(f[1]), f[2]);
                case "cache" -> b.cacheFields.computeIfAbsent(Integer.parseInt(f[1]), k -> new LinkedHashMap<>())
                        .put(f[2], Long.parseLong(f[3]));
                case "exc" -> b.entries.add(new DisEntry(Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                        Integer.parseInt(f[3]), Integer.parseInt(f[4]), f[5].equals("1")));
                case "end" -> codes.add(b.build());
                case "" -> { }
                default -> throw new IllegalArgumentException("unexpected dump line: " + line);
            }
        }
        return new CorpusDump(deopt, caches, globals, codes);
    }

    private static Integer optInt(String s) {
        return s.equals("-") ? null : Integer.valueOf(s);
    }

    private static final class Builder {
        final String qualname;
        int stackSize;
        List<String> names = List.of();
        byte[] coCode;
        byte[] adaptive;
        byte[] exceptionTable;
        final List<DisInstruction> instructions = new ArrayList<>();
        final Map<Integer, String> adaptiveOpnames = new LinkedHashMap<>();
        final Map<Integer, Map<String, Long>> cacheFields = new LinkedHashMap<>();
        final List<DisEntry> entries = new ArrayList<>();

        Builder(String qualname) {
            this.qualname = qualname;
        }

        CodeRecord build() {
            return new CodeRecord(qualname, stackSize, names, coCode, adaptive, exceptionTable,
                    List.copyOf(instructions), Map.copyOf(adaptiveOpnames), Map.copyOf(cacheFields), List.copyOf(entries));
        }
    }
}
