package org.pyjit.python.launch;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.pyjit.python.entry.DeferredInstall;
import org.pyjit.python.entry.EntryCode;
import org.pyjit.python.entry.EntryException;
import org.pyjit.python.entry.EntryPoints;
import org.pyjit.python.entry.HotCode;
import org.pyjit.python.layout.CPythonLayout;
import org.pyjit.python.layout.CPythonVersion;

/**
 * Runs a Python program exactly as {@code python3.12} would, inside this JVM.
 *
 * <p>Steps: read {@link JitOptions}; restore the user's environment ({@link LaunchEnvironment});
 * find CPython ({@link PythonLocator}); load libpython ({@link LibPython}); pick the
 * {@link CPythonLayout} of its version; then, on a Java thread with a {@value #PYTHON_STACK_MB}
 * MB stack (deep recursion needs a C stack as large as python's main thread has), build the
 * {@code PyConfig} from the untouched command line, initialise, install the JIT's
 * {@link EntryPoints} (their machine code is compiled on another thread while CPython
 * initialises; unless the run is observed or the threshold is 1 the program does not wait for
 * it: {@link DeferredInstall}), start the {@link SignalBridge}, and call {@code Py_RunMain}, whose
 * result is the exit status. Python's "main thread" is that Java thread.
 */
public final class Launcher {

    /** The C stack of the thread running Python, in MB. */
    public static final long PYTHON_STACK_MB = 256;

    private final Map<String, String> env;
    private final PrintStream err;
    private final long startNanos = System.nanoTime();

    /**
     * A launcher for this process.
     *
     * @param env the environment the JVM started with
     * @param err where pyjit's own messages go
     */
    public Launcher(Map<String, String> env, PrintStream err) {
        this.env = Map.copyOf(env);
        this.err = err;
    }

    /**
     * Runs the program.
     *
     * @param args the main method's arguments: python's command line without {@code argv[0]}
     * @return the exit status
     */
    public int run(String[] args) {
        try {
            return boot(CommandLine.rawArguments(args));
        } catch (LaunchException e) {
            err.println(e.line());
            return LaunchException.EXIT_STATUS;
        }
    }

    private int boot(List<byte[]> arguments) throws LaunchException {
        JitOptions options = JitOptions.fromEnvironment(env);
        options.unknownVariablesWarning().ifPresent(err::println);
        LibC libc = LibC.open();
        LaunchEnvironment.restore(env, libc);
        PythonInstallation python = new PythonLocator(env, Path.of("")).locate();
        CPythonLayout layout = CPythonLayout.forVersion(python.version()).orElseThrow(() -> new LaunchException(
                python.executable() + " is CPython " + python.version() + "; pyjit supports "
                        + CPythonLayout.known().stream().map(l -> l.version().toString()).toList()));
        LibPython lib = LibPython.open(python.libpython());
        CPythonVersion loaded = lib.version();
        if (!loaded.equals(python.version())) {
            throw new LaunchException(python.libpython() + " reports version " + loaded);
        }
        JitLog log = JitLog.open(options.log());
        if (log.enabled()) {
            log.log("boot", "python " + python.executable() + " (found by " + python.foundBy() + ")");
            log.log("boot", "libpython " + python.libpython());
            log.log("boot", "version " + lib.versionString());
            log.log("boot", "jit " + (options.disabled() ? "disabled" : "threshold " + options.threshold()));
        }
        JitStats stats = new JitStats(options.threshold(), options.disabled());
        CompletableFuture<EntryCode> entryCode = options.disabled() ? null
                : CompletableFuture.supplyAsync(() -> EntryCode.compile(layout));
        List<byte[]> argv = new ArrayList<>();
        argv.add(python.executable().toString().getBytes(StandardCharsets.UTF_8));
        argv.addAll(arguments);
        // Observed runs (statistics, log) and threshold 1 count from the program's first
        // instruction, so they wait for the entry points; otherwise the program starts at once.
        boolean waitForEntryPoints = options.threshold() == 1 || options.stats() || log.enabled();
        PythonMain main = new PythonMain(lib, layout, libc, argv, options.stats(), entryCode, waitForEntryPoints,
                options.threshold(), log);
        main.report = new ExitReport(options, stats, log, main);
        Thread thread = new Thread(null, main, "python-main", PYTHON_STACK_MB << 20);
        thread.start();
        joinUninterruptibly(thread);
        main.report.run();
        return main.exitStatus;
    }

    /**
     * The statistics table and the end of the log, produced once: from {@code Py_AtExit} at the
     * end of finalisation (also reached when CPython calls C {@code exit()} itself) or, failing
     * that, after {@code Py_RunMain} returns.
     */
    private final class ExitReport implements Runnable {
        private final JitOptions options;
        private final JitStats stats;
        private final JitLog log;
        private final PythonMain main;
        private final java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();

        ExitReport(JitOptions options, JitStats stats, JitLog log, PythonMain main) {
            this.options = options;
            this.stats = stats;
            this.log = log;
            this.main = main;
        }

        boolean wanted() {
            return options.stats() || log.enabled();
        }

        @Override
        public void run() {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            EntryPoints entry = main.entry;
            if (entry != null) {
                entry.stopCompiling();
                for (HotCode h : entry.hotCode()) {
                    stats.add(new JitStats.Row(h.name(), h.calls(), h.backEdges(), h.state().text()));
                }
            }
            if (options.stats()) {
                SignalBridge bridge = main.bridge;
                JitStats.Entry figures = entry == null ? new JitStats.Entry(false, 0, 0, 0)
                        : new JitStats.Entry(true, entry.codeObjectsSeen(), entry.codeBytes(), entry.compileNanos());
                stats.print(err, figures, new JitStats.Runtime(main.bootNanos - startNanos,
                        bridge == null ? 0 : bridge.polls(), bridge == null ? 0 : bridge.forwarded(),
                        bridge == null ? -1 : bridge.cpuNanosSoFar()));
            }
            log.log("exit", "finalized");
            log.close();
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The body of the Python main thread. Fields are read after {@code join}. */
    private final class PythonMain implements Runnable {
        private final LibPython lib;
        private final CPythonLayout layout;
        private final LibC libc;
        private final List<byte[]> argv;
        private final boolean measure;
        private final CompletableFuture<EntryCode> entryCode;
        private final boolean waitForEntryPoints;
        private final int threshold;
        private final JitLog log;
        volatile EntryPoints entry;
        int exitStatus = LaunchException.EXIT_STATUS;
        long bootNanos;
        volatile SignalBridge bridge;
        ExitReport report;

        PythonMain(LibPython lib, CPythonLayout layout, LibC libc, List<byte[]> argv, boolean measure,
                   CompletableFuture<EntryCode> entryCode, boolean waitForEntryPoints, int threshold, JitLog log) {
            this.lib = lib;
            this.entryCode = entryCode;
            this.waitForEntryPoints = waitForEntryPoints;
            this.threshold = threshold;
            this.log = log;
            this.layout = layout;
            this.libc = libc;
            this.argv = argv;
            this.measure = measure;
        }

        @Override
        public void run() {
            PyConfigBuilder.Built built = new PyConfigBuilder(lib, layout.embedding()).build(argv);
            try (PyConfigBuilder.PyConfig config = built.config()) {
                PyStatus status = built.status();
                if (status.kind() == PyStatus.Kind.OK) {
                    status = config.initialize();
                }
                switch (status.kind()) {
                    case OK -> { }
                    case EXIT -> {
                        exitStatus = status.exitCode();
                        return;
                    }
                    case ERROR -> {
                        // Prints "Fatal Python error: ..." as python does, and exits.
                        System.out.flush();
                        lib.exitStatusException(status);
                        return;
                    }
                }
            }
            if (report.wanted()) {
                lib.atExit(report);
            }
            if (entryCode != null && (waitForEntryPoints || entryCode.isDone())) {
                try {
                    if (installEntryPoints(entryCode.join())) {
                        lib.errClear(); // no program yet to receive a signal handler's exception
                    }
                } catch (RuntimeException e) {
                    log.log("warning", "running without the JIT: " + e);
                }
            } else if (entryCode != null) {
                deferEntryPoints();
            }
            try (SignalBridge running = new SignalBridge(libc, lib.runtimeAddress(), layout.runtime(),
                    libc.pthreadSelf(), measure)) {
                bridge = running;
                bootNanos = System.nanoTime();
                exitStatus = lib.runMain();
            }
        }

        /**
         * Lets the program start now; the entry points are installed from a pending call once
         * compiled ({@link DeferredInstall}).
         */
        private void deferEntryPoints() {
            try {
                DeferredInstall.arm(lib.library(), layout, entryCode, this::installEntryPoints,
                        line -> log.log("warning", line));
            } catch (EntryException e) {
                log.log("warning", "running without the JIT: " + e.getMessage());
            }
        }

        /**
         * Installs the entry points, on the main thread holding the GIL; a failure is one warning
         * in the log and no JIT.
         *
         * @return whether a signal handler's exception interrupted installation and is still set
         *     (the caller must hand it to the program or clear it)
         */
        private boolean installEntryPoints(EntryCode code) {
            try {
                entry = EntryPoints.install(lib.library(), code, threshold, line -> log.log("jit", line));
            } catch (EntryException e) {
                log.log("warning", "running without the JIT: " + e.getMessage());
                return e.interrupted();
            } catch (RuntimeException e) {
                log.log("warning", "running without the JIT: " + e);
            }
            return false;
        }
    }
}
