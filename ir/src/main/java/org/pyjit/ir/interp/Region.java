package org.pyjit.ir.interp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A mapped range of interpreter memory: {@link #size()} bytes starting at address
 * {@link #base()}, backed by a byte buffer (heap or direct). Created by {@link Memory#map}.
 */
public final class Region {
    private final long base;
    private final ByteBuffer buffer;

    Region(long base, ByteBuffer buffer) {
        this.base = base;
        this.buffer = buffer.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The address of the first byte. */
    public long base() {
        return base;
    }

    /** The size in bytes. */
    public int size() {
        return buffer.capacity();
    }

    /** The address one past the last byte (may wrap to 0 for a region ending at 2^64). */
    public long end() {
        return base + buffer.capacity();
    }

    /** The address of byte {@code offset} of the region. */
    public long address(int offset) {
        return base + offset;
    }

    /**
     * A little-endian view of the contents: index 0 is the byte at {@link #base()}. Writes
     * through it are seen by the interpreter and vice versa.
     */
    public ByteBuffer buffer() {
        return buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** True if {@code size} bytes at {@code address} lie inside this region. */
    boolean contains(long address, int size) {
        long offset = address - base;
        return Long.compareUnsigned(address, base) >= 0 && buffer.capacity() >= size
                && Long.compareUnsigned(offset, buffer.capacity() - size) <= 0;
    }

    /** Reads {@code size} (1, 2, 4 or 8) bytes at {@code address}, zero-extended. */
    long read(long address, int size) {
        int i = (int) (address - base);
        return switch (size) {
            case 1 -> buffer.get(i) & 0xFFL;
            case 2 -> buffer.getShort(i) & 0xFFFFL;
            case 4 -> buffer.getInt(i) & 0xFFFF_FFFFL;
            case 8 -> buffer.getLong(i);
            default -> throw new IllegalArgumentException("access size must be 1, 2, 4 or 8: " + size);
        };
    }

    /** Writes the low {@code size} (1, 2, 4 or 8) bytes of {@code value} at {@code address}. */
    void write(long address, int size, long value) {
        int i = (int) (address - base);
        switch (size) {
            case 1 -> buffer.put(i, (byte) value);
            case 2 -> buffer.putShort(i, (short) value);
            case 4 -> buffer.putInt(i, (int) value);
            case 8 -> buffer.putLong(i, value);
            default -> throw new IllegalArgumentException("access size must be 1, 2, 4 or 8: " + size);
        }
    }

    @Override
    public String toString() {
        return String.format("[0x%x, 0x%x)", base, end());
    }
}
