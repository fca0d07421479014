package org.pyjit.python.entry;

import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.pyjit.codegen.Jit;
import org.pyjit.codegen.memory.CodeCache;
import org.pyjit.python.compile.BodyCompiler;
import org.pyjit.python.compile.BodyCounters;
import org.pyjit.python.compile.CompileRefusedException;
import org.pyjit.python.layout.CPythonLayout;

/**
 * The Java side of the upcalls: attaches counter states to code objects (once each), records
 * the code objects and loops that became hot and has them compiled. Upcalls run on Python threads
 * holding the GIL; with a {@link BackgroundCompiler} the compiler thread publishes bodies through
 * {@link #publishFunction} and {@link #publishLoop}. The monitor serialises both with the release
 * of a state and with the exit report.
 *
 * <p>Invariants: a state is in {@link #records} exactly when its {@link CodeState#RECORDED} flag
 * is set; its code object is alive until {@link #released} removes the address and zeroes
 * {@code Record.code}, under the monitor, so a body published under the monitor with a non-zero
 * {@code code} is freed by that release, and one that finds {@code code} zero is discarded
 * unpublished. {@link CodeState#PENDING} is set exactly while {@code Record.pending > 0}.
 */
final class HotCodeRegistry {

    /** A hot code object: its counters live in native memory while the code object lives. */
    private static final class Record {
        final String name;
        /** Code that is suspended and resumed: its loops are run by the body, not by OSR. */
        final boolean resumable;
        CompileOutcome state;
        BodyCompiler.CompiledBody body;
        long code;
        boolean hotFunction;
        int hotLoops;
        long calls;
        long backEdges;
        long entered;
        long declined;
        /** Loop bodies by the target offset of their backward jumps; refusals as their reason. */
        final Map<Long, BodyCompiler.CompiledBody> loopBodies = new LinkedHashMap<>();
        final Map<Long, String> loopRefusals = new LinkedHashMap<>();
        /**
         * Loops whose header is covered by the exception table being compiled off the Python
         * thread (each has a body of its own): by target, the jump offsets waiting for the body.
         */
        final Map<Long, List<Long>> loopsPending = new LinkedHashMap<>();
        /**
         * While the shared body of the code's other loops is compiled off the Python thread (one
         * body entered at any of their headers): by target, the jump offsets waiting for it;
         * null when none is being compiled.
         */
        Map<Long, List<Long>> sharedPending;
        /**
         * A resumable code's loop turns per resumption, measured when one of its loops got hot
         * (back edges over resumptions so far); 0 if none did.
         */
        double turnsPerResumption;
        /** Compiles of this code's bodies queued or running on the compiler thread. */
        int pending;
        /** Guards {@link #dead}: held by the compiler thread while it translates this code. */
        final Object life = new Object();
        /** The code object was released: its constants may be gone. */
        boolean dead;

        Record(String name, boolean resumable, CompileOutcome state, long code) {
            this.name = name;
            this.resumable = resumable;
            this.state = state;
            this.code = code;
        }
    }

    /**
     * Loop turns a generator or coroutine must run per resumption, measured when its loop got
     * hot, for its body to be compiled under {@code PYJIT_ENTER=loops}: entering through the
     * {@code PY_RESUME} callback costs about 20 ns more than the interpreter's resumption, and a
     * turn of compiled generic code saves a few.
     */
    static final int TURNS_PER_RESUMPTION = 4;

    /** Why a loop-free function is not compiled: see {@link DirectCallDemand}. */
    static final String NOT_WANTED = "no loop, and no compiled caller would call it directly";

    /** A loop-free function waiting for a compiled caller, with its state's address. */
    private record Callee(Record record, long state) { }

    private final CApi api;
    private final CPythonLayout layout;
    private final long extraIndex;
    private final long disable;
    private final long none;
    private final BodyCompiler compiler;
    /** Whether loops hot inside a running call are compiled ({@code PYJIT_OSR=1}). */
    private final boolean osr;
    /** The compiler thread, or null: compile on the Python thread, in the hot upcall. */
    private final BackgroundCompiler background;
    private final Consumer<String> log;
    /** Whether a loop-free function's body would be entered by a compiled caller; empty: always. */
    private final Optional<DirectCallDemand> demand;
    private final Map<Long, Record> records = new LinkedHashMap<>();
    /**
     * Loop-free functions not compiled for want of a compiled caller, by {@code func_version}:
     * compiled when a caller's direct-call site names them ({@link #wakeCallees}).
     */
    private final Map<Integer, Callee> callerless = new HashMap<>();
    /**
     * Loop-free functions not compiled for want of a compiled caller, by the state of the code
     * whose direct-call site called them: compiled when that code is ({@link #wakeCallees}).
     */
    private final Map<Long, List<Callee>> callerlessAtSites = new HashMap<>();
    private final List<Record> released = new ArrayList<>();
    private long attached;
    /**
     * The function watcher's state: 0 not registered yet, 1 registered, -1 refused (every
     * watcher slot taken: only the functions running when they got hot get the vectorcall entry).
     */
    private int watching;

    /**
     * @param compiler compiles hot functions and loops, or null: none is compiled
     * @param synchronous compile in the hot upcall (the event that made the code hot runs the
     *     body); otherwise translate there and compile on a {@link BackgroundCompiler}
     * @param osr compile loops that get hot inside a running call ({@code PYJIT_OSR=1})
     */
    HotCodeRegistry(CApi api, CPythonLayout layout, long extraIndex, long disable, BodyCompiler compiler,
                    boolean synchronous, boolean osr, Consumer<String> log) {
        this.osr = osr;
        this.api = api;
        this.none = api.none;
        this.compiler = compiler;
        this.background = compiler == null || synchronous ? null : new BackgroundCompiler(compiler);
        if (background != null) {
            background.start();
        }
        this.layout = layout;
        this.extraIndex = extraIndex;
        this.disable = disable;
        this.log = log;
        this.demand = DirectCallDemand.of(api, layout, extraIndex);
    }

    /**
     * The slow path of a code object's first event: allocates its zeroed state, sized by
     * {@code Py_SIZE(code)}, and stores it in {@code co_extra}.
     *
     * @param code the code object
     * @return the state, or 0 if it could not be attached (the callback then disables the event)
     */
    synchronized long attach(long code) {
        long units = CApi.MEMORY.getLong(code + layout.object().size());
        long state = api.calloc(CodeState.size(units));
        if (state == 0) {
            return 0;
        }
        CApi.MEMORY.putInt(state + CodeState.UNITS, (int) units);
        if (api.codeSetExtra(code, extraIndex, state) != 0) {
            api.errClear();
            api.free(state);
            return 0;
        }
        attached++;
        return state;
    }

    /**
     * A counter reached the threshold.
     *
     * @param code the code object
     * @param state its state
     * @param from the backward jump's offset in bytes, or -1 for a function's calls
     * @param to the jump's target, or -1
     * @return {@code DISABLE}: the location stops firing; or {@code None} for a function just
     *     compiled or queued for compilation, whose {@code PY_START} keeps firing so that its next
     *     calls enter the body (the callback enters a body compiled here at once)
     */
    synchronized long hot(long code, long state, long from, long to) {
        Record r = records.get(state);
        if (r == null) {
            String qualname = api.stringAttribute(code, "co_qualname");
            String file = api.stringAttribute(code, "co_filename");
            long line = api.longAttribute(code, "co_firstlineno");
            String base = file == null ? "?" : file.substring(file.lastIndexOf('/') + 1);
            int flags = CApi.MEMORY.getInt(code + layout.code().flags());
            r = new Record((qualname == null ? "?" : qualname) + " (" + base + ":" + line + ")",
                    CompileState.resumable(flags), new CompileOutcome(CompileState.of(flags), ""), code);
            records.put(state, r);
            setFlags(state, CodeState.RECORDED, true);
        }
        long calls = CApi.MEMORY.getLong(state + CodeState.CALLS);
        if (from < 0) {
            r.hotFunction = true;
            long result = disable;
            if (compiler != null && r.state.state() == CompileState.NO_COMPILER) {
                result = function(r, code, state, false);
            }
            log.accept("hot: function " + r.name + " after " + calls + " calls; " + r.state.summary());
            return result;
        } else {
            r.hotLoops++;
            long edges = CApi.MEMORY.getInt(state + CodeState.LOOPS + 4 * (from / 2));
            if (r.resumable && calls > 0) {
                r.turnsPerResumption = Math.max(r.turnsPerResumption,
                        (double) CApi.MEMORY.getLong(state + CodeState.BACK_EDGES) / calls);
            }
            long result = compiler == null ? disable : loop(r, code, state, from, to);
            log.accept("hot: loop " + from + "->" + to + " in " + r.name + " after " + edges
                    + " back edges (function: " + calls + " calls); " + loopText(r, to));
            return result;
        }
    }

    /**
     * Compiles (or reuses) the body of the loop a hot backward jump closes and files it in the
     * state's OSR table under the jump's code unit: the JUMP callback then continues the frame in
     * it, at once and at every later back edge. {@code None} keeps the jump's event firing;
     * {@code DISABLE} if the loop cannot be compiled.
     */
    private long loop(Record r, long code, long state, long from, long to) {
        if (!osr) {
            return disable;
        }
        // Module and class bodies take loop bodies like functions (their names live in f_locals,
        // which the loop body reads through the frame as the whole body does).
        if (r.resumable) {
            r.loopRefusals.put(to, "generator or coroutine: its body is entered at every resumption");
            return disable;
        }
        BodyCompiler.CompiledBody body = r.loopBodies.get(to);
        if (body == null && !r.loopRefusals.containsKey(to)) {
            boolean shared;
            try {
                shared = !compiler.loopHeaderCovered(code, Math.toIntExact(to));
            } catch (CompileRefusedException e) {
                r.loopRefusals.put(to, e.getMessage());
                return disable;
            }
            if (background != null) {
                long result = shared ? queueSharedLoop(r, code, state, from, to) : queueLoop(r, code, state, from, to);
                wakeCallees(code, state);
                return result;
            }
            try {
                body = compiler.compileLoop(code, r.name, Math.toIntExact(to));
                fileEntries(r, body);
            } catch (CompileRefusedException e) {
                r.loopRefusals.put(to, e.getMessage());
            } catch (RuntimeException e) {
                r.loopRefusals.put(to, "compiler error: " + e);
            }
        }
        if (body == null) {
            return disable;
        }
        wakeCallees(code, state);
        return fileLoop(state, from, body) ? none : disable;
    }

    /** Enters a loop body in the state's OSR table under the backward jump at {@code from}. */
    private boolean fileLoop(long state, long from, BodyCompiler.CompiledBody body) {
        long table = CApi.MEMORY.getLong(state + CodeState.OSR);
        if (table == 0) {
            long units = Integer.toUnsignedLong(CApi.MEMORY.getInt(state + CodeState.UNITS));
            table = api.calloc(8 * units);
            if (table == 0) {
                return false;
            }
            CApi.MEMORY.putLong(table + 8 * (from / 2), body.entry());
            publish(state + CodeState.OSR, table);
        } else {
            publish(table + 8 * (from / 2), body.entry());
        }
        return true;
    }

    /** Sets or clears flags of a code state (Java writes them under this registry's monitor). */
    private static void setFlags(long state, int flags, boolean on) {
        int old = CApi.MEMORY.getInt(state + CodeState.FLAGS);
        CApi.MEMORY.putInt(state + CodeState.FLAGS, on ? old | flags : old & ~flags);
    }

    private static String compiledText(BodyCompiler.CompiledBody body) {
        return "(" + body.codeBytes() + " bytes" + (body.directCallsOnly() ? "; direct calls only: no loop" : "") + ")";
    }

    /**
     * Publishes a function's body in the state's {@code ENTRY}; one for direct calls only is
     * flagged first, so that the {@code PY_START} callback never enters it.
     */
    private static void publishFunction(long state, BodyCompiler.CompiledBody body) {
        if (body.directCallsOnly()) {
            setFlags(state, CodeState.DIRECT_CALLS_ONLY, true);
        }
        publish(state + CodeState.CALL, body.callStub());
        publish(state + CodeState.ENTRY, body.entry());
    }

    /**
     * The one store that makes code reachable from the callbacks (see {@link CodeState}): after a
     * release fence, so that every earlier store (the table's entry, the compiler's bookkeeping)
     * is visible first; one aligned 8-byte store, atomic on x86-64.
     */
    private static void publish(long slot, long address) {
        VarHandle.releaseFence();
        CApi.MEMORY.putLong(slot, address);
    }

    /**
     * A function got hot: copies its code object under the GIL and compiles it here or queues it
     * for the compiler thread (translation and code generation; the state is marked
     * {@link CodeState#PENDING} meanwhile, so that its {@code PY_START} keeps firing). A
     * loop-free function that no compiled caller would enter ({@link DirectCallDemand}) is not
     * compiled; it waits for one.
     *
     * @param called a compiled caller wants the body (a waiting function woken by
     *     {@link #wakeCallees}): no demand test
     */
    private long function(Record r, long code, long state, boolean called) {
        if (r.resumable && !called && compiler.entersOnlyLoopingEntries()) {
            // Back edges so far over resumptions so far, or the ratio when a loop got hot (its
            // counter then stopped).
            long calls = CApi.MEMORY.getLong(state + CodeState.CALLS);
            double turns = Math.max(r.turnsPerResumption,
                    calls == 0 ? 0 : (double) CApi.MEMORY.getLong(state + CodeState.BACK_EDGES) / calls);
            if (turns < TURNS_PER_RESUMPTION) {
                // Each resumption would pay the entry for fewer turns of compiled loop than repay it.
                r.state = new CompileOutcome(CompileState.REFUSED, String.format(Locale.ROOT,
                        "its loops turn %.1f times a resumption, fewer than %d", turns, TURNS_PER_RESUMPTION));
                return disable;
            }
        }
        BodyCompiler.Capture capture;
        try {
            capture = compiler.capture(code, r.name);
        } catch (RuntimeException e) {
            r.state = new CompileOutcome(CompileState.REFUSED, "compiler error: " + e);
            return disable;
        }
        boolean directCallsOnly = !r.resumable && compiler.directCallsOnly(capture);
        if (directCallsOnly && !called) {
            DirectCallDemand.Verdict verdict = demand.map(d -> d.verdict(code)).orElse(DirectCallDemand.Verdict.WANTED);
            if (verdict.calledFromC() != 0) {
                enterFromC(state, verdict.calledFromC());
            }
            if (!verdict.wanted()) {
                r.state = new CompileOutcome(CompileState.REFUSED, NOT_WANTED);
                if (verdict.version() != 0) {
                    callerless.put(verdict.version(), new Callee(r, state));
                }
                if (verdict.callerState() != 0) {
                    callerlessAtSites.computeIfAbsent(verdict.callerState(), k -> new ArrayList<>())
                            .add(new Callee(r, state));
                }
                return disable;
            }
        }
        long result = background != null ? queueFunction(r, state, capture, directCallsOnly)
                : compileFunction(r, state, capture);
        wakeCallees(code, state);
        return result;
    }

    /**
     * A loop-free function got hot called from C: it and every function made from its code later
     * get the vectorcall entry into the body being compiled ({@code VectorcallEntry}; until the body
     * is published the entry hands every call to {@code _PyFunction_Vectorcall}).
     */
    private void enterFromC(long state, long function) {
        long entry;
        try {
            entry = compiler.vectorcallEntry();
            if (watching == 0) {
                int id = api.functionAddWatcher(compiler.functionWatcher());
                if (id < 0) {
                    api.errClear();
                    log.accept("warning: no function watcher left: only running functions get the vectorcall entry");
                }
                watching = id < 0 ? -1 : 1;
            }
        } catch (RuntimeException e) {
            // The helpers did not compile: C callers keep _PyFunction_Vectorcall.
            log.accept("warning: no vectorcall entry: " + e);
            return;
        }
        setFlags(state, CodeState.VECTORCALL_ENTRY, true);
        long slot = function + layout.function().vectorcall();
        if (CApi.MEMORY.getLong(slot) == api.functionVectorcall) {
            CApi.MEMORY.putLong(slot, entry);
        }
    }

    /** Compiles a captured function on this thread and publishes its body. */
    private long compileFunction(Record r, long state, BodyCompiler.Capture capture) {
        try {
            BodyCompiler.CompiledBody body = compiler.compile(capture);
            publishFunction(state, body);
            r.body = body;
            r.state = new CompileOutcome(CompileState.COMPILED, compiledText(body));
            return body.directCallsOnly() ? disable : none;
        } catch (CompileRefusedException e) {
            r.state = new CompileOutcome(CompileState.REFUSED, e.getMessage());
        } catch (RuntimeException e) {
            r.state = new CompileOutcome(CompileState.REFUSED, "compiler error: " + e);
        }
        return disable;
    }

    /** Queues a captured function for the compiler thread. */
    private long queueFunction(Record r, long state, BodyCompiler.Capture capture, boolean directCallsOnly) {
        r.state = new CompileOutcome(CompileState.PENDING, "");
        boolean queued = submit(r, state, capture, body -> {
            if (body == null) {
                return;
            }
            publishFunction(state, body);
            r.body = body;
            r.state = new CompileOutcome(CompileState.COMPILED, compiledText(body));
            log.accept("compiled: function " + r.name + " " + timing(body));
        }, why -> r.state = new CompileOutcome(CompileState.REFUSED, why));
        if (queued && directCallsOnly) {
            // Events will never enter its body: they stop now, not after the compile (each
            // call meanwhile would pay the callback, millions of them for a recursive function).
            setFlags(state, CodeState.DIRECT_CALLS_ONLY, true);
            return disable;
        }
        return queued ? none : disable;
    }

    /**
     * A code object is being compiled: the loop-free functions waiting for a compiled caller
     * that its {@code CALL_PY_EXACT_ARGS} sites would enter (by the version they cache, or
     * because one of them called the function) are compiled too (their events are already off;
     * only direct calls enter them).
     */
    private void wakeCallees(long code, long state) {
        List<Callee> called = callerlessAtSites.remove(state);
        if (called != null) {
            called.forEach(this::wake);
        }
        if (callerless.isEmpty() || demand.isEmpty()) {
            return;
        }
        for (int version : demand.get().calleeVersions(code)) {
            Callee callee = callerless.remove(version);
            if (callee != null) {
                wake(callee);
            }
        }
    }

    private void wake(Callee callee) {
        if (callee.record().code != 0 && callee.record().state.state() == CompileState.REFUSED) {
            log.accept("wanted: function " + callee.record().name + " by a compiled caller");
            function(callee.record(), callee.record().code, callee.state(), true);
        }
    }

    /**
     * Copies a hot loop's code object under the GIL and queues it (once per target: other
     * backward jumps to the same target wait for the same body).
     */
    private long queueLoop(Record r, long code, long state, long from, long to) {
        List<Long> waiting = r.loopsPending.get(to);
        if (waiting == null) {
            Optional<BodyCompiler.Capture> captured = captureLoop(r, code, to);
            if (captured.isEmpty()) {
                return disable;
            }
            BodyCompiler.Capture capture = captured.get();
            List<Long> jumps = new ArrayList<>();
            r.loopsPending.put(to, jumps);
            boolean queued = submit(r, state, capture, body -> {
                r.loopsPending.remove(to);
                if (body == null) {
                    return;
                }
                r.loopBodies.put(to, body);
                for (long jump : jumps) {
                    fileLoop(state, jump, body);
                }
                log.accept("compiled: loop @" + to + " of " + r.name + " " + timing(body));
            }, why -> {
                r.loopsPending.remove(to);
                r.loopRefusals.put(to, why);
            });
            if (!queued) {
                return disable;
            }
            waiting = jumps;
        }
        waiting.add(from);
        return none;
    }

    /**
     * Queues the shared loop body of a code object (entered at any loop header not covered by
     * the exception table, {@code Translator.translateLoop}), or, while it is being compiled,
     * adds the jump to those waiting for it.
     */
    private long queueSharedLoop(Record r, long code, long state, long from, long to) {
        if (r.sharedPending != null) {
            r.sharedPending.computeIfAbsent(to, t -> new ArrayList<>()).add(from);
            return none;
        }
        Optional<BodyCompiler.Capture> captured = captureLoop(r, code, to);
        if (captured.isEmpty()) {
            return disable;
        }
        BodyCompiler.Capture capture = captured.get();
        Map<Long, List<Long>> waiting = new LinkedHashMap<>();
        waiting.computeIfAbsent(to, t -> new ArrayList<>()).add(from);
        r.sharedPending = waiting;
        boolean queued = submit(r, state, capture, body -> {
            r.sharedPending = null;
            if (body == null) {
                return;
            }
            fileEntries(r, body);
            waiting.forEach((target, jumps) -> {
                if (r.loopBodies.get(target) == body) {
                    for (long jump : jumps) {
                        fileLoop(state, jump, body);
                    }
                } else {
                    r.loopRefusals.putIfAbsent(target, "not an entry of the loop body compiled for @" + to
                            + " (its first instruction leaves)");
                }
            });
            log.accept("compiled: loops " + entriesText(body) + " of " + r.name + " " + timing(body));
        }, why -> {
            r.sharedPending = null;
            waiting.keySet().forEach(target -> r.loopRefusals.put(target, why));
        });
        return queued ? none : disable;
    }

    /** Copies a hot loop's code object (GIL held), or records why it cannot be compiled. */
    private Optional<BodyCompiler.Capture> captureLoop(Record r, long code, long to) {
        try {
            return Optional.of(compiler.captureLoop(code, r.name, Math.toIntExact(to)));
        } catch (CompileRefusedException e) {
            r.loopRefusals.put(to, e.getMessage());
        } catch (RuntimeException e) {
            r.loopRefusals.put(to, "compiler error: " + e);
        }
        return Optional.empty();
    }

    /** Records a loop body under every loop header it can be entered at. */
    private static void fileEntries(Record r, BodyCompiler.CompiledBody body) {
        for (int entry : body.loopEntries()) {
            r.loopBodies.putIfAbsent((long) entry, body);
        }
    }

    private static String entriesText(BodyCompiler.CompiledBody body) {
        StringBuilder text = new StringBuilder();
        for (int entry : body.loopEntries()) {
            text.append(text.length() == 0 ? "@" : ", @").append(entry);
        }
        return text.toString();
    }

    private static String timing(BodyCompiler.CompiledBody body) {
        return String.format(Locale.ROOT, "off the Python thread in %.2f ms after %.2f ms queued",
                body.nanos() / 1e6, body.queuedNanos() / 1e6);
    }

    /**
     * Queues a captured code object. On the compiler thread, under this registry's monitor: a body whose
     * code object is still alive goes to {@code publish}; one whose code object died meanwhile is
     * discarded ({@code publish} gets null, and must only update the record); a failure goes to
     * {@code fail}. The state's {@link CodeState#PENDING} flag is set while any of its compiles is
     * outstanding.
     *
     * @return false if the compiler thread is stopped (exit): nothing was queued, the record says so
     */
    private boolean submit(Record r, long state, BodyCompiler.Capture capture,
                           Consumer<BodyCompiler.CompiledBody> publish, Consumer<String> fail) {
        boolean queued = background.submit(new BackgroundCompiler.Job() {
            @Override
            public BodyCompiler.Translation translate() throws CompileRefusedException {
                // The co_extra free path waits on this lock before the code object's constants
                // are freed (code_dealloc frees co_extra first).
                synchronized (r.life) {
                    return r.dead ? null : compiler.translate(capture);
                }
            }

            @Override
            public void compiled(BodyCompiler.CompiledBody body) {
                synchronized (HotCodeRegistry.this) {
                    if (r.code == 0) {
                        int freed = compiler.discard(body);
                        publish.accept(null);
                        fail.accept("code object died while compiling");
                        CodeCache cache = Jit.host().codeCache();
                        log.accept("released: " + r.name + " died while its body was compiled; " + freed
                                + " bytes discarded; code cache: " + cache.liveBlobs() + " blobs, "
                                + cache.mappedBytes() + " bytes mapped");
                    } else {
                        publish.accept(body);
                        settle(r, state);
                    }
                }
            }

            @Override
            public void failed(String why) {
                synchronized (HotCodeRegistry.this) {
                    fail.accept(why);
                    if (r.code != 0) {
                        settle(r, state);
                    }
                }
            }
        });
        if (!queued) {
            fail.accept("compile cancelled at exit");
            return false;
        }
        if (r.pending++ == 0) {
            setFlags(state, CodeState.PENDING, true);
        }
        return true;
    }

    /** One compile of a live code object is over: the last one clears {@link CodeState#PENDING}. */
    private void settle(Record r, long state) {
        if (--r.pending == 0) {
            setFlags(state, CodeState.PENDING, false);
        }
    }

    /**
     * Exit: stops the compiler thread (queued compiles are cancelled, the one in flight finishes)
     * so that no body is published after the statistics are read. Must not be called holding
     * this monitor (the compiler thread publishes under it).
     */
    void stopCompiling() {
        if (background != null) {
            background.stop();
        }
    }

    private static String loopText(Record r, long to) {
        BodyCompiler.CompiledBody body = r.loopBodies.get(to);
        if (body != null) {
            return "loop compiled (" + body.codeBytes() + " bytes)";
        }
        String refused = r.loopRefusals.get(to);
        if (refused == null && (r.loopsPending.containsKey(to)
                || r.sharedPending != null && r.sharedPending.containsKey(to))) {
            return "loop compile pending";
        }
        return refused != null ? "loop not compiled: " + refused : r.state.summary();
    }

    /**
     * A recorded state's code object died (its {@code co_extra} free function, on a Python thread
     * holding the GIL): free its bodies (no frame can enter them any more), keep its final counts,
     * free the state. Under the monitor, so the compiler thread cannot publish into the state
     * meanwhile; a compile still in flight is discarded when it completes.
     *
     * @param state the state
     */
    synchronized void released(long state) {
        callerless.values().removeIf(c -> c.state() == state);
        callerlessAtSites.remove(state);
        callerlessAtSites.values().forEach(callees -> callees.removeIf(c -> c.state() == state));
        long body = CApi.MEMORY.getLong(state + CodeState.ENTRY);
        if (body != 0 && compiler != null) {
            CApi.MEMORY.putLong(state + CodeState.ENTRY, 0);
            CApi.MEMORY.putLong(state + CodeState.CALL, 0);
            int freed = compiler.release(body);
            CodeCache cache = Jit.host().codeCache();
            log.accept("released: compiled body 0x" + Long.toHexString(body) + " of a dead code object, "
                    + freed + " bytes freed; code cache: " + cache.liveBlobs() + " blobs, "
                    + cache.mappedBytes() + " bytes mapped");
        }
        long table = CApi.MEMORY.getLong(state + CodeState.OSR);
        if (table != 0) {
            // Back edges to one loop header share its body: release each body once.
            Set<Long> loopBodies = new HashSet<>();
            long units = Integer.toUnsignedLong(CApi.MEMORY.getInt(state + CodeState.UNITS));
            for (long u = 0; u < units; u++) {
                long loopBody = CApi.MEMORY.getLong(table + 8 * u);
                if (loopBody != 0) {
                    loopBodies.add(loopBody);
                }
            }
            CApi.MEMORY.putLong(state + CodeState.OSR, 0);
            int freed = 0;
            for (long loopBody : loopBodies) {
                freed += compiler == null ? 0 : compiler.release(loopBody);
            }
            api.free(table);
            if (!loopBodies.isEmpty()) {
                log.accept("released: " + loopBodies.size() + " loop bodies of a dead code object, "
                        + freed + " bytes freed");
            }
        }
        Record r = records.remove(state);
        if (r != null) {
            // Waits for a translation of this code in flight (it reads the constants, which
            // code_dealloc frees after this returns); at most one translation's time.
            synchronized (r.life) {
                r.dead = true;
            }
            snapshot(r, state);
            r.code = 0;
            released.add(r);
        }
        api.free(state);
    }

    private static void snapshot(Record r, long state) {
        r.calls = CApi.MEMORY.getLong(state + CodeState.CALLS);
        r.backEdges = CApi.MEMORY.getLong(state + CodeState.BACK_EDGES);
        r.entered = CApi.MEMORY.getLong(state + CodeState.ENTERED);
        r.declined = CApi.MEMORY.getLong(state + CodeState.DECLINED);
    }

    /** Code objects given a state so far. */
    synchronized long attachedCount() {
        return attached;
    }

    /** Every hot code object, live or dead, in the order they became hot (live first). */
    synchronized List<HotCode> hotCode() {
        List<HotCode> out = new ArrayList<>();
        for (Map.Entry<Long, Record> e : records.entrySet()) {
            snapshot(e.getValue(), e.getKey());
            out.add(row(e.getValue()));
        }
        for (Record r : released) {
            out.add(row(r));
        }
        return out;
    }

    private static HotCode row(Record r) {
        CompileOutcome outcome = r.body == null ? r.state
                : new CompileOutcome(r.state.state(),
                        r.state.detail() + ", entered " + r.entered + ", declined " + r.declined, report(r.body));
        if (!r.loopBodies.isEmpty() || !r.loopRefusals.isEmpty()) {
            List<String> lines = new ArrayList<>(outcome.report());
            String detail = outcome.detail();
            if (r.body == null) {
                detail += (detail.isEmpty() ? "" : ", ") + "entered " + r.entered + ", declined " + r.declined;
            }
            // A shared body is listed once, under all the headers it is entered at.
            Set<BodyCompiler.CompiledBody> listed = Collections.newSetFromMap(new IdentityHashMap<>());
            r.loopBodies.forEach((to, body) -> {
                if (!listed.add(body)) {
                    return;
                }
                lines.add(body.loopEntries().size() > 1 ? "loops " + entriesText(body) + ":" : "loop @" + to + ":");
                report(body).forEach(line -> lines.add("  " + line));
            });
            r.loopRefusals.forEach((to, why) -> lines.add("loop @" + to + " not compiled: " + why));
            boolean loopsOnly = r.body == null && !r.loopBodies.isEmpty();
            outcome = loopsOnly
                    ? new CompileOutcome(CompileState.COMPILED, (r.hotFunction ? "(loops only; function "
                            + r.state.summary() + "), " : "(loops only), ") + detail, lines)
                    : new CompileOutcome(outcome.state(), detail, lines);
        }
        return new HotCode(r.name, r.calls, r.backEdges, r.hotFunction, r.hotLoops, outcome);
    }

    /**
     * A compiled body's statistics lines: its costs, then each exit site used, most used first
     * ({@code JitStats} totals the exit lines by reason).
     */
    private static List<String> report(BodyCompiler.CompiledBody body) {
        BodyCounters.Snapshot counts = body.counters().snapshot();
        List<String> lines = new ArrayList<>();
        String queued = body.background()
                ? String.format(Locale.ROOT, ", queued %.2f ms", body.queuedNanos() / 1e6) : "";
        lines.add(String.format(Locale.ROOT,
                "compiled in %.2f ms: %d IR instructions, %d bytes%s; entries %d, instructions %d",
                body.nanos() / 1e6, body.irInstructions(), body.codeBytes(), queued, counts.entries(),
                counts.instructions()));
        counts.sites().stream().filter(c -> c.count() > 0)
                .sorted(Comparator.comparingLong(BodyCounters.SiteCount::count).reversed())
                .forEach(c -> lines.add(c.site().text() + ": " + c.count()));
        return lines;
    }
}
