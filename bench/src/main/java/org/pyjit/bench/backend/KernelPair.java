package org.pyjit.bench.backend;

import com.kenai.jffi.MemoryIO;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Optional;
import org.pyjit.codegen.memory.NativeInvoker;

/**
 * One kernel ready to run on both sides through one {@link NativeInvoker}, so the Java-to-native
 * call path is identical and only the code behind the address differs.
 */
final class KernelPair {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * One call's duration.
     *
     * @param wallNanos elapsed wall-clock time
     * @param cpuNanos  CPU time of the calling thread
     */
    record Timing(long wallNanos, long cpuNanos) {
    }

    private final Workload work;
    private final NativeInvoker invoker;
    private final long irAddress;
    private final long cAddress;

    KernelPair(Workload work, long irAddress, long cAddress) {
        this.work = work;
        this.invoker = NativeInvoker.of(work.kernel().signature());
        this.irAddress = irAddress;
        this.cAddress = cAddress;
    }

    Kernel kernel() {
        return work.kernel();
    }

    /** Calls one side; returns the raw bits of its result (0 for {@code void}). */
    long call(Side side) {
        long address = side == Side.IR ? irAddress : cAddress;
        long[] args = side == Side.IR ? work.irArgs() : work.cArgs();
        return work.kernel().returnsFloat()
                ? Double.doubleToRawLongBits(invoker.invokeDouble(address, args))
                : invoker.invokeLong(address, args);
    }

    /**
     * Times one call of {@code side}: wall-clock and this thread's CPU time, in nanoseconds. CPU
     * time leaves out the time the thread was descheduled, which dominates the noise on a loaded
     * machine.
     *
     * @throws IllegalStateException if the result is not the checked one
     */
    Timing timedCall(Side side) {
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long r = call(side);
        long t1 = System.nanoTime();
        Timing t = new Timing(t1 - t0, THREADS.getCurrentThreadCpuTime() - c0);
        if (r != work.expected()) {
            throw new IllegalStateException(work.kernel().symbol() + " on " + side + " returned " + show(r)
                    + " after returning " + show(work.expected()) + " before");
        }
        return t;
    }

    /** Runs both sides once and compares them with each other and with the Java reference. */
    Optional<String> check() {
        long ir = call(Side.IR), c = call(Side.C);
        if (ir != work.expected() || c != work.expected()) {
            return Optional.of("result: expected " + show(work.expected()) + ", IR " + show(ir) + ", C " + show(c));
        }
        MemoryIO io = MemoryIO.getInstance();
        int step = work.expectedOut() != null ? 8 : 1;
        for (long off = 0; off < work.outBytes(); off += step) {
            long a = step == 8 ? io.getLong(work.irOut() + off) : io.getByte(work.irOut() + off);
            long b = step == 8 ? io.getLong(work.cOut() + off) : io.getByte(work.cOut() + off);
            if (a != b) {
                return Optional.of("output differs at byte " + off + ": IR " + a + ", C " + b);
            }
            if (step == 8 && a != Double.doubleToRawLongBits(work.expectedOut()[(int) (off / 8)])) {
                return Optional.of("output at byte " + off + ": expected " + work.expectedOut()[(int) (off / 8)]
                        + ", got " + Double.longBitsToDouble(a));
            }
        }
        return Optional.empty();
    }

    private String show(long bits) {
        return work.kernel().returnsFloat() ? bits + " (" + Double.longBitsToDouble(bits) + ")" : Long.toString(bits);
    }
}
