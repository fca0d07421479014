package org.pyjit.aarch64.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Disassembles raw A64 code with {@code aarch64-linux-gnu-objdump} into normalised text. */
public final class Objdump {
    private Objdump() {
    }

    /** Offset of each instruction word → {@code mnemonic operands}, comments dropped, single spaces. */
    public static NavigableMap<Integer, String> disassemble(byte[] code) {
        String exe = CrossTools.objdump();
        try {
            Path bin = Files.createTempFile("pyjit-a64", ".bin");
            try {
                Files.write(bin, code);
                CrossTools.Run r = CrossTools.run(List.of(exe, "-D", "-b", "binary", "-m", "aarch64", bin.toString()),
                        new byte[0]);
                if (r.exitCode() != 0) {
                    throw new AssertionError("objdump failed: " + r.stderr());
                }
                return parse(r.stdout());
            } finally {
                Files.deleteIfExists(bin);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses objdump's {@code offset:<TAB>word <TAB>mnemonic<TAB>operands} lines. */
    public static NavigableMap<Integer, String> parse(String text) {
        NavigableMap<Integer, String> out = new TreeMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.split("\t", 3);
            if (f.length < 3 || !f[0].trim().endsWith(":")) {
                continue;
            }
            String off = f[0].trim();
            out.put(Integer.parseInt(off.substring(0, off.length() - 1), 16), normalise(f[2]));
        }
        return out;
    }

    /** Drops {@code //} comments and collapses whitespace (the tab after the mnemonic included). */
    public static String normalise(String insn) {
        int c = insn.indexOf("//");
        if (c >= 0) {
            insn = insn.substring(0, c);
        }
        return insn.trim().replaceAll("\\s+", " ");
    }
}
