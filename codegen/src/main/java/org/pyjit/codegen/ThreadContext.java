package org.pyjit.codegen;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallContextCache;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.MemoryIO;
import com.kenai.jffi.Type;

/**
 * A Java thread's native block for calls into compiled code: the context a Java entry thunk and
 * the trap handlers share, and the argument buffer. Bound to the thread's pthread key on first
 * use; lives as long as the thread's Java object (never freed: 64 + 8 × {@link #MAX_ARGS} bytes
 * per thread that ever called compiled code).
 *
 * <p>Layout: {@code +0} the stack pointer saved by the active thunk (0 when none is active),
 * {@code +8} scratch for the trap handler, {@code +16} the thread's stack limit
 * ({@link StackLimit}: the lowest address compiled code may use; written once, read by thunks
 * and C entries). The argument buffer is separate.
 */
final class ThreadContext {
    /** Largest number of arguments a Java call passes. */
    static final int MAX_ARGS = 64;

    private static final ThreadLocal<ThreadContext> CURRENT = ThreadLocal.withInitial(ThreadContext::new);

    final long context;
    final long args;

    private ThreadContext() {
        MemoryIO io = MemoryIO.getInstance();
        context = io.allocateMemory(64, true);
        io.putLong(context + TrapSupport.STACK_LIMIT_OFFSET, StackLimit.ofCurrentThread());
        args = io.allocateMemory(8L * MAX_ARGS, true);
        TrapSupport traps = TrapSupport.host();
        CallContext cc = CallContextCache.getInstance().getCallContext(Type.SINT32,
                new Type[] {Type.UINT32, Type.POINTER}, CallingConvention.DEFAULT, false);
        int rc = (int) Invoker.getInstance().invokeN2(cc, TrapSupport.pthreadSetspecific(), traps.tlsKey(), context);
        if (rc != 0) {
            throw new IllegalStateException("pthread_setspecific failed: error " + rc);
        }
    }

    /** The calling thread's context. */
    static ThreadContext current() {
        return CURRENT.get();
    }
}
