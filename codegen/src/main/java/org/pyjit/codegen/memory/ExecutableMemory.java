package org.pyjit.codegen.memory;

import com.kenai.jffi.MemoryIO;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One anonymous private page mapping that holds machine code, under a strict W^X discipline.
 *
 * <p>Life cycle: {@link #allocate} maps fresh pages {@code PROT_READ|PROT_WRITE}; {@link #write}
 * copies bytes in; {@link #makeExecutable} flips the whole mapping to
 * {@code PROT_READ|PROT_EXEC}, after which it can never be written again; {@link #unmap} returns
 * the pages to the kernel. At no moment is the mapping both writable and executable, and there is
 * no second (aliasing) mapping of the same pages.
 *
 * <p>Process-wide counters ({@link #liveMappings()}, {@link #mappedBytes()}) let tests and
 * statistics prove that memory is returned. Instances are thread-safe. Linux on 64-bit only
 * (the {@code mmap} flag values are Linux's); elsewhere {@link #allocate} throws
 * {@link UnsupportedOperationException}.
 */
public final class ExecutableMemory {
    private static final int PROT_READ = 0x1;
    private static final int PROT_WRITE = 0x2;
    private static final int PROT_EXEC = 0x4;
    private static final int MAP_PRIVATE = 0x02;
    private static final int MAP_ANONYMOUS = 0x20;
    private static final long MAP_FAILED = -1L;

    private static final AtomicInteger LIVE_MAPPINGS = new AtomicInteger();
    private static final AtomicLong MAPPED_BYTES = new AtomicLong();

    /** Where a mapping is in its life cycle. */
    public enum State {
        /** Mapped read/write: bytes may be written, nothing may run. */
        WRITABLE,
        /** Mapped read/execute: code may run, nothing may be written. */
        EXECUTABLE,
        /** Returned to the kernel: the address must not be used. */
        UNMAPPED
    }

    /** Binds libc once, on first use (class initialisation is the lock). */
    private static final class Native {
        static final LibC LIBC = load();
        static final int PAGE_SIZE = LIBC.getpagesize();

        private static LibC load() {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            String arch = System.getProperty("os.arch", "");
            if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"))) {
                throw new UnsupportedOperationException(
                        "executable memory is implemented for 64-bit Linux only, not " + os + "/" + arch);
            }
            return LibC.open();
        }

        static String errno() {
            return "errno " + LibC.errno();
        }
    }

    private final long address;
    private final long size;
    private State state;

    private ExecutableMemory(long address, long size) {
        this.address = address;
        this.size = size;
        this.state = State.WRITABLE;
    }

    /** @return the system page size in bytes */
    public static int pageSize() {
        return Native.PAGE_SIZE;
    }

    /**
     * Maps at least {@code minBytes} bytes (rounded up to whole pages), readable and writable.
     *
     * @param minBytes the number of bytes needed, at least 1
     * @return the new mapping, in state {@link State#WRITABLE}
     * @throws IllegalArgumentException if {@code minBytes < 1}
     * @throws OutOfMemoryError if the kernel refuses the mapping
     */
    public static ExecutableMemory allocate(long minBytes) {
        if (minBytes < 1) {
            throw new IllegalArgumentException("mapping size must be positive: " + minBytes);
        }
        long page = pageSize();
        long size = Math.addExact(minBytes, page - 1) / page * page;
        long addr = Native.LIBC.mmap(size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0L);
        if (addr == MAP_FAILED || addr == 0L) {
            throw new OutOfMemoryError("mmap of " + size + " bytes failed: " + Native.errno());
        }
        LIVE_MAPPINGS.incrementAndGet();
        MAPPED_BYTES.addAndGet(size);
        return new ExecutableMemory(addr, size);
    }

    /** @return the first address of the mapping (page aligned) */
    public long address() {
        return address;
    }

    /** @return the mapping's length in bytes (whole pages) */
    public long size() {
        return size;
    }

    /** @return the current state */
    public synchronized State state() {
        return state;
    }

    /**
     * Copies {@code length} bytes of {@code bytes} starting at {@code from} to
     * {@code address() + offset}.
     *
     * @throws IllegalStateException if the mapping is no longer writable
     * @throws IndexOutOfBoundsException if the range falls outside the mapping or the array
     */
    public synchronized void write(long offset, byte[] bytes, int from, int length) {
        if (state != State.WRITABLE) {
            throw new IllegalStateException("mapping at 0x" + Long.toHexString(address) + " is " + state
                    + ": writes are allowed only before it is made executable");
        }
        java.util.Objects.checkFromIndexSize(from, length, bytes.length);
        if (offset < 0 || length > size - offset) {
            throw new IndexOutOfBoundsException(
                    "write of " + length + " bytes at offset " + offset + " outside mapping of " + size);
        }
        MemoryIO.getInstance().putByteArray(address + offset, bytes, from, length);
    }

    /**
     * Reads bytes back (for tests and disassembly dumps); allowed while mapped.
     *
     * @throws IllegalStateException if unmapped
     * @throws IndexOutOfBoundsException if the range falls outside the mapping
     */
    public synchronized byte[] read(long offset, int length) {
        if (state == State.UNMAPPED) {
            throw new IllegalStateException("mapping at 0x" + Long.toHexString(address) + " is unmapped");
        }
        if (offset < 0 || length < 0 || length > size - offset) {
            throw new IndexOutOfBoundsException("read of " + length + " bytes at " + offset + " outside " + size);
        }
        byte[] out = new byte[length];
        MemoryIO.getInstance().getByteArray(address + offset, out, 0, length);
        return out;
    }

    /**
     * Flips the mapping from read/write to read/execute. Irreversible.
     *
     * @throws IllegalStateException if the mapping is not {@link State#WRITABLE}
     */
    public synchronized void makeExecutable() {
        if (state != State.WRITABLE) {
            throw new IllegalStateException("mapping at 0x" + Long.toHexString(address) + " is " + state);
        }
        if (Native.LIBC.mprotect(address, size, PROT_READ | PROT_EXEC) != 0) {
            throw new IllegalStateException("mprotect(RX) failed: " + Native.errno());
        }
        state = State.EXECUTABLE;
    }

    /**
     * Returns the pages to the kernel. The caller guarantees that no thread runs code in them.
     *
     * @throws IllegalStateException if already unmapped
     */
    public synchronized void unmap() {
        if (state == State.UNMAPPED) {
            throw new IllegalStateException("mapping at 0x" + Long.toHexString(address) + " was already unmapped");
        }
        if (Native.LIBC.munmap(address, size) != 0) {
            throw new IllegalStateException("munmap failed: " + Native.errno());
        }
        state = State.UNMAPPED;
        LIVE_MAPPINGS.decrementAndGet();
        MAPPED_BYTES.addAndGet(-size);
    }

    /** @return the number of mappings made by this class and not yet unmapped, process-wide */
    public static int liveMappings() {
        return LIVE_MAPPINGS.get();
    }

    /** @return the bytes mapped by this class and not yet unmapped, process-wide */
    public static long mappedBytes() {
        return MAPPED_BYTES.get();
    }

    @Override
    public String toString() {
        return "ExecutableMemory[0x" + Long.toHexString(address) + "+" + size + ", " + state() + "]";
    }
}
