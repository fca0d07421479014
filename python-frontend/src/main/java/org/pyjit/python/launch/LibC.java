package org.pyjit.python.launch;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.Library;
import com.kenai.jffi.Type;

/** The few libc calls the launcher needs: environment edits and signals to a given thread. */
final class LibC {

    private static final CallContext LONG_0 = NativeCalls.context(Type.SINT64, 0);
    private static final CallContext INT_1 = NativeCalls.context(Type.SINT32, 1);
    private static final CallContext INT_2 = NativeCalls.context(Type.SINT32, 2);
    private static final CallContext INT_3 = NativeCalls.context(Type.SINT32, 3);

    private final long pthreadSelf;
    private final long pthreadKill;
    private final long setenv;
    private final long unsetenv;

    private LibC(Library libc) throws LaunchException {
        pthreadSelf = NativeCalls.symbol(libc, "pthread_self", "libc");
        pthreadKill = NativeCalls.symbol(libc, "pthread_kill", "libc");
        setenv = NativeCalls.symbol(libc, "setenv", "libc");
        unsetenv = NativeCalls.symbol(libc, "unsetenv", "libc");
    }

    /**
     * Binds the calls from the process's global symbol scope.
     *
     * @return the bindings
     * @throws LaunchException if libc lacks a symbol
     */
    static LibC open() throws LaunchException {
        return new LibC(Library.getDefault());
    }

    /** {@code pthread_self()} of the calling thread. */
    long pthreadSelf() {
        return NativeCalls.INVOKER.invokeN0(LONG_0, pthreadSelf);
    }

    /**
     * {@code pthread_kill(thread, signal)}.
     *
     * @param thread a {@code pthread_t} from {@link #pthreadSelf()} of a live thread
     * @param signal the signal number
     * @return 0 or an errno value
     */
    int pthreadKill(long thread, int signal) {
        return (int) NativeCalls.INVOKER.invokeN2(INT_2, pthreadKill, thread, signal);
    }

    /**
     * {@code setenv(name, value, 1)}: visible to CPython, which reads {@code environ} at start-up.
     *
     * @param name the variable
     * @param value its new value
     */
    void setenv(String name, String value) {
        long n = NativeCalls.cString(name);
        long v = NativeCalls.cString(value);
        try {
            NativeCalls.INVOKER.invokeN3(INT_3, setenv, n, v, 1);
        } finally {
            NativeCalls.MEMORY.freeMemory(n);
            NativeCalls.MEMORY.freeMemory(v);
        }
    }

    /**
     * {@code unsetenv(name)}.
     *
     * @param name the variable
     */
    void unsetenv(String name) {
        long n = NativeCalls.cString(name);
        try {
            NativeCalls.INVOKER.invokeN1(INT_1, unsetenv, n);
        } finally {
            NativeCalls.MEMORY.freeMemory(n);
        }
    }
}
