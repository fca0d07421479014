package org.pyjit.codegen.memory;

/**
 * A piece of published machine code in a {@link CodeCache}: read/execute, never writable again.
 *
 * <p>The blob stays valid until {@link #free()}; after that its address must not be called (the
 * pages may be unmapped at once). Freeing twice is a bug in the caller and throws.
 */
public final class CodeBlob {
    private final CodeCache cache;
    private final CodeCache.Slab slab;
    private final long address;
    private final int size;
    private boolean live = true; // guarded by cache

    CodeBlob(CodeCache cache, CodeCache.Slab slab, long address, int size) {
        this.cache = cache;
        this.slab = slab;
        this.address = address;
        this.size = size;
    }

    /** @return the address of the first byte (16-byte aligned) */
    public long address() {
        return address;
    }

    /** @return the number of code bytes */
    public int size() {
        return size;
    }

    /** @return whether the blob has not been freed yet */
    public boolean isLive() {
        synchronized (cache) {
            return live;
        }
    }

    /**
     * Releases the blob's space; when it was the last live blob of its slab the slab is unmapped.
     *
     * @throws IllegalStateException if the blob was already freed
     */
    public void free() {
        cache.release(this);
    }

    CodeCache.Slab slab() {
        return slab;
    }

    /** Marks the blob dead; returns false if it already was. Called with the cache lock held. */
    boolean kill() {
        boolean was = live;
        live = false;
        return was;
    }

    @Override
    public String toString() {
        return "CodeBlob[0x" + Long.toHexString(address) + "+" + size + (isLive() ? "" : ", freed") + "]";
    }
}
