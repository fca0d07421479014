package org.pyjit.python.launch;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The program's arguments as the bytes the kernel received, so that CPython decodes them itself
 * (Java's {@code String[]} went through {@code sun.jnu.encoding}, which turns non-ASCII bytes
 * into {@code ?} under the C locale).
 */
final class CommandLine {

    private CommandLine() {
    }

    /**
     * The raw bytes of the main-method arguments.
     *
     * @param args the main method's arguments (only their count is trusted)
     * @return one byte array per argument
     */
    static List<byte[]> rawArguments(String[] args) {
        try {
            List<byte[]> all = split(Files.readAllBytes(Path.of("/proc/self/cmdline")));
            // The JVM options and the main class come first; the program's arguments are the tail.
            if (all.size() >= args.length) {
                return all.subList(all.size() - args.length, all.size());
            }
        } catch (IOException | SecurityException e) {
            // No procfs: fall back to re-encoding.
        }
        Charset cs = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        List<byte[]> out = new ArrayList<>();
        for (String a : args) {
            out.add(a.getBytes(cs));
        }
        return out;
    }

    /**
     * Splits a NUL-separated (and NUL-terminated) block.
     *
     * @param block the contents of {@code /proc/self/cmdline}
     * @return the strings
     */
    static List<byte[]> split(byte[] block) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < block.length; i++) {
            if (block[i] == 0) {
                out.add(java.util.Arrays.copyOfRange(block, start, i));
                start = i + 1;
            }
        }
        if (start < block.length) {
            out.add(java.util.Arrays.copyOfRange(block, start, block.length));
        }
        return out;
    }
}
