package org.pyjit.python.entry;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.Closure;
import com.kenai.jffi.ClosureManager;
import com.kenai.jffi.Library;
import com.kenai.jffi.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.pyjit.python.compile.BodyCompiler;
import org.pyjit.python.compile.BodyLookup;
import org.pyjit.python.compile.CompileOptions;
import org.pyjit.python.compile.CompileRefusedException;
import org.pyjit.python.compile.NativeSymbols;
import org.pyjit.python.compile.ToolSets;
import org.pyjit.python.entry.EntryData.Field;
import org.pyjit.python.launch.JitOptions;

/**
 * The JIT's entry points, installed in a running CPython: {@code sys.monitoring} callbacks under
 * tool id 5 ({@code OPTIMIZER_ID}) for the global events {@code PY_START} and {@code JUMP}, whose
 * callables are C function objects running our machine code ({@link EntryCode}).
 *
 * <p>Installation happens on the Python main thread holding the GIL, either after
 * {@code Py_InitializeFromConfig} and before {@code Py_RunMain} or later from a pending call
 * ({@link DeferredInstall}), through direct C-API calls and code run in a fresh dictionary, so
 * that nothing is left in {@code __main__}. Any failure leaves CPython as it was (tool id freed)
 * and is reported as an {@link EntryException}.
 */
public final class EntryPoints {

    /** {@code sys.monitoring.OPTIMIZER_ID}. */
    public static final int TOOL_ID = ToolSets.OUR_TOOL;

    /**
     * Events counted per location (a code object's calls, one loop's back edges) at most: a
     * location that reaches this without reaching the threshold stops firing and never becomes
     * hot. This bounds what counting costs when the threshold is high: at ~15-20 ns per event,
     * at most ~1-1.3 ms per location. Thresholds up to this value count exactly.
     */
    public static final int COUNT_LIMIT = 1 << 16;

    /** {@code METH_FASTCALL} (Include/methodobject.h). */
    private static final int METH_FASTCALL = 0x80;
    /** {@code sizeof(PyMethodDef)}: ml_name, ml_meth, ml_flags (padded), ml_doc. */
    private static final int METHOD_DEF_SIZE = 32;
    /** {@code PyTypeObject.tp_vectorcall_offset}: after the var-object header, name, sizes, dealloc. */
    private static final int TP_VECTORCALL_OFFSET = 56;

    /**
     * Registers the callbacks as tool {@value #TOOL_ID}. A child made by {@code os.fork()} drops
     * them: its JVM kept only the forking thread, so an upcall there (a hot code object, a compile)
     * could wait forever for a garbage collector or compiler thread that no longer exists; the
     * child runs interpreted, with tool {@value #TOOL_ID} free as in python3.12. Code already inside
     * a compiled body finishes it (machine code only, no upcall). Until this Python hook has run,
     * the native child handler ({@link CallbackCode#AFTER_FORK}) keeps the callbacks from calling
     * Java: they return {@code DISABLE} in a child, whatever fork() made it (also C code's).
     * {@code PY_RESUME} (a generator resumed after a {@code yield}) shares the {@code PY_START}
     * callback; its event is enabled (the second format argument) only when bodies are compiled,
     * as generator bodies are entered there.
     */
    private static final String REGISTER = """
            m = __import__('sys').monitoring
            error = None
            try:
                m.use_tool_id(%1$d, 'pyjit')
            except Exception as e:
                error = 'sys.monitoring tool id %1$d: ' + str(e)
            else:
                try:
                    m.register_callback(%1$d, m.events.PY_START, start)
                    m.register_callback(%1$d, m.events.PY_RESUME, start)
                    m.register_callback(%1$d, m.events.JUMP, jump)
                    m.set_events(%1$d, m.events.PY_START | m.events.JUMP%2$s)
                    def after_fork_in_child():
                        m.set_events(%1$d, 0)
                        m.register_callback(%1$d, m.events.PY_START, None)
                        m.register_callback(%1$d, m.events.PY_RESUME, None)
                        m.register_callback(%1$d, m.events.JUMP, None)
                        m.free_tool_id(%1$d)
                    __import__('os').register_at_fork(after_in_child=after_fork_in_child)
                except Exception as e:
                    error = 'sys.monitoring: ' + repr(e)
                    m.set_events(%1$d, 0)
                    m.register_callback(%1$d, m.events.PY_START, None)
                    m.register_callback(%1$d, m.events.PY_RESUME, None)
                    m.register_callback(%1$d, m.events.JUMP, None)
                    m.free_tool_id(%1$d)
            """;

    private final HotCodeRegistry registry;
    private final EntryCode code;
    /** Closures called from machine code: referenced here so that they are never freed. */
    private final List<Closure.Handle> closures;

    private EntryPoints(HotCodeRegistry registry, EntryCode code, List<Closure.Handle> closures) {
        this.registry = registry;
        this.code = code;
        this.closures = closures;
    }

    /**
     * Installs the entry points. Must run on the thread that initialised CPython, holding the GIL
     * (the main thread before {@code Py_RunMain}, or in a pending call).
     *
     * @param python libpython
     * @param code the compiled callbacks
     * @param threshold calls or back edges that make a code object or loop hot
     * @param log receives one line per JIT decision
     * @return the installed entry points
     * @throws EntryException if anything failed; CPython then runs without them
     */
    public static EntryPoints install(Library python, EntryCode code, int threshold, Consumer<String> log)
            throws EntryException {
        CApi api = CApi.bind(python);
        EntryData data = code.data;
        long extraIndex = api.requestCodeExtraIndex(code.address(CallbackCode.FREE_STATE));
        if (extraIndex < 0) {
            api.errClear();
            throw new EntryException("no co_extra index left");
        }
        long globals = api.dictNew();
        if (globals == 0) {
            api.errClear();
            throw new EntryException("PyDict_New failed");
        }
        long probe = api.runFile("import sys\nDISABLE = sys.monitoring.DISABLE\n", globals);
        if (probe == 0) {
            throw failure(api, "sys.monitoring is not available", "probing sys.monitoring");
        }
        api.decRef(probe);
        long disable = api.dictGetItem(globals, "DISABLE");
        requireImmortal(api.none, "None");
        requireImmortal(disable, "sys.monitoring.DISABLE");

        BodyCompiler compiler = null;
        if (JitOptions.compileRequested(System.getenv())) {
            try {
                compiler = new BodyCompiler(code.layout, NativeSymbols.lookUp(python),
                        CompileOptions.fromEnvironment(System.getenv()),
                        Optional.of(new BodyLookup(extraIndex, CodeState.CALL, CodeState.ENTERED,
                                CodeState.FLAGS, CodeState.VECTORCALL_ENTRY)));
                // GIL held here: the compiler thread translates without it.
                compiler.prepareObjects();
            } catch (CompileRefusedException | IllegalStateException e) {
                log.accept("warning: no compilation: " + e.getMessage());
                compiler = null;
            }
        }
        // Threshold 1 compiles in the upcall: the first call runs compiled, entry counts are exact.
        boolean synchronous = threshold == 1 || JitOptions.compileSynchronously(System.getenv());
        HotCodeRegistry registry = new HotCodeRegistry(api, code.layout, extraIndex, disable, compiler, synchronous,
                JitOptions.osrRequested(System.getenv()), log);
        List<Closure.Handle> closures = new ArrayList<>();
        ClosureManager closuresOf = ClosureManager.getInstance();
        CallContext attach = context(Type.SINT64, 1);
        CallContext hot = context(Type.SINT64, 4);
        CallContext released = context(Type.VOID, 1);
        Closure.Handle attachHandle = closuresOf.newClosure(buffer -> {
            long state = 0;
            try {
                state = registry.attach(buffer.getLong(0));
            } catch (Throwable t) {
                log.accept("error: attach: " + t);
            }
            buffer.setLongReturn(state);
        }, attach);
        Closure.Handle hotHandle = closuresOf.newClosure(buffer -> {
            long result = disable;
            try {
                result = registry.hot(buffer.getLong(0), buffer.getLong(1), buffer.getLong(2), buffer.getLong(3));
            } catch (Throwable t) {
                log.accept("error: hot: " + t);
            }
            buffer.setLongReturn(result);
        }, hot);
        Closure.Handle releasedHandle = closuresOf.newClosure(buffer -> {
            try {
                registry.released(buffer.getLong(0));
            } catch (Throwable t) {
                log.accept("error: released: " + t);
            }
        }, released);
        closures.add(attachHandle);
        closures.add(hotHandle);
        closures.add(releasedHandle);

        data.put(Field.EXTRA_INDEX, extraIndex);
        data.put(Field.THRESHOLD, threshold);
        data.put(Field.LIMIT, Math.min(threshold, COUNT_LIMIT));
        data.put(Field.NONE, api.none);
        data.put(Field.DISABLE, disable);
        data.put(Field.ATTACH, attachHandle.getAddress());
        data.put(Field.HOT, hotHandle.getAddress());
        data.put(Field.RELEASED, releasedHandle.getAddress());
        data.put(Field.FREE, api.free);
        data.put(Field.THREAD_STATE_GET, api.threadStateGet);
        // Before any fork can happen with the callbacks installed: a child sets FORKED first thing.
        if (api.atForkChild(code.address(CallbackCode.AFTER_FORK)) != 0) {
            throw new EntryException("pthread_atfork failed");
        }

        long start = callback(api, code.address(CallbackCode.PY_START), CallbackCode.PY_START);
        long jump = callback(api, code.address(CallbackCode.JUMP), CallbackCode.JUMP);
        if (api.dictSetItem(globals, "start", start) != 0 || api.dictSetItem(globals, "jump", jump) != 0) {
            api.errClear();
            throw new EntryException("PyDict_SetItemString failed");
        }
        long ran = api.runFile(REGISTER.formatted(TOOL_ID, compiler == null ? "" : " | m.events.PY_RESUME"), globals);
        if (ran == 0) {
            throw failure(api, "registering the callbacks raised", "registering the callbacks");
        }
        api.decRef(ran);
        String error = api.dictString(globals, "error");
        if (error != null) {
            throw new EntryException(error);
        }
        log.accept("entry: sys.monitoring tool " + TOOL_ID + ", global events PY_START"
                + (compiler == null ? "" : ", PY_RESUME") + " and JUMP; co_extra index "
                + extraIndex + "; threshold " + threshold + "; " + code.codeBytes() + " bytes of machine code compiled in "
                + String.format("%.1f", code.compileNanos() / 1e6) + " ms");
        return new EntryPoints(registry, code, closures);
    }

    /**
     * The failure of a Python step of installation. Installation runs Python code, so a signal
     * that arrives meanwhile (a pending call from {@code DeferredInstall} runs while the program
     * is running) has its handler run there: its exception ({@code KeyboardInterrupt}, or what the
     * program's handler raised; the steps catch {@code Exception} themselves) is the program's and
     * stays set, without the traceback entries of the installation code (python shows only the
     * program's: a {@code File "<string>", line 0} entry appeared when a SIGINT landed there), and
     * the caller hands it on. Anything else is cleared.
     */
    private static EntryException failure(CApi api, String message, String step) {
        if (!api.errIsException()) {
            api.errDropTraceback();
            return EntryException.interrupted(step);
        }
        api.errClear();
        return new EntryException(message);
    }

    private static CallContext context(Type returns, int params) {
        Type[] types = new Type[params];
        java.util.Arrays.fill(types, Type.SINT64);
        return CallContext.getCallContext(returns, types, CallingConvention.DEFAULT, false);
    }

    private static void requireImmortal(long object, String what) throws EntryException {
        if (object == 0 || CApi.MEMORY.getInt(object) >= 0) {
            throw new EntryException(what + " is not immortal: the callbacks return it without a new reference");
        }
    }

    /**
     * A C function object whose vectorcall and {@code ml_meth} are {@code address}: the
     * {@code METH_FASTCALL} wrapper is bypassed (no C recursion check, no extra C frame), which
     * the shared code allows because both conventions pass the argument vector second.
     */
    private static long callback(CApi api, long address, String name) throws EntryException {
        long def = CApi.MEMORY.allocateMemory(METHOD_DEF_SIZE, true);
        CApi.MEMORY.putLong(def, CApi.cString(name));
        CApi.MEMORY.putLong(def + 8, address);
        CApi.MEMORY.putInt(def + 16, METH_FASTCALL);
        long function = api.cFunctionNew(def);
        if (function == 0) {
            api.errClear();
            throw new EntryException("PyCFunction_NewEx failed");
        }
        long vectorcallOffset = CApi.MEMORY.getLong(api.cFunctionType + TP_VECTORCALL_OFFSET);
        if (vectorcallOffset <= 0 || vectorcallOffset > 256 || CApi.MEMORY.getLong(function + vectorcallOffset) == 0) {
            throw new EntryException("unexpected PyCFunction layout (vectorcall offset " + vectorcallOffset + ")");
        }
        CApi.MEMORY.putLong(function + vectorcallOffset, address);
        return function;
    }

    /**
     * Exit: cancels the compiles still queued and waits for the one in flight (at most one body's
     * compile time), so that nothing is published after this returns. Call before
     * {@link #hotCode()} at exit, from a thread that is not inside an upcall.
     */
    public void stopCompiling() {
        registry.stopCompiling();
    }

    /** Every hot code object so far (at exit: the statistics table). */
    public List<HotCode> hotCode() {
        return registry.hotCode();
    }

    /** Code objects that have run since installation (each got a counter state). */
    public long codeObjectsSeen() {
        return registry.attachedCount();
    }

    /** Time spent generating the callbacks' machine code. */
    public long compileNanos() {
        return code.compileNanos();
    }

    /** Bytes of the callbacks' machine code. */
    public long codeBytes() {
        return code.codeBytes();
    }
}
