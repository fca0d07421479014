package org.pyjit.x86;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Disassembles machine code with GNU objdump from {@code PATH}
 * ({@code objdump -D -b binary -m i386:x86-64 -M intel}), one {@code offset: instruction} line
 * per instruction, without the raw bytes.
 */
public final class Disassembler {
    private static final Pattern LINE = Pattern.compile("^\\s*([0-9a-f]+):\\t(?:[0-9a-f]{2} )+\\s*\\t(.*)$");

    private Disassembler() {
    }

    /**
     * Disassembles {@code code[start, end)}; offsets are relative to the start of {@code code}.
     *
     * @throws IllegalStateException if objdump cannot be run or fails
     */
    public static List<String> disassemble(byte[] code, int start, int end) {
        if (start < 0 || end > code.length || start > end) {
            throw new IllegalArgumentException("range [" + start + ", " + end + ") outside 0.." + code.length);
        }
        if (start == end) {
            return List.of();
        }
        Path file = null;
        try {
            file = Files.createTempFile("pyjit-code", ".bin");
            Files.write(file, code);
            Process p = new ProcessBuilder("objdump", "-D", "-b", "binary", "-m", "i386:x86-64", "-M", "intel",
                    "--start-address=" + start, "--stop-address=" + end, file.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("objdump failed: " + out.strip());
            }
            List<String> lines = new ArrayList<>();
            for (String l : out.split("\n")) {
                Matcher m = LINE.matcher(l);
                if (m.matches()) {
                    lines.add(String.format("%4s: %s", m.group(1), m.group(2).strip().replaceAll("\\s+", " ")));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run objdump (is binutils on PATH?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running objdump", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
