package org.pyjit.codegen.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The process's memory map as the kernel reports it in {@code /proc/self/maps}. */
record ProcMaps(List<Entry> entries) {
    /** One line: {@code start-end perms ...}. */
    record Entry(long start, long end, String perms) {
        boolean contains(long address) {
            return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0;
        }

        boolean writable() {
            return perms.charAt(1) == 'w';
        }

        boolean executable() {
            return perms.charAt(2) == 'x';
        }
    }

    static ProcMaps read() {
        try {
            List<Entry> entries = Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .map(line -> {
                        String[] f = line.split("\\s+");
                        String[] range = f[0].split("-");
                        return new Entry(Long.parseUnsignedLong(range[0], 16), Long.parseUnsignedLong(range[1], 16), f[1]);
                    })
                    .toList();
            return new ProcMaps(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<Entry> find(long address) {
        return entries.stream().filter(e -> e.contains(address)).findFirst();
    }
}
