package org.pyjit.python.launch;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.locks.LockSupport;
import org.pyjit.python.layout.CPythonLayout.RuntimeLayout;

/**
 * Makes signals reach Python's main thread inside the JVM (CPython 3.12; CPYTHON-FACTS §7.4).
 *
 * <p>The kernel delivers a process-directed signal such as SIGINT to the thread-group leader,
 * which in a JVM is the launcher's primordial thread, not Python's main thread. CPython's C
 * handler then records the signal in {@code _PyRuntime.signals} but, being on a foreign thread,
 * does not set the eval breaker, so 3.12 never notices. This bridge polls
 * {@code signals.is_tripped} from a daemon thread and, once per tripped episode, re-sends each
 * tripped signal to Python's main thread with {@code pthread_kill}. There CPython's handler runs
 * again (idempotent: it only sets flags) and, now on the main thread, sets the eval breaker; a
 * blocking system call on that thread is interrupted with {@code EINTR} exactly as in
 * {@code python3.12} ({@code time.sleep}, {@code input}, {@code select}).
 *
 * <p>Cost: the poller sleeps between polls and touches one int per poll; it never takes the GIL
 * and never calls into Python. {@link #cpuNanos()} reports its CPU time for the statistics.
 */
final class SignalBridge implements AutoCloseable {

    /** Milliseconds between polls: the added Ctrl-C latency at worst. */
    static final long POLL_MILLIS = 10;

    private final LibC libc;
    private final long runtime;
    private final RuntimeLayout layout;
    private final long pythonThread;
    private final Thread poller;
    private volatile boolean running = true;
    private volatile long polls;
    private volatile long forwarded;
    private final boolean measure;
    private volatile long cpuNanos = -1;

    /**
     * Starts polling.
     *
     * @param libc libc bindings
     * @param runtime address of {@code _PyRuntime}
     * @param layout the version's signal-state offsets
     * @param pythonThread {@code pthread_self()} of Python's main thread (alive until {@link #close()})
     * @param measure whether to record the poller's CPU time (loads the management classes)
     */
    SignalBridge(LibC libc, long runtime, RuntimeLayout layout, long pythonThread, boolean measure) {
        this.measure = measure;
        this.libc = libc;
        this.runtime = runtime;
        this.layout = layout;
        this.pythonThread = pythonThread;
        this.poller = new Thread(this::pollLoop, "pyjit-signal-bridge");
        poller.setDaemon(true);
        poller.start();
    }

    private void pollLoop() {
        boolean episodeForwarded = false;
        long n = 0;
        while (running) {
            LockSupport.parkNanos(POLL_MILLIS * 1_000_000L);
            n++;
            polls = n;
            if (NativeCalls.MEMORY.getInt(runtime + layout.isTripped()) == 0) {
                episodeForwarded = false;
                continue;
            }
            if (episodeForwarded || !running) {
                continue;
            }
            // Signal 0 is not a signal; handlers[0] is unused.
            for (int sig = 1; sig < layout.signalCount(); sig++) {
                long flag = runtime + layout.handlers() + (long) sig * layout.handlerStride();
                if (NativeCalls.MEMORY.getInt(flag) != 0) {
                    libc.pthreadKill(pythonThread, sig);
                    forwarded++;
                }
            }
            episodeForwarded = true;
        }
        if (measure) {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            cpuNanos = mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : -1;
        }
    }

    /** Polls done so far. */
    long polls() {
        return polls;
    }

    /** Signals re-sent to Python's main thread so far. */
    long forwarded() {
        return forwarded;
    }

    /** CPU time the poller has used so far, in nanoseconds (-1 if not measured). */
    long cpuNanosSoFar() {
        if (!measure) {
            return -1;
        }
        if (!poller.isAlive()) {
            return cpuNanos;
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        return mx.isThreadCpuTimeSupported() ? mx.getThreadCpuTime(poller.getId()) : -1;
    }

    /** Stops polling; must be called while Python's main thread still exists. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        LockSupport.unpark(poller);
        try {
            poller.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
