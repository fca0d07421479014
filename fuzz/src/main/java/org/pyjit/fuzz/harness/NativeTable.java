package org.pyjit.fuzz.harness;

import com.kenai.jffi.Library;
import java.util.EnumMap;
import java.util.Map;
import org.pyjit.fuzz.gen.NativeFunction;

/** The process's addresses of the {@link NativeFunction}s, resolved once with jffi. */
public final class NativeTable {
    private static final Map<NativeFunction, Long> ADDRESSES = resolve();

    private NativeTable() {
    }

    /** The address of {@code fn} in this process. */
    public static long address(NativeFunction fn) {
        return ADDRESSES.get(fn);
    }

    private static Map<NativeFunction, Long> resolve() {
        Map<NativeFunction, Long> out = new EnumMap<>(NativeFunction.class);
        for (NativeFunction fn : NativeFunction.values()) {
            Library lib = Library.getCachedInstance(fn.library(), Library.LAZY | Library.GLOBAL);
            if (lib == null) {
                throw new IllegalStateException("cannot open " + fn.library() + ": " + Library.getLastError());
            }
            long a = lib.getSymbolAddress(fn.symbol());
            if (a == 0) {
                throw new IllegalStateException(fn.library() + " has no symbol " + fn.symbol());
            }
            out.put(fn, a);
        }
        return out;
    }
}
