package org.pyjit.fuzz.harness;

import com.kenai.jffi.MemoryIO;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.pyjit.fuzz.gen.BufferLayout;
import org.pyjit.fuzz.gen.NativeFunction;

/**
 * The native memory a test run works on: {@link BufferLayout#SIZE} bytes at {@link #base()}
 * surrounded by {@value #GUARD} guard bytes on each side. Only the inner part is mapped into the
 * interpreter, so an interpreted access outside it traps; compiled code shares the same bytes, and
 * a snapshot includes the guards, so a stray native write shows up as a memory difference.
 * Not thread-safe; close it to free the memory.
 */
public final class TestBuffer implements AutoCloseable {
    /** Guard bytes on each side. */
    public static final int GUARD = 256;

    private final MemoryIO io = MemoryIO.getInstance();
    private final long allocation;
    private final int total = GUARD + BufferLayout.SIZE + GUARD;
    private boolean open = true;

    /** Allocates the buffer (zeroed). */
    public TestBuffer() {
        allocation = io.allocateMemory(total, true);
        if (allocation == 0) {
            throw new IllegalStateException("cannot allocate " + total + " bytes of native memory");
        }
    }

    /** The address passed as {@code base} to generated functions. */
    public long base() {
        return allocation + GUARD;
    }

    /** A direct view of the {@link BufferLayout#SIZE} mapped bytes, for the interpreter's memory. */
    public ByteBuffer mappedView() {
        checkOpen();
        return io.newDirectByteBuffer(base(), BufferLayout.SIZE);
    }

    /**
     * Fills the data area and guards with bytes derived from {@code seed} (a mix of small numbers,
     * float-looking patterns and noise) and writes the native table.
     */
    public void reset(long seed) {
        checkOpen();
        SplittableRandom r = new SplittableRandom(seed);
        byte[] bytes = new byte[total];
        for (int i = 0; i < total; i += 8) {
            long v = switch (r.nextInt(4)) {
                case 0 -> r.nextInt(-4, 5);
                case 1 -> Double.doubleToRawLongBits(r.nextInt(-100, 100) / 4.0);
                case 2 -> (Float.floatToRawIntBits(r.nextInt(-100, 100) / 8.0f) & 0xFFFF_FFFFL)
                        | ((long) Float.floatToRawIntBits(r.nextInt(-10, 10)) << 32);
                default -> r.nextLong();
            };
            for (int k = 0; k < 8; k++) {
                bytes[i + k] = (byte) (v >>> (8 * k));
            }
        }
        io.putByteArray(allocation, bytes, 0, total);
        for (NativeFunction fn : NativeFunction.values()) {
            io.putLong(base() + BufferLayout.tableOffset(fn), NativeTable.address(fn));
        }
    }

    /** All bytes, guards included. */
    public byte[] snapshot() {
        checkOpen();
        byte[] out = new byte[total];
        io.getByteArray(allocation, out, 0, total);
        return out;
    }

    /** The offset of a snapshot byte relative to {@link #base()}. */
    public static int relative(int snapshotIndex) {
        return snapshotIndex - GUARD;
    }

    private void checkOpen() {
        if (!open) {
            throw new IllegalStateException("test buffer was closed");
        }
    }

    /** Frees the memory. Idempotent. */
    @Override
    public void close() {
        if (open) {
            open = false;
            io.freeMemory(allocation);
        }
    }
}
