package org.pyjit.bench.backend;

import com.kenai.jffi.MemoryIO;
import java.util.ArrayList;
import java.util.List;

/**
 * Zero-filled native buffers for the kernels, all freed together on {@link #close()}. Not
 * thread-safe; addresses are valid until the arena is closed.
 */
final class NativeArena implements AutoCloseable {
    private final MemoryIO io = MemoryIO.getInstance();
    private final List<Long> blocks = new ArrayList<>();

    /** A zero-filled buffer of {@code bytes} bytes (at least 1). */
    long allocate(long bytes) {
        long address = io.allocateMemory(Math.max(1, bytes), true);
        if (address == 0) {
            throw new OutOfMemoryError("cannot allocate " + bytes + " bytes of native memory");
        }
        blocks.add(address);
        return address;
    }

    /** A buffer holding {@code values} as consecutive f64. */
    long doubles(double[] values) {
        long address = allocate(8L * values.length);
        io.putDoubleArray(address, values, 0, values.length);
        return address;
    }

    @Override
    public void close() {
        blocks.forEach(io::freeMemory);
        blocks.clear();
    }
}
