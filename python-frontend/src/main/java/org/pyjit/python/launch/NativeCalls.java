package org.pyjit.python.launch;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.Library;
import com.kenai.jffi.MemoryIO;
import com.kenai.jffi.Type;
import java.nio.charset.StandardCharsets;

/**
 * Raw jffi plumbing shared by the boot bindings: symbol lookup, cached call contexts and C
 * strings. No jnr-ffi interface generation happens here (it costs 200-400 ms at start-up).
 */
final class NativeCalls {

    static final Invoker INVOKER = Invoker.getInstance();
    static final MemoryIO MEMORY = MemoryIO.getInstance();

    private NativeCalls() {
    }

    /**
     * A call context for a C function taking {@code params} 64-bit integer/pointer arguments.
     *
     * @param returns the C return type
     * @param params number of pointer-sized arguments
     * @return the cached context
     */
    static CallContext context(Type returns, int params) {
        Type[] types = new Type[params];
        java.util.Arrays.fill(types, Type.SINT64);
        return CallContext.getCallContext(returns, types, CallingConvention.DEFAULT, false);
    }

    /**
     * The address of a symbol, or a clear failure.
     *
     * @param library the opened library
     * @param name the symbol
     * @param where the library's name for the message
     * @return the address
     * @throws LaunchException if the symbol is missing
     */
    static long symbol(Library library, String name, String where) throws LaunchException {
        long address = library.getSymbolAddress(name);
        if (address == 0) {
            throw new LaunchException(where + " has no symbol " + name);
        }
        return address;
    }

    /**
     * Copies bytes into fresh native memory with a terminating NUL. The caller frees it.
     *
     * @param bytes the string's bytes
     * @return the address of the C string
     */
    static long cString(byte[] bytes) {
        long p = MEMORY.allocateMemory(bytes.length + 1L, true);
        MEMORY.putByteArray(p, bytes, 0, bytes.length);
        return p;
    }

    /**
     * Copies a Java string into native memory as UTF-8.
     *
     * @param s the string
     * @return the address of the C string
     */
    static long cString(String s) {
        return cString(s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a NUL-terminated string (UTF-8, invalid bytes replaced).
     *
     * @param address the C string, or 0
     * @return the string, or {@code null} for a NULL pointer
     */
    static String readCString(long address) {
        if (address == 0) {
            return null;
        }
        return new String(MEMORY.getZeroTerminatedByteArray(address), StandardCharsets.UTF_8);
    }
}
