package org.pyjit.x86.asm;

import java.util.Arrays;

/** A growable little-endian byte array: the facade's code buffer (jnr's is fixed at 128 bytes, B2). */
final class ByteSink {
    private byte[] bytes = new byte[256];
    private int size;

    int size() {
        return size;
    }

    void put(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
    }

    void putInt(int v) {
        ensure(4);
        setInt(size, v);
        size += 4;
    }

    void putLong(long v) {
        putInt((int) v);
        putInt((int) (v >>> 32));
    }

    void setInt(int at, int v) {
        bytes[at] = (byte) v;
        bytes[at + 1] = (byte) (v >>> 8);
        bytes[at + 2] = (byte) (v >>> 16);
        bytes[at + 3] = (byte) (v >>> 24);
    }

    void setByte(int at, int v) {
        bytes[at] = (byte) v;
    }

    byte[] toArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            long want = Math.max((long) bytes.length * 2, (long) size + more);
            if (want > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("code buffer exceeds 2 GB");
            }
            bytes = Arrays.copyOf(bytes, (int) want);
        }
    }
}
