package org.pyjit.codegen.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeCacheTest {
    private static final NativeInvoker ADD2 =
            NativeInvoker.of(NativeSignature.of(NativeKind.I64, NativeKind.I64, NativeKind.I64));

    @Test
    void publishedCodeIsNeverWritableAndExecutable() {
        CodeCache cache = new CodeCache();
        List<CodeBlob> blobs = List.of(cache.install(Code.hex(Code.ADD)), cache.install(Code.hex(Code.ADDSD)));
        ProcMaps maps = ProcMaps.read();
        for (CodeBlob b : blobs) {
            ProcMaps.Entry e = maps.find(b.address()).orElseThrow();
            assertTrue(e.executable(), e.toString());
            assertFalse(e.writable(), "W^X violated: " + e);
            assertEquals(0, b.address() % CodeCache.BLOB_ALIGNMENT);
        }
        assertEquals(42, ADD2.invokeLong(blobs.get(0).address(), 40, 2));
        blobs.forEach(CodeBlob::free);
        assertEquals(0, cache.slabCount());
        assertEquals(0, cache.mappedBytes());
    }

    @Test
    void batchesShareOneSlabThatGoesAwayWithItsLastBlob() {
        CodeCache cache = new CodeCache();
        List<CodeBlob> blobs = cache.installAll(List.of(Code.hex(Code.ADD), Code.hex(Code.SUM10), Code.hex(Code.ADD)));
        assertEquals(1, cache.slabCount());
        assertEquals(3, cache.liveBlobs());
        for (CodeBlob b : blobs) {
            assertEquals(0, b.address() % 16);
        }
        assertEquals(blobs.get(0).address() + 16, blobs.get(1).address());
        blobs.get(0).free();
        blobs.get(1).free();
        assertEquals(1, cache.slabCount());
        assertEquals(7, ADD2.invokeLong(blobs.get(2).address(), 3, 4));
        long addr = blobs.get(2).address();
        blobs.get(2).free();
        assertEquals(0, cache.slabCount());
        assertFalse(ProcMaps.read().find(addr).map(ProcMaps.Entry::executable).orElse(false));
    }

    @Test
    void freeingTwiceThrowsClearly() {
        CodeBlob b = new CodeCache().install(Code.hex(Code.ADD));
        b.free();
        IllegalStateException e = assertThrows(IllegalStateException.class, b::free);
        assertTrue(e.getMessage().contains("already freed"), e.getMessage());
        assertFalse(b.isLive());
    }

    @Test
    void rejectsEmptyCode() {
        CodeCache cache = new CodeCache();
        assertThrows(IllegalArgumentException.class, () -> cache.install(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> cache.installAll(List.of()));
        assertEquals(0, cache.slabCount());
    }

    /** Compile-call-free forever must not grow the process: 10,000 blobs, at most 64 alive. */
    @Test
    void tenThousandBlobsStayBounded() {
        CodeCache cache = new CodeCache();
        int baselineMappings = ExecutableMemory.liveMappings();
        int baselineMapsLines = ProcMaps.read().entries().size();
        ArrayDeque<CodeBlob> window = new ArrayDeque<>();
        byte[] code = Code.hex(Code.ADD);
        int maxSlabs = 0;
        long maxBytes = 0;
        for (int i = 0; i < 10_000; i++) {
            CodeBlob b = cache.install(code);
            assertEquals(i + 1L, ADD2.invokeLong(b.address(), i, 1));
            window.add(b);
            if (window.size() > 64) {
                window.poll().free();
            }
            maxSlabs = Math.max(maxSlabs, cache.slabCount());
            maxBytes = Math.max(maxBytes, cache.mappedBytes());
        }
        assertEquals(64, maxSlabs);
        assertEquals(64L * ExecutableMemory.pageSize(), maxBytes);
        window.forEach(CodeBlob::free);
        assertEquals(0, cache.liveBlobs());
        assertEquals(0, cache.mappedBytes());
        assertEquals(baselineMappings, ExecutableMemory.liveMappings());
        int lines = ProcMaps.read().entries().size();
        assertTrue(lines <= baselineMapsLines + 32,
                "/proc/self/maps grew from " + baselineMapsLines + " to " + lines + " lines");
    }

    @Test
    void concurrentInstallCallFreeKeepsCountsExact() throws Exception {
        CodeCache cache = new CodeCache();
        byte[] code = Code.hex(Code.ADD);
        Thread[] threads = new Thread[4];
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        for (int t = 0; t < threads.length; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                try {
                    for (int i = 0; i < 500; i++) {
                        List<CodeBlob> pair = cache.installAll(List.of(code, code));
                        assertEquals(id + i, ADD2.invokeLong(pair.get(1).address(), id, i));
                        pair.forEach(CodeBlob::free);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        assertEquals(0, cache.liveBlobs());
        assertEquals(0, cache.slabCount());
        assertEquals(0, cache.mappedBytes());
    }
}
