package org.pyjit.x86.asm;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** Runs GNU objdump (found on PATH) over raw x86-64 bytes and returns normalised Intel syntax. */
final class Objdump {
    private Objdump() {
    }

    /** @return offset of each decoded instruction to its text, whitespace-normalised, comments dropped */
    static NavigableMap<Integer, String> disassemble(byte[] code) {
        String exe = findOnPath("objdump");
        try {
            Path bin = Files.createTempFile("pyjit-asm", ".bin");
            try {
                Files.write(bin, code);
                Process p = new ProcessBuilder(exe, "-D", "-b", "binary", "-m", "i386:x86-64", "-M", "intel",
                        "--insn-width=16", bin.toString())
                        .redirectErrorStream(true)
                        .start();
                String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    fail("objdump failed:\n" + text);
                }
                return parse(text);
            } finally {
                Files.deleteIfExists(bin);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static NavigableMap<Integer, String> parse(String text) {
        NavigableMap<Integer, String> out = new TreeMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.split("\t");
            if (f.length < 3 || !f[0].trim().endsWith(":")) {
                continue;
            }
            String off = f[0].trim();
            int offset = Integer.parseInt(off.substring(0, off.length() - 1), 16);
            out.put(offset, normalise(f[2]));
        }
        return out;
    }

    static String normalise(String insn) {
        int hash = insn.indexOf('#');
        if (hash >= 0) {
            insn = insn.substring(0, hash);
        }
        return insn.trim().replaceAll("\\s+", " ");
    }

    private static String findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                File f = new File(dir, name);
                if (f.canExecute()) {
                    return f.getPath();
                }
            }
        }
        fail(name + " not found on PATH: the encoder regression test needs GNU binutils (apt-get install binutils)");
        return null;
    }
}
