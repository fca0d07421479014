package org.pyjit.python.entry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.pyjit.python.compile.BodyCompiler;
import org.pyjit.python.compile.CompileRefusedException;

/**
 * The compiler thread: translates code objects captured under the GIL to IR and compiles the IR
 * to machine code, one job at a time and in order, and hands each result to its job. Started when
 * the entry points are installed; a daemon, so it never keeps the JVM alive.
 *
 * <p>The thread never holds the GIL and never calls into CPython: a job's translation reads the
 * code object's constants only while the job keeps the code object from being released (the
 * registry's per-record lock, which its {@code co_extra} free path takes), {@link BodyCompiler#finish}
 * only reads the IR, and the jobs publish into the code states (libc memory) under the registry's
 * monitor, after checking that the code object is still alive. That is what lets it run past
 * {@code Py_Finalize}; {@link #stop} still ends it at exit so that the statistics are final.
 */
final class BackgroundCompiler {

    /** What to do with one body once compiled (both called on the compiler thread). */
    interface Job {
        /**
         * Translates the body to IR, keeping its code object alive meanwhile.
         *
         * @return the translation, or null if the code object died before it started
         * @throws CompileRefusedException if the body cannot be compiled
         */
        BodyCompiler.Translation translate() throws CompileRefusedException;

        /** The body is executable: publish it (or discard it if its code object died). */
        void compiled(BodyCompiler.CompiledBody body);

        /** The body could not be compiled, or was cancelled; {@code why} says which. */
        void failed(String why);
    }

    private final BodyCompiler compiler;
    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    private Thread thread;
    private boolean stopped;
    private long compiled;

    /** @param compiler compiles the translations */
    BackgroundCompiler(BodyCompiler compiler) {
        this.compiler = compiler;
    }

    /**
     * Starts the thread ahead of the first job, so that the hot upcall that submits it does not
     * pay for a thread start (idempotent).
     */
    synchronized void start() {
        if (thread == null && !stopped) {
            thread = new Thread(this::run, "pyjit-compiler");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * Queues a job; returns at once.
     *
     * @param job the body to compile
     * @return false if the compiler was stopped (the job is not run; the caller must fail it)
     */
    synchronized boolean submit(Job job) {
        if (stopped) {
            return false;
        }
        queue.addLast(job);
        start();
        notifyAll();
        return true;
    }

    /**
     * Stops the thread: jobs still queued fail with "cancelled at exit"; the one being compiled
     * finishes (and is published or discarded) before this returns.
     */
    void stop() {
        List<Job> cancelled;
        Thread running;
        synchronized (this) {
            stopped = true;
            cancelled = new ArrayList<>(queue);
            queue.clear();
            running = thread;
            notifyAll();
        }
        cancelled.forEach(job -> job.failed("compile cancelled at exit"));
        if (running != null && running != Thread.currentThread()) {
            boolean interrupted = false;
            while (running.isAlive()) {
                try {
                    running.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Bodies compiled on the thread so far. */
    synchronized long compiledCount() {
        return compiled;
    }

    private void run() {
        while (true) {
            Job job;
            synchronized (this) {
                while (queue.isEmpty() && !stopped) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        // Only stop() ends the thread.
                    }
                }
                if (queue.isEmpty()) {
                    return;
                }
                job = queue.removeFirst();
            }
            BodyCompiler.Translation translation;
            try {
                translation = job.translate();
            } catch (CompileRefusedException e) {
                job.failed(e.getMessage());
                continue;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                job.failed("compiler error: " + e);
                continue;
            }
            if (translation == null) {
                job.failed("code object died before its compile started");
                continue;
            }
            BodyCompiler.CompiledBody body;
            try {
                body = compiler.finish(translation, true);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                compiler.abandon(translation);
                job.failed("compiler error: " + e);
                continue;
            }
            synchronized (this) {
                compiled++;
            }
            job.compiled(body);
        }
    }
}
