package org.pyjit.python.entry;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.pyjit.python.bytecode.BytecodeDialect;
import org.pyjit.python.compile.BodyCompiler;
import org.pyjit.python.layout.CPythonLayout;
import org.pyjit.python.layout.Opcode;

/**
 * Whether the body of a loop-free function that just became hot would ever be entered, and
 * which functions a caller's direct-call sites would enter.
 *
 * <p>Under {@code PYJIT_ENTER=loops} the {@code PY_START} callback never enters such a body: only
 * a compiled caller does, through a direct call made at a call site the interpreter specialised
 * to {@code CALL_PY_EXACT_ARGS} (for that function, {@code func_version} in the site's inline
 * cache, or for another one at a polymorphic site). A function called by itself (recursion),
 * from C ({@code map}, {@code sorted}'s key) or from code that is not compiled would only cost
 * the compiler's time, on a machine where that time is taken from the program. So at the hot call
 * ({@link #verdict}) the caller is looked at:
 * <ul>
 *   <li>the current frame is the function's (else no answer can be given: the body is wanted, as
 *       before this test existed);
 *   <li>the function has a version;
 *   <li>the calling frame (beyond the interpreter's entry frame of a vectorcall) is at a
 *       {@code CALL_PY_EXACT_ARGS}: its instruction pointer is the
 *       instruction (a compiled caller sets it there before a call) or the instruction's last
 *       inline-cache unit (where 3.12's {@code DISPATCH_INLINED} leaves it); the function the
 *       site caches may be another (a compiled site calls any simple function directly);
 *   <li>the caller's state has a body, loop bodies or a compile pending.
 * </ul>
 * A function called through a vectorcall (the interpreter's entry frame, owned by the C stack,
 * between it and its caller) whose code a direct call can enter is wanted whatever its caller
 * (C code such as {@code map}, or a call site that is not a direct call): it gets
 * {@code VectorcallEntry}, through which C calls its body ({@link Verdict#calledFromC}).
 * A function that fails only the last two tests waits, by its version, for a caller: when a code
 * object is queued for compiling later, {@link #calleeVersions} names the functions its
 * {@code CALL_PY_EXACT_ARGS} sites cache, and a waiting one is compiled then. One that fails only
 * the last test also waits for that caller: compiled when the caller is (its site may cache
 * another function). (Callee and caller
 * often get hot within a few calls of each other, the callee first when it is called before the
 * back edge.)
 *
 * <p>Runs in the hot upcall, on the Python thread holding the GIL, so the frames and the code
 * units it reads cannot change under it.
 */
final class DirectCallDemand {
    /**
     * The answer for a hot loop-free function.
     *
     * @param wanted compile its body now
     * @param version if not wanted: the {@code func_version} a compiled caller's site must cache
     *     for the body to be wanted later, or 0 if it never can be
     * @param callerState if not wanted: the pyjit state of the code whose {@code CALL_PY_EXACT_ARGS}
     *     site called it (a site that calls any simple function directly once compiled), or 0
     * @param calledFromC if wanted: the function, called through a vectorcall from C (or from a
     *     generic call), which is to get the vectorcall entry with every later function of its
     *     code; otherwise 0
     */
    record Verdict(boolean wanted, int version, long callerState, long calledFromC) {
        static final Verdict WANTED = new Verdict(true, 0, 0, 0);
        static final Verdict NEVER = new Verdict(false, 0, 0, 0);
    }

    /** {@code FRAME_OWNED_BY_CSTACK} (3.12 internal/pycore_frame.h): {@code _PyEval_EvalFrameDefault}'s entry frame. */
    private static final int FRAME_OWNED_BY_CSTACK = 3;

    private final CApi api;
    private final CPythonLayout layout;
    private final BytecodeDialect dialect;
    private final long extraIndex;
    private final int exactArgs;
    private final int callCacheBytes;

    private DirectCallDemand(CApi api, CPythonLayout layout, long extraIndex, BytecodeDialect dialect) {
        this.api = api;
        this.layout = layout;
        this.dialect = dialect;
        this.extraIndex = extraIndex;
        this.exactArgs = dialect.opcodes().number(Opcode.CALL_PY_EXACT_ARGS);
        this.callCacheBytes = 2 * dialect.cacheUnits(Opcode.CALL);
    }

    /** The test for this CPython, or empty if its bytecode has no dialect (then every body is wanted). */
    static Optional<DirectCallDemand> of(CApi api, CPythonLayout layout, long extraIndex) {
        if (!(layout.threadState().currentFrame() instanceof CPythonLayout.CurrentFrameAccess.ViaCFrame)) {
            return Optional.empty();
        }
        return BytecodeDialect.forVersion(layout.version()).map(d -> new DirectCallDemand(api, layout, extraIndex, d));
    }

    /**
     * @param code the loop-free function's code object, whose {@code PY_START} just reached the
     *     threshold in the current frame
     * @return whether a compiled caller would enter its body now (see the class comment)
     */
    Verdict verdict(long code) {
        CPythonLayout.CurrentFrameAccess.ViaCFrame via =
                (CPythonLayout.CurrentFrameAccess.ViaCFrame) layout.threadState().currentFrame();
        CPythonLayout.FrameLayout f = layout.frame();
        long ts = api.threadState();
        long frame = ts == 0 ? 0 : CApi.MEMORY.getLong(CApi.MEMORY.getLong(ts + via.cframe()) + via.currentFrame());
        if (frame == 0 || CApi.MEMORY.getLong(frame + f.code()) != code) {
            return Verdict.WANTED;
        }
        CPythonLayout.CodeLayout c = layout.code();
        long function = CApi.MEMORY.getLong(frame + f.funcObj());
        int version = function == 0 ? 0 : CApi.MEMORY.getInt(function + layout.function().version());
        if (version == 0) {
            return Verdict.NEVER;
        }
        long caller = CApi.MEMORY.getLong(frame + f.previous());
        // Called through PyObject_Vectorcall (C code, or a compiled caller whose direct call did
        // not apply: the callee had no body yet), the interpreter's entry frame sits between the
        // two. From C, the vectorcall entry would enter the body (if the code can be entered so).
        boolean viaVectorcall = caller != 0
                && (CApi.MEMORY.getByte(caller + f.owner()) & 0xFF) == FRAME_OWNED_BY_CSTACK;
        Verdict waiting = viaVectorcall && BodyCompiler.directlyCallable(layout, code)
                ? new Verdict(true, 0, 0, function) : new Verdict(false, version, 0, 0);
        if (viaVectorcall) {
            caller = CApi.MEMORY.getLong(caller + f.previous());
        }
        if (caller == 0) {
            return waiting;
        }
        long callerCode = CApi.MEMORY.getLong(caller + f.code());
        long first = callerCode + c.codeAdaptive();
        long end = first + 2 * CApi.MEMORY.getLong(callerCode + layout.object().size());
        long ip = CApi.MEMORY.getLong(caller + f.instructionPointer());
        if (f.instructionPointerKind() == CPythonLayout.InstructionPointerKind.NEXT_INSTRUCTION) {
            ip -= 2;
        }
        if (!siteFor(ip, first, end) && !siteFor(ip - callCacheBytes, first, end)) {
            return waiting;
        }
        long state = stateOf(callerCode);
        boolean compiled = state != 0 && (CApi.MEMORY.getLong(state + CodeState.ENTRY) != 0
                || CApi.MEMORY.getLong(state + CodeState.OSR) != 0
                || (CApi.MEMORY.getInt(state + CodeState.FLAGS) & CodeState.PENDING) != 0);
        if (compiled) {
            return Verdict.WANTED;
        }
        return waiting.wanted() ? waiting : new Verdict(false, version, state, 0);
    }


    /** Whether {@code unit} is a {@code CALL_PY_EXACT_ARGS} of the code. */
    private boolean siteFor(long unit, long first, long end) {
        return unit >= first && unit + 2 + callCacheBytes <= end && (CApi.MEMORY.getByte(unit) & 0xFF) == exactArgs;
    }

    /**
     * The {@code func_version}s cached by the {@code CALL_PY_EXACT_ARGS} sites of a live code
     * object (decoded instruction by instruction, so no inline-cache unit is taken for one).
     */
    Set<Integer> calleeVersions(long code) {
        long first = code + layout.code().codeAdaptive();
        long units = CApi.MEMORY.getLong(code + layout.object().size());
        Set<Integer> versions = new HashSet<>();
        for (long k = 0; k < units; ) {
            int number = CApi.MEMORY.getByte(first + 2 * k) & 0xFF;
            Optional<Opcode> op = dialect.opcodes().decode(number);
            if (number == exactArgs && k + 1 + callCacheBytes / 2 <= units) {
                int version = CApi.MEMORY.getInt(first + 2 * k + 4);
                if (version != 0) {
                    versions.add(version);
                }
            }
            k += 1 + op.map(o -> dialect.cacheUnits(dialect.baseOf(o))).orElse(0);
        }
        return versions;
    }

    /** The pyjit state in a code object's {@code co_extra}, or 0. */
    private long stateOf(long code) {
        long extra = CApi.MEMORY.getLong(code + layout.code().extra());
        if (extra == 0 || CApi.MEMORY.getLong(extra) <= extraIndex) {
            return 0;
        }
        return CApi.MEMORY.getLong(extra + 8 + 8 * extraIndex);
    }
}
