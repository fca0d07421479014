package org.pyjit.codegen.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class LibCTest {
    private static final int EINVAL = 22;

    @Test
    void failingCallsReportTheirErrno() {
        LibC libc = LibC.open();
        assertEquals(-1, libc.munmap(1L, 4096), "an unaligned address is refused");
        assertEquals(EINVAL, LibC.errno());
        assertEquals(-1L, libc.mmap(0, 0x1, 0x02 | 0x20, -1, 0L), "a zero length is refused");
        assertEquals(EINVAL, LibC.errno());
    }

    @Test
    void mapsProtectsAndUnmapsAtAKernelChosenAddress() {
        LibC libc = LibC.open();
        int page = libc.getpagesize();
        long address = libc.mmap(page, 0x1 | 0x2, 0x02 | 0x20, -1, 0L);
        assertNotEquals(-1L, address);
        assertEquals(0L, address % page);
        assertEquals("rw-p", ProcMaps.read().find(address).orElseThrow().perms());
        assertEquals(0, libc.mprotect(address, page, 0x1 | 0x4));
        assertEquals("r-xp", ProcMaps.read().find(address).orElseThrow().perms());
        assertEquals(0, libc.munmap(address, page));
    }
}
