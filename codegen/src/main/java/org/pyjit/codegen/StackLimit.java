package org.pyjit.codegen;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallContextCache;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.Library;
import com.kenai.jffi.MemoryIO;
import com.kenai.jffi.PageManager;
import com.kenai.jffi.Type;
import java.lang.management.ManagementFactory;

/**
 * The lowest stack address compiled code may use on the calling thread: the low end of the
 * thread's stack (from {@code pthread_getattr_np} and {@code pthread_attr_getstack}), plus the
 * JVM's guard zones there (red, yellow and reserved pages; 64 KiB assumed when the JVM does not
 * say), plus {@link #MARGIN}.
 *
 * <p>Compiled code checks every frame against the limit before it allocates the frame, so at a
 * stack-overflow trap at most {@link #MARGIN} bytes remain for the trap path (which calls
 * {@code pthread_getspecific}) and for any C function the compiled code was calling into.
 */
final class StackLimit {
    /** Stack kept free below the limit, above the JVM's guard zones. */
    static final long MARGIN = 64 * 1024;
    /** Guard-zone size assumed when the JVM's flags cannot be read. */
    private static final long DEFAULT_GUARD = 64 * 1024;
    /** Room for a glibc {@code pthread_attr_t} (56 bytes on x86-64, 64 on AArch64). */
    private static final int ATTR_BYTES = 128;

    private static final long GUARD = jvmGuardBytes();

    private StackLimit() {
    }

    /** The calling thread's limit (see the class comment). */
    static long ofCurrentThread() {
        Library libc = Library.getCachedInstance("libc.so.6", Library.LAZY | Library.GLOBAL);
        MemoryIO io = MemoryIO.getInstance();
        long attr = io.allocateMemory(ATTR_BYTES + 16, true);
        long addrCell = attr + ATTR_BYTES;
        long sizeCell = addrCell + 8;
        Invoker inv = Invoker.getInstance();
        CallContextCache cache = CallContextCache.getInstance();
        try {
            long self = inv.invokeN0(cache.getCallContext(Type.UINT64, new Type[0], CallingConvention.DEFAULT, false),
                    symbol(libc, "pthread_self"));
            CallContext twoArgs = cache.getCallContext(Type.SINT32, new Type[] {Type.UINT64, Type.POINTER},
                    CallingConvention.DEFAULT, false);
            check("pthread_getattr_np", (int) inv.invokeN2(twoArgs, symbol(libc, "pthread_getattr_np"), self, attr));
            try {
                CallContext threeArgs = cache.getCallContext(Type.SINT32,
                        new Type[] {Type.POINTER, Type.POINTER, Type.POINTER}, CallingConvention.DEFAULT, false);
                check("pthread_attr_getstack", (int) inv.invokeN3(threeArgs, symbol(libc, "pthread_attr_getstack"),
                        attr, addrCell, sizeCell));
            } finally {
                CallContext oneArg = cache.getCallContext(Type.SINT32, new Type[] {Type.POINTER},
                        CallingConvention.DEFAULT, false);
                inv.invokeN1(oneArg, symbol(libc, "pthread_attr_destroy"), attr);
            }
            long low = io.getLong(addrCell);
            long size = io.getLong(sizeCell);
            if (low == 0 || size <= GUARD + 2 * MARGIN) {
                throw new IllegalStateException("implausible thread stack: " + size + " bytes at 0x"
                        + Long.toHexString(low));
            }
            return low + GUARD + MARGIN;
        } finally {
            io.freeMemory(attr);
        }
    }

    private static void check(String what, int rc) {
        if (rc != 0) {
            throw new IllegalStateException(what + " failed: error " + rc);
        }
    }

    private static long symbol(Library lib, String name) {
        long a = lib.getSymbolAddress(name);
        if (a == 0) {
            throw new IllegalStateException("libc has no symbol " + name);
        }
        return a;
    }

    /** HotSpot's red + yellow + reserved zones, which sit at the low end of every Java thread stack. */
    private static long jvmGuardBytes() {
        try {
            var vm = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            long pages = 0;
            for (String flag : new String[] {"StackRedPages", "StackYellowPages", "StackReservedPages"}) {
                pages += Long.parseLong(vm.getVMOption(flag).getValue());
            }
            return pages * PageManager.getInstance().pageSize();
        } catch (RuntimeException | LinkageError e) {
            return DEFAULT_GUARD;
        }
    }
}
