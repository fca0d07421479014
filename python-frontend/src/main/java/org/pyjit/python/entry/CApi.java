package org.pyjit.python.entry;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.Library;
import com.kenai.jffi.MemoryIO;
import com.kenai.jffi.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The libpython and libc functions the entry points use from Java (raw jffi downcalls) and from
 * generated code (their addresses). Every call from Java is made on a thread holding the GIL.
 */
final class CApi {

    static final MemoryIO MEMORY = MemoryIO.getInstance();
    private static final Invoker INVOKER = Invoker.getInstance();
    private static final CallContext[] CONTEXTS = new CallContext[6];

    static {
        for (int n = 0; n < CONTEXTS.length; n++) {
            Type[] params = new Type[n];
            Arrays.fill(params, Type.SINT64);
            CONTEXTS[n] = CallContext.getCallContext(Type.SINT64, params, CallingConvention.DEFAULT, false);
        }
    }

    /** Address of {@code _Py_NoneStruct}. */
    final long none;
    /** Address of {@code PyCFunction_Type}. */
    final long cFunctionType;
    /** libc {@code free}: what generated code calls to release a state nobody recorded. */
    final long free;
    /** {@code PyThreadState_Get}. */
    final long threadStateGet;
    private final long calloc;
    private final long registerAtFork;
    private final long requestCodeExtraIndex;
    private final long codeSetExtra;
    private final long cFunctionNewEx;
    private final long dictNew;
    private final long dictSetItemString;
    private final long dictGetItemString;
    private final long runStringFlags;
    private final long getAttrString;
    private final long unicodeAsUtf8;
    private final long longAsLong;
    private final long errClear;
    private final long errExceptionMatches;
    private final long errGetRaisedException;
    private final long errSetRaisedException;
    private final long exceptionSetTraceback;
    private final long excException;
    private final long decRef;
    private final long functionAddWatcher;
    /** Address of {@code _PyFunction_Vectorcall}, a function's default {@code vectorcall}. */
    final long functionVectorcall;

    private CApi(Library python, Library libc) throws EntryException {
        none = symbol(python, "_Py_NoneStruct");
        cFunctionType = symbol(python, "PyCFunction_Type");
        requestCodeExtraIndex = symbol(python, "PyUnstable_Eval_RequestCodeExtraIndex");
        codeSetExtra = symbol(python, "PyUnstable_Code_SetExtra");
        cFunctionNewEx = symbol(python, "PyCFunction_NewEx");
        dictNew = symbol(python, "PyDict_New");
        dictSetItemString = symbol(python, "PyDict_SetItemString");
        dictGetItemString = symbol(python, "PyDict_GetItemString");
        runStringFlags = symbol(python, "PyRun_StringFlags");
        getAttrString = symbol(python, "PyObject_GetAttrString");
        unicodeAsUtf8 = symbol(python, "PyUnicode_AsUTF8");
        longAsLong = symbol(python, "PyLong_AsLong");
        errClear = symbol(python, "PyErr_Clear");
        errExceptionMatches = symbol(python, "PyErr_ExceptionMatches");
        errGetRaisedException = symbol(python, "PyErr_GetRaisedException");
        errSetRaisedException = symbol(python, "PyErr_SetRaisedException");
        exceptionSetTraceback = symbol(python, "PyException_SetTraceback");
        excException = MEMORY.getLong(symbol(python, "PyExc_Exception"));
        decRef = symbol(python, "Py_DecRef");
        functionAddWatcher = symbol(python, "PyFunction_AddWatcher");
        functionVectorcall = symbol(python, "_PyFunction_Vectorcall");
        free = symbol(libc, "free");
        threadStateGet = symbol(python, "PyThreadState_Get");
        calloc = symbol(libc, "calloc");
        // glibc's pthread_atfork is a static stub over this exported function.
        registerAtFork = symbol(libc, "__register_atfork");
    }

    /**
     * Binds the functions.
     *
     * @param python libpython, opened {@code RTLD_GLOBAL}
     * @return the bindings
     * @throws EntryException if a symbol is missing
     */
    static CApi bind(Library python) throws EntryException {
        return new CApi(python, Library.getDefault());
    }

    private static long symbol(Library library, String name) throws EntryException {
        long address = library.getSymbolAddress(name);
        if (address == 0) {
            throw new EntryException("no symbol " + name);
        }
        return address;
    }

    private static long call(long fn, long... args) {
        CallContext ctx = CONTEXTS[args.length];
        return switch (args.length) {
            case 0 -> INVOKER.invokeN0(ctx, fn);
            case 1 -> INVOKER.invokeN1(ctx, fn, args[0]);
            case 2 -> INVOKER.invokeN2(ctx, fn, args[0], args[1]);
            case 3 -> INVOKER.invokeN3(ctx, fn, args[0], args[1], args[2]);
            case 4 -> INVOKER.invokeN4(ctx, fn, args[0], args[1], args[2], args[3]);
            case 5 -> INVOKER.invokeN5(ctx, fn, args[0], args[1], args[2], args[3], args[4]);
            default -> throw new IllegalArgumentException("at most 5 arguments");
        };
    }

    /** {@code PyThreadState_Get()}: the calling thread's state (it holds the GIL). */
    long threadState() {
        return call(threadStateGet);
    }

    /** {@code PyUnstable_Eval_RequestCodeExtraIndex(free)}: a co_extra slot, or -1. */
    long requestCodeExtraIndex(long freeFunction) {
        return call(requestCodeExtraIndex, freeFunction);
    }

    /** {@code PyUnstable_Code_SetExtra(code, index, extra)}: 0 or -1 with an exception set. */
    int codeSetExtra(long code, long index, long extra) {
        return (int) call(codeSetExtra, code, index, extra);
    }

    /** {@code PyCFunction_NewEx(def, NULL, NULL)}: a new reference or 0. */
    long cFunctionNew(long methodDef) {
        return call(cFunctionNewEx, methodDef, 0, 0);
    }

    /** {@code PyDict_New()}. */
    long dictNew() {
        return call(dictNew);
    }

    /** {@code PyDict_SetItemString(dict, key, value)}: 0 or -1. */
    int dictSetItem(long dict, String key, long value) {
        long k = cString(key);
        try {
            return (int) call(dictSetItemString, dict, k, value);
        } finally {
            MEMORY.freeMemory(k);
        }
    }

    /** {@code PyDict_GetItemString(dict, key)}: a borrowed reference or 0. */
    long dictGetItem(long dict, String key) {
        long k = cString(key);
        try {
            return call(dictGetItemString, dict, k);
        } finally {
            MEMORY.freeMemory(k);
        }
    }

    /** {@code PyRun_StringFlags(source, Py_file_input, globals, globals, NULL)}: new reference or 0. */
    long runFile(String source, long globals) {
        long s = cString(source);
        try {
            return call(runStringFlags, s, 257, globals, globals, 0);
        } finally {
            MEMORY.freeMemory(s);
        }
    }

    /** {@code dict[key]} when it is a str, else {@code null} (missing, None or not text). */
    String dictString(long dict, String key) {
        long value = dictGetItem(dict, key);
        if (value == 0 || value == none) {
            return null;
        }
        long utf8 = call(unicodeAsUtf8, value);
        if (utf8 == 0) {
            errClear();
            return null;
        }
        return new String(MEMORY.getZeroTerminatedByteArray(utf8), StandardCharsets.UTF_8);
    }

    /** {@code getattr(object, name)} as a UTF-8 string, or {@code null} (error cleared). */
    String stringAttribute(long object, String name) {
        long value = attribute(object, name);
        if (value == 0) {
            return null;
        }
        try {
            long utf8 = call(unicodeAsUtf8, value);
            if (utf8 == 0) {
                errClear();
                return null;
            }
            return new String(MEMORY.getZeroTerminatedByteArray(utf8), StandardCharsets.UTF_8);
        } finally {
            decRef(value);
        }
    }

    /** {@code getattr(object, name)} as a C long, or -1 (error cleared). */
    long longAttribute(long object, String name) {
        long value = attribute(object, name);
        if (value == 0) {
            return -1;
        }
        try {
            long n = call(longAsLong, value);
            if (n == -1) {
                errClear();
            }
            return n;
        } finally {
            decRef(value);
        }
    }

    private long attribute(long object, String name) {
        long n = cString(name);
        try {
            long value = call(getAttrString, object, n);
            if (value == 0) {
                errClear();
            }
            return value;
        } finally {
            MEMORY.freeMemory(n);
        }
    }

    /**
     * Whether the set exception is an {@code Exception}; false for {@code KeyboardInterrupt} and
     * {@code SystemExit}, which in installation code can only come from a signal handler.
     */
    boolean errIsException() {
        return call(errExceptionMatches, excException) != 0;
    }

    /**
     * Empties the set exception's traceback ({@code __traceback__ = None}): the entries of code
     * pyjit ran, which the program never called; the interpreter adds the program's own as the
     * exception propagates.
     */
    void errDropTraceback() {
        long exc = call(errGetRaisedException);
        if (exc != 0) {
            call(exceptionSetTraceback, exc, none);
            call(errSetRaisedException, exc);
        }
    }

    /** {@code PyErr_Clear()}. */
    void errClear() {
        call(errClear);
    }

    /** {@code Py_DecRef(object)} (NULL-safe). */
    void decRef(long object) {
        call(decRef, object);
    }

    /**
     * {@code PyFunction_AddWatcher(callback)}: the watcher's id, or -1 with an exception set
     * (every watcher slot taken).
     */
    int functionAddWatcher(long callback) {
        return (int) call(functionAddWatcher, callback);
    }

    /** libc {@code calloc(1, size)}: zeroed memory that libc {@code free} releases, or 0. */
    long calloc(long size) {
        return call(calloc, 1, size);
    }

    /**
     * {@code pthread_atfork(NULL, NULL, child)}, through glibc's {@code __register_atfork}.
     *
     * @param child a native {@code void(void)} run in the child after every {@code fork()}
     * @return 0 or an errno value
     */
    int atForkChild(long child) {
        return (int) call(registerAtFork, 0, 0, child, 0);
    }

    /** libc {@code free(p)}. */
    void free(long p) {
        call(free, p);
    }

    /** A NUL-terminated copy in native memory; the caller frees it with {@link MemoryIO#freeMemory}. */
    static long cString(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        long p = MEMORY.allocateMemory(bytes.length + 1L, true);
        MEMORY.putByteArray(p, bytes, 0, bytes.length);
        return p;
    }
}
