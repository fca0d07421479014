package org.pyjit.python.launch;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.HeapInvocationBuffer;
import com.kenai.jffi.Library;
import com.kenai.jffi.Struct;
import com.kenai.jffi.Type;
import java.nio.file.Path;
import org.pyjit.python.layout.CPythonVersion;

/**
 * Raw jffi bindings to the libpython calls made at boot.
 *
 * <p>The library is opened {@code RTLD_LAZY | RTLD_GLOBAL}: extension modules in
 * {@code lib-dynload} have no {@code DT_NEEDED} on libpython and resolve its symbols globally.
 * Functions returning {@code PyStatus} (32 bytes) return it through a hidden pointer, so they are
 * called with the status buffer as first argument (CPYTHON-FACTS §7.2). The {@link Library}
 * object is kept here, strongly reachable, for the life of the process.
 */
public final class LibPython {

    private static final CallContext VOID_0 = NativeCalls.context(Type.VOID, 0);
    private static final CallContext VOID_1 = NativeCalls.context(Type.VOID, 1);
    private static final CallContext PTR_0 = NativeCalls.context(Type.SINT64, 0);
    private static final CallContext PTR_2 = NativeCalls.context(Type.SINT64, 2);
    private static final CallContext PTR_4 = NativeCalls.context(Type.SINT64, 4);
    private static final CallContext INT_0 = NativeCalls.context(Type.SINT32, 0);
    private static final CallContext INT_1 = NativeCalls.context(Type.SINT32, 1);

    private final Library library;
    private final Path path;
    private final long configInitPython;
    private final long configSetBytesArgv;
    private final long initializeFromConfig;
    private final long configClear;
    private final long runMain;
    private final long exitStatusException;
    private final long getVersion;
    private final long versionHex;
    private final long runtime;
    private final long interpreterMain;
    private final long atExit;
    private final long errClear;
    /** Closures handed to C; referenced here so that they are never freed. */
    private final java.util.List<com.kenai.jffi.Closure.Handle> closures = new java.util.ArrayList<>();

    private LibPython(Library library, Path path) throws LaunchException {
        this.library = library;
        this.path = path;
        String where = path.getFileName().toString();
        configInitPython = NativeCalls.symbol(library, "PyConfig_InitPythonConfig", where);
        configSetBytesArgv = NativeCalls.symbol(library, "PyConfig_SetBytesArgv", where);
        initializeFromConfig = NativeCalls.symbol(library, "Py_InitializeFromConfig", where);
        configClear = NativeCalls.symbol(library, "PyConfig_Clear", where);
        runMain = NativeCalls.symbol(library, "Py_RunMain", where);
        exitStatusException = NativeCalls.symbol(library, "Py_ExitStatusException", where);
        getVersion = NativeCalls.symbol(library, "Py_GetVersion", where);
        versionHex = NativeCalls.symbol(library, "Py_Version", where);
        runtime = NativeCalls.symbol(library, "_PyRuntime", where);
        interpreterMain = NativeCalls.symbol(library, "PyInterpreterState_Main", where);
        atExit = NativeCalls.symbol(library, "Py_AtExit", where);
        errClear = NativeCalls.symbol(library, "PyErr_Clear", where);
    }

    /**
     * Opens libpython for the whole process.
     *
     * @param path the shared library
     * @return the bindings
     * @throws LaunchException if it cannot be loaded or lacks a boot symbol
     */
    public static LibPython open(Path path) throws LaunchException {
        Library lib = Library.getCachedInstance(path.toString(), Library.LAZY | Library.GLOBAL);
        if (lib == null) {
            throw new LaunchException("cannot load " + path + ": " + Library.getLastError());
        }
        return new LibPython(lib, path);
    }

    /** The file this was loaded from. */
    public Path path() {
        return path;
    }

    /** The loaded library (for further symbol lookups). */
    public Library library() {
        return library;
    }

    /** {@code Py_Version} ({@code PY_VERSION_HEX}) as a feature version. */
    public CPythonVersion version() {
        return CPythonVersion.fromHex(NativeCalls.MEMORY.getLong(versionHex));
    }

    /** {@code Py_GetVersion()}, e.g. {@code "3.12.1 (main, ...) [GCC 12.2.0]"}. */
    public String versionString() {
        return NativeCalls.readCString(NativeCalls.INVOKER.invokeN0(PTR_0, getVersion));
    }

    /** The address of {@code _PyRuntime}. */
    public long runtimeAddress() {
        return runtime;
    }

    /** {@code PyInterpreterState_Main()}; valid after initialisation. */
    public long mainInterpreter() {
        return NativeCalls.INVOKER.invokeN0(PTR_0, interpreterMain);
    }

    /**
     * {@code PyConfig_InitPythonConfig(config)}.
     *
     * @param config zeroed memory of {@code sizeof(PyConfig)}
     */
    void configInitPythonConfig(long config) {
        NativeCalls.INVOKER.invokeN1(VOID_1, configInitPython, config);
    }

    /**
     * {@code *status = PyConfig_SetBytesArgv(config, argc, argv)}.
     *
     * @param status a {@code PyStatus} buffer
     * @param config the config
     * @param argc argument count including argv[0]
     * @param argv array of C strings
     */
    void configSetBytesArgv(long status, long config, long argc, long argv) {
        NativeCalls.INVOKER.invokeN4(PTR_4, configSetBytesArgv, status, config, argc, argv);
    }

    /**
     * {@code *status = Py_InitializeFromConfig(config)}.
     *
     * @param status a {@code PyStatus} buffer
     * @param config the config
     */
    void initializeFromConfig(long status, long config) {
        NativeCalls.INVOKER.invokeN2(PTR_2, initializeFromConfig, status, config);
    }

    /**
     * {@code PyConfig_Clear(config)}.
     *
     * @param config the config
     */
    void configClear(long config) {
        NativeCalls.INVOKER.invokeN1(VOID_1, configClear, config);
    }

    /** {@code Py_RunMain()}: runs the program, finalises, returns the exit status. */
    int runMain() {
        return (int) NativeCalls.INVOKER.invokeN0(INT_0, runMain);
    }

    /** {@code PyErr_Clear()} (GIL held). */
    void errClear() {
        NativeCalls.INVOKER.invokeN0(VOID_0, errClear);
    }

    /**
     * {@code Py_AtExit(fn)}: runs {@code action} at the end of {@code Py_FinalizeEx}, which every
     * normal exit passes through, including {@code sys.exit} from {@code -c} code (there CPython
     * calls C {@code exit()} itself and {@code Py_RunMain} never returns).
     *
     * @param action what to run (on the finalising thread)
     * @return whether CPython accepted it (it holds at most 32)
     */
    boolean atExit(Runnable action) {
        com.kenai.jffi.Closure.Handle handle = com.kenai.jffi.ClosureManager.getInstance().newClosure(
                buffer -> action.run(), CallContext.getCallContext(Type.VOID, new Type[0], CallingConvention.DEFAULT, false));
        closures.add(handle);
        return NativeCalls.INVOKER.invokeN1(INT_1, atExit, handle.getAddress()) == 0;
    }

    /**
     * {@code Py_ExitStatusException(status)}, with the struct passed by value: CPython prints
     * exactly what {@code python3.12} prints and exits. Does not return.
     *
     * @param status the failed status
     */
    void exitStatusException(PyStatus status) {
        Struct struct = Struct.newStruct(Type.SINT32, Type.POINTER, Type.POINTER, Type.SINT32);
        CallContext ctx = CallContext.getCallContext(Type.VOID, new Type[] {struct}, CallingConvention.DEFAULT, false);
        HeapInvocationBuffer buffer = new HeapInvocationBuffer(ctx);
        buffer.putStruct(status.raw(), 0);
        NativeCalls.INVOKER.invokeInt(ctx, exitStatusException, buffer);
    }
}
