package org.pyjit.codegen.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExecutableMemoryTest {
    @Test
    void lifeCycleIsReadWriteThenReadExecuteThenGone() {
        int before = ExecutableMemory.liveMappings();
        ExecutableMemory m = ExecutableMemory.allocate(10);
        assertEquals(ExecutableMemory.pageSize(), m.size());
        assertEquals(0, m.address() % ExecutableMemory.pageSize());
        assertEquals(before + 1, ExecutableMemory.liveMappings());
        assertEquals("rw-p", ProcMaps.read().find(m.address()).orElseThrow().perms());

        m.write(3, new byte[] {1, 2, 3}, 0, 3);
        m.makeExecutable();
        assertEquals(ExecutableMemory.State.EXECUTABLE, m.state());
        assertEquals("r-xp", ProcMaps.read().find(m.address()).orElseThrow().perms());
        assertArrayEquals(new byte[] {0, 1, 2, 3, 0}, m.read(2, 5));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.write(0, new byte[1], 0, 1));
        assertTrue(e.getMessage().contains("before it is made executable"), e.getMessage());
        assertThrows(IllegalStateException.class, m::makeExecutable);

        m.unmap();
        assertEquals(before, ExecutableMemory.liveMappings());
        assertFalse(ProcMaps.read().find(m.address()).map(ProcMaps.Entry::executable).orElse(false),
                "the unmapped range is no longer executable");
        assertThrows(IllegalStateException.class, m::unmap);
        assertThrows(IllegalStateException.class, () -> m.read(0, 1));
    }

    @Test
    void sizesRoundUpToPages() {
        int page = ExecutableMemory.pageSize();
        ExecutableMemory m = ExecutableMemory.allocate(page + 1);
        try {
            assertEquals(2L * page, m.size());
        } finally {
            m.unmap();
        }
    }

    @Test
    void rejectsBadRequests() {
        assertThrows(IllegalArgumentException.class, () -> ExecutableMemory.allocate(0));
        ExecutableMemory m = ExecutableMemory.allocate(1);
        try {
            assertThrows(IndexOutOfBoundsException.class, () -> m.write(m.size() - 1, new byte[2], 0, 2));
            assertThrows(IndexOutOfBoundsException.class, () -> m.write(-1, new byte[1], 0, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> m.write(0, new byte[1], 0, 2));
        } finally {
            m.unmap();
        }
    }
}
