package org.pyjit.codegen;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallContextCache;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.Library;
import com.kenai.jffi.MemoryIO;
import com.kenai.jffi.Type;

/**
 * What generated trap handlers and C entries need to find the current thread's
 * {@code ThreadContext}: a pthread key whose value is the context, the addresses of
 * {@code pthread_getspecific} and {@code abort}, and the context's field offsets. One instance per
 * process ({@link #host()}).
 *
 * @param tlsKey             the {@code pthread_key_t} holding each thread's context address
 * @param pthreadGetspecific address of {@code void *pthread_getspecific(pthread_key_t)}
 * @param abort              address of {@code void abort(void)}
 */
public record TrapSupport(long tlsKey, long pthreadGetspecific, long abort) {
    /** Offset in a thread context of the stack pointer saved by the innermost active Java thunk. */
    public static final int SAVED_SP_OFFSET = 0;
    /**
     * Offset in a thread context of the thread's stack limit: the lowest address compiled code may
     * use. A frame that would reach below it traps {@code stack_overflow} instead.
     */
    public static final int STACK_LIMIT_OFFSET = 16;

    private static volatile TrapSupport host;

    /** The process-wide instance; the pthread key is created on first use. */
    public static TrapSupport host() {
        TrapSupport t = host;
        if (t == null) {
            synchronized (TrapSupport.class) {
                t = host;
                if (t == null) {
                    t = create();
                    host = t;
                }
            }
        }
        return t;
    }

    private static TrapSupport create() {
        Library libc = Library.getCachedInstance("libc.so.6", Library.LAZY | Library.GLOBAL);
        if (libc == null) {
            throw new IllegalStateException("cannot open libc: " + Library.getLastError());
        }
        long keyCreate = symbol(libc, "pthread_key_create");
        MemoryIO io = MemoryIO.getInstance();
        long keyCell = io.allocateMemory(8, true);
        try {
            CallContext ctx = CallContextCache.getInstance().getCallContext(Type.SINT32,
                    new Type[] {Type.POINTER, Type.POINTER}, CallingConvention.DEFAULT, false);
            int rc = (int) Invoker.getInstance().invokeN2(ctx, keyCreate, keyCell, 0L);
            if (rc != 0) {
                throw new IllegalStateException("pthread_key_create failed: error " + rc);
            }
            long key = io.getInt(keyCell) & 0xFFFF_FFFFL;
            return new TrapSupport(key, symbol(libc, "pthread_getspecific"), symbol(libc, "abort"));
        } finally {
            io.freeMemory(keyCell);
        }
    }

    /** The address of {@code pthread_setspecific}, for binding a thread's context. */
    static long pthreadSetspecific() {
        return symbol(Library.getCachedInstance("libc.so.6", Library.LAZY | Library.GLOBAL), "pthread_setspecific");
    }

    private static long symbol(Library lib, String name) {
        long a = lib.getSymbolAddress(name);
        if (a == 0) {
            throw new IllegalStateException("libc has no symbol " + name);
        }
        return a;
    }
}
