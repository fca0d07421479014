package org.pyjit.python.entry;

/** What happened to a hot code object once it reached the threshold. */
public enum CompileState {
    /**
     * A function, generator or coroutine, a module or class body, or {@code exec}'d code:
     * compilable, but there is no compiler yet.
     */
    NO_COMPILER("hot, not compiled: no compiler yet"),
    /** Compiled: later calls run the machine code. */
    COMPILED("hot, compiled"),
    /** Queued for the compiler thread: calls run in the interpreter until the body is installed. */
    PENDING("hot, compile pending"),
    /** A function, generator or coroutine outside the compiler's subset (the reason follows the text). */
    REFUSED("hot, not compiled:");

    private final String text;

    CompileState(String text) {
        this.text = text;
    }

    /** The text of the statistics table and the log. */
    public String text() {
        return text;
    }

    /** {@code co_flags} bits (Include/cpython/code.h). */
    private static final int CO_GENERATOR = 0x20;
    private static final int CO_COROUTINE = 0x80;
    private static final int CO_ITERABLE_COROUTINE = 0x100;
    private static final int CO_ASYNC_GENERATOR = 0x200;

    /**
     * Whether code with these flags runs in frames that are suspended and resumed (a generator,
     * coroutine or async generator): its loops are not compiled on their own, the body entered at
     * every resumption runs them.
     *
     * @param coFlags {@code co_flags}
     * @return true for resumable code
     */
    static boolean resumable(int coFlags) {
        return (coFlags & (CO_GENERATOR | CO_COROUTINE | CO_ITERABLE_COROUTINE | CO_ASYNC_GENERATOR)) != 0;
    }

    /**
     * The state of a code object with these flags once hot. Code without {@code CO_OPTIMIZED}
     * (module and class bodies, {@code exec} and {@code eval} code) is compiled like a function:
     * its names go through the frame's {@code f_locals} mapping (LOAD_NAME and family).
     *
     * @param coFlags {@code co_flags}
     * @return its state
     */
    static CompileState of(int coFlags) {
        return NO_COMPILER;
    }
}
