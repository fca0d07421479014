package org.pyjit.python.compile;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.MemoryIO;
import com.kenai.jffi.Type;
import org.pyjit.python.launch.Launcher;

/**
 * Two native words shared by every body: the main Python thread's {@code PyThreadState} and the
 * depth of Python-function calls made from compiled code on it.
 *
 * <p>Why: python3.12 runs a Python-to-Python call inline in the same C frame; a call from compiled
 * code instead enters {@code _PyEval_EvalFrameDefault} anew, which charges 2 units of the C
 * recursion budget ({@code c_recursion_remaining}, 1500), so recursion through compiled code would
 * raise RecursionError near depth 750 instead of at the recursion limit. A compiled CALL of a
 * Python function (or a bound method of one) gives those 2 units back around the call, as the
 * interpreter never spends them, but only on the main thread, whose C stack is
 * {@value Launcher#PYTHON_STACK_MB} MB (other threads have the platform's default stack), and only
 * below {@link #MAX_DEPTH} such calls, which at {@value #BYTES_PER_LEVEL} bytes of C stack per
 * level fits in that stack with room to spare.
 */
final class RecursionBudget {

    private static final MemoryIO MEMORY = MemoryIO.getInstance();
    /** The Java thread {@link Launcher} runs Python's main thread on. */
    static final String MAIN_THREAD_NAME = "python-main";
    /** C stack one compiled recursion level takes at most (measured well under it; see the docs). */
    static final long BYTES_PER_LEVEL = 2048;
    /** Refunded calls allowed in flight: half the main thread's stack. */
    static final long MAX_DEPTH = (Launcher.PYTHON_STACK_MB << 20) / 2 / BYTES_PER_LEVEL;
    static final int MAIN_THREAD_STATE = 0;
    static final int DEPTH = 8;

    private final long address;
    private final long threadStateGet;

    /**
     * @param threadStateGet {@code _PyThreadState_GetCurrent}
     */
    RecursionBudget(long threadStateGet) {
        this.address = MEMORY.allocateMemory(16, true);
        if (address == 0) {
            throw new OutOfMemoryError("no native memory for the recursion budget");
        }
        this.threadStateGet = threadStateGet;
    }

    /** The native block (compiled code reads and updates it). */
    long address() {
        return address;
    }

    /**
     * Records the main thread's state the first time a compilation runs on it (compilation runs
     * on the Python thread that made the code hot, holding the GIL).
     */
    void noteCompilingThread() {
        boolean onMain = Thread.currentThread().getName().equals(MAIN_THREAD_NAME);
        if (MEMORY.getLong(address + MAIN_THREAD_STATE) == 0 && onMain) {
            CallContext context =
                    CallContext.getCallContext(Type.POINTER, new Type[0], CallingConvention.DEFAULT, false);
            MEMORY.putLong(address + MAIN_THREAD_STATE, Invoker.getInstance().invokeN0(context, threadStateGet));
        }
    }
}
