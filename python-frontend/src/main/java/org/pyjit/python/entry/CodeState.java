package org.pyjit.python.entry;

/**
 * The per-code-object counters, in native memory reached from {@code co_extra}.
 *
 * <pre>
 * +0   i64  calls          PY_START events counted
 * +8   i64  back edges     backward JUMP events counted, all loops together
 * +16  i32  units          Py_SIZE(code): entries of the loop counter array
 * +20  i32  flags          {@link #RECORDED}, {@link #PENDING}, {@link #DIRECT_CALLS_ONLY},
 *                          {@link #VECTORCALL_ENTRY}
 * +24  i64  entry          the compiled body {@code i64 body(frame, tstate)}, or 0
 * +32  i64  entered        calls that ran the compiled body
 * +40  i64  declined       calls of a compiled code object left to the interpreter (another tool
 *                          was monitoring, stale instrumentation, unexpected frame)
 * +48  i64  osr            0, or a table of {@code units} i64: per backward jump (indexed by the
 *                          jump's code unit) a body entered at the jump's target, or 0
 * +56  i64  call           the body's call stub for direct calls and the vectorcall entry
 *                          ({@code DirectCall.stub}), or 0; published with {@code entry}
 * +64  i32  loop[units]    backward JUMP events per jump instruction, indexed by code unit
 * </pre>
 *
 * Once {@code entry} is set, {@code calls} stops counting (it stays the count that made the code
 * hot, plus the calls made while its body waited for the compiler thread);
 * {@code entered + declined} count the {@code PY_START} and {@code JUMP} events that found a
 * body to run (whole-function or loop entry) since.
 *
 * <p>Publication: {@code entry} and the OSR slots (and the {@code osr} pointer) may be written by
 * the compiler thread while Python threads run the callbacks, which read them without a lock. A
 * body is written only once its machine code is executable (mapped read/execute by
 * {@code mprotect}, which also shoots down the other cores' stale translations of those pages),
 * after a release fence; the address is one aligned 8-byte store, which x86-64 performs
 * atomically, and under x86-64's TSO a thread that loads the address also sees every earlier store
 * (the code bytes, a fresh OSR table's zeroes). Flags are written only by Java under the
 * registry's monitor; machine code only reads them.
 *
 * Allocated zeroed with libc {@code calloc} by the attach upcall, released with libc
 * {@code free} by the {@code co_extra} free function (through Java first if {@link #RECORDED}).
 */
final class CodeState {

    static final int CALLS = 0;
    static final int BACK_EDGES = 8;
    static final int UNITS = 16;
    static final int FLAGS = 20;
    static final int ENTRY = 24;
    static final int ENTERED = 32;
    static final int DECLINED = 40;
    static final int OSR = 48;
    static final int CALL = 56;
    static final int LOOPS = 64;

    /** Flag: Java holds a record naming this state; it must hear of the release. */
    static final int RECORDED = 1;
    /**
     * Flag: a body of this code object (the function or one of its loops) is being compiled off
     * the Python thread. Locations beyond the threshold return {@code None} instead of
     * {@code DISABLE} while it is set, so that they still fire when the body is installed.
     */
    static final int PENDING = 2;
    /**
     * Flag: the function's body is for direct calls from compiled code only (its entry reaches
     * no loop before it returns); the {@code PY_START} callback answers {@code DISABLE}. Set
     * before the body is published.
     */
    static final int DIRECT_CALLS_ONLY = 4;
    /**
     * Flag: the code's functions get the vectorcall entry into its body (it got hot called from
     * C, see {@code VectorcallEntry}): read by the function watcher at each function's creation.
     */
    static final int VECTORCALL_ENTRY = 8;

    private CodeState() {
    }

    /** Bytes of a state for a code object of {@code units} code units. */
    static long size(long units) {
        return LOOPS + 4 * units;
    }
}
