package org.pyjit.python.compile;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.MemoryIO;
import com.kenai.jffi.Type;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * Immortal objects compiled code names as constants, made once by calling libpython from Java
 * (on the compiling Python thread, GIL held): interned method names, the empty string,
 * {@code sys.monitoring.DISABLE} and the {@code list.append} descriptor.
 *
 * <p>{@link #prepare} makes every object the translator asks for, under the GIL; afterwards the
 * objects are only read, so translation may run on a thread without the GIL, and a name that was
 * not prepared is refused there instead of calling libpython.
 */
final class CompileTimeObjects {

    private static final MemoryIO MEMORY = MemoryIO.getInstance();
    private static final CallContext ONE_POINTER =
            CallContext.getCallContext(Type.POINTER, new Type[] {Type.POINTER}, CallingConvention.DEFAULT, false);
    private static final CallContext POINTER_AND_NAME = CallContext.getCallContext(Type.POINTER,
            new Type[] {Type.POINTER, Type.POINTER}, CallingConvention.DEFAULT, false);
    private static final CallContext TWO_LONGS = CallContext.getCallContext(Type.POINTER,
            new Type[] {Type.SINT64, Type.UINT32}, CallingConvention.DEFAULT, false);

    private final NativeSymbols symbols;
    private final Map<String, Long> interned = new HashMap<>();
    private long empty;
    private Long smallIntZero;
    private long disable;
    private long listAppend;

    /** Interned names the translator uses ({@code with}, {@code class}, {@code import}). */
    private static final List<String> NAMES = List.of("__enter__", "__exit__", "__build_class__", "__import__",
            "__annotations__");

    private volatile boolean prepared;

    CompileTimeObjects(NativeSymbols symbols) {
        this.symbols = symbols;
    }

    /** Makes every object up front (GIL held); later lookups run on any thread. */
    void prepare() {
        NAMES.forEach(this::interned);
        emptyString();
        smallIntZero();
        monitoringDisable();
        listAppend();
        prepared = true;
    }

    /**
     * An interned string (3.12 interned strings are immortal, so the reference is never released).
     *
     * @param text ASCII text, e.g. {@code __enter__}
     * @return the object's address
     */
    long interned(String text) {
        if (prepared) {
            Long made = interned.get(text);
            if (made == null) {
                throw new IllegalStateException("interned name not prepared under the GIL: " + text);
            }
            return made;
        }
        return interned.computeIfAbsent(text, t -> {
            byte[] bytes = t.getBytes(StandardCharsets.US_ASCII);
            long buffer = MEMORY.allocateMemory(bytes.length + 1, true);
            try {
                MEMORY.putByteArray(buffer, bytes, 0, bytes.length);
                long intern = symbols.address(CSymbol.INTERN_FROM_STRING);
                long s = Invoker.getInstance().invokeN1(ONE_POINTER, intern, buffer);
                if (s == 0) {
                    throw new IllegalStateException("cannot intern " + t);
                }
                return s;
            } finally {
                MEMORY.freeMemory(buffer);
            }
        });
    }

    /**
     * The address of the small int 0 if the cached small ints -5..256 are one array of 32-byte
     * objects (3.12's {@code _PyRuntime} singletons, immortal), so that {@code n} is at
     * {@code zero + 32 n}; 0 if they are not laid out so (compiled code then always calls
     * {@code PyLong_FromLongLong}).
     */
    long smallIntZero() {
        if (smallIntZero == null) {
            CallContext longArg = CallContext.getCallContext(Type.POINTER, new Type[] {Type.SINT64},
                    CallingConvention.DEFAULT, false);
            long f = symbols.address(CSymbol.LONG_FROM_LONG);
            Invoker invoker = Invoker.getInstance();
            long zero = invoker.invokeN1(longArg, f, 0);
            boolean array = zero != 0;
            for (long n : new long[] {-5, -1, 1, 2, 100, 256}) {
                array &= invoker.invokeN1(longArg, f, n) == zero + SMALL_INT_STRIDE * n;
            }
            smallIntZero = array ? zero : 0L;
        }
        return smallIntZero;
    }

    /**
     * {@code sys.monitoring.DISABLE} (3.12's {@code _PyInstrumentation_DISABLE}, immortal and not
     * exported): what a monitoring callback returns to turn its event off at that location.
     */
    long monitoringDisable() {
        if (disable == 0) {
            long monitoring = cString("monitoring", name -> Invoker.getInstance()
                    .invokeN1(ONE_POINTER, symbols.address(CSymbol.SYS_GET_OBJECT), name));
            if (monitoring == 0) {
                throw new IllegalStateException("no sys.monitoring");
            }
            long found = cString("DISABLE", name -> Invoker.getInstance()
                    .invokeN2(POINTER_AND_NAME, symbols.address(CSymbol.GET_ATTR_STRING), monitoring, name));
            if (found == 0) {
                throw new IllegalStateException("no sys.monitoring.DISABLE");
            }
            disable = found;
        }
        return disable;
    }

    /** Calls {@code call} with a temporary NUL-terminated copy of ASCII {@code text}. */
    private static long cString(String text, LongUnaryOperator call) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        long buffer = MEMORY.allocateMemory(bytes.length + 1, true);
        try {
            MEMORY.putByteArray(buffer, bytes, 0, bytes.length);
            return call.applyAsLong(buffer);
        } finally {
            MEMORY.freeMemory(buffer);
        }
    }

    /**
     * The {@code list.append} method descriptor: the object 3.12's {@code CALL_NO_KW_LIST_APPEND}
     * compares the callable with ({@code interp->callable_cache.list_append}, found in
     * {@code list}'s dict, which a static type never changes). {@code list.append} read from the
     * type is the descriptor itself; the new reference taken here is never released, so the
     * address stays valid.
     */
    long listAppend() {
        if (listAppend == 0) {
            long list = symbols.address(CSymbol.LIST_TYPE);
            long found = cString("append", name -> Invoker.getInstance()
                    .invokeN2(POINTER_AND_NAME, symbols.address(CSymbol.GET_ATTR_STRING), list, name));
            if (found == 0) {
                throw new IllegalStateException("no list.append");
            }
            listAppend = found;
        }
        return listAppend;
    }

    /** {@code sizeof(PyLongObject)} in 3.12: the stride of the small-int array. */
    static final long SMALL_INT_STRIDE = 32;

    /** The empty string singleton ({@code PyUnicode_New(0, 0)}, immortal). */
    long emptyString() {
        if (empty == 0) {
            empty = Invoker.getInstance().invokeN2(TWO_LONGS, symbols.address(CSymbol.UNICODE_NEW), 0, 0);
            if (empty == 0) {
                throw new IllegalStateException("cannot make the empty string");
            }
        }
        return empty;
    }
}
