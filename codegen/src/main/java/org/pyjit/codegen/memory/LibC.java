package org.pyjit.codegen.memory;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallContextCache;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.LastError;
import com.kenai.jffi.Library;
import com.kenai.jffi.Type;

/**
 * The four libc entry points the executable-memory layer needs, called through raw jffi: symbol
 * addresses from {@code libc.so.6} and one cached {@link CallContext} per C signature. No
 * interface stub is generated at run time, so binding costs a few symbol look-ups (jnr-ffi's
 * {@code LibraryLoader} spent 190-390 ms generating a stub: CPYTHON-FACTS §7.9).
 *
 * <p>Pointers and sizes are passed as {@code long}: this layer supports 64-bit Linux only, where
 * both are 64 bits wide. The contexts that can fail save {@code errno} after the call; read it
 * with {@link #errno()} on the same thread. Immutable and thread-safe.
 */
final class LibC {
    private static final String SONAME = "libc.so.6";

    private final long mmap;
    private final long mprotect;
    private final long munmap;
    private final long getpagesize;
    /** {@code void *(void *, size_t, int, int, int, off_t)}, errno saved. */
    private final CallContext mmapContext;
    /** {@code int (void *, size_t, int)}, errno saved. */
    private final CallContext mprotectContext;
    /** {@code int (void *, size_t)}, errno saved. */
    private final CallContext munmapContext;
    /** {@code int (void)}. */
    private final CallContext getpagesizeContext;

    private LibC(Library libc) {
        mmap = symbol(libc, "mmap");
        mprotect = symbol(libc, "mprotect");
        munmap = symbol(libc, "munmap");
        getpagesize = symbol(libc, "getpagesize");
        CallContextCache contexts = CallContextCache.getInstance();
        mmapContext = contexts.getCallContext(Type.POINTER, new Type[] {Type.POINTER, Type.UINT64, Type.SINT32,
                Type.SINT32, Type.SINT32, Type.SINT64}, CallingConvention.DEFAULT, true);
        mprotectContext = contexts.getCallContext(Type.SINT32, new Type[] {Type.POINTER, Type.UINT64, Type.SINT32},
                CallingConvention.DEFAULT, true);
        munmapContext = contexts.getCallContext(Type.SINT32, new Type[] {Type.POINTER, Type.UINT64},
                CallingConvention.DEFAULT, true);
        getpagesizeContext = contexts.getCallContext(Type.SINT32, new Type[0], CallingConvention.DEFAULT, false);
    }

    /**
     * Opens libc ({@code RTLD_LAZY|RTLD_GLOBAL}, shared with every other jffi user) and looks up
     * the four symbols.
     *
     * @throws IllegalStateException if libc or a symbol cannot be found
     */
    static LibC open() {
        Library libc = Library.getCachedInstance(SONAME, Library.LAZY | Library.GLOBAL);
        if (libc == null) {
            throw new IllegalStateException("cannot open " + SONAME + ": " + Library.getLastError());
        }
        return new LibC(libc);
    }

    /**
     * {@code mmap(NULL, length, prot, flags, fd, offset)}: the kernel chooses the address.
     *
     * @return the mapping's address, or {@code -1} (MAP_FAILED) with errno saved
     */
    long mmap(long length, int prot, int flags, int fd, long offset) {
        return Invoker.getInstance().invokeN6(mmapContext, mmap, 0L, length, prot, flags, fd, offset);
    }

    /** @return 0 on success, -1 with errno saved */
    int mprotect(long address, long length, int prot) {
        return (int) Invoker.getInstance().invokeN3(mprotectContext, mprotect, address, length, prot);
    }

    /** @return 0 on success, -1 with errno saved */
    int munmap(long address, long length) {
        return (int) Invoker.getInstance().invokeN2(munmapContext, munmap, address, length);
    }

    /** @return the page size in bytes */
    int getpagesize() {
        return (int) Invoker.getInstance().invokeN0(getpagesizeContext, getpagesize);
    }

    /** @return the errno saved by this thread's last failing call through an errno-saving context */
    static int errno() {
        return LastError.getInstance().get();
    }

    private static long symbol(Library libc, String name) {
        long address = libc.getSymbolAddress(name);
        if (address == 0L) {
            throw new IllegalStateException(SONAME + " has no symbol " + name + ": " + Library.getLastError());
        }
        return address;
    }
}
