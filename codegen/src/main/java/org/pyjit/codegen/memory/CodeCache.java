package org.pyjit.codegen.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Places machine code in executable memory and takes it back.
 *
 * <p><b>Design.</b> Memory is strictly W^X and never double-mapped, so a page that holds
 * published (callable) code can never be written again: making it writable for a moment would
 * fault any thread running code in it. Therefore every <em>slab</em> (a run of pages from
 * {@link ExecutableMemory}) is written exactly once, while it is still read/write, and then flipped
 * to read/execute before any of its code is handed out. {@link #install(byte[])} gives one blob its
 * own slab; {@link #installAll(List)} packs several blobs (each 16-byte aligned) into one slab
 * when they are published together. A slab counts its live blobs; when the last one is freed the
 * slab is unmapped at once.
 *
 * <p><b>Bound.</b> The memory mapped by a cache is at most the live code of each slab rounded up
 * to whole pages, so compiling and freeing forever does not grow the process. The price is up to
 * one page of slack per {@code install} call; batch with {@code installAll} when code is small
 * and numerous.
 *
 * <p>Thread-safe: all bookkeeping happens under the cache's monitor. Freeing a blob while another
 * thread still runs it is the caller's responsibility to prevent.
 */
public final class CodeCache {
    /** Alignment of every blob's first byte. */
    public static final int BLOB_ALIGNMENT = 16;

    /** A page run written once and then executable; unmapped when its last blob is freed. */
    static final class Slab {
        final ExecutableMemory memory;
        int liveBlobs;

        Slab(ExecutableMemory memory, int liveBlobs) {
            this.memory = memory;
            this.liveBlobs = liveBlobs;
        }
    }

    private int slabs;
    private int liveBlobs;
    private long mappedBytes;

    /** Creates an empty cache; it maps nothing until code is installed. */
    public CodeCache() {
    }

    /**
     * Copies {@code code} into a fresh slab, makes it executable and returns its handle.
     *
     * @param code machine code, at least one byte
     * @return the published blob
     * @throws IllegalArgumentException if {@code code} is empty
     */
    public CodeBlob install(byte[] code) {
        return installAll(List.of(code)).get(0);
    }

    /**
     * Copies several pieces of code into one slab (each start 16-byte aligned, gaps filled with
     * {@code int3}), makes the slab executable and returns the handles in order. Each blob is
     * freed independently; the slab goes away with the last one.
     *
     * @param codes the pieces, none empty, at least one
     * @return one published blob per piece
     * @throws IllegalArgumentException if the list or any piece is empty
     */
    public List<CodeBlob> installAll(List<byte[]> codes) {
        Objects.requireNonNull(codes, "codes");
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("nothing to install");
        }
        long[] offsets = new long[codes.size()];
        long end = 0;
        for (int i = 0; i < codes.size(); i++) {
            byte[] code = Objects.requireNonNull(codes.get(i), "code");
            if (code.length == 0) {
                throw new IllegalArgumentException("code blob " + i + " is empty");
            }
            offsets[i] = alignUp(end);
            end = offsets[i] + code.length;
        }
        ExecutableMemory memory = ExecutableMemory.allocate(end);
        try {
            byte[] trap = new byte[BLOB_ALIGNMENT];
            java.util.Arrays.fill(trap, (byte) 0xCC);
            long cursor = 0;
            for (int i = 0; i < codes.size(); i++) {
                memory.write(cursor, trap, 0, (int) (offsets[i] - cursor));
                memory.write(offsets[i], codes.get(i), 0, codes.get(i).length);
                cursor = offsets[i] + codes.get(i).length;
            }
            memory.makeExecutable();
        } catch (RuntimeException | Error e) {
            memory.unmap();
            throw e;
        }
        Slab slab = new Slab(memory, codes.size());
        List<CodeBlob> blobs = new ArrayList<>(codes.size());
        for (int i = 0; i < codes.size(); i++) {
            blobs.add(new CodeBlob(this, slab, memory.address() + offsets[i], codes.get(i).length));
        }
        synchronized (this) {
            slabs++;
            liveBlobs += codes.size();
            mappedBytes += memory.size();
        }
        return List.copyOf(blobs);
    }

    synchronized void release(CodeBlob blob) {
        if (!blob.kill()) {
            throw new IllegalStateException(blob + " was already freed");
        }
        liveBlobs--;
        Slab slab = blob.slab();
        if (--slab.liveBlobs == 0) {
            mappedBytes -= slab.memory.size();
            slabs--;
            slab.memory.unmap();
        }
    }

    /** @return blobs installed and not yet freed */
    public synchronized int liveBlobs() {
        return liveBlobs;
    }

    /** @return slabs currently mapped */
    public synchronized int slabCount() {
        return slabs;
    }

    /** @return bytes currently mapped by this cache (whole pages) */
    public synchronized long mappedBytes() {
        return mappedBytes;
    }

    private static long alignUp(long n) {
        return (n + BLOB_ALIGNMENT - 1) & -BLOB_ALIGNMENT;
    }
}
