package org.pyjit.python.compile;

import com.kenai.jffi.MemoryIO;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.pyjit.codegen.CompiledFunction;
import org.pyjit.codegen.CompiledModule;
import org.pyjit.codegen.Jit;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.python.bytecode.ExceptionTable;
import org.pyjit.python.bytecode.MalformedBytecodeException;
import org.pyjit.python.layout.CPythonLayout;

/**
 * Compiles hot code objects to native bodies {@code i64 body(frame, tstate)} (see
 * {@link Translator}): whole functions, entered after their {@code RESUME}, and loop bodies,
 * entered at a backward jump's target.
 *
 * <p>Three steps: {@link #capture} copies the live code object's mutable state (on a Python thread
 * holding the GIL); {@link #translate(Capture)} makes the IR (any thread once
 * {@link #prepareObjects} made the constants of {@link CompileTimeObjects} under the GIL, but
 * while the code object lives: it reads its constants); {@link #finish} verifies, allocates
 * registers, emits and installs the machine code, touching no Python object, so it may run on any
 * thread without the GIL. A
 * body lives until {@link #release} (its code object died, so no frame can enter it) or
 * {@link #discard} (never published); its counter block is kept after a release.
 *
 * <p>Locks: {@link #finish} serialises the backend on one monitor, the list of live modules has
 * its own, so that {@link #release} (run from a Python thread's {@code co_extra} free function,
 * GIL held) never waits for a compile in flight.
 */
public final class BodyCompiler {

    /**
     * A compiled body.
     *
     * @param address the native entry (C calling convention, for any caller)
     * @param entry the entry compiled callers use: the internal entry, which skips the C entry's
     *     thread-context lookup (every caller of a published body is compiled code: the callbacks
     *     and direct calls; see {@link org.pyjit.codegen.CompiledFunction#internalEntry})
     * @param callStub the internal entry of its {@link DirectCall#stub} (for direct calls and the
     *     vectorcall entry), or 0: none (a loop body; code that is not a plain function's)
     * @param codeBytes its machine-code size (stub included)
     * @param nanos time spent reading, translating and compiling (not waiting in a queue)
     * @param queuedNanos time spent waiting between the capture of the code object and the
     *     translation, and between translation and code generation (about 0 when synchronous)
     * @param background compiled off the Python thread
     * @param irInstructions instructions of its IR function
     * @param counters its native counters (entries, instructions, exits)
     * @param loopEntries for a loop body, the byte offsets of the loop headers it can be entered
     *     at (the one it was compiled for first); empty for a function's body
     * @param directCallsOnly a function's body whose entry reaches no loop before it returns:
     *     only compiled callers enter it ({@link DirectCall}), the {@code PY_START} callback
     *     declines it ({@link CompileOptions.EntryPolicy#ENTRIES_REACHING_LOOPS})
     */
    public record CompiledBody(long address, long entry, long callStub, int codeBytes, long nanos, long queuedNanos,
                               boolean background, int irInstructions, BodyCounters counters, List<Integer> loopEntries,
                               boolean directCallsOnly) {
        /** Copies the entry list. */
        public CompiledBody {
            loopEntries = List.copyOf(loopEntries);
        }
    }

    /**
     * A body translated to IR, not yet compiled: holds no reference into CPython beyond the
     * addresses the IR embeds (the code object's constants and units, valid while it lives).
     *
     * @param serial numbers the body's symbol and dump files
     * @param label its name in dumps
     * @param function the IR
     * @param callStub for a function's body entered at its start, by direct calls and the
     *     vectorcall entry, its {@link DirectCall#stub}
     * @param counters its native counters, allocated and zeroed
     * @param caches its run-time cache sites' blocks, freed with its machine code
     * @param nanos time spent reading and translating
     * @param waitedNanos time between the capture and the start of translation
     * @param readyAt {@link System#nanoTime()} at the end of translation
     * @param loopEntries for a loop body, the byte offsets of the loop headers it can be entered at
     * @param directCallsOnly see {@link CompiledBody#directCallsOnly}
     */
    public record Translation(int serial, String label, IrFunction function, Optional<IrFunction> callStub,
                              BodyCounters counters,
                              CacheSites caches, long nanos, long waitedNanos, long readyAt,
                              List<Integer> loopEntries, boolean directCallsOnly) {
        /** The IR function's symbol. */
        public String name() {
            return symbol(serial);
        }

        /** Frees what the translation allocated, when it will not be compiled. */
        void free() {
            counters.free();
            caches.free();
        }
    }

    /**
     * What a compile needs from the live code object, copied under the GIL.
     *
     * @param raw the code object's mutable state and constants' addresses
     * @param label its name in dumps
     * @param loopUnit for a loop body, the code unit it is entered at
     * @param nanos time spent copying
     * @param readyAt {@link System#nanoTime()} at the end of the copy
     */
    public record Capture(CodeObject.Raw raw, String label, OptionalInt loopUnit, long nanos, long readyAt) { }

    /**
     * A body's result (besides 1 and 0) when it was entered at a generator's {@code RESUME} it
     * never continues after, the frame untouched: the callback then returns {@code DISABLE}.
     */
    public static final long DISABLE_LOCATION = Translator.DISABLE_LOCATION;
    /** The helpers' symbols. */
    private static final String EXCEPTION_EVENTS = "pyjit_exception_events";
    private static final String EVAL_BREAKER = "pyjit_eval_breaker";
    /** A body's call stub is the body's symbol with this suffix. */
    private static final String CALL_STUB_SUFFIX = "_call";

    private static String symbol(int serial) {
        return "pyjit_body_" + serial;
    }

    private final CPythonLayout layout;
    private final NativeSymbols symbols;
    private final CompileOptions options;
    private final Optional<BodyDump> dump;
    private final Optional<PerfMap> perfMap;
    /** Live modules; guarded by its own monitor. */
    private final List<LiveBody> modules = new ArrayList<>();
    /** Serialises the backend and the dump files. */
    private final Object backend = new Object();
    private final AtomicInteger serial = new AtomicInteger();
    private final RecursionBudget budget;
    private final CompileTimeObjects objects;
    private final Optional<BodyLookup> bodies;
    /**
     * The helpers bodies call ({@link ExceptionEvents}, {@link EvalBreakerHelper}, the cache
     * fills) and the {@link VectorcallEntry}, compiled with the first body; never freed.
     */
    private CompiledModule helpers;
    /** {@link #functionWatcher()}'s code, once compiled; never freed. */
    private CompiledModule watcher;

    /**
     * A compiler with the options of the process environment ({@code PYJIT_STATS},
     * {@code PYJIT_DUMP}).
     *
     * @param layout the running CPython's offsets
     * @param symbols the C-API addresses
     */
    public BodyCompiler(CPythonLayout layout, NativeSymbols symbols) {
        this(layout, symbols, CompileOptions.fromEnvironment(System.getenv()), Optional.empty());
    }

    /**
     * @param layout the running CPython's offsets
     * @param symbols the C-API addresses
     * @param options instruction counting and dumping
     * @param bodies where a callee's compiled body is found at run time: with it, a CALL the
     *     interpreter specialised to {@code CALL_PY_EXACT_ARGS} calls a compiled callee directly
     *     ({@link DirectCall}); empty: every call goes through {@code PyObject_Vectorcall}
     */
    public BodyCompiler(CPythonLayout layout, NativeSymbols symbols, CompileOptions options,
                        Optional<BodyLookup> bodies) {
        this.bodies = bodies;
        this.layout = layout;
        this.symbols = symbols;
        this.options = options;
        this.dump = options.dumpDirectory().map(d -> new BodyDump(d, System.getenv("PATH")));
        this.perfMap = options.perfMap() ? Optional.of(new PerfMap()) : Optional.empty();
        this.budget = new RecursionBudget(symbols.address(CSymbol.THREAD_STATE_GET));
        this.objects = new CompileTimeObjects(symbols);
    }

    /**
     * Makes the Python objects compiled code names as constants (interned names, the empty
     * string), so that {@link #translate(Capture)} can run without the GIL. Call once, holding the
     * GIL, before the first capture.
     */
    public void prepareObjects() {
        objects.prepare();
    }

    /**
     * Compiles a captured code object on this thread (GIL held): {@link #translate(Capture)} and
     * {@link #finish}.
     */
    public CompiledBody compile(Capture capture) throws CompileRefusedException {
        return finishHere(translate(capture));
    }

    private CompiledBody finishHere(Translation translation) {
        try {
            return finish(translation, false);
        } catch (RuntimeException | Error e) {
            translation.free();
            throw e;
        }
    }

    /**
     * Compiles a loop body of a plain function's code object on this thread: entered at a backward
     * jump's target by on-stack replacement (see {@link Translator#translateLoop}).
     *
     * @param code the code object's address (alive, GIL held)
     * @param label its name in dumps
     * @param targetOffset the jump's target, in bytes
     * @return the body
     * @throws CompileRefusedException if the loop cannot be entered compiled
     */
    public CompiledBody compileLoop(long code, String label, int targetOffset) throws CompileRefusedException {
        return finishHere(translateLoop(code, label, targetOffset));
    }

    /**
     * Reads a code object and translates the loop entered at a backward jump's target (GIL held).
     *
     * @param code the code object's address (alive, GIL held)
     * @param label its name in dumps
     * @param targetOffset the jump's target, in bytes
     * @return the translation, for {@link #finish}
     * @throws CompileRefusedException if the loop cannot be entered compiled
     */
    public Translation translateLoop(long code, String label, int targetOffset) throws CompileRefusedException {
        return translate(captureLoop(code, label, targetOffset));
    }

    /**
     * Whether a loop header is covered by the code object's exception table: its loop then gets a
     * body of its own, restricted to the loop; the other loops of a code object share one body
     * entered at any of their headers ({@link Translator#translateLoop}).
     *
     * @param code the code object's address (alive)
     * @param targetOffset the header, in bytes
     * @return whether a handler covers it
     * @throws CompileRefusedException if the exception table cannot be read
     */
    public boolean loopHeaderCovered(long code, int targetOffset) throws CompileRefusedException {
        try {
            return ExceptionTable.parse(CodeObject.exceptionTable(layout, code)).handlerFor(targetOffset / 2)
                    .isPresent();
        } catch (MalformedBytecodeException e) {
            throw new CompileRefusedException("exception table: " + e.getMessage());
        }
    }

    /**
     * Whether the callbacks take only entries that can reach a loop
     * ({@link CompileOptions.EntryPolicy#ENTRIES_REACHING_LOOPS}). A function whose code has no
     * backward jump is then for direct calls only ({@link #directCallsOnly}): the hot upcall stops
     * its {@code PY_START} events at once instead of when the body is installed.
     */
    public boolean entersOnlyLoopingEntries() {
        return options.entries() == CompileOptions.EntryPolicy.ENTRIES_REACHING_LOOPS;
    }

    /**
     * Whether a function's body captured here is sure to be for direct calls only under this
     * compiler's entry policy (see {@link #entersOnlyLoopingEntries}).
     *
     * @param capture a function's capture
     * @return true if events will never enter the body
     */
    public boolean directCallsOnly(Capture capture) {
        return entersOnlyLoopingEntries() && !capture.raw().mayLoop(layout);
    }

    /**
     * Copies what a function's compile needs from the live code object.
     *
     * @param code the code object's address (alive, GIL held)
     * @param label its name in dumps
     * @return the copy, for {@link #translate(Capture)}
     */
    public Capture capture(long code, String label) {
        return capture(code, label, OptionalInt.empty());
    }

    /**
     * Copies what a loop body's compile needs from the live code object.
     *
     * @param code the code object's address (alive, GIL held)
     * @param label its name in dumps
     * @param targetOffset the backward jump's target, in bytes
     * @return the copy, for {@link #translate(Capture)}
     * @throws CompileRefusedException if the target is not a code unit
     */
    public Capture captureLoop(long code, String label, int targetOffset) throws CompileRefusedException {
        if (targetOffset < 0 || targetOffset % 2 != 0) {
            throw new CompileRefusedException("loop target " + targetOffset + " is not a code unit");
        }
        return capture(code, label + " @" + targetOffset, OptionalInt.of(targetOffset / 2));
    }

    private Capture capture(long code, String label, OptionalInt loopUnit) {
        long start = System.nanoTime();
        budget.noteCompilingThread();
        CodeObject.Raw raw = CodeObject.capture(layout, code);
        long end = System.nanoTime();
        return new Capture(raw, label, loopUnit, end - start, end);
    }

    /**
     * Translates a captured code object to IR. Needs no GIL once {@link #prepareObjects} ran (else
     * it must hold it), but the code object must stay alive until this returns: the translator reads
     * its constants (a {@code KW_NAMES} tuple's length).
     *
     * @param capture from {@link #capture} or {@link #captureLoop}
     * @return the translation, for {@link #finish}
     * @throws CompileRefusedException if nothing of the code would be compiled
     */
    public synchronized Translation translate(Capture capture) throws CompileRefusedException {
        long start = System.nanoTime();
        CodeObject snapshot = capture.raw().analyse(layout);
        int number = serial.getAndIncrement();
        String name = symbol(number);
        int capacity = Translator.siteCapacity(snapshot);
        long counterBlock = BodyCounters.allocateWords(capacity);
        CacheSites caches = new CacheSites(fillHelpers());
        try {
            Translator translator = new Translator(layout, symbols, snapshot, options.countInstructions(),
                    counterBlock, capacity, budget.address(), objects, bodies, helper(EXCEPTION_EVENTS),
                    helper(EVAL_BREAKER), options.entries(), caches);
            OptionalInt loopUnit = capture.loopUnit();
            IrFunction function = loopUnit.isPresent() ? translator.translateLoop(name, loopUnit.getAsInt())
                    : translator.translate(name);
            FrameShape shape = capture.raw().shape();
            Optional<IrFunction> stub = loopUnit.isEmpty() && bodies.isPresent() && shape.directlyCallable()
                    ? Optional.of(DirectCall.stub(name + CALL_STUB_SUFFIX, name, shape, snapshot.address(), layout,
                            symbols, bodies.get()))
                    : Optional.empty();
            long end = System.nanoTime();
            return new Translation(number, capture.label(), function, stub,
                    new BodyCounters(counterBlock, translator.sites()), caches, capture.nanos() + end - start,
                    start - capture.readyAt(), end,
                    translator.loopEntryUnits().stream().map(u -> 2 * u).toList(), translator.directCallsOnly());
        } catch (CompileRefusedException | RuntimeException e) {
            BodyCounters.freeWords(counterBlock);
            caches.free();
            throw e;
        }
    }

    /** Every cache fill helper by symbol (the caller holds this). */
    private Map<String, Long> fillHelpers() {
        Map<String, Long> fills = new HashMap<>();
        for (AttributeCache.Kind kind : AttributeCache.Kind.values()) {
            fills.put(kind.helperName(), helper(kind.helperName()));
        }
        fills.put(GlobalCache.HELPER, helper(GlobalCache.HELPER));
        return fills;
    }

    /**
     * The internal entry of a helper, for bodies (which hold the stack limit, see
     * {@link CompiledFunction#internalEntry}); the helpers compiled on first use (the caller holds
     * this).
     */
    private long helper(String name) {
        return helperFunction(name).internalEntry();
    }

    /** A helper, the helpers compiled on first use (the caller holds this). */
    private CompiledFunction helperFunction(String name) {
        if (helpers == null) {
            IrFunction events = ExceptionEvents.helper(EXCEPTION_EVENTS, layout, symbols, objects.monitoringDisable(),
                    ExceptionEvents.messages());
            IrFunction breaker = EvalBreakerHelper.helper(EVAL_BREAKER, symbols);
            List<IrFunction> functions = new ArrayList<>(List.of(events, breaker));
            for (AttributeCache.Kind kind : AttributeCache.Kind.values()) {
                functions.add(AttributeCache.fill(kind, layout, symbols));
            }
            functions.add(GlobalCache.fill(layout, symbols));
            bodies.ifPresent(lookup -> functions.add(VectorcallEntry.entry(layout, symbols, lookup)));
            synchronized (backend) {
                helpers = Jit.host().compileTrusted(new IrModule(functions));
                perfMap.ifPresent(this::listHelpers);
                dumpModule("helpers", helpers);
            }
        }
        return helpers.function(name);
    }

    /**
     * Whether a direct call (and so the vectorcall entry) can enter a function of a live code
     * object: the specialiser's SIMPLE_FUNCTION, not a generator or coroutine (GIL held).
     *
     * @param layout the running CPython's offsets
     * @param code the code object's address
     * @return whether its body would get a call stub
     */
    public static boolean directlyCallable(CPythonLayout layout, long code) {
        MemoryIO memory = MemoryIO.getInstance();
        return FrameShape.directlyCallable(memory.getInt(code + layout.code().flags()),
                memory.getInt(code + layout.code().kwOnlyArgCount()));
    }

    /**
     * The vectorcall entry into compiled bodies ({@link VectorcallEntry}), for a function's
     * {@code vectorcall} slot; compiled with the helpers.
     *
     * @return its address
     * @throws IllegalStateException if this compiler makes no direct calls (no {@link BodyLookup})
     */
    public synchronized long vectorcallEntry() {
        if (bodies.isEmpty()) {
            throw new IllegalStateException("no direct calls: no vectorcall entry");
        }
        // Called from C: the C entry, which looks the stack limit up.
        return helperFunction(VectorcallEntry.ENTRY).address();
    }

    /**
     * The function watcher that gives new functions of flagged code objects the vectorcall entry
     * ({@link VectorcallEntry#watcher}); compiled on the first call, never freed.
     *
     * @return its address, a {@code PyFunction_WatchCallback}
     * @throws IllegalStateException if this compiler makes no direct calls (no {@link BodyLookup})
     */
    public synchronized long functionWatcher() {
        if (watcher == null) {
            IrFunction f = VectorcallEntry.watcher(layout, symbols, bodies.orElseThrow(
                    () -> new IllegalStateException("no direct calls: no function watcher")), vectorcallEntry());
            synchronized (backend) {
                watcher = Jit.host().compileTrusted(IrModule.of(f));
                dumpModule("watcher", watcher);
                perfMap.ifPresent(map -> map.add(watcher.address(), watcher.machineCode().code().length, f.name()));
            }
        }
        return watcher.function(VectorcallEntry.WATCHER).address();
    }

    /** {@code PYJIT_DUMP}: a module compiled once (the caller holds {@link #backend}). */
    private void dumpModule(String stem, CompiledModule module) {
        if (dump.isPresent()) {
            try {
                dump.get().writeModule(stem, module.module(), module.machineCode().code(), module.address());
            } catch (IOException e) {
                System.err.println("pyjit: warning: PYJIT_DUMP: " + e.getMessage());
            }
        }
    }

    /** Names each helper in the perf map: from its address to the next one's (or the code's end). */
    private void listHelpers(PerfMap map) {
        List<Long> starts = new ArrayList<>();
        Map<Long, String> names = new HashMap<>();
        for (IrFunction f : helpers.module().functions()) {
            long address = helpers.function(f.name()).address();
            starts.add(address);
            names.put(address, f.name());
        }
        starts.sort(null);
        long end = helpers.address() + helpers.machineCode().code().length;
        for (int i = 0; i < starts.size(); i++) {
            long start = starts.get(i);
            map.add(start, (i + 1 < starts.size() ? starts.get(i + 1) : end) - start, names.get(start));
        }
    }

    /**
     * Compiles a translation to machine code and makes it executable. Touches no Python object:
     * any thread, GIL or not.
     *
     * @param translation from {@link #translate} or {@link #translateLoop}
     * @param background whether this runs off the Python thread (statistics only)
     * @return the body, executable; publish its address only after this returns. On an exception
     *     the translation's counters are the caller's to free
     */
    public CompiledBody finish(Translation translation, boolean background) {
        long start = System.nanoTime();
        long queued = translation.waitedNanos() + start - translation.readyAt();
        IrFunction function = translation.function();
        synchronized (backend) {
            List<IrFunction> functions = new ArrayList<>(List.of(function));
            translation.callStub().ifPresent(functions::add);
            CompiledModule module = Jit.host().compileTrusted(new IrModule(functions));
            synchronized (modules) {
                modules.add(new LiveBody(module, translation.caches()));
            }
            byte[] machineCode = module.machineCode().code();
            CompiledFunction compiled = module.function(translation.name());
            long stub = translation.callStub().map(f -> module.function(f.name()).internalEntry()).orElse(0L);
            CompiledBody body = new CompiledBody(compiled.address(), compiled.internalEntry(), stub, machineCode.length,
                    translation.nanos() + System.nanoTime() - start, queued, background, function.instCount(),
                    translation.counters(), translation.loopEntries(), translation.directCallsOnly());
            perfMap.ifPresent(map -> map.add(module.address(), machineCode.length,
                    "pyjit:" + translation.serial() + ":" + translation.label()));
            if (dump.isPresent()) {
                try {
                    dump.get().write(translation.serial(), translation.label(), function, machineCode,
                            module.address());
                } catch (IOException e) {
                    System.err.println("pyjit: warning: PYJIT_DUMP: " + e.getMessage());
                }
            }
            return body;
        }
    }

    /**
     * Drops a translation that will not be compiled (cancelled, or its compile failed): frees its
     * counters.
     *
     * @param translation from {@link #translate} or {@link #translateLoop}, not compiled
     */
    public void abandon(Translation translation) {
        translation.free();
    }

    /**
     * Frees a body that was never published (its code object died while it was compiled): its
     * machine code and its counters.
     *
     * @param body a body from {@link #finish} whose address no state holds
     * @return bytes of machine code freed
     */
    public int discard(CompiledBody body) {
        int freed = release(body.address());
        body.counters().free();
        return freed;
    }

    /**
     * Frees the machine code of a body whose code object died (its {@code co_extra} free function
     * ran, so no frame of it exists and nothing can enter the body again).
     *
     * @param address the body's address or entry, as {@link CompiledBody#address()} or
     *     {@link CompiledBody#entry()} gave it
     * @return bytes of machine code freed, or 0 if no live body starts there
     */
    public int release(long address) {
        synchronized (modules) {
            return releaseLocked(address);
        }
    }

    private int releaseLocked(long address) {
        for (int i = modules.size() - 1; i >= 0; i--) {
            CompiledModule m = modules.get(i).module();
            CompiledFunction f = m.function(m.module().functions().get(0).name());
            if (f.address() == address || f.internalEntry() == address) {
                modules.remove(i).caches().free();
                m.close();
                return m.machineCode().code().length;
            }
        }
        return 0;
    }

    /** A body's machine code and the native blocks its code uses. */
    private record LiveBody(CompiledModule module, CacheSites caches) { }
}
