package org.pyjit.ir.interp;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;
import org.pyjit.ir.TrapCode;
import org.pyjit.ir.TrapException;

/**
 * The memory an interpreter's loads and stores see: a set of non-overlapping {@link Region}s at
 * caller-chosen addresses, so a test can hand the same numeric address to native code and to the
 * interpreter. Accesses are little-endian and may be unaligned; an access that does not lie
 * entirely inside one region traps {@link TrapCode#HEAP_OUT_OF_BOUNDS}.
 *
 * <p>Addresses from {@link #RESERVED_BASE} up to {@link #RESERVED_END} belong to the interpreter:
 * stack slots are mapped in {@code [STACK_BASE, FUNCTION_BASE)} and {@code func_addr} yields
 * addresses from {@link #FUNCTION_BASE}. Both ranges are non-canonical on x86-64 and AArch64
 * (above 2^56), so no real native pointer falls in them; callers may not map regions there.
 * Not thread-safe.
 */
public final class Memory {
    /** First address reserved for the interpreter. */
    public static final long RESERVED_BASE = 0x7E00_0000_0000_0000L;
    /** Where stack slots are placed. */
    public static final long STACK_BASE = RESERVED_BASE;
    /** Where the fake addresses of IR functions start ({@code func_addr}). */
    public static final long FUNCTION_BASE = 0x7F00_0000_0000_0000L;
    /** One past the last reserved address. */
    public static final long RESERVED_END = 0x8000_0000_0000_0000L;

    /** Regions by base address, ordered as unsigned numbers. */
    private final TreeMap<Long, Region> regions = new TreeMap<>(Long::compareUnsigned);
    /** The region of the last successful access: most accesses hit it again. */
    private Region last;

    /** An empty memory: every access traps until regions are mapped. */
    public Memory() {
    }

    /**
     * Maps a fresh zero-filled region of {@code size} bytes at {@code base}.
     *
     * @throws IllegalArgumentException if it would overlap a mapped region or the reserved range,
     *                                  or wrap around the address space
     */
    public Region map(long base, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("region size must be positive: " + size);
        }
        return map(base, ByteBuffer.allocate(size));
    }

    /**
     * Maps the bytes of {@code buffer} between its position and limit at {@code base}; reads and
     * writes go to the buffer (which may be direct, so native code can share it).
     *
     * @throws IllegalArgumentException as {@link #map(long, int)}
     */
    public Region map(long base, ByteBuffer buffer) {
        if (inReserved(base, buffer.remaining())) {
            throw new IllegalArgumentException(String.format(
                    "region at 0x%x overlaps the interpreter's reserved addresses [0x%x, 0x%x)",
                    base, RESERVED_BASE, RESERVED_END));
        }
        return mapAny(base, buffer);
    }

    /** Maps without the reserved-range check (the interpreter's own stack slots). */
    Region mapAny(long base, ByteBuffer buffer) {
        int size = buffer.remaining();
        if (size < 1) {
            throw new IllegalArgumentException("region size must be positive: " + size);
        }
        long lastByte = base + (size - 1);
        if (Long.compareUnsigned(lastByte, base) < 0) {
            throw new IllegalArgumentException(String.format("region at 0x%x of %d bytes wraps around", base, size));
        }
        Map.Entry<Long, Region> below = regions.floorEntry(lastByte);
        if (below != null && Long.compareUnsigned(below.getValue().end() - 1, base) >= 0) {
            throw new IllegalArgumentException(String.format("region at 0x%x of %d bytes overlaps %s",
                    base, size, below.getValue()));
        }
        Region r = new Region(base, buffer);
        regions.put(base, r);
        return r;
    }

    /** Removes a region; later accesses to its addresses trap. */
    public void unmap(Region region) {
        if (regions.get(region.base()) != region) {
            throw new IllegalArgumentException("region " + region + " is not mapped");
        }
        regions.remove(region.base());
        if (last == region) {
            last = null;
        }
    }

    /** The region holding the byte at {@code address}, or null. */
    public Region regionAt(long address) {
        Map.Entry<Long, Region> e = regions.floorEntry(address);
        return e != null && e.getValue().contains(address, 1) ? e.getValue() : null;
    }

    /**
     * Reads {@code size} (1, 2, 4 or 8) bytes at {@code address}, little-endian, zero-extended.
     *
     * @throws TrapException {@code heap_oob} if the bytes are not all inside one region
     */
    public long load(long address, int size) {
        return find(address, size).read(address, size);
    }

    /**
     * Writes the low {@code size} (1, 2, 4 or 8) bytes of {@code value} at {@code address},
     * little-endian.
     *
     * @throws TrapException {@code heap_oob} if the bytes are not all inside one region
     */
    public void store(long address, int size, long value) {
        find(address, size).write(address, size, value);
    }

    private Region find(long address, int size) {
        Region r = last;
        if (r != null && r.contains(address, size)) {
            return r;
        }
        Map.Entry<Long, Region> e = regions.floorEntry(address);
        if (e == null || !e.getValue().contains(address, size)) {
            throw new TrapException(TrapCode.HEAP_OUT_OF_BOUNDS);
        }
        last = e.getValue();
        return last;
    }

    /** True if {@code [base, base + size)} meets the reserved range. */
    static boolean inReserved(long base, long size) {
        long lastByte = base + Math.max(size - 1, 0);
        return Long.compareUnsigned(base, RESERVED_END) < 0 && Long.compareUnsigned(lastByte, RESERVED_BASE) >= 0;
    }
}
