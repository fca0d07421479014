package org.pyjit.python.compile;

import com.kenai.jffi.MemoryIO;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.pyjit.ir.Block;
import org.pyjit.ir.FloatCC;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.IntCC;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.Signature;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;
import org.pyjit.python.bytecode.CodeAnalysis;
import org.pyjit.python.bytecode.ControlFlowGraph.BasicBlock;
import org.pyjit.python.bytecode.ExceptionTable;
import org.pyjit.python.bytecode.InlineCache;
import org.pyjit.python.bytecode.Instruction;
import org.pyjit.python.bytecode.Successor;
import org.pyjit.python.layout.CPythonLayout;
import org.pyjit.python.layout.Opcode;
import org.pyjit.python.layout.TypeFlag;

/**
 * One code object's bytecode to one IR function {@code i64 body(frame, tstate)}, entered after
 * the function's {@code RESUME} or, in a generator, after the {@code RESUME} the frame is resumed
 * at (one entry per {@code RESUME}, chosen by {@code prev_instr}): 1 when the frame is ready for
 * the interpreter to execute the instruction {@code prev_instr} points at (a return, a yield, a
 * deoptimisation target or an exception handler), 0 when an exception is set and
 * {@code prev_instr} names the faulting instruction outside any handler,
 * {@link #DISABLE_LOCATION} when the body does not continue after that {@code RESUME}. Compiled code is made of segments: a segment starts at a jump target (or
 * after {@code RESUME}) and runs to the end of its bytecode block or to the first instruction that
 * is not compiled, where it leaves through a deoptimisation exit. Only segments reachable in
 * compiled code are emitted. All values live in the frame (see the package invariants).
 */
final class Translator {

    /** {@code (frame, tstate) -> ok}. */
    static final Signature BODY = Signature.of(Type.I64, Type.I64, Type.I64);
    /**
     * What a body returns when it was entered at a RESUME it never continues after (the next
     * instruction is not compiled), frame untouched: the callback returns {@code DISABLE}, so that
     * RESUME stops calling it.
     */
    static final long DISABLE_LOCATION = 2;
    private static final MemoryIO MEMORY = MemoryIO.getInstance();
    private static final Signature P_OF_NOTHING = Signature.of(Type.I64);
    static final Signature P_OF_P = Signature.of(Type.I64, Type.I64);
    private static final Signature P_OF_PP = Signature.of(Type.I64, Type.I64, Type.I64);
    private static final Signature P_OF_PPP = Signature.of(Type.I64, Type.I64, Type.I64, Type.I64);
    private static final Signature P_OF_PPPP = Signature.of(Type.I64, Type.I64, Type.I64, Type.I64, Type.I64);
    private static final Signature INT_OF_P = Signature.of(Type.I32, Type.I64);
    private static final Signature INT_OF_PP = Signature.of(Type.I32, Type.I64, Type.I64);
    private static final Signature INT_OF_PPP = Signature.of(Type.I32, Type.I64, Type.I64, Type.I64);
    private static final Signature INT_OF_PPPP = Signature.of(Type.I32, Type.I64, Type.I64, Type.I64, Type.I64);
    private static final Signature VOID_OF_P = Signature.ofVoid(Type.I64);
    private static final Signature VOID_OF_PP = Signature.ofVoid(Type.I64, Type.I64);
    private static final Signature P_OF_F = Signature.of(Type.I64, Type.F64);
    /** {@code lv_tag} below this: at most one digit (compact). */
    static final long COMPACT_TAG_LIMIT = 16;
    /** {@code lv_tag} below this: at most two digits, {@code |v| < 2^60}. */
    static final long TWO_DIGIT_TAG_LIMIT = 24;
    /** {@code PY_VECTORCALL_ARGUMENTS_OFFSET}: the callee may use {@code args[-1]}. */
    private static final long ARGUMENTS_OFFSET = 1L << 63;
    /** {@code PyCellObject.ob_ref} (Include/cpython/cellobject.h). */
    private static final int CELL_REF = 16;
    /** {@code PyBaseExceptionObject.traceback} (Include/cpython/pyerrors.h, 3.12). */
    private static final int EXCEPTION_TRACEBACK = 40;
    /** {@code PyMethodObject.im_func} (Include/cpython/classobject.h). */
    private static final int METHOD_FUNCTION = 16;
    /** {@code PyFunctionObject.func_kwdefaults} and {@code func_annotations} (Include/cpython/funcobject.h, 3.12). */
    private static final int FUNCTION_KWDEFAULTS = 64;
    private static final int FUNCTION_ANNOTATIONS = 112;
    /** FORMAT_VALUE's "a format spec is on the stack" bit ({@code FVS_HAVE_SPEC}). */
    private static final int FVS_HAVE_SPEC = 4;
    /** {@code PYGEN_RETURN} of {@code PySendResult} (Include/object.h; ERROR is -1, NEXT is 1). */
    private static final int PYGEN_RETURN = 0;
    /** {@code FRAME_CREATED} of {@code gi_frame_state} (3.12 internal/pycore_frame.h). */
    private static final int FRAME_CREATED = -2;
    /** CALL_INTRINSIC_1 arguments compiled (Include/internal/pycore_intrinsics.h, 3.12). */
    private static final int INTRINSIC_UNARY_POSITIVE = 5;
    private static final int INTRINSIC_LIST_TO_TUPLE = 6;
    /** The largest BUILD_MAP compiled (pairs). */
    static final int MAX_MAP_PAIRS = 16;

    private final CPythonLayout layout;
    private final NativeSymbols symbols;
    private final CodeObject code;
    private final boolean countInstructions;
    private final long counters;
    private final int counterCapacity;
    private final long recursionBudget;
    private final CompileTimeObjects objects;
    private final Optional<BodyLookup> bodies;
    private final long exceptionEvents;
    private final long evalBreaker;
    private final CacheSites caches;
    private final CompileOptions.EntryPolicy entries;
    /** A function body whose one entry reaches no loop: events must not enter it (direct calls may). */
    private boolean directCallsOnly;
    private final Map<ExitSite, Integer> sites = new LinkedHashMap<>();
    private final Map<Integer, Block> segments = new HashMap<>();
    /**
     * Exit blocks by what they do: an exit's code depends only on its key and on values of the
     * entry block, so equal exits (several failure checks of one instruction) share one block.
     */
    private final Map<ExitKey, Block> exits = new HashMap<>();
    /** The shared ends of exits ({@link #exitTail}) returning 0 and 1, made on first use. */
    private final Block[] exitTails = new Block[2];
    /**
     * For a loop body whose header is covered by the exception table: the first units of the
     * loop's bytecode blocks, the only code the body compiles (see {@link #translateLoop}).
     */
    private Optional<Set<Integer>> loopRegion = Optional.empty();
    private final List<Integer> loopEntryUnits = new ArrayList<>();
    private final ArrayDeque<Integer> pending = new ArrayDeque<>();
    private FunctionBuilder b;
    private Value frame;
    private Value interp;
    private Value entryVersion;
    private Value counterBase;
    private Value tstate;
    private Value savedTracing;

    /**
     * @param layout the running CPython's offsets
     * @param symbols the C-API addresses
     * @param code the code object
     * @param countInstructions whether compiled blocks count the bytecode instructions they run
     * @param counters the body's counter block ({@link BodyCounters} layout)
     * @param counterCapacity how many exit sites the block has room for
     * @param recursionBudget the {@link RecursionBudget} block
     * @param objects constants made at compile time
     * @param bodies where callees' call stubs are found, for direct calls ({@link DirectCall});
     *     empty: every call goes through vectorcall
     * @param exceptionEvents the {@link ExceptionEvents#helper} that fires exception events
     * @param evalBreaker the {@link EvalBreakerHelper#helper} a set eval breaker calls
     * @param entries which entries monitoring events take
     * @param caches where run-time cache sites get their blocks ({@link AttributeCache}, {@link GlobalCache})
     */
    Translator(CPythonLayout layout, NativeSymbols symbols, CodeObject code, boolean countInstructions,
               long counters, int counterCapacity, long recursionBudget,
               CompileTimeObjects objects, Optional<BodyLookup> bodies, long exceptionEvents, long evalBreaker,
               CompileOptions.EntryPolicy entries, CacheSites caches) {
        this.caches = caches;
        this.exceptionEvents = exceptionEvents;
        this.evalBreaker = evalBreaker;
        this.entries = entries;
        this.layout = layout;
        this.symbols = symbols;
        this.code = code;
        this.countInstructions = countInstructions;
        this.counters = counters;
        this.counterCapacity = counterCapacity;
        this.recursionBudget = recursionBudget;
        this.objects = objects;
        this.bodies = bodies;
    }

    /** The code object translated. */
    CodeObject code() {
        return code;
    }

    /** The running CPython's offsets. */
    CPythonLayout layout() {
        return layout;
    }

    /** The C-API addresses. */
    NativeSymbols symbols() {
        return symbols;
    }

    /** The frame parameter of the function being built. */
    Value frame() {
        return frame;
    }

    /** {@code tstate->interp}, loaded at entry. */
    Value interp() {
        return interp;
    }

    /** The thread-state parameter of the function being built. */
    Value tstate() {
        return tstate;
    }

    /** How 3.12 reaches the current frame: {@code tstate->cframe->current_frame}. */
    CPythonLayout.CurrentFrameAccess.ViaCFrame viaCFrame() {
        return DirectCall.viaCFrame(layout);
    }

    /** Non-zero iff a tool other than pyjit's has an event in the tool set at {@code owner + offset}. */
    Value otherTools(Value owner, int offset) {
        return ToolSets.otherTools(b, layout, owner, offset);
    }

    /** The cached small int 0, or 0 (see {@link CompileTimeObjects#smallIntZero}). */
    long smallIntZero() {
        return objects.smallIntZero();
    }

    /**
     * Boxes the int {@code v}: jumps to {@code join} with the cached small int when
     * {@code -5 <= v <= 256}; otherwise returns, in the block it leaves current,
     * {@code PyLong_FromLongLong(v)} (a new reference, NULL on a failed allocation).
     */
    Value smallIntOrNew(Value v, Block join) {
        long zero = objects.smallIntZero();
        Block big = b.createBlock();
        if (zero != 0) {
            Block small = b.createBlock();
            b.brif(b.icmpImm(IntCC.ULT, b.iaddImm(v, 5), 262), small, big);
            b.switchToBlock(small);
            b.jump(join, b.iadd(b.iconst(Type.I64, zero), b.binaryImm(org.pyjit.ir.Opcode.ISHL_IMM, v, 5)));
        } else {
            b.jump(big);
        }
        b.switchToBlock(big);
        return call(P_OF_P, CSymbol.LONG_FROM_LONG_LONG, v);
    }

    /** The exit sites of the last {@link #translate}, in counter order. */
    List<ExitSite> sites() {
        return List.copyOf(sites.keySet());
    }

    /**
     * An upper bound on the exit sites of a code object (for sizing its counter block): no
     * instruction counts more than five (LOAD_GLOBAL: held, failed, held for the current keys,
     * and two exits).
     */
    static int siteCapacity(CodeObject code) {
        return 5 * code.analysis().code().instructions().size() + 4;
    }

    /**
     * Builds the function.
     *
     * @param name the IR function's name
     * @return the function
     * @throws CompileRefusedException when nothing would be compiled, or the code cannot be entered
     */
    IrFunction translate(String name) throws CompileRefusedException {
        return translate(name, OptionalInt.empty());
    }

    /**
     * Builds a loop body: a function of the same signature entered at a backward jump's target
     * with the frame as the interpreter left it there (on-stack replacement from the {@code JUMP}
     * callback, whose caller resumes at whatever {@code prev_instr} names afterwards).
     *
     * <p>A body that returns an exception from the {@code JUMP} callback has it unwound by the
     * interpreter from the jump's target, not from the faulting instruction. When the target is
     * not covered by the exception table, that is right for every instruction the body returns an
     * exception for (those without a handler; the others are unwound in the body). When it is
     * covered (a loop inside {@code try} or {@code with}, or a 3.12 inlined comprehension), the
     * body is restricted to the loop: it leaves for the interpreter where control leaves the loop
     * ({@link ExitReason#LOOP_EXIT}), it lets the interpreter handle a set eval breaker at its
     * entry and back edges ({@link ExitReason.EVAL_BREAKER}: a comprehension's back edge is
     * outside its handler's range), and every other instruction of the loop must be covered, so
     * that its exceptions are unwound in the body. Only a failure to allocate the frame object
     * or the {@code lasti} int while unwinding still returns the exception from the callback.
     *
     * @param name the IR function's name
     * @param targetUnit the code unit the backward jump goes to
     * @return the function
     * @throws CompileRefusedException when the target leaves at once, is not an instruction, or is
     *     covered by the exception table while an instruction of the loop (other than a back edge)
     *     is not
     */
    IrFunction translateLoop(String name, int targetUnit) throws CompileRefusedException {
        if (!closesLoop(targetUnit)) {
            // 3.12 places exception handlers after the code and a handler that lets control go on
            // (a with block whose __exit__ suppressed, an except clause) jumps back to the code
            // after its statement: a backward jump, but no loop; compiling everything reachable
            // from its target at its first use cost a cold compile for nothing.
            throw new CompileRefusedException("no loop at unit " + targetUnit
                    + ": its backward jumps are reached only through an exception handler");
        }
        if (code.analysis().exceptionTable().handlerFor(targetUnit).isPresent()) {
            Set<Integer> region = coveredLoop(targetUnit);
            loopRegion = Optional.of(region);
        }
        return translate(name, OptionalInt.of(targetUnit));
    }

    /**
     * Whether the translated function body is for direct calls only: its one entry reaches no loop
     * before it returns, so the {@code PY_START} callback must not enter it (policy
     * {@link CompileOptions.EntryPolicy#ENTRIES_REACHING_LOOPS}).
     */
    boolean directCallsOnly() {
        return directCallsOnly;
    }

    /**
     * The loop headers a body from {@link #translateLoop} can be entered at, in code units: the
     * target it was asked for first. A loop whose header is not covered by the exception table
     * gets one body for all such loops of the code object (each hot loop of a function would
     * otherwise compile the whole rest of it again); a covered one gets a body of its own.
     * Valid after {@link #translateLoop}.
     */
    List<Integer> loopEntryUnits() {
        return List.copyOf(loopEntryUnits);
    }

    /**
     * Whether a backward jump to {@code header} is reachable from it without an exception: the
     * jump closes a loop (else it is a handler's jump back to the code after its statement).
     */
    private boolean closesLoop(int header) {
        CodeAnalysis analysis = code.analysis();
        ArrayDeque<Integer> work = new ArrayDeque<>(List.of(header));
        Set<Integer> seen = new HashSet<>(work);
        while (!work.isEmpty()) {
            Optional<Instruction> at = analysis.code().startingAt(work.poll());
            if (at.isEmpty()) {
                continue;
            }
            for (Successor s : analysis.code().successors(at.get())) {
                if (at.get().base() == Opcode.JUMP_BACKWARD && s.target() == header) {
                    return true;
                }
                if (seen.add(s.target())) {
                    work.add(s.target());
                }
            }
        }
        return false;
    }

    /**
     * Loop entries besides {@code hot}: the targets of the other backward jumps that are not
     * covered by the exception table, close a loop, and whose first instruction is compiled.
     */
    private List<Instruction> otherUncoveredHeaders(int hot) {
        CodeAnalysis analysis = code.analysis();
        List<Instruction> headers = new ArrayList<>();
        for (Instruction i : analysis.code().instructions()) {
            if (i.base() != Opcode.JUMP_BACKWARD || !analysis.depths().isReachable(i)) {
                continue;
            }
            for (Successor s : analysis.code().successors(i)) {
                int target = s.target();
                if (s.kind() != Successor.Kind.JUMP || target == hot
                        || analysis.exceptionTable().handlerFor(target).isPresent()
                        || headers.stream().anyMatch(h -> h.start() == target) || !closesLoop(target)) {
                    continue;
                }
                analysis.code().startingAt(target).filter(analysis.depths()::isReachable)
                        .filter(h -> staticExit(h).isEmpty()).ifPresent(headers::add);
            }
        }
        return headers;
    }

    /**
     * Opcodes that never raise (a deallocation they cause reports its errors as unraisable), so
     * they need no handler inside a covered loop ({@link #coveredLoop}).
     */
    private static final Set<Opcode> NEVER_RAISES = Set.of(Opcode.NOP, Opcode.LOAD_FAST, Opcode.LOAD_CONST,
            Opcode.STORE_FAST, Opcode.POP_TOP, Opcode.COPY, Opcode.SWAP, Opcode.PUSH_NULL, Opcode.JUMP_FORWARD,
            Opcode.POP_JUMP_IF_NONE, Opcode.POP_JUMP_IF_NOT_NONE, Opcode.POP_EXCEPT);

    /** The blocks of the loop at a covered header, checked as {@link #translateLoop} requires. */
    private Set<Integer> coveredLoop(int header) throws CompileRefusedException {
        CodeAnalysis analysis = code.analysis();
        List<Instruction> all = analysis.code().instructions();
        List<Instruction> backEdges = all.stream().filter(i -> i.base() == Opcode.JUMP_BACKWARD && i.start() > header
                && code.analysis().code().successors(i).stream().anyMatch(s -> s.target() == header)).toList();
        if (backEdges.isEmpty()) {
            throw new CompileRefusedException("loop header at unit " + header + " has no backward jump to it");
        }
        int last = backEdges.get(backEdges.size() - 1).start();
        List<Instruction> range = all.stream().filter(i -> i.start() >= header && i.start() <= last).toList();
        Set<Integer> blocks = NaturalLoop.blocks(code, range, backEdges);
        for (Instruction i : range) {
            if (blocks.contains(analysis.graph().blockAt(i.start()).start()) && analysis.depths().isReachable(i)
                    && i.base() != Opcode.JUMP_BACKWARD && !NEVER_RAISES.contains(i.base())
                    && analysis.exceptionTable().handlerFor(i.index()).isEmpty()) {
                throw new CompileRefusedException("loop header at unit " + header + " is inside a try or with block"
                        + " but " + i.base().name() + " at byte offset " + i.byteOffset() + " of its loop is not");
            }
        }
        return blocks;
    }

    /**
     * A place the body is entered at: after a {@code RESUME} (the function's start or, in a
     * generator, a resumption after a {@code yield}) or at a loop header.
     *
     * @param at the instruction the interpreter is at when the body is entered (the RESUME, or the
     *     loop header): a version change leaves there untouched
     * @param first the first instruction the body runs
     * @param depth the frame's stack depth there (a resumption's sent value included)
     * @param pollsEvalBreaker whether the eval breaker is polled first, as the RESUME would
     *     (3.12 skips it after {@code yield from} and {@code await}, oparg 2 and 3)
     */
    private record BodyEntry(Instruction at, Instruction first, int depth, boolean pollsEvalBreaker) { }

    private IrFunction translate(String name, OptionalInt loopTarget) throws CompileRefusedException {
        Instruction resume = code.analysis().code().instructions().stream()
                .filter(i -> i.base() == Opcode.RESUME).findFirst()
                .orElseThrow(() -> new CompileRefusedException("no RESUME instruction"));
        if (resume.oparg() != 0) {
            throw new CompileRefusedException("first RESUME is not a function start (oparg " + resume.oparg() + ")");
        }
        List<BodyEntry> entries = new ArrayList<>();
        // RESUMEs whose first instruction is not compiled: entered, they leave the frame untouched.
        Map<Instruction, ExitSite> notEntered = new LinkedHashMap<>();
        if (loopTarget.isPresent()) {
            Instruction first = code.analysis().code().startingAt(loopTarget.getAsInt())
                    .filter(i -> code.analysis().depths().isReachable(i))
                    .orElseThrow(() -> new CompileRefusedException("no reachable instruction at loop header unit "
                            + loopTarget.getAsInt()));
            Optional<ExitSite> firstExit = staticExit(first);
            if (firstExit.isPresent()) {
                throw new CompileRefusedException("nothing to compile: the first instruction of the loop leaves ("
                        + firstExit.get().text() + ")");
            }
            entries.add(new BodyEntry(first, first, depth(first), true));
            loopEntryUnits.add(first.start());
            if (loopRegion.isEmpty()) {
                for (Instruction other : otherUncoveredHeaders(first.start())) {
                    entries.add(new BodyEntry(other, other, depth(other), true));
                    loopEntryUnits.add(other.start());
                }
            }
        } else {
            // One entry per reachable RESUME: a plain function has one; a generator's frame is
            // resumed at the RESUME after each yield, with the sent value pushed (PY_RESUME).
            List<Instruction> resumes = code.analysis().code().instructions().stream()
                    .filter(i -> i.base() == Opcode.RESUME && code.analysis().depths().isReachable(i)).toList();
            Optional<ExitSite> firstExit = Optional.empty();
            boolean onlyReachingLoops = this.entries == CompileOptions.EntryPolicy.ENTRIES_REACHING_LOOPS;
            for (Instruction r : resumes) {
                Instruction first = code.analysis().code().startingAt(r.next())
                        .orElseThrow(() -> new CompileRefusedException("nothing after RESUME at " + r.byteOffset()));
                Optional<ExitSite> exit = staticExit(first);
                boolean pays = !onlyReachingLoops || LoopReach.reachesLoop(code.analysis().code(), first);
                if (exit.isPresent()) {
                    firstExit = firstExit.or(() -> exit);
                    notEntered.put(r, new ExitSite(r.byteOffset(), ExitReason.RESUME_NOT_ENTERED,
                            first.base().name()));
                } else if (!pays && resumes.size() > 1) {
                    // A generator's resumption that yields or returns again before any loop: the
                    // interpreter runs it for less than the callback would cost.
                    notEntered.put(r, new ExitSite(r.byteOffset(), ExitReason.RESUME_NOT_ENTERED, "no loop"));
                } else {
                    directCallsOnly = !pays;
                    entries.add(new BodyEntry(r, first, depth(first), r.oparg() < 2));
                }
            }
            if (entries.isEmpty() && firstExit.isEmpty()) {
                throw new CompileRefusedException("no entry reaches a loop before it yields or returns");
            }
            if (entries.isEmpty()) {
                throw new CompileRefusedException("nothing to compile: the first instruction after RESUME leaves ("
                        + firstExit.map(ExitSite::text).orElse("no RESUME") + ")");
            }
        }
        if (!(layout.interpreter().evalBreaker() instanceof CPythonLayout.EvalBreaker.InInterpreter breaker)) {
            throw new CompileRefusedException("eval breaker not in the interpreter state (not 3.12)");
        }
        boolean dispatch = entries.size() + notEntered.size() > 1;
        return FunctionBuilder.build(name, BODY, builder -> {
            b = builder;
            Block entry = b.createBlock();
            var params = b.appendEntryParams(entry);
            b.switchToBlock(entry);
            frame = params.get(0);
            tstate = params.get(1);
            interp = b.load(Type.I64, tstate, layout.threadState().interp());
            counterBase = b.iconst(Type.I64, counters);
            bump(BodyCounters.ENTRIES, 1);
            // The callback runs with tstate->tracing raised, which would silence every monitoring
            // event (nested PY_START included) of the code the body calls: 0 while the body runs,
            // the caller's value restored at every exit (idempotent if the caller lowered it).
            savedTracing = b.load(Type.I32, tstate, layout.threadState().tracing());
            b.store(b.iconst(Type.I32, 0), tstate, layout.threadState().tracing());
            // The instrumentation the body runs under: every way in (the callbacks' gate, a
            // direct call) has checked that the code is instrumented for the interpreter's
            // current version and that no other tool has events, and the body's code does not
            // depend on which version that is (an instrumented opcode of another tool seen at
            // compile time is an exit, where the interpreter runs whatever the code holds then).
            // So a body stays usable after tools come and go; a change while it runs is seen
            // against this value.
            entryVersion = b.load(Type.I64, interp, layout.interpreter().monitoringVersion());
            if (dispatch) {
                new ResumeDispatch(entries, notEntered, breaker.offset()).emit();
            } else {
                enter(entries.get(0), breaker.offset());
            }
            while (!pending.isEmpty()) {
                int unit = pending.poll();
                b.switchToBlock(segments.get(unit));
                // A loop header whose loop is all ints: the specialised loop first, the generic
                // segment as its fallback.
                Optional<IntLoops.IntLoop> intLoop = IntLoops.at(code, unit, i -> staticExit(i).isEmpty(),
                        this::smallInt);
                if (intLoop.isPresent()) {
                    Block generic = b.createBlock();
                    new IntLoopEmitter(this, b, intLoop.get(), generic, breaker.offset(), countInstructions).emit();
                    b.switchToBlock(generic);
                }
                new SegmentTranslation(unit, breaker.offset()).emit();
            }
        });
    }

    /**
     * Enters the body at one entry, in the current block. If the code's instrumentation is not
     * that of the interpreter's version (its gates make sure it is; this is the last line of
     * defence), leave: leaving at entry keeps {@code prev_instr} at the RESUME: no redirect, the
     * interpreter runs the frame on as if the body did not exist (line events included: a LINE
     * after a RESUME always fires).
     */
    private void enter(BodyEntry e, int breakerOffset) {
        Block sameVersion = b.createBlock();
        Block changed = b.createBlock();
        Value executing = b.load(Type.I64, frame, layout.frame().code());
        b.brif(b.icmp(IntCC.NE, b.load(Type.I64, executing, layout.code().instrumentationVersion()), entryVersion),
                changed, sameVersion);
        b.switchToBlock(changed);
        countSite(new ExitSite(e.at().byteOffset(), ExitReason.INSTRUMENTATION_CHANGED, ""));
        // start(), not index(): a loop header may be an EXTENDED_ARG prefix, which must run again.
        leaveAt(e.at().start(), e.depth());
        b.switchToBlock(sameVersion);
        // While the body runs, stacktop is -1, as while the interpreter runs a frame
        // (_PyFrame_GetStackPointer): a running generator's frame is traversed by the cyclic GC
        // (gen_traverse visits localsplus[0 .. stacktop)), and the slots below the entry depth
        // that the body pops keep pointers to released objects. Every exit stores it again.
        b.store(b.iconst(Type.I32, -1), frame, layout.frame().stackTop());
        // At a RESUME the breaker is emulated (signals, pending calls, a GIL switch) rather than
        // left to the interpreter: a body entered once (a module's) would otherwise run
        // interpreted whenever the allocations before it scheduled a collection; the next back
        // edge hands what the emulation leaves (a collection, an asynchronous exception) to the
        // interpreter. Entered from a JUMP, the interpreter's INSTRUMENTED_JUMP_BACKWARD has just
        // polled it: a breaker set since is left to the interpreter's next back edge, which
        // raises what it raises at the jump, as 3.12 does (not at the loop header).
        if (e.pollsEvalBreaker() && e.at().base() != Opcode.RESUME) {
            leaveIfEvalBreaker(breakerOffset, e.at(), e.depth());
        } else if (e.pollsEvalBreaker()) {
            pollEvalBreaker(breakerOffset, e.at(), e.depth());
        }
        b.jump(segment(e.first().start()));
    }

    /**
     * The entry of a body with several entries (a generator's RESUMEs, or the loop headers of a
     * loop body): the callback runs while the interpreter executes one of them, with
     * {@code prev_instr} naming it and {@code stacktop} its depth ({@code INSTRUMENTED_RESUME}
     * stores both before the call; {@code _Py_call_instrumentation_jump} sets {@code prev_instr}
     * to the jump's target). The body continues there; a RESUME whose next instruction is not
     * compiled, or a frame in any other state, returns at once with the frame untouched (no
     * redirect: the interpreter goes on as if the body did not exist, polling the eval breaker
     * itself).
     */
    private final class ResumeDispatch {
        private final List<BodyEntry> entries;
        private final Map<Instruction, ExitSite> notEntered;
        private final int breakerOffset;

        ResumeDispatch(List<BodyEntry> entries, Map<Instruction, ExitSite> notEntered, int breakerOffset) {
            this.entries = entries;
            this.notEntered = notEntered;
            this.breakerOffset = breakerOffset;
        }

        void emit() {
            Value at = b.load(Type.I64, frame, layout.frame().instructionPointer());
            Value top = b.load(Type.I32, frame, layout.frame().stackTop());
            Block unexpected = b.createBlock();
            for (BodyEntry e : entries) {
                Block here = b.createBlock();
                Block depthKnown = b.createBlock();
                Block next = b.createBlock();
                // prev_instr names the RESUME (never prefixed) or, entered from a JUMP, the jump's
                // target: a loop header's first unit, its EXTENDED_ARG prefix if it has one.
                b.brif(b.icmp(IntCC.EQ, at, b.iconst(Type.I64, code.unitAddress(e.at().start()))), here, next);
                b.switchToBlock(here);
                b.brif(b.icmpImm(IntCC.EQ, top, code.nLocalsPlus() + e.depth()), depthKnown, unexpected);
                b.switchToBlock(depthKnown);
                enter(e, breakerOffset);
                b.switchToBlock(next);
            }
            for (Map.Entry<Instruction, ExitSite> n : notEntered.entrySet()) {
                Block here = b.createBlock();
                Block next = b.createBlock();
                b.brif(b.icmp(IntCC.EQ, at, b.iconst(Type.I64, code.unitAddress(n.getKey().index()))), here, next);
                b.switchToBlock(here);
                countSite(n.getValue());
                leaveUntouched(DISABLE_LOCATION);
                b.switchToBlock(next);
            }
            b.jump(unexpected);
            b.switchToBlock(unexpected);
            countSite(new ExitSite(entries.get(0).at().byteOffset(), ExitReason.RESUME_NOT_ENTERED, "frame state"));
            leaveUntouched(1);
        }

        /**
         * Returns with {@code prev_instr} and {@code stacktop} as the interpreter left them: 1, or
         * {@link #DISABLE_LOCATION} for a RESUME the body never continues after.
         */
        private void leaveUntouched(long result) {
            b.store(savedTracing, tstate, layout.threadState().tracing());
            b.ret(b.iconst(Type.I64, result));
        }
    }

    /**
     * The value of a constant if it is an exact int of at most two 30-bit digits ({@code lv_tag < 24},
     * {@code |v| < 2^60}; sign {@code 1 - (lv_tag & 3)}, facts §1b); read at compile time (GIL held).
     */
    private OptionalLong smallInt(long object) {
        if (object == 0 || MEMORY.getLong(object + layout.object().type()) != symbols.address(CSymbol.LONG_TYPE)) {
            return OptionalLong.empty();
        }
        long tag = MEMORY.getLong(object + layout.longs().lvTag());
        if (Long.compareUnsigned(tag, TWO_DIGIT_TAG_LIMIT) >= 0) {
            return OptionalLong.empty();
        }
        long low = MEMORY.getInt(object + layout.longs().digits()) & 0xffff_ffffL;
        long high = tag >= COMPACT_TAG_LIMIT ? MEMORY.getInt(object + layout.longs().digits() + 4) & 0xffff_ffffL : 0;
        return OptionalLong.of((1 - (tag & 3)) * (low + (high << 30)));
    }

    /**
     * The exit an instruction takes before doing anything, if it is not compiled: unsupported
     * opcode or argument, an opcode another monitoring tool instrumented, or a return.
     */
    private Optional<ExitSite> staticExit(Instruction i) {
        String name = i.base().name();
        if (i.opcode().kind() == Opcode.Kind.INSTRUMENTED && i.base() != Opcode.RESUME
                && i.base() != Opcode.JUMP_BACKWARD && i.base() != Opcode.JUMP_FORWARD) {
            return Optional.of(new ExitSite(i.byteOffset(), ExitReason.INSTRUMENTED_OPCODE, name));
        }
        Optional<SupportedOpcode> op = SupportedOpcode.of(i.base());
        if (op.isEmpty()) {
            return Optional.of(new ExitSite(i.byteOffset(), ExitReason.UNSUPPORTED_OPCODE, name));
        }
        return switch (op.get()) {
            case RETURN_VALUE, RETURN_CONST -> Optional.of(new ExitSite(i.byteOffset(), ExitReason.RETURN, ""));
            // The interpreter suspends the generator (YIELD_VALUE unlinks its frame).
            case YIELD_VALUE -> Optional.of(new ExitSite(i.byteOffset(), ExitReason.YIELD, ""));
            case BINARY_OP -> NumberOp.of(i.oparg()).isPresent() ? Optional.empty()
                    : Optional.of(new ExitSite(i.byteOffset(), ExitReason.UNSUPPORTED_OPARG, name));
            case BUILD_MAP -> i.oparg() <= MAX_MAP_PAIRS ? Optional.empty()
                    : Optional.of(new ExitSite(i.byteOffset(), ExitReason.UNSUPPORTED_OPARG, name));
            case RAISE_VARARGS -> i.oparg() == 1 ? Optional.empty()
                    : Optional.of(new ExitSite(i.byteOffset(), ExitReason.UNSUPPORTED_OPARG, name));
            case CALL_INTRINSIC_1 -> i.oparg() == INTRINSIC_UNARY_POSITIVE || i.oparg() == INTRINSIC_LIST_TO_TUPLE
                    ? Optional.empty()
                    : Optional.of(new ExitSite(i.byteOffset(), ExitReason.UNSUPPORTED_OPARG, name + " " + i.oparg()));
            // KW_NAMES sets interpreter-local state for its CALL: compiled only with the CALL.
            case KW_NAMES -> code.analysis().code().startingAt(i.next()).flatMap(this::staticExit)
                    .map(e -> new ExitSite(i.byteOffset(), e.reason(), e.opcode()));
            default -> Optional.empty();
        };
    }

    private int depth(Instruction i) {
        return code.analysis().depths().before(i).orElseThrow();
    }

    /** The IR block of the segment starting at a unit; queued for translation on first use. */
    Block segment(int unit) {
        Block known = segments.get(unit);
        if (known != null) {
            return known;
        }
        Instruction at = code.analysis().code().startingAt(unit).orElseThrow();
        Optional<ExitSite> exit = staticExit(at);
        Block block;
        if (loopRegion.isPresent() && !loopRegion.get().contains(code.analysis().graph().blockAt(unit).start())) {
            block = exitBlock(new ExitSite(at.byteOffset(), ExitReason.LOOP_EXIT, ""), unit, depth(at));
        } else if (exit.isPresent()) {
            // A segment that would leave at once (nothing compiled before it, nothing counted) is its exit.
            block = exitBlock(exit.get(), unit, depth(at));
        } else {
            pending.add(unit);
            block = b.createBlock();
            // Bytecode runs here on the normal path, even when a slow path names it first.
            b.setCold(block, false);
        }
        segments.put(unit, block);
        return block;
    }

    /** The instructions from one unit to the end of its bytecode block. */
    private final class SegmentTranslation {
        private final List<Instruction> instructions;
        private final int breakerOffset;
        private long kwNames;
        /**
         * What the bytecode says value-stack slots hold after the instructions emitted so far:
         * slot to a constant of the code object, or to 0 for the NULL of {@code PUSH_NULL} and
         * {@code LOAD_GLOBAL}. A slot keeps its object until an instruction pops it, on every path
         * through the segment, so an entry lives until an instruction that may pop or rewrite its
         * slot ({@link #track}).
         */
        private final Map<Integer, Long> known = new HashMap<>();
        /**
         * Slots the bytecode shows to hold {@code True} or {@code False} (results of IS_OP,
         * CONTAINS_OP and UNARY_NOT), kept like {@link #known}.
         */
        private final Set<Integer> bools = new HashSet<>();

        SegmentTranslation(int unit, int breakerOffset) {
            BasicBlock block = code.analysis().graph().blockAt(unit);
            int from = 0;
            while (block.instructions().get(from).start() != unit) {
                from++;
            }
            this.instructions = block.instructions().subList(from, block.instructions().size());
            this.breakerOffset = breakerOffset;
        }

        void emit() {
            if (countInstructions) {
                int compiled = 0;
                for (Instruction i : instructions) {
                    if (staticExit(i).isPresent()) {
                        break;
                    }
                    compiled++;
                }
                bump(BodyCounters.INSTRUCTIONS, compiled);
            }
            for (Instruction i : instructions) {
                Optional<ExitSite> exit = staticExit(i);
                if (exit.isPresent()) {
                    b.jump(exitBlock(exit.get(), i.start(), depth(i)));
                    return;
                }
                if (instruction(i, depth(i))) {
                    return;
                }
                track(i, depth(i));
            }
            b.jump(segment(instructions.get(instructions.size() - 1).next()));
        }

        /**
         * Updates {@link #known} and {@link #bools} after {@code i} (at depth {@code d}): the
         * instructions named here write no slot below the ones they pop; any other forgets
         * everything.
         */
        private void track(Instruction i, int d) {
            switch (i.base()) {
                case LOAD_CONST -> learn(d, code.consts()[i.oparg()]);
                case PUSH_NULL -> learn(d, 0);
                case LOAD_GLOBAL -> {
                    forgetFrom(d);
                    if ((i.oparg() & 1) != 0) {
                        known.put(d, 0L);
                    }
                }
                case LOAD_FAST, LOAD_FAST_CHECK, LOAD_DEREF, LOAD_CLOSURE, NOP, RESUME, KW_NAMES -> forgetFrom(d);
                case STORE_FAST, POP_TOP -> forgetFrom(d - 1);
                case IS_OP, CONTAINS_OP -> {
                    forgetFrom(d - 2);
                    bools.add(d - 2);
                }
                case UNARY_NOT, CHECK_EXC_MATCH -> {
                    forgetFrom(d - 1);
                    bools.add(d - 1);
                }
                default -> {
                    known.clear();
                    bools.clear();
                }
            }
        }

        private void learn(int slot, long object) {
            forgetFrom(slot);
            known.put(slot, object);
        }

        private void forgetFrom(int slot) {
            known.keySet().removeIf(k -> k >= slot);
            bools.removeIf(k -> k >= slot);
        }

        /** A stack operand: a known constant as an IR constant (no load), else the slot's value. */
        private Operand operand(int slot) {
            Long c = known.get(slot);
            return c != null && c != 0 ? new Operand(b.iconst(Type.I64, c), c) : new Operand(slot(slot), 0);
        }

        /** Whether a slot is known to hold NULL. */
        private boolean knownNull(int slot) {
            Long c = known.get(slot);
            return c != null && c == 0;
        }

        private int target(Instruction i, Successor.Kind kind) {
            for (Successor s : code.analysis().code().successors(i)) {
                if (s.kind() == kind) {
                    return s.target();
                }
            }
            throw new IllegalStateException(i + " has no " + kind + " successor");
        }

        /** Emits one instruction; true if it ended the segment (a jump, branch or exit). */
        private boolean instruction(Instruction i, int d) {
            SupportedOpcode op = SupportedOpcode.of(i.base()).orElseThrow();
            switch (op) {
                case RESUME, NOP -> { }
                case RETURN_VALUE, RETURN_CONST, YIELD_VALUE -> throw new IllegalStateException("returns are exits");
                case LOAD_FAST -> push(d, incref(local(i.oparg())));
                case LOAD_FAST_CHECK -> {
                    Value v = local(i.oparg());
                    nonNullOrExit(v, new ExitSite(i.byteOffset(), ExitReason.UNBOUND_LOCAL, ""), i.start(), d);
                    push(d, incref(v));
                }
                case LOAD_FAST_AND_CLEAR -> {
                    push(d, local(i.oparg()));
                    b.store(b.iconst(Type.I64, 0), frame, localOffset(i.oparg()));
                }
                case LOAD_CONST -> push(d, constantReference(code.consts()[i.oparg()]));
                case STORE_FAST -> {
                    Value old = local(i.oparg());
                    b.store(slot(d - 1), frame, localOffset(i.oparg()));
                    setPrevInstr(i);
                    xdecref(old);
                }
                case POP_TOP -> {
                    setPrevInstr(i);
                    decref(slot(d - 1));
                }
                case PUSH_NULL -> push(d, b.iconst(Type.I64, 0));
                case COPY -> push(d, incref(slot(d - i.oparg())));
                case SWAP -> {
                    Value top = slot(d - 1);
                    Value other = slot(d - i.oparg());
                    b.store(other, frame, stackOffset(d - 1));
                    b.store(top, frame, stackOffset(d - i.oparg()));
                }
                case BINARY_OP -> {
                    OptionalInt appendTo = appendTarget(i);
                    if (appendTo.isPresent()) {
                        appendInPlace(i, d, appendTo.getAsInt());
                        return false;
                    }
                    NumberOp nb = NumberOp.of(i.oparg()).orElseThrow();
                    Operand l = operand(d - 2);
                    Operand r = operand(d - 1);
                    setPrevInstr(i);
                    Block join = b.createBlock();
                    Value res = b.appendBlockParam(join, Type.I64);
                    Block generic = b.createBlock();
                    Observed seen = Observed.of(i.opcode());
                    coldUnlessUnspecialised(generic, seen);
                    FastArithmetic.Arith.of(nb).ifPresentOrElse(a -> fastArithmetic(a, l, r, seen, join, generic),
                            () -> b.jump(generic));
                    b.switchToBlock(generic);
                    Value f = b.iconst(Type.I64, symbols.numberOps().get(nb));
                    b.jump(join, nb.ternary()
                            ? b.callIndirect(P_OF_PPP, f, l.value(), r.value(), constant(CSymbol.NONE)).get(0)
                            : b.callIndirect(P_OF_PP, f, l.value(), r.value()).get(0));
                    b.switchToBlock(join);
                    release(l);
                    release(r);
                    replaceOrFail(i, res, d - 2);
                }
                case COMPARE_OP -> {
                    Operand l = operand(d - 2);
                    Operand r = operand(d - 1);
                    setPrevInstr(i);
                    Block join = b.createBlock();
                    Value res = b.appendBlockParam(join, Type.I64);
                    Block generic = b.createBlock();
                    Observed seen = Observed.of(i.opcode());
                    coldUnlessUnspecialised(generic, seen);
                    FastArithmetic.Comparison.of(i.oparg() >> 4).ifPresentOrElse(
                            c -> fastComparison(c, l, r, seen, join, generic), () -> b.jump(generic));
                    b.switchToBlock(generic);
                    b.jump(join, call(P_OF_PPP, CSymbol.RICH_COMPARE, l.value(), r.value(),
                            b.iconst(Type.I64, i.oparg() >> 4)));
                    b.switchToBlock(join);
                    release(l);
                    release(r);
                    replaceOrFail(i, res, d - 2);
                }
                case IS_OP -> {
                    Operand l = operand(d - 2);
                    Operand r = operand(d - 1);
                    Value same = b.icmp(i.oparg() == 0 ? IntCC.EQ : IntCC.NE, l.value(), r.value());
                    setPrevInstr(i);
                    release(l);
                    release(r);
                    b.store(b.select(same, constant(CSymbol.TRUE), constant(CSymbol.FALSE)), frame,
                            stackOffset(d - 2));
                }
                case CONTAINS_OP -> {
                    Operand l = operand(d - 2);
                    Operand r = operand(d - 1);
                    setPrevInstr(i);
                    Value res = call(INT_OF_PP, CSymbol.SEQUENCE_CONTAINS, r.value(), l.value());
                    release(l);
                    release(r);
                    failIfNegative(i, res, d - 2);
                    Value in = b.icmpImm(i.oparg() == 0 ? IntCC.NE : IntCC.EQ, res, 0);
                    b.store(b.select(in, constant(CSymbol.TRUE), constant(CSymbol.FALSE)), frame,
                            stackOffset(d - 2));
                    afterArbitraryCode(i.next(), d - 1);
                }
                case UNARY_NOT -> {
                    Value v = slot(d - 1);
                    setPrevInstr(i);
                    Value truth = call(INT_OF_P, CSymbol.IS_TRUE, v);
                    decref(v);
                    failIfNegative(i, truth, d - 1);
                    b.store(b.select(b.icmpImm(IntCC.NE, truth, 0), constant(CSymbol.FALSE), constant(CSymbol.TRUE)),
                            frame, stackOffset(d - 1));
                    afterArbitraryCode(i.next(), d);
                }
                case UNARY_NEGATIVE, UNARY_INVERT -> {
                    Value v = slot(d - 1);
                    setPrevInstr(i);
                    CSymbol f = op == SupportedOpcode.UNARY_NEGATIVE ? CSymbol.NEGATIVE : CSymbol.INVERT;
                    Value res = call(P_OF_P, f, v);
                    decref(v);
                    replaceOrFail(i, res, d - 1);
                }
                case POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE -> {
                    Block taken = segment(target(i, Successor.Kind.BRANCH_TAKEN));
                    Block next = segment(target(i, Successor.Kind.NEXT));
                    boolean onTrue = op == SupportedOpcode.POP_JUMP_IF_TRUE;
                    Block ifTrue = onTrue ? taken : next;
                    Block ifFalse = onTrue ? next : taken;
                    Value v = slot(d - 1);
                    if (bools.contains(d - 1)) {
                        // Not True is False: no truth test, nothing to release (both immortal).
                        b.brif(b.icmpImm(IntCC.EQ, v, symbols.address(CSymbol.TRUE)), ifTrue, ifFalse);
                        return true;
                    }
                    Block notTrue = b.createBlock();
                    Block general = b.createBlock();
                    b.brif(b.icmpImm(IntCC.EQ, v, symbols.address(CSymbol.TRUE)), ifTrue, notTrue);
                    b.switchToBlock(notTrue);
                    b.brif(b.icmpImm(IntCC.EQ, v, symbols.address(CSymbol.FALSE)), ifFalse, general);
                    b.switchToBlock(general);
                    setPrevInstr(i);
                    Value truth = call(INT_OF_P, CSymbol.IS_TRUE, v);
                    decref(v);
                    Block decided = b.createBlock();
                    b.brif(b.icmpImm(IntCC.SLT, truth, 0), errorExit(i, d - 1), decided);
                    b.switchToBlock(decided);
                    b.brif(b.icmpImm(IntCC.NE, truth, 0), ifTrue, ifFalse);
                    return true;
                }
                case POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE -> {
                    Block taken = segment(target(i, Successor.Kind.BRANCH_TAKEN));
                    Block next = segment(target(i, Successor.Kind.NEXT));
                    boolean onNone = op == SupportedOpcode.POP_JUMP_IF_NONE;
                    Value v = slot(d - 1);
                    Block some = b.createBlock();
                    b.brif(b.icmpImm(IntCC.EQ, v, symbols.address(CSymbol.NONE)), onNone ? taken : next, some);
                    b.switchToBlock(some);
                    setPrevInstr(i);
                    decref(v);
                    b.jump(onNone ? next : taken);
                    return true;
                }
                case JUMP_FORWARD -> {
                    b.jump(segment(target(i, Successor.Kind.JUMP)));
                    return true;
                }
                case JUMP_BACKWARD -> {
                    leaveIfEvalBreaker(breakerOffset, i, d);
                    // Leaving here lets the interpreter execute the (now instrumented) jump itself.
                    instrumentationCheck(i.start(), d);
                    b.jump(segment(target(i, Successor.Kind.JUMP)));
                    return true;
                }
                case LOAD_GLOBAL -> cachedGlobal(i, d);
                case KW_NAMES -> kwNames = code.consts()[i.oparg()];
                case CALL -> callInstruction(i, d);
                case LOAD_ATTR -> guarded(i, d, () -> loadAttr(i, d));
                case STORE_ATTR -> guarded(i, d, () -> {
                    Operand v = operand(d - 2);
                    Value owner = slot(d - 1);
                    setPrevInstr(i);
                    Value name = b.iconst(Type.I64, code.names()[i.oparg()]);
                    Value err = call(INT_OF_PPP, CSymbol.SET_ATTR, owner, name, v.value());
                    release(v);
                    decref(owner);
                    failIfNonZero(i, err, d - 2);
                    afterArbitraryCode(i.next(), d - 2);
                });
                case BINARY_SUBSCR -> guarded(i, d, () -> {
                    Value container = slot(d - 2);
                    Operand sub = operand(d - 1);
                    setPrevInstr(i);
                    Value res = i.opcode() == Opcode.BINARY_SUBSCR_DICT ? dictItem(i, container, sub.value())
                            : call(P_OF_PP, CSymbol.GET_ITEM, container, sub.value());
                    decref(container);
                    release(sub);
                    replaceOrFail(i, res, d - 2);
                });
                case STORE_SUBSCR -> guarded(i, d, () -> {
                    Operand v = operand(d - 3);
                    Value container = slot(d - 2);
                    Operand sub = operand(d - 1);
                    setPrevInstr(i);
                    Value err = i.opcode() == Opcode.STORE_SUBSCR_DICT
                            ? setDictItem(i, container, sub.value(), v.value())
                            : call(INT_OF_PPP, CSymbol.SET_ITEM, container, sub.value(), v.value());
                    release(v);
                    decref(container);
                    release(sub);
                    failIfNonZero(i, err, d - 3);
                    afterArbitraryCode(i.next(), d - 3);
                });
                case BINARY_SLICE -> binarySlice(i, d);
                case GET_YIELD_FROM_ITER -> getYieldFromIter(i, d);
                case GET_AWAITABLE -> getAwaitable(i, d);
                case SEND -> {
                    send(i, d);
                    return true;
                }
                case END_SEND -> {
                    Value receiver = slot(d - 2);
                    b.store(slot(d - 1), frame, stackOffset(d - 2));
                    setPrevInstr(i);
                    decref(receiver);
                }
                // The SEND loop of yield from / await: no eval breaker poll (3.12 neither).
                case JUMP_BACKWARD_NO_INTERRUPT -> {
                    b.jump(segment(target(i, Successor.Kind.JUMP)));
                    return true;
                }
                case GET_ITER -> {
                    Value v = slot(d - 1);
                    setPrevInstr(i);
                    Value it = call(P_OF_P, CSymbol.GET_ITER, v);
                    decref(v);
                    replaceOrFail(i, it, d - 1);
                }
                case FOR_ITER -> {
                    forIter(i, d);
                    return true;
                }
                case END_FOR -> {
                    setPrevInstr(i);
                    decref(slot(d - 1));
                    decref(slot(d - 2));
                }
                case BUILD_TUPLE, BUILD_LIST -> buildSequence(i, d, op == SupportedOpcode.BUILD_TUPLE);
                case LIST_APPEND -> {
                    Value list = slot(d - 1 - i.oparg());
                    Operand v = operand(d - 1);
                    setPrevInstr(i);
                    Value err = call(INT_OF_PP, CSymbol.LIST_APPEND, list, v.value());
                    release(v);
                    failIfNegative(i, err, d - 1);
                }
                case BUILD_MAP -> buildMap(i, d);
                case LOAD_DEREF -> {
                    Value v = b.load(Type.I64, local(i.oparg()), CELL_REF);
                    nonNullOrExit(v, new ExitSite(i.byteOffset(), ExitReason.EMPTY_CELL, ""), i.start(), d);
                    push(d, incref(v));
                }
                case STORE_DEREF -> {
                    Value cell = local(i.oparg());
                    Value old = b.load(Type.I64, cell, CELL_REF);
                    b.store(slot(d - 1), cell, CELL_REF);
                    setPrevInstr(i);
                    xdecref(old);
                }
                case UNPACK_SEQUENCE -> unpackSequence(i, d);
                case STORE_GLOBAL -> {
                    Operand v = operand(d - 1);
                    setPrevInstr(i);
                    Value err = call(INT_OF_PPP, CSymbol.DICT_SET_ITEM,
                            b.load(Type.I64, frame, layout.frame().globals()),
                            b.iconst(Type.I64, code.names()[i.oparg()]), v.value());
                    release(v);
                    failIfNonZero(i, err, d - 1);
                    afterArbitraryCode(i.next(), d - 1);
                }
                case LOAD_CLOSURE -> {
                    Value v = local(i.oparg());
                    nonNullOrExit(v, new ExitSite(i.byteOffset(), ExitReason.UNBOUND_LOCAL, ""), i.start(), d);
                    push(d, incref(v));
                }
                case DELETE_SUBSCR -> {
                    Value container = slot(d - 2);
                    Operand sub = operand(d - 1);
                    setPrevInstr(i);
                    Value err = call(INT_OF_PP, CSymbol.DEL_ITEM, container, sub.value());
                    decref(container);
                    release(sub);
                    failIfNonZero(i, err, d - 2);
                    afterArbitraryCode(i.next(), d - 2);
                }
                case BUILD_SLICE -> {
                    int n = i.oparg();
                    Value step = n == 3 ? slot(d - 1) : b.iconst(Type.I64, 0);
                    Value start = slot(d - n);
                    Value stop = slot(d - n + 1);
                    setPrevInstr(i);
                    Value slice = call(P_OF_PPP, CSymbol.SLICE_NEW, start, stop, step);
                    releaseSlots(d - n, d);
                    replaceOrFail(i, slice, d - n);
                }
                case LIST_EXTEND -> listExtend(i, d);
                case BUILD_SET -> buildSet(i, d);
                case BUILD_CONST_KEY_MAP -> buildConstKeyMap(i, d);
                case FORMAT_VALUE -> formatValue(i, d);
                case BUILD_STRING -> {
                    int n = i.oparg();
                    setPrevInstr(i);
                    Value str = call(P_OF_PPP, CSymbol.JOIN_ARRAY, b.iconst(Type.I64, objects.emptyString()),
                            b.iaddImm(frame, stackOffset(d - n)), b.iconst(Type.I64, n));
                    releaseSlots(d - n, d);
                    replaceOrFail(i, str, d - n);
                }
                case MAKE_FUNCTION -> makeFunction(i, d);
                case LOAD_SUPER_ATTR -> loadSuperAttr(i, d);
                case BEFORE_WITH -> beforeWith(i, d);
                case LOAD_NAME -> loadName(i, d);
                case LOAD_FROM_DICT_OR_GLOBALS -> loadFromDictOrGlobals(i, d);
                case LOAD_LOCALS -> {
                    Value locals = fLocals(i, d);
                    push(d, incref(locals));
                }
                case STORE_NAME -> storeName(i, d);
                case DELETE_NAME -> deleteName(i, d);
                case LOAD_BUILD_CLASS -> {
                    Value builtins = exactDictOrExit(i, d, layout.frame().builtins());
                    setPrevInstr(i);
                    Value bc = builtinOrExit(i, d, builtins, "__build_class__");
                    push(d, incref(bc));
                }
                case IMPORT_NAME -> importName(i, d);
                case IMPORT_FROM -> importFrom(i, d);
                case STORE_SLICE -> storeSlice(i, d);
                case DICT_UPDATE -> dictUpdate(i, d);
                case DICT_MERGE -> dictMerge(i, d);
                case MAP_ADD -> {
                    Value dict = slot(d - 2 - i.oparg());
                    Value key = slot(d - 2);
                    Value value = slot(d - 1);
                    setPrevInstr(i);
                    Value err = call(INT_OF_PPP, CSymbol.DICT_SET_ITEM, dict, key, value);
                    decref(key);
                    decref(value);
                    failIfNonZero(i, err, d - 2);
                    afterArbitraryCode(i.next(), d - 2);
                }
                case SET_ADD, SET_UPDATE -> {
                    Value set = slot(d - 1 - i.oparg());
                    Value v = slot(d - 1);
                    setPrevInstr(i);
                    Value err = call(INT_OF_PP, op == SupportedOpcode.SET_ADD ? CSymbol.SET_ADD : CSymbol.SET_UPDATE,
                            set, v);
                    decref(v);
                    failIfNonZero(i, err, d - 1);
                    afterArbitraryCode(i.next(), d - 1);
                }
                case CALL_FUNCTION_EX -> callFunctionEx(i, d);
                case SETUP_ANNOTATIONS -> setupAnnotations(i, d);
                case DELETE_FAST -> {
                    Value v = local(i.oparg());
                    nonNullOrExit(v, new ExitSite(i.byteOffset(), ExitReason.UNBOUND_LOCAL, ""), i.start(), d);
                    b.store(b.iconst(Type.I64, 0), frame, localOffset(i.oparg()));
                    setPrevInstr(i);
                    decref(v);
                }
                case RAISE_VARARGS -> {
                    raiseInstance(i, d);
                    return true;
                }
                case PUSH_EXC_INFO -> {
                    // The exception handled so far (None if none) moves from tstate->exc_info to
                    // the stack below the new one, which exc_info now holds too.
                    Value info = b.load(Type.I64, tstate, layout.threadState().excInfo());
                    int excValue = layout.threadState().excInfoValue();
                    Value previous = b.load(Type.I64, info, excValue);
                    Value exception = slot(d - 1);
                    b.store(b.select(b.icmpImm(IntCC.EQ, previous, 0), constant(CSymbol.NONE), previous), frame,
                            stackOffset(d - 1));
                    b.store(incref(exception), info, excValue);
                    push(d, exception);
                }
                case POP_EXCEPT -> {
                    Value info = b.load(Type.I64, tstate, layout.threadState().excInfo());
                    int excValue = layout.threadState().excInfoValue();
                    Value old = b.load(Type.I64, info, excValue);
                    b.store(slot(d - 1), info, excValue);
                    setPrevInstr(i);
                    xdecref(old);
                }
                case CHECK_EXC_MATCH -> checkExceptionMatch(i, d);
                case CALL_INTRINSIC_1 -> {
                    Value v = slot(d - 1);
                    setPrevInstr(i);
                    Value res = call(P_OF_P, i.oparg() == INTRINSIC_UNARY_POSITIVE ? CSymbol.POSITIVE
                            : CSymbol.LIST_AS_TUPLE, v);
                    decref(v);
                    replaceOrFail(i, res, d - 1);
                }
            }
            return false;
        }

        /**
         * 3.12 CHECK_EXC_MATCH with an exception class on the right ({@code PyExceptionClass_Check}):
         * the exception stays, the class is replaced by whether the exception is an instance.
         * Anything else (a tuple of classes, or an invalid type the interpreter raises TypeError
         * for) leaves for the interpreter at the instruction.
         */
        private void checkExceptionMatch(Instruction i, int d) {
            Value exception = slot(d - 2);
            Value cls = slot(d - 1);
            Block isType = b.createBlock();
            Block isClass = b.createBlock();
            Block other = exitBlock(new ExitSite(i.byteOffset(), ExitReason.UNSUPPORTED_OPERAND,
                    "CHECK_EXC_MATCH of a non-class"), i.start(), d);
            Value flags = b.load(Type.I64, type(cls), layout.type().flags());
            b.brif(b.icmpImm(IntCC.NE, b.binaryImm(org.pyjit.ir.Opcode.BAND_IMM, flags, TypeFlag.TYPE_SUBCLASS.mask()),
                    0), isType, other);
            b.switchToBlock(isType);
            Value own = b.load(Type.I64, cls, layout.type().flags());
            b.brif(b.icmpImm(IntCC.NE, b.binaryImm(org.pyjit.ir.Opcode.BAND_IMM, own,
                    TypeFlag.BASE_EXC_SUBCLASS.mask()), 0), isClass, other);
            b.switchToBlock(isClass);
            setPrevInstr(i);
            Value matches = call(INT_OF_PP, CSymbol.GIVEN_EXCEPTION_MATCHES, exception, cls);
            decref(cls);
            b.store(b.select(b.icmpImm(IntCC.NE, matches, 0), constant(CSymbol.TRUE), constant(CSymbol.FALSE)), frame,
                    stackOffset(d - 1));
        }

        /**
         * The fast path the specialising interpreter's observation allows ({@link CachedFastPath}),
         * falling back to {@code generic} (the instruction's C-API code) when a guard fails;
         * without one, just {@code generic}.
         */
        private void guarded(Instruction i, int d, Runnable generic) {
            Optional<CachedFastPath> fast = CachedFastPath.of(i);
            if (fast.isEmpty()) {
                generic.run();
                return;
            }
            Block miss = b.createBlock();
            Block done = b.createBlock();
            FastPathEmitter emitter = new FastPathEmitter(Translator.this, b);
            emitter.emit(fast.get(), i, d, miss);
            countHeld(i);
            b.jump(done);
            b.setCold(miss);
            // The interpreter specialised the site for what it saw: the rest is the slow path.
            b.cold(() -> {
                b.switchToBlock(miss);
                Optional<AttributeCache.Kind> polymorphic = AttributeCache.kindOf(i, fast.get());
                if (polymorphic.isPresent()) {
                    AttributeCache.Kind kind = polymorphic.get();
                    Block unspecialised = b.createBlock();
                    long name = code.names()[kind == AttributeCache.Kind.STORE_VALUE ? i.oparg() : i.oparg() >> 1];
                    emitter.polymorphic(kind, i, d,
                            caches.allocate(AttributeCache.SITE_SIZE, AttributeCache.INITIAL_FILLS),
                            caches.helper(kind.helperName()), name, unspecialised);
                    countSite(new ExitSite(i.byteOffset(), ExitReason.GUARD_HELD_BY_ANOTHER_TYPE,
                            i.opcode().name()));
                    b.jump(done);
                    b.switchToBlock(unspecialised);
                }
                countFailed(i);
                generic.run();
                b.jump(done);
            });
            b.switchToBlock(done);
        }

        /**
         * LOAD_GLOBAL: the constant fast path of the interpreter's specialisation when there is one,
         * then the site's run-time cache ({@link GlobalCache}), then the generic lookups.
         */
        private void cachedGlobal(Instruction i, int d) {
            Optional<CachedFastPath> fast = CachedFastPath.of(i);
            Block done = b.createBlock();
            FastPathEmitter emitter = new FastPathEmitter(Translator.this, b);
            Runnable cached = () -> {
                Block generic = b.createBlock();
                emitter.globalCache(i, d, caches.allocate(GlobalCache.SITE_SIZE, GlobalCache.INITIAL_FILLS),
                        caches.helper(GlobalCache.HELPER), code.names()[i.oparg() >> 1], generic);
                countSite(new ExitSite(i.byteOffset(), ExitReason.GUARD_HELD_BY_CURRENT_KEYS, i.opcode().name()));
                b.jump(done);
                b.setCold(generic);
                b.cold(() -> {
                    b.switchToBlock(generic);
                    if (fast.isPresent()) {
                        countFailed(i);
                    }
                    loadGlobal(i, d);
                    b.jump(done);
                });
            };
            if (fast.isPresent()) {
                // Specialised: the run-time cache is the slow path too.
                Block miss = b.createBlock();
                emitter.emit(fast.get(), i, d, miss);
                countHeld(i);
                b.jump(done);
                b.setCold(miss);
                b.switchToBlock(miss);
                b.cold(cached);
            } else {
                cached.run();
            }
            b.switchToBlock(done);
        }

        /**
         * 3.12 LOAD_GLOBAL on exact dicts: globals, then builtins; a miss leaves for the
         * interpreter (it raises NameError), an error in a lookup is raised here.
         */
        private void loadGlobal(Instruction i, int d) {
            Value globals = b.load(Type.I64, frame, layout.frame().globals());
            Value builtins = b.load(Type.I64, frame, layout.frame().builtins());
            Value dictType = constant(CSymbol.DICT_TYPE);
            Block globalsOk = b.createBlock();
            Block dicts = b.createBlock();
            Block notDicts = exitBlock(new ExitSite(i.byteOffset(), ExitReason.GLOBALS_NOT_DICTS, ""), i.start(), d);
            b.brif(b.icmp(IntCC.EQ, type(globals), dictType), globalsOk, notDicts);
            b.switchToBlock(globalsOk);
            b.brif(b.icmp(IntCC.EQ, type(builtins), dictType), dicts, notDicts);
            b.switchToBlock(dicts);
            setPrevInstr(i);
            Value name = b.iconst(Type.I64, code.names()[i.oparg() >> 1]);
            Block found = b.createBlock();
            Value value = b.appendBlockParam(found, Type.I64);
            dictLookup(i, d, globals, name, found);
            dictLookup(i, d, builtins, name, found,
                    exitBlock(new ExitSite(i.byteOffset(), ExitReason.GLOBAL_MISS, ""), i.start(), d));
            b.switchToBlock(found);
            incref(value);
            if ((i.oparg() & 1) != 0) {
                push(d, b.iconst(Type.I64, 0));
                push(d + 1, value);
            } else {
                push(d, value);
            }
        }

        /** {@code f_locals}; a frame without one leaves for the interpreter (it raises SystemError). */
        private Value fLocals(Instruction i, int d) {
            Value locals = b.load(Type.I64, frame, layout.frame().locals());
            nonNullOrExit(locals, new ExitSite(i.byteOffset(), ExitReason.NO_LOCALS, ""), i.start(), d);
            return locals;
        }

        /** A frame dict ({@code f_globals}, {@code f_builtins}) that must be an exact dict, else an exit. */
        private Value exactDictOrExit(Instruction i, int d, int frameOffset) {
            Value dict = b.load(Type.I64, frame, frameOffset);
            Block exact = b.createBlock();
            b.brif(b.icmp(IntCC.EQ, type(dict), constant(CSymbol.DICT_TYPE)), exact,
                    exitBlock(new ExitSite(i.byteOffset(), ExitReason.GLOBALS_NOT_DICTS, ""), i.start(), d));
            b.switchToBlock(exact);
            return dict;
        }

        /**
         * A builtin by interned name, borrowed: a miss leaves for the interpreter at {@code i}
         * (which raises NameError or ImportError), an error in the lookup is raised here.
         */
        private Value builtinOrExit(Instruction i, int d, Value builtins, String name) {
            Block found = b.createBlock();
            Value v = b.appendBlockParam(found, Type.I64);
            dictLookup(i, d, builtins, b.iconst(Type.I64, objects.interned(name)), found,
                    exitBlock(new ExitSite(i.byteOffset(), ExitReason.NAME_MISS, ""), i.start(), d));
            b.switchToBlock(found);
            return v;
        }

        /**
         * {@code PyDict_GetItemWithError(dict, name)} on an exact dict: a hit jumps to
         * {@code found} with the borrowed value; an error leaves through the error exit at
         * {@code i}; a miss continues in the current block.
         */
        private void dictLookup(Instruction i, int d, Value dict, Value name, Block found) {
            Block absent = b.createBlock();
            dictLookup(i, d, dict, name, found, absent);
            b.switchToBlock(absent);
        }

        /** {@link #dictLookup(Instruction, int, Value, Value, Block)} whose miss goes to {@code absent}. */
        private void dictLookup(Instruction i, int d, Value dict, Value name, Block found, Block absent) {
            Value v = call(P_OF_PP, CSymbol.DICT_GET_ITEM_WITH_ERROR, dict, name);
            Block miss = b.createBlock();
            b.brif(b.icmpImm(IntCC.EQ, v, 0), miss, List.of(), found, List.of(v));
            b.switchToBlock(miss);
            orErrorExit(i, d, absent);
        }

        /**
         * 3.12 LOAD_NAME: {@code f_locals} (an exact dict by {@code PyDict_GetItemWithError}, any
         * other mapping by {@code PyObject_GetItem} with a KeyError meaning "missing"), then
         * globals, then builtins.
         */
        private void loadName(Instruction i, int d) {
            Value locals = fLocals(i, d);
            setPrevInstr(i);
            Value res = lookUpName(i, d, locals, code.names()[i.oparg()]);
            push(d, res);
            afterArbitraryCode(i.next(), d + 1);
        }

        /** 3.12 LOAD_FROM_DICT_OR_GLOBALS: LOAD_NAME's lookup in the mapping on the stack, which it pops. */
        private void loadFromDictOrGlobals(Instruction i, int d) {
            Value mapping = slot(d - 1);
            setPrevInstr(i);
            Value res = lookUpName(i, d, mapping, code.names()[i.oparg()]);
            decref(mapping);
            push(d - 1, res);
            afterArbitraryCode(i.next(), d);
        }

        /**
         * The lookup of LOAD_NAME and LOAD_FROM_DICT_OR_GLOBALS: a new reference, or an exit. A name
         * bound nowhere leaves for the interpreter at {@code i}, which looks again and raises
         * NameError; with a mapping that is not a dict, its {@code __getitem__} is then called a
         * second time (the one difference from python3.12, on the way to a NameError).
         * Non-dict builtins leave likewise.
         */
        private Value lookUpName(Instruction i, int d, Value mapping, long nameObject) {
            Value name = b.iconst(Type.I64, nameObject);
            Block found = b.createBlock();
            Value value = b.appendBlockParam(found, Type.I64);
            Block dict = b.createBlock();
            Block other = b.createBlock();
            Block notLocal = b.createBlock();
            b.brif(b.icmp(IntCC.EQ, type(mapping), constant(CSymbol.DICT_TYPE)), dict, other);
            // Dict lookups give borrowed references: this block takes a new one for them.
            Block borrowed = b.createBlock();
            Value hit = b.appendBlockParam(borrowed, Type.I64);
            b.switchToBlock(dict);
            dictLookup(i, d, mapping, name, borrowed, notLocal);
            b.switchToBlock(other);
            Value m = call(P_OF_PP, CSymbol.GET_ITEM, mapping, name);
            Block mappingMiss = b.createBlock();
            Block keyError = b.createBlock();
            b.brif(b.icmpImm(IntCC.EQ, m, 0), mappingMiss, List.of(), found, List.of(m));
            b.switchToBlock(mappingMiss);
            Value isKeyError = call(INT_OF_P, CSymbol.ERR_EXCEPTION_MATCHES,
                    b.load(Type.I64, constant(CSymbol.KEY_ERROR), 0));
            b.brif(b.icmpImm(IntCC.NE, isKeyError, 0), keyError, errorExit(i, d));
            b.switchToBlock(keyError);
            b.callIndirect(Signature.ofVoid(), constant(CSymbol.ERR_CLEAR));
            b.jump(notLocal);
            b.switchToBlock(notLocal);
            dictLookup(i, d, b.load(Type.I64, frame, layout.frame().globals()), name, borrowed);
            dictLookup(i, d, exactDictOrExit(i, d, layout.frame().builtins()), name, borrowed,
                    exitBlock(new ExitSite(i.byteOffset(), ExitReason.NAME_MISS, ""), i.start(), d));
            b.switchToBlock(borrowed);
            b.jump(found, incref(hit));
            b.switchToBlock(found);
            return value;
        }

        /** 3.12 STORE_NAME: {@code PyDict_SetItem} on an exact dict, else {@code PyObject_SetItem}. */
        private void storeName(Instruction i, int d) {
            Value locals = fLocals(i, d);
            Value v = slot(d - 1);
            Value name = b.iconst(Type.I64, code.names()[i.oparg()]);
            setPrevInstr(i);
            Block dict = b.createBlock();
            Block other = b.createBlock();
            Block stored = b.createBlock();
            Value err = b.appendBlockParam(stored, Type.I32);
            b.brif(b.icmp(IntCC.EQ, type(locals), constant(CSymbol.DICT_TYPE)), dict, other);
            b.switchToBlock(dict);
            b.jump(stored, call(INT_OF_PPP, CSymbol.DICT_SET_ITEM, locals, name, v));
            b.switchToBlock(other);
            b.jump(stored, call(INT_OF_PPP, CSymbol.SET_ITEM, locals, name, v));
            b.switchToBlock(stored);
            decref(v);
            failIfNonZero(i, err, d - 1);
            afterArbitraryCode(i.next(), d - 1);
        }

        /**
         * 3.12 DELETE_NAME on an exact dict holding the name; a missing name (NameError) or another
         * mapping leaves for the interpreter, which deletes or raises itself.
         */
        private void deleteName(Instruction i, int d) {
            Value locals = fLocals(i, d);
            Value name = b.iconst(Type.I64, code.names()[i.oparg()]);
            Block leave = exitBlock(new ExitSite(i.byteOffset(), ExitReason.DELETE_NAME_MISS, ""), i.start(), d);
            Block dict = b.createBlock();
            b.brif(b.icmp(IntCC.EQ, type(locals), constant(CSymbol.DICT_TYPE)), dict, leave);
            b.switchToBlock(dict);
            setPrevInstr(i);
            Value has = call(INT_OF_PP, CSymbol.DICT_CONTAINS, locals, name);
            Block present = b.createBlock();
            Block notPresent = b.createBlock();
            b.brif(b.icmpImm(IntCC.SGT, has, 0), present, notPresent);
            b.switchToBlock(notPresent);
            b.brif(b.icmpImm(IntCC.EQ, has, 0), leave, errorExit(i, d));
            b.switchToBlock(present);
            Value err = call(INT_OF_PP, CSymbol.DICT_DEL_ITEM, locals, name);
            failIfNonZero(i, err, d);
            afterArbitraryCode(i.next(), d);
        }

        /**
         * 3.12 IMPORT_NAME: {@code builtins.__import__(name, globals, locals or None, fromlist,
         * level)}. python3.12 calls {@code PyImport_ImportModuleLevelObject} directly when
         * {@code __import__} is the default one, which is what the default one does with these
         * arguments; a missing {@code __import__} leaves for the interpreter (ImportError).
         */
        private void importName(Instruction i, int d) {
            Value level = slot(d - 2);
            Value fromlist = slot(d - 1);
            Value builtins = exactDictOrExit(i, d, layout.frame().builtins());
            setPrevInstr(i);
            Value importer = incref(builtinOrExit(i, d, builtins, "__import__"));
            Value args = call(P_OF_P, CSymbol.TUPLE_NEW, b.iconst(Type.I64, 5));
            Block made = b.createBlock();
            Block failed = b.createBlock();
            b.brif(b.icmpImm(IntCC.EQ, args, 0), failed, made);
            b.switchToBlock(failed);
            decref(importer);
            b.jump(errorExit(i, d));
            b.switchToBlock(made);
            Value locals = b.load(Type.I64, frame, layout.frame().locals());
            Value localsOrNone = b.select(b.icmpImm(IntCC.EQ, locals, 0), constant(CSymbol.NONE), locals);
            Value[] items = {b.iconst(Type.I64, code.names()[i.oparg()]),
                b.load(Type.I64, frame, layout.frame().globals()), localsOrNone, fromlist, level};
            for (int k = 0; k < items.length; k++) {
                b.store(incref(items[k]), args, layout.sequences().tupleItems() + 8 * k);
            }
            Value res = call(P_OF_PPP, CSymbol.OBJECT_CALL, importer, args, b.iconst(Type.I64, 0));
            decref(args);
            decref(importer);
            releaseSlots(d - 2, d);
            replaceOrFail(i, res, d - 2);
        }

        /**
         * 3.12 IMPORT_FROM: the module's attribute; a missing one leaves for the interpreter,
         * which looks in {@code sys.modules} and words the ImportError (a module
         * {@code __getattr__} then runs a second time).
         */
        private void importFrom(Instruction i, int d) {
            Value from = slot(d - 1);
            Value name = b.iconst(Type.I64, code.names()[i.oparg()]);
            setPrevInstr(i);
            push(d, b.iconst(Type.I64, 0));
            Value found = call(INT_OF_PPP, CSymbol.LOOKUP_ATTR, from, name, b.iaddImm(frame, stackOffset(d)));
            Block notFound = b.createBlock();
            Block got = b.createBlock();
            b.brif(b.icmpImm(IntCC.SGT, found, 0), got, notFound);
            b.switchToBlock(notFound);
            b.brif(b.icmpImm(IntCC.EQ, found, 0),
                    exitBlock(new ExitSite(i.byteOffset(), ExitReason.IMPORT_FROM_MISS, ""), i.start(), d),
                    errorExit(i, d));
            b.switchToBlock(got);
            afterArbitraryCode(i.next(), d + 1);
        }

        /**
         * 3.12 DICT_UPDATE ({@code {**m}}) of an exact dict; any other mapping leaves for the
         * interpreter, which words the TypeError of a non-mapping.
         */
        private void dictUpdate(Instruction i, int d) {
            Value dict = slot(d - 1 - i.oparg());
            Value update = slot(d - 1);
            Block exact = b.createBlock();
            b.brif(b.icmp(IntCC.EQ, type(update), constant(CSymbol.DICT_TYPE)), exact,
                    exitBlock(new ExitSite(i.byteOffset(), ExitReason.UNSUPPORTED_OPERAND, "DICT_UPDATE of a non-dict"),
                            i.start(), d));
            b.switchToBlock(exact);
            setPrevInstr(i);
            Value err = call(INT_OF_PP, CSymbol.DICT_UPDATE, dict, update);
            decref(update);
            failIfNegative(i, err, d - 1);
            afterArbitraryCode(i.next(), d - 1);
        }

        /**
         * 3.12 DICT_MERGE ({@code f(**m)}) of an exact dict into an empty one: no duplicate
         * keyword is possible, so 3.12's rewording of a KeyError or AttributeError
         * ({@code format_kwargs_error}) cannot apply. Anything else leaves for the interpreter.
         */
        private void dictMerge(Instruction i, int d) {
            Value dict = slot(d - 1 - i.oparg());
            Value update = slot(d - 1);
            Block exact = b.createBlock();
            Block empty = b.createBlock();
            Block other = exitBlock(new ExitSite(i.byteOffset(), ExitReason.UNSUPPORTED_OPERAND,
                    "DICT_MERGE of a non-dict or into keywords"), i.start(), d);
            b.brif(b.icmp(IntCC.EQ, type(update), constant(CSymbol.DICT_TYPE)), exact, other);
            b.switchToBlock(exact);
            b.brif(b.icmpImm(IntCC.EQ, b.load(Type.I64, dict, layout.dict().used()), 0), empty, other);
            b.switchToBlock(empty);
            setPrevInstr(i);
            Value err = call(INT_OF_PPP, CSymbol.DICT_MERGE_EX, dict, update, b.iconst(Type.I64, 2));
            decref(update);
            failIfNegative(i, err, d - 1);
            afterArbitraryCode(i.next(), d - 1);
        }

        /**
         * 3.12 CALL_FUNCTION_EX with an exact tuple of positional arguments ({@code [NULL, func,
         * args, kwargs?]}): {@code PyObject_Call}. Other iterables leave for the interpreter,
         * which converts them (and words the TypeError of a non-iterable).
         */
        private void callFunctionEx(Instruction i, int d) {
            boolean hasKwargs = (i.oparg() & 1) != 0;
            int base = d - 3 - (hasKwargs ? 1 : 0);
            Value func = slot(base + 1);
            Value args = slot(base + 2);
            Value kwargs = hasKwargs ? slot(base + 3) : b.iconst(Type.I64, 0);
            Block tuple = b.createBlock();
            b.brif(b.icmp(IntCC.EQ, type(args), constant(CSymbol.TUPLE_TYPE)), tuple,
                    exitBlock(new ExitSite(i.byteOffset(), ExitReason.UNSUPPORTED_OPERAND,
                            "CALL_FUNCTION_EX of a non-tuple"), i.start(), d));
            b.switchToBlock(tuple);
            setPrevInstr(i);
            Value refund = refundedCall(func);
            Value units = b.select(refund, b.iconst(Type.I32, 2), b.iconst(Type.I32, 0));
            Value levels = b.select(refund, b.iconst(Type.I64, 1), b.iconst(Type.I64, 0));
            adjustBudget(units, levels, true);
            Value res = call(P_OF_PPP, CSymbol.OBJECT_CALL, func, args, kwargs);
            adjustBudget(units, levels, false);
            releaseSlots(base + 1, d);
            failIfNull(i, res, base);
            push(base, res);
            pollEvalBreaker(breakerOffset, i, base + 1);
            afterArbitraryCode(i.next(), base + 1);
        }

        /**
         * 3.12 SETUP_ANNOTATIONS: {@code __annotations__} in {@code f_locals} (a miss of an exact
         * dict, or a KeyError of another mapping), else a new dict stored there.
         */
        private void setupAnnotations(Instruction i, int d) {
            Value locals = fLocals(i, d);
            Value name = b.iconst(Type.I64, objects.interned("__annotations__"));
            setPrevInstr(i);
            Block dict = b.createBlock();
            Block other = b.createBlock();
            Block present = b.createBlock();
            Block absent = b.createBlock();
            Value isDict = b.icmp(IntCC.EQ, type(locals), constant(CSymbol.DICT_TYPE));
            b.brif(isDict, dict, other);
            b.switchToBlock(dict);
            Value borrowed = call(P_OF_PP, CSymbol.DICT_GET_ITEM_WITH_ERROR, locals, name);
            Block dictMiss = b.createBlock();
            b.brif(b.icmpImm(IntCC.EQ, borrowed, 0), dictMiss, present);
            b.switchToBlock(dictMiss);
            orErrorExit(i, d, absent);
            b.switchToBlock(other);
            Value owned = call(P_OF_PP, CSymbol.GET_ITEM, locals, name);
            Block found = b.createBlock();
            Block mappingMiss = b.createBlock();
            Block keyError = b.createBlock();
            b.brif(b.icmpImm(IntCC.EQ, owned, 0), mappingMiss, found);
            b.switchToBlock(found);
            decref(owned);
            b.jump(present);
            b.switchToBlock(mappingMiss);
            Value isKeyError = call(INT_OF_P, CSymbol.ERR_EXCEPTION_MATCHES,
                    b.load(Type.I64, constant(CSymbol.KEY_ERROR), 0));
            b.brif(b.icmpImm(IntCC.NE, isKeyError, 0), keyError, errorExit(i, d));
            b.switchToBlock(keyError);
            b.callIndirect(Signature.ofVoid(), constant(CSymbol.ERR_CLEAR));
            b.jump(absent);
            b.switchToBlock(absent);
            Value annotations = call(P_OF_NOTHING, CSymbol.DICT_NEW);
            failIfNull(i, annotations, d);
            Block setDict = b.createBlock();
            Block setOther = b.createBlock();
            Block stored = b.createBlock();
            Value err = b.appendBlockParam(stored, Type.I32);
            b.brif(isDict, setDict, setOther);
            b.switchToBlock(setDict);
            b.jump(stored, call(INT_OF_PPP, CSymbol.DICT_SET_ITEM, locals, name, annotations));
            b.switchToBlock(setOther);
            b.jump(stored, call(INT_OF_PPP, CSymbol.SET_ITEM, locals, name, annotations));
            b.switchToBlock(stored);
            decref(annotations);
            failIfNonZero(i, err, d);
            b.jump(present);
            b.switchToBlock(present);
            afterArbitraryCode(i.next(), d);
        }

        /**
         * 3.12 RAISE_VARARGS 1 of an exception instance: {@code do_raise} sets it with its type
         * ({@code _PyErr_SetObject}, which chains the handled exception as its context). A class
         * (instantiated first) or a non-exception leaves for the interpreter.
         */
        private void raiseInstance(Instruction i, int d) {
            Value exc = slot(d - 1);
            Value excType = type(exc);
            Value flags = b.load(Type.I64, excType, layout.type().flags());
            Block instance = b.createBlock();
            Value exceptionInstance = b.icmpImm(IntCC.NE,
                    b.binaryImm(org.pyjit.ir.Opcode.BAND_IMM, flags, TypeFlag.BASE_EXC_SUBCLASS.mask()), 0);
            b.brif(exceptionInstance,
                    instance, exitBlock(new ExitSite(i.byteOffset(), ExitReason.UNSUPPORTED_OPERAND,
                            "RAISE_VARARGS of a class or non-exception"), i.start(), d));
            b.switchToBlock(instance);
            setPrevInstr(i);
            b.callIndirect(Signature.ofVoid(Type.I64, Type.I64), constant(CSymbol.ERR_SET_OBJECT), excType, exc);
            decref(exc);
            b.jump(errorExit(i, d - 1));
        }

        /**
         * {@code PySlice_New(start, stop, NULL)} for BINARY_SLICE and STORE_SLICE, consuming
         * {@code start} and {@code stop}; if it fails, the instruction's other operands
         * ({@code owned}) are released and the exception leaves at {@code i} with
         * {@code failDepth} slots.
         */
        private Value slice(Instruction i, Value start, Value stop, int failDepth, Value... owned) {
            Value slice = call(P_OF_PPP, CSymbol.SLICE_NEW, start, stop, b.iconst(Type.I64, 0));
            decref(start);
            decref(stop);
            Block built = b.createBlock();
            Block failed = b.createBlock();
            b.brif(b.icmpImm(IntCC.EQ, slice, 0), failed, built);
            b.switchToBlock(failed);
            for (Value o : owned) {
                decref(o);
            }
            b.jump(errorExit(i, failDepth));
            b.switchToBlock(built);
            return slice;
        }

        /** 3.12 STORE_SLICE: {@code container[start:stop] = v}. */
        private void storeSlice(Instruction i, int d) {
            Value v = slot(d - 4);
            Value container = slot(d - 3);
            Value start = slot(d - 2);
            Value stop = slot(d - 1);
            setPrevInstr(i);
            Value slice = slice(i, start, stop, d - 4, v, container);
            Value err = call(INT_OF_PPP, CSymbol.SET_ITEM, container, slice, v);
            decref(slice);
            decref(v);
            decref(container);
            failIfNonZero(i, err, d - 4);
            afterArbitraryCode(i.next(), d - 4);
        }

        /**
         * 3.12 CALL: {@code [method or NULL, callable or self, args...]}, keyword names from the
         * preceding KW_NAMES; one vectorcall on the frame's own slots, after the fast path of a
         * form quickened to a C call ({@link CallFastPath}) or a direct call ({@link DirectCall}).
         */
        private void callInstruction(Instruction i, int d) {
            int argc = i.oparg();
            int m = d - 2 - argc;
            int c = d - 1 - argc;
            long kw = kwNames;
            kwNames = 0;
            int positional = argc - (kw == 0 ? 0 : (int) CodeObject.tupleLength(layout, kw));
            // With the NULL of PUSH_NULL or LOAD_GLOBAL under the callable, no bound method.
            boolean plain = knownNull(m);
            Value method = plain ? null : slot(m);
            Value isMethod = plain ? b.iconst(Type.I8, 0) : b.icmpImm(IntCC.NE, method, 0);
            Value callable = plain ? slot(c) : b.select(isMethod, method, slot(c));
            Value args = plain ? b.iaddImm(frame, stackOffset(c + 1))
                    : b.select(isMethod, b.iaddImm(frame, stackOffset(c)), b.iaddImm(frame, stackOffset(c + 1)));
            Value nargs = plain ? b.iconst(Type.I64, positional | ARGUMENTS_OFFSET)
                    : b.select(isMethod, b.iconst(Type.I64, (positional + 1) | ARGUMENTS_OFFSET),
                            b.iconst(Type.I64, positional | ARGUMENTS_OFFSET));
            setPrevInstr(i);
            // Only an exception unwound here shows its unit (RAISE, lasti); elsewhere the
            // interpreter's traceback line is the same for both units and the test is not worth
            // its cost on every call.
            Optional<Value> inlined = code.analysis().exceptionTable().handlerFor(i.index()).isPresent()
                    ? Optional.of(inlinedByInterpreter(callable, isMethod)) : Optional.empty();
            Block called = b.createBlock();
            Value res = b.appendBlockParam(called, Type.I64);
            Block release = b.createBlock();
            Value result = b.appendBlockParam(release, Type.I64);
            // With a fast path for what the interpreter saw, the vectorcall below is the slow path.
            boolean fastPath = false;
            if (kw == 0 && CallFastPath.covers(i.opcode(), plain)) {
                Block generic = b.createBlock();
                b.setCold(generic);
                new CallFastPath(Translator.this, b, objects.listAppend(), countInstructions
                        ? new ExitSite(i.byteOffset(), ExitReason.GUARD_HELD, i.opcode().name()) : null)
                        .emit(i.opcode(), method, callable, isMethod, args, positional, c, generic, release, called);
                b.switchToBlock(generic);
                countFailed(i);
                fastPath = true;
            }
            if (kw == 0 && bodies.isPresent() && i.opcode() == Opcode.CALL_PY_EXACT_ARGS
                    && i.cache() instanceof InlineCache.Call cached && cached.funcVersion() != 0) {
                Block generic = b.createBlock();
                b.setCold(generic);
                DirectCall.emit(Translator.this, b, bodies.get(), callable, isMethod, args, positional,
                        i.byteOffset(), generic, called);
                b.switchToBlock(generic);
                fastPath = true;
            }
            Runnable vectorcall = () -> vectorcall(c, d, kw, plain, method, callable, args, nargs, called, release);
            if (fastPath) {
                b.cold(vectorcall);
            } else {
                vectorcall.run();
            }
            b.switchToBlock(release);
            if (!plain) {
                xdecref(method);
            }
            releaseSlots(c, d);
            b.jump(called, result);
            b.switchToBlock(called);
            Block returned = b.createBlock();
            b.brif(b.icmpImm(IntCC.EQ, res, 0), errorExit(i, m, inlined), returned);
            b.switchToBlock(returned);
            push(m, res);
            pollEvalBreaker(breakerOffset, i, m + 1);
            afterArbitraryCode(i.next(), m + 1);
        }

        /**
         * 3.12 GET_YIELD_FROM_ITER: a generator is its own iterator, anything else but a coroutine
         * goes through {@code PyObject_GetIter}; a coroutine (an error in a plain generator, itself
         * in an iterable coroutine) is left to the interpreter.
         */
        private void getYieldFromIter(Instruction i, int d) {
            Value v = slot(d - 1);
            Value t = type(v);
            Block done = b.createBlock();
            Block notGenerator = b.createBlock();
            Block other = b.createBlock();
            b.brif(b.icmp(IntCC.EQ, t, constant(CSymbol.GENERATOR_TYPE)), done, notGenerator);
            b.switchToBlock(notGenerator);
            b.brif(b.icmp(IntCC.EQ, t, constant(CSymbol.COROUTINE_TYPE)),
                    exitBlock(new ExitSite(i.byteOffset(), ExitReason.UNSUPPORTED_OPERAND,
                            "GET_YIELD_FROM_ITER of a coroutine"), i.start(), d), other);
            b.switchToBlock(other);
            setPrevInstr(i);
            Value it = call(P_OF_P, CSymbol.GET_ITER, v);
            decref(v);
            replaceOrFail(i, it, d - 1);
            b.jump(done);
            b.switchToBlock(done);
        }

        /**
         * 3.12 GET_AWAITABLE of a coroutine not started yet: it is its own awaitable and nobody
         * awaits it ({@code _PyGen_yf} is NULL for {@code FRAME_CREATED}), so nothing changes.
         * Anything else (an {@code __await__} method, a started coroutine, an error message) is
         * left to the interpreter: {@code _PyCoro_GetAwaitableIter} is not exported.
         */
        private void getAwaitable(Instruction i, int d) {
            Value v = slot(d - 1);
            Block leave = exitBlock(new ExitSite(i.byteOffset(), ExitReason.UNSUPPORTED_OPERAND,
                    "GET_AWAITABLE of other than a new coroutine"), i.start(), d);
            Block coroutine = b.createBlock();
            Block fresh = b.createBlock();
            b.brif(b.icmp(IntCC.EQ, type(v), constant(CSymbol.COROUTINE_TYPE)), coroutine, leave);
            b.switchToBlock(coroutine);
            Value state = b.convert(org.pyjit.ir.Opcode.SEXTEND, Type.I64,
                    b.load(Type.I8, v, layout.frame().genFrameState()));
            b.brif(b.icmpImm(IntCC.EQ, state, FRAME_CREATED), fresh, leave);
            b.switchToBlock(fresh);
        }

        /**
         * 3.12 SEND {@code [receiver, v] -> [receiver, result]} through {@code PyIter_Send}, which
         * does what SEND does (a generator or coroutine resumed, or {@code tp_iternext} for
         * {@code None}, or the {@code send} method; {@code StopIteration}'s value on return) except
         * that the interpreter runs a generator's frame inline: that saves the C recursion units
         * the generator's own eval charges, which the body gives back as for a CALL. A yielded
         * value continues at the YIELD_VALUE after SEND, a returned one at the END_SEND.
         */
        private void send(Instruction i, int d) {
            Value receiver = slot(d - 2);
            Value v = slot(d - 1);
            setPrevInstr(i);
            Value t = type(receiver);
            Value resumable = b.binary(org.pyjit.ir.Opcode.BOR, b.icmp(IntCC.EQ, t, constant(CSymbol.GENERATOR_TYPE)),
                    b.icmp(IntCC.EQ, t, constant(CSymbol.COROUTINE_TYPE)));
            Value refund = refunded(resumable);
            Value units = b.select(refund, b.iconst(Type.I32, 2), b.iconst(Type.I32, 0));
            Value levels = b.select(refund, b.iconst(Type.I64, 1), b.iconst(Type.I64, 0));
            adjustBudget(units, levels, true);
            // The result goes straight into v's slot (NULL on error); v itself is released after.
            Value status = call(INT_OF_PPP, CSymbol.ITER_SEND, receiver, v, b.iaddImm(frame, stackOffset(d - 1)));
            adjustBudget(units, levels, false);
            decref(v);
            Block ok = b.createBlock();
            Block returned = b.createBlock();
            Block yielded = b.createBlock();
            b.brif(b.icmpImm(IntCC.SLT, status, 0), errorExit(i, d - 1), ok);
            b.switchToBlock(ok);
            b.brif(b.icmpImm(IntCC.EQ, status, PYGEN_RETURN), returned, yielded);
            b.switchToBlock(returned);
            int end = target(i, Successor.Kind.BRANCH_TAKEN);
            instrumentationCheck(end, d);
            b.jump(segment(end));
            b.switchToBlock(yielded);
            instrumentationCheck(i.next(), d);
            b.jump(segment(i.next()));
        }

        /**
         * Whether a call gives back the C recursion units the callee's frame will charge (see
         * {@link RecursionBudget}): on the main thread, below the depth cap, and for a Python
         * function or a bound method of one (what 3.12's CALL would have run inline).
         */
        private Value refundedCall(Value callable) {
            Value t = type(callable);
            Value function = constant(CSymbol.FUNCTION_TYPE);
            Block isMethod = b.createBlock();
            Block decided = b.createBlock();
            Value python = b.appendBlockParam(decided, Type.I8);
            b.brif(b.icmp(IntCC.EQ, t, constant(CSymbol.METHOD_TYPE)), isMethod, List.of(), decided,
                    List.of(b.icmp(IntCC.EQ, t, function)));
            b.switchToBlock(isMethod);
            b.jump(decided, b.icmp(IntCC.EQ, type(b.load(Type.I64, callable, METHOD_FUNCTION)), function));
            b.switchToBlock(decided);
            return refunded(python);
        }

        /**
         * An i8, non-zero iff the callable is a plain Python function that 3.12's CALL would run
         * in a frame of its own, taking the operands' references: an exact function using
         * {@code _PyFunction_Vectorcall}, no PEP 523 evaluator.
         */
        private Value stolenByFrame(Value callable) {
            Block exact = b.createBlock();
            Block known = b.createBlock();
            Value steals = b.appendBlockParam(known, Type.I8);
            b.brif(b.icmp(IntCC.EQ, type(callable), constant(CSymbol.FUNCTION_TYPE)), exact, List.of(), known,
                    List.of(b.iconst(Type.I8, 0)));
            b.switchToBlock(exact);
            Value plain = b.icmp(IntCC.EQ, b.load(Type.I64, callable, layout.function().vectorcall()),
                    constant(CSymbol.FUNCTION_VECTORCALL));
            Value noEvaluator = b.icmpImm(IntCC.EQ, b.load(Type.I64, interp, layout.interpreter().evalFrame()), 0);
            b.jump(known, b.binary(org.pyjit.ir.Opcode.BAND, plain, noEvaluator));
            b.switchToBlock(known);
            return steals;
        }

        /**
         * An i8, non-zero iff 3.12's CALL would run the call inline (a frame pushed, no C call):
         * the callable, a bound method's function when the method slot is NULL, is an exact
         * function using {@code _PyFunction_Vectorcall}, and no PEP 523 evaluator is set.
         */
        private Value inlinedByInterpreter(Value callable, Value isMethod) {
            Block bound = b.createBlock();
            Block decided = b.createBlock();
            Value function = b.appendBlockParam(decided, Type.I64);
            Value unpacks = b.binary(org.pyjit.ir.Opcode.BAND, b.icmpImm(IntCC.EQ, isMethod, 0),
                    b.icmp(IntCC.EQ, type(callable), constant(CSymbol.METHOD_TYPE)));
            b.brif(unpacks, bound, List.of(), decided, List.of(callable));
            b.switchToBlock(bound);
            b.jump(decided, b.load(Type.I64, callable, METHOD_FUNCTION));
            b.switchToBlock(decided);
            return stolenByFrame(function);
        }

        /** {@code inline} (what 3.12 would have run inline), on the main thread, below the depth cap. */
        private Value refunded(Value inline) {
            Value budget = b.iconst(Type.I64, recursionBudget);
            Value onMain = b.icmp(IntCC.EQ, tstate, b.load(Type.I64, budget, RecursionBudget.MAIN_THREAD_STATE));
            Value shallow = b.icmpImm(IntCC.SLT, b.load(Type.I64, budget, RecursionBudget.DEPTH),
                    RecursionBudget.MAX_DEPTH);
            return b.binary(org.pyjit.ir.Opcode.BAND, b.binary(org.pyjit.ir.Opcode.BAND, onMain, shallow), inline);
        }

        private void adjustBudget(Value units, Value levels, boolean before) {
            int offset = layout.threadState().cRecursionRemaining();
            Value remaining = b.load(Type.I32, tstate, offset);
            b.store(before ? b.iadd(remaining, units) : b.isub(remaining, units), tstate, offset);
            Value budget = b.iconst(Type.I64, recursionBudget);
            Value depth = b.load(Type.I64, budget, RecursionBudget.DEPTH);
            b.store(before ? b.iadd(depth, levels) : b.isub(depth, levels), budget, RecursionBudget.DEPTH);
        }

        /** 3.12 LOAD_ATTR; the method form through {@code _PyObject_GetMethod} as the interpreter. */
        private void loadAttr(Instruction i, int d) {
            Value owner = slot(d - 1);
            Value name = b.iconst(Type.I64, code.names()[i.oparg() >> 1]);
            setPrevInstr(i);
            if ((i.oparg() & 1) == 0) {
                Value res = call(P_OF_PP, CSymbol.GET_ATTR, owner, name);
                decref(owner);
                replaceOrFail(i, res, d - 1);
                return;
            }
            // The out-parameter must start NULL: _PyObject_GetMethod leaves it unwritten when the
            // attribute is missing (AttributeError set, 0 returned).
            push(d, b.iconst(Type.I64, 0));
            Value found = call(INT_OF_PPP, CSymbol.GET_METHOD, owner, name, b.iaddImm(frame, stackOffset(d)));
            Block unbound = b.createBlock();
            Block attribute = b.createBlock();
            Block done = b.createBlock();
            b.brif(b.icmpImm(IntCC.NE, found, 0), unbound, attribute);
            b.switchToBlock(unbound);
            b.store(slot(d), frame, stackOffset(d - 1));
            b.store(owner, frame, stackOffset(d));
            b.jump(done);
            b.switchToBlock(attribute);
            Value attr = slot(d);
            decref(owner);
            failIfNull(i, attr, d - 1);
            b.store(b.iconst(Type.I64, 0), frame, stackOffset(d - 1));
            b.jump(done);
            b.switchToBlock(done);
            afterArbitraryCode(i.next(), d + 1);
        }

        private void binarySlice(Instruction i, int d) {
            Value container = slot(d - 3);
            Value start = slot(d - 2);
            Value stop = slot(d - 1);
            setPrevInstr(i);
            Value slice = slice(i, start, stop, d - 3, container);
            Value res = call(P_OF_PP, CSymbol.GET_ITEM, container, slice);
            decref(slice);
            decref(container);
            replaceOrFail(i, res, d - 3);
        }

        /**
         * 3.12 FOR_ITER through {@code tp_iternext}: an item continues with the next instruction;
         * NULL without an error (a StopIteration cleared) pops the iterator and jumps past END_FOR.
         */
        private void forIter(Instruction i, int d) {
            Value it = slot(d - 1);
            setPrevInstr(i);
            Block item = b.createBlock();
            Value next = b.appendBlockParam(item, Type.I64);
            switch (i.opcode()) {
                case FOR_ITER_LIST -> nextItem(i, it, CSymbol.LIST_ITER_TYPE, layout.iterators().listIndex(),
                        layout.iterators().listSeq(), false, item);
                case FOR_ITER_TUPLE -> nextItem(i, it, CSymbol.TUPLE_ITER_TYPE, layout.iterators().tupleIndex(),
                        layout.iterators().tupleSeq(), true, item);
                case FOR_ITER_RANGE -> nextInRange(i, d, it, item);
                default -> {
                }
            }
            // After a fast path, the generic call runs for another iterator and at exhaustion.
            boolean specialised = switch (i.opcode()) {
                case FOR_ITER_LIST, FOR_ITER_TUPLE, FOR_ITER_RANGE -> true;
                default -> false;
            };
            if (specialised) {
                b.setCold(b.currentBlock());
            }
            Value generic = call(P_OF_P, CSymbol.ITER_NEXT, it);
            Block none = b.createBlock();
            Block exhausted = b.createBlock();
            if (specialised) {
                b.setCold(none);
                b.setCold(exhausted);
            }
            b.brif(b.icmpImm(IntCC.EQ, generic, 0), none, List.of(), item, List.of(generic));
            b.switchToBlock(none);
            orErrorExit(i, d, exhausted);
            b.switchToBlock(exhausted);
            decref(it);
            int after = target(i, Successor.Kind.ITERATOR_EXHAUSTED);
            instrumentationCheck(after, d - 1);
            b.jump(segment(after));
            b.switchToBlock(item);
            push(d, next);
            instrumentationCheck(i.next(), d + 1);
            b.jump(segment(i.next()));
        }

        /**
         * 3.12 FOR_ITER_LIST / FOR_ITER_TUPLE while an item is left: the item at {@code it_index}
         * (a new reference), the index advanced. Another iterator type, or an exhausted one
         * (whose {@code tp_iternext} releases the sequence as the interpreter does), continues in
         * the current block: the generic {@code PyIter_Next}.
         */
        private void nextItem(Instruction i, Value it, CSymbol type, int indexOffset, int seqOffset, boolean tuple,
                              Block item) {
            Block generic = b.createBlock();
            Block iterator = b.createBlock();
            Block live = b.createBlock();
            Block left = b.createBlock();
            b.brif(b.icmp(IntCC.EQ, type(it), constant(type)), iterator, generic);
            b.switchToBlock(iterator);
            Value seq = b.load(Type.I64, it, seqOffset);
            b.brif(b.icmpImm(IntCC.NE, seq, 0), live, generic);
            b.switchToBlock(live);
            Value index = b.load(Type.I64, it, indexOffset);
            b.brif(b.icmp(IntCC.SLT, index, b.load(Type.I64, seq, layout.object().size())), left, generic);
            b.switchToBlock(left);
            Value items = tuple ? b.iaddImm(seq, layout.sequences().tupleItems())
                    : b.load(Type.I64, seq, layout.sequences().listItems());
            Value next = b.load(Type.I64, b.iadd(items, b.binaryImm(org.pyjit.ir.Opcode.ISHL_IMM, index, 3)), 0);
            b.store(b.iaddImm(index, 1), it, indexOffset);
            countHeld(i);
            b.jump(item, incref(next));
            b.switchToBlock(generic);
        }

        /**
         * 3.12 FOR_ITER_RANGE while items are left: {@code start} boxed (a cached small int or a
         * new one), {@code start += step}, {@code len -= 1}; a failed allocation is the
         * instruction's error, as in the interpreter. Another iterator or an exhausted one
         * continues in the current block: the generic {@code PyIter_Next}.
         */
        private void nextInRange(Instruction i, int d, Value it, Block item) {
            CPythonLayout.IteratorLayout r = layout.iterators();
            Block generic = b.createBlock();
            Block iterator = b.createBlock();
            Block left = b.createBlock();
            Block boxed = b.createBlock();
            Value value = b.appendBlockParam(boxed, Type.I64);
            b.brif(b.icmp(IntCC.EQ, type(it), constant(CSymbol.RANGE_ITER_TYPE)), iterator, generic);
            b.switchToBlock(iterator);
            Value remaining = b.load(Type.I64, it, r.rangeLen());
            b.brif(b.icmpImm(IntCC.SGT, remaining, 0), left, generic);
            b.switchToBlock(left);
            Value start = b.load(Type.I64, it, r.rangeStart());
            b.store(b.iadd(start, b.load(Type.I64, it, r.rangeStep())), it, r.rangeStart());
            b.store(b.iaddImm(remaining, -1), it, r.rangeLen());
            b.jump(boxed, smallIntOrNew(start, boxed));
            b.switchToBlock(boxed);
            countHeld(i);
            b.brif(b.icmpImm(IntCC.EQ, value, 0), errorExit(i, d), List.of(), item, List.of(value));
            b.switchToBlock(generic);
        }

        /**
         * 3.12 BINARY_SUBSCR_DICT: an exact dict's item through {@code PyDict_GetItemWithError}
         * (a new reference, taken before the operands are released), a miss without an error
         * raising {@code KeyError(sub)} as {@code _PyErr_SetKeyError} does; any other container
         * through {@code PyObject_GetItem}. NULL with an exception set on failure.
         */
        private Value dictItem(Instruction i, Value container, Value sub) {
            Block dict = b.createBlock();
            Block other = b.createBlock();
            Block found = b.createBlock();
            Block miss = b.createBlock();
            Block keyError = b.createBlock();
            List.of(other, miss, keyError).forEach(b::setCold);
            Block join = b.createBlock();
            Value res = b.appendBlockParam(join, Type.I64);
            b.brif(b.icmp(IntCC.EQ, type(container), constant(CSymbol.DICT_TYPE)), dict, other);
            b.switchToBlock(dict);
            countHeld(i);
            Value item = call(P_OF_PP, CSymbol.DICT_GET_ITEM_WITH_ERROR, container, sub);
            b.brif(b.icmpImm(IntCC.EQ, item, 0), miss, found);
            b.switchToBlock(found);
            b.jump(join, incref(item));
            b.switchToBlock(miss);
            Value zero = b.iconst(Type.I64, 0);
            b.brif(b.icmpImm(IntCC.NE, call(P_OF_NOTHING, CSymbol.ERR_OCCURRED), 0), join, List.of(zero), keyError,
                    List.of());
            b.switchToBlock(keyError);
            b.callIndirect(VOID_OF_P, constant(CSymbol.SET_KEY_ERROR), sub);
            b.jump(join, zero);
            b.switchToBlock(other);
            b.jump(join, call(P_OF_PP, CSymbol.GET_ITEM, container, sub));
            b.switchToBlock(join);
            return res;
        }

        /**
         * 3.12 STORE_SUBSCR_DICT: {@code PyDict_SetItem} on an exact dict (what
         * {@code _PyDict_SetItem_Take2} does, the references released by the caller), else
         * {@code PyObject_SetItem}. 0, or -1 with an exception set.
         */
        private Value setDictItem(Instruction i, Value container, Value sub, Value v) {
            Block dict = b.createBlock();
            Block other = b.createBlock();
            Block join = b.createBlock();
            Value err = b.appendBlockParam(join, Type.I32);
            b.brif(b.icmp(IntCC.EQ, type(container), constant(CSymbol.DICT_TYPE)), dict, other);
            b.switchToBlock(dict);
            countHeld(i);
            b.jump(join, call(INT_OF_PPP, CSymbol.DICT_SET_ITEM, container, sub, v));
            b.switchToBlock(other);
            b.jump(join, call(INT_OF_PPP, CSymbol.SET_ITEM, container, sub, v));
            b.switchToBlock(join);
            return err;
        }

        /** Counts a taken fast path of {@code i} ({@code guard held}; statistics only, see {@link #bump}). */
        private void countHeld(Instruction i) {
            countSite(new ExitSite(i.byteOffset(), ExitReason.GUARD_HELD, i.opcode().name()));
        }

        /** Counts a fast path of {@code i} not taken ({@code guard failed}; statistics only). */
        private void countFailed(Instruction i) {
            countSite(new ExitSite(i.byteOffset(), ExitReason.GUARD_FAILED, i.opcode().name()));
        }

        /** BUILD_TUPLE / BUILD_LIST: the items move from the stack into a new sequence. */
        private void buildSequence(Instruction i, int d, boolean tuple) {
            int n = i.oparg();
            setPrevInstr(i);
            Value seq = call(P_OF_P, tuple ? CSymbol.TUPLE_NEW : CSymbol.LIST_NEW, b.iconst(Type.I64, n));
            Block made = b.createBlock();
            Block failed = b.createBlock();
            b.brif(b.icmpImm(IntCC.EQ, seq, 0), failed, made);
            b.switchToBlock(failed);
            releaseSlots(d - n, d);
            b.jump(errorExit(i, d - n));
            b.switchToBlock(made);
            Value items = tuple ? b.iaddImm(seq, layout.sequences().tupleItems())
                    : b.load(Type.I64, seq, layout.sequences().listItems());
            for (int k = 0; k < n; k++) {
                b.store(slot(d - n + k), items, 8 * k);
            }
            push(d - n, seq);
        }

        /** A small BUILD_MAP: a new dict, the pairs set in order, then every item released. */
        private void buildMap(Instruction i, int d) {
            int n = i.oparg();
            int base = d - 2 * n;
            setPrevInstr(i);
            Value dict = call(P_OF_NOTHING, CSymbol.DICT_NEW);
            Block made = b.createBlock();
            Block noDict = b.createBlock();
            Block failed = b.createBlock();
            b.brif(b.icmpImm(IntCC.EQ, dict, 0), noDict, made);
            b.switchToBlock(noDict);
            releaseSlots(base, d);
            b.jump(errorExit(i, base));
            b.switchToBlock(made);
            for (int k = 0; k < n; k++) {
                Value err = call(INT_OF_PPP, CSymbol.DICT_SET_ITEM, dict, slot(base + 2 * k), slot(base + 2 * k + 1));
                Block ok = b.createBlock();
                b.brif(b.icmpImm(IntCC.SLT, err, 0), failed, ok);
                b.switchToBlock(ok);
            }
            finishDict(i, dict, failed, base, d);
        }

        /**
         * The tail of a dict build: on the filled path the operands {@code [base, d)} are released
         * and the dict replaces them; {@code failed} (a set-item error) releases the dict and the
         * operands and leaves with the exception.
         */
        private void finishDict(Instruction i, Value dict, Block failed, int base, int d) {
            releaseSlots(base, d);
            push(base, dict);
            Block done = b.createBlock();
            b.jump(done);
            b.switchToBlock(failed);
            decref(dict);
            releaseSlots(base, d);
            b.jump(errorExit(i, base));
            b.switchToBlock(done);
            afterArbitraryCode(i.next(), base + 1);
        }

        /** Releases the stack slots {@code [from, to)}. */
        private void releaseSlots(int from, int to) {
            eachOwnedSlot(from, to, Translator.this::decref);
        }

        /**
         * Runs {@code reference} on each stack slot of {@code [from, to)} that holds a reference
         * (all but the immortal constants, which LOAD_CONST pushes without one).
         */
        private void eachOwnedSlot(int from, int to, Consumer<Value> reference) {
            for (int k = from; k < to; k++) {
                Long c = known.get(k);
                if (c == null || !immortal(c)) {
                    reference.accept(slot(k));
                }
            }
        }

        /**
         * UNPACK_SEQUENCE of an exact tuple or list of exactly {@code oparg} items (what
         * UNPACK_SEQUENCE_TUPLE/LIST do); anything else leaves for the interpreter.
         */
        private void unpackSequence(Instruction i, int d) {
            int n = i.oparg();
            Value seq = slot(d - 1);
            Value t = type(seq);
            Value size = b.load(Type.I64, seq, layout.object().size());
            Block unpack = b.createBlock();
            Value items = b.appendBlockParam(unpack, Type.I64);
            Block isTuple = b.createBlock();
            Block notTuple = b.createBlock();
            Block isList = b.createBlock();
            Block other = exitBlock(new ExitSite(i.byteOffset(), ExitReason.UNPACK_SHAPE, ""), i.start(), d);
            Block sized = b.createBlock();
            b.brif(b.icmpImm(IntCC.EQ, size, n), sized, other);
            b.switchToBlock(sized);
            b.brif(b.icmp(IntCC.EQ, t, constant(CSymbol.TUPLE_TYPE)), isTuple, notTuple);
            b.switchToBlock(isTuple);
            b.jump(unpack, b.iaddImm(seq, layout.sequences().tupleItems()));
            b.switchToBlock(notTuple);
            b.brif(b.icmp(IntCC.EQ, t, constant(CSymbol.LIST_TYPE)), isList, other);
            b.switchToBlock(isList);
            b.jump(unpack, b.load(Type.I64, seq, layout.sequences().listItems()));
            b.switchToBlock(unpack);
            for (int k = 0; k < n; k++) {
                push(d - 1 + k, incref(b.load(Type.I64, items, 8 * (n - 1 - k))));
            }
            setPrevInstr(i);
            decref(seq);
        }

        /**
         * LIST_EXTEND of an exact list or tuple (a list display with a starred item); other
         * iterables leave for the interpreter, which words the TypeError of a non-iterable.
         */
        private void listExtend(Instruction i, int d) {
            Value list = slot(d - 1 - i.oparg());
            Value iterable = slot(d - 1);
            Value t = type(iterable);
            Block sequence = b.createBlock();
            Block notList = b.createBlock();
            Block other = exitBlock(
                    new ExitSite(i.byteOffset(), ExitReason.UNSUPPORTED_OPERAND, "LIST_EXTEND of an iterator"),
                    i.start(), d);
            b.brif(b.icmp(IntCC.EQ, t, constant(CSymbol.LIST_TYPE)), sequence, notList);
            b.switchToBlock(notList);
            b.brif(b.icmp(IntCC.EQ, t, constant(CSymbol.TUPLE_TYPE)), sequence, other);
            b.switchToBlock(sequence);
            setPrevInstr(i);
            Value end = b.iconst(Type.I64, Long.MAX_VALUE);
            Value err = call(INT_OF_PPPP, CSymbol.LIST_SET_SLICE, list, end, end, iterable);
            decref(iterable);
            failIfNonZero(i, err, d - 1);
        }

        /** 3.12 BUILD_SET: every item is added until one fails, every item released. */
        private void buildSet(Instruction i, int d) {
            int n = i.oparg();
            setPrevInstr(i);
            Value set = call(P_OF_P, CSymbol.SET_NEW, b.iconst(Type.I64, 0));
            failIfNull(i, set, d);
            Block done = b.createBlock();
            Block failed = b.createBlock();
            for (int k = d - n; k < d; k++) {
                Value err = call(INT_OF_PP, CSymbol.SET_ADD, set, slot(k));
                Block ok = b.createBlock();
                b.brif(b.icmpImm(IntCC.NE, err, 0), failed, ok);
                b.switchToBlock(ok);
            }
            releaseSlots(d - n, d);
            push(d - n, set);
            b.jump(done);
            b.switchToBlock(failed);
            releaseSlots(d - n, d);
            decref(set);
            b.jump(errorExit(i, d - n));
            b.switchToBlock(done);
            afterArbitraryCode(i.next(), d - n + 1);
        }

        /** BUILD_CONST_KEY_MAP with a tuple of {@code oparg} keys: as a small BUILD_MAP. */
        private void buildConstKeyMap(Instruction i, int d) {
            int n = i.oparg();
            Value keys = slot(d - 1);
            Block shaped = b.createBlock();
            Block tuple = b.createBlock();
            Block other = exitBlock(new ExitSite(i.byteOffset(), ExitReason.UNSUPPORTED_OPERAND, "BUILD_CONST_KEY_MAP"),
                    i.start(), d);
            b.brif(b.icmp(IntCC.EQ, type(keys), constant(CSymbol.TUPLE_TYPE)), tuple, other);
            b.switchToBlock(tuple);
            b.brif(b.icmpImm(IntCC.EQ, b.load(Type.I64, keys, layout.object().size()), n), shaped, other);
            b.switchToBlock(shaped);
            int base = d - 1 - n;
            setPrevInstr(i);
            Value dict = call(P_OF_NOTHING, CSymbol.DICT_NEW);
            failIfNull(i, dict, d);
            Block failed = b.createBlock();
            for (int k = 0; k < n; k++) {
                Value key = b.load(Type.I64, keys, layout.sequences().tupleItems() + 8 * k);
                Value err = call(INT_OF_PPP, CSymbol.DICT_SET_ITEM, dict, key, slot(base + k));
                Block ok = b.createBlock();
                b.brif(b.icmpImm(IntCC.SLT, err, 0), failed, ok);
                b.switchToBlock(ok);
            }
            finishDict(i, dict, failed, base, d);
        }

        /** 3.12 FORMAT_VALUE: the conversion of {@code oparg & 3}, then {@code format(value, spec)}. */
        private void formatValue(Instruction i, int d) {
            boolean hasSpec = (i.oparg() & FVS_HAVE_SPEC) != 0;
            int at = d - 1 - (hasSpec ? 1 : 0);
            Value value = slot(at);
            Value spec = hasSpec ? slot(d - 1) : b.iconst(Type.I64, 0);
            setPrevInstr(i);
            CSymbol conversion = switch (i.oparg() & 3) {
                case 1 -> CSymbol.STR;
                case 2 -> CSymbol.REPR;
                case 3 -> CSymbol.ASCII;
                default -> null;
            };
            if (conversion != null) {
                Value converted = call(P_OF_P, conversion, value);
                decref(value);
                Block ok = b.createBlock();
                Block failed = b.createBlock();
                b.brif(b.icmpImm(IntCC.EQ, converted, 0), failed, ok);
                b.switchToBlock(failed);
                if (hasSpec) {
                    decref(spec);
                }
                b.jump(errorExit(i, at));
                b.switchToBlock(ok);
                value = converted;
            }
            Value res = call(P_OF_PP, CSymbol.FORMAT, value, spec);
            decref(value);
            if (hasSpec) {
                decref(spec);
            }
            replaceOrFail(i, res, at);
        }

        /** 3.12 MAKE_FUNCTION: a function of the code constant, the optional parts moved in. */
        private void makeFunction(Instruction i, int d) {
            int flags = i.oparg();
            Value codeObject = slot(d - 1);
            setPrevInstr(i);
            Value globals = b.load(Type.I64, frame, layout.frame().globals());
            Value func = call(P_OF_PP, CSymbol.FUNCTION_NEW, codeObject, globals);
            Value version = b.load(Type.I32, codeObject, layout.code().codeVersion());
            decref(codeObject);
            int parts = Integer.bitCount(flags & 0xF);
            failIfNull(i, func, d - 1);
            int k = d - 1 - parts;
            // Stack order, bottom first: defaults, kwdefaults, annotations, closure.
            if ((flags & 0x1) != 0) {
                b.store(slot(k++), func, layout.function().defaults());
            }
            if ((flags & 0x2) != 0) {
                b.store(slot(k++), func, FUNCTION_KWDEFAULTS);
            }
            if ((flags & 0x4) != 0) {
                b.store(slot(k++), func, FUNCTION_ANNOTATIONS);
            }
            if ((flags & 0x8) != 0) {
                b.store(slot(k++), func, layout.function().closure());
            }
            b.store(version, func, layout.function().version());
            push(d - 1 - parts, func);
        }

        /** 3.12 LOAD_SUPER_ATTR: {@code super(class, self)} by vectorcall, then the attribute. */
        private void loadSuperAttr(Instruction i, int d) {
            Value globalSuper = slot(d - 3);
            Value name = b.iconst(Type.I64, code.names()[i.oparg() >> 2]);
            setPrevInstr(i);
            Value sup = call(P_OF_PPPP, CSymbol.VECTORCALL, globalSuper, b.iaddImm(frame, stackOffset(d - 2)),
                    b.iconst(Type.I64, i.oparg() & 2), b.iconst(Type.I64, 0));
            releaseSlots(d - 3, d);
            failIfNull(i, sup, d - 3);
            Value res = call(P_OF_PP, CSymbol.GET_ATTR, sup, name);
            decref(sup);
            failIfNull(i, res, d - 3);
            if ((i.oparg() & 1) != 0) {
                push(d - 3, b.iconst(Type.I64, 0));
                push(d - 2, res);
                afterArbitraryCode(i.next(), d - 1);
            } else {
                push(d - 3, res);
                afterArbitraryCode(i.next(), d - 2);
            }
        }

        /**
         * 3.12 BEFORE_WITH: {@code __exit__} and the result of {@code __enter__()} replace the
         * manager. A manager without either method leaves for the interpreter, which raises the
         * TypeError (looking the methods up again).
         */
        private void beforeWith(Instruction i, int d) {
            Value manager = slot(d - 1);
            setPrevInstr(i);
            Block missing = exitBlock(
                    new ExitSite(i.byteOffset(), ExitReason.UNSUPPORTED_OPERAND, "BEFORE_WITH of a non-manager"),
                    i.start(), d);
            Value enterName = b.iconst(Type.I64, objects.interned("__enter__"));
            Value enter = call(P_OF_PP, CSymbol.LOOKUP_SPECIAL, manager, enterName);
            Block hasEnter = b.createBlock();
            Block noEnter = b.createBlock();
            b.brif(b.icmpImm(IntCC.EQ, enter, 0), noEnter, hasEnter);
            b.switchToBlock(noEnter);
            orErrorExit(i, d, missing);
            b.switchToBlock(hasEnter);
            Value exitName = b.iconst(Type.I64, objects.interned("__exit__"));
            Value exit = call(P_OF_PP, CSymbol.LOOKUP_SPECIAL, manager, exitName);
            Block hasExit = b.createBlock();
            Block noExit = b.createBlock();
            Block noExitError = b.createBlock();
            Block noExitMissing = b.createBlock();
            b.brif(b.icmpImm(IntCC.EQ, exit, 0), noExit, hasExit);
            b.switchToBlock(noExit);
            b.brif(b.icmpImm(IntCC.EQ, call(P_OF_NOTHING, CSymbol.ERR_OCCURRED), 0), noExitMissing, noExitError);
            b.switchToBlock(noExitMissing);
            decref(enter);
            b.jump(missing);
            b.switchToBlock(noExitError);
            decref(enter);
            b.jump(errorExit(i, d));
            b.switchToBlock(hasExit);
            decref(manager);
            Value res = call(P_OF_P, CSymbol.CALL_NO_ARGS, enter);
            decref(enter);
            Block entered = b.createBlock();
            Block failed = b.createBlock();
            b.brif(b.icmpImm(IntCC.EQ, res, 0), failed, entered);
            b.switchToBlock(failed);
            decref(exit);
            b.jump(errorExit(i, d - 1));
            b.switchToBlock(entered);
            push(d - 1, exit);
            push(d, res);
            afterArbitraryCode(i.next(), d + 1);
        }

        /**
         * The local that {@code BINARY_OP_INPLACE_ADD_UNICODE}'s result is stored to: the
         * interpreter quickens {@code s += t} (or {@code s = s + t}) so only when a STORE_FAST
         * follows, which it then skips.
         */
        private OptionalInt appendTarget(Instruction i) {
            if (i.opcode() != Opcode.BINARY_OP_INPLACE_ADD_UNICODE
                    || NumberOp.of(i.oparg()).filter(nb -> nb == NumberOp.ADD || nb == NumberOp.INPLACE_ADD).isEmpty()) {
                return OptionalInt.empty();
            }
            return code.analysis().code().startingAt(i.next()).filter(n -> n.base() == Opcode.STORE_FAST)
                    .map(n -> OptionalInt.of(n.oparg())).orElse(OptionalInt.empty());
        }

        /**
         * {@code BINARY_OP_INPLACE_ADD_UNICODE} before {@code STORE_FAST target}: when the left
         * operand is an exact str, the right one is of its type and the local still holds the left
         * one, the stack's reference to it is dropped and {@code PyUnicode_Append} extends the
         * local's string, in place when the local is its only reference (3.12's
         * {@code BINARY_OP_INPLACE_ADD_UNICODE}; without it, building a string with {@code +=}
         * copies it every time). The new string is pushed as the result and the STORE_FAST that
         * follows stores it back over itself. Otherwise the operator's function
         * ({@code PyNumber_InPlaceAdd} or {@code PyNumber_Add}), as the interpreter does when its
         * guards fail.
         */
        private void appendInPlace(Instruction i, int d, int target) {
            Operand l = operand(d - 2);
            Operand r = operand(d - 1);
            setPrevInstr(i);
            Block join = b.createBlock();
            Value res = b.appendBlockParam(join, Type.I64);
            Block generic = b.createBlock();
            Value leftType = type(l.value());
            guard(b.icmp(IntCC.EQ, leftType, constant(CSymbol.UNICODE_TYPE)), generic);
            guard(b.icmp(IntCC.EQ, type(r.value()), leftType), generic);
            guard(b.icmp(IntCC.EQ, local(target), l.value()), generic);
            countHeld(i);
            dropWithoutDealloc(l.value());
            b.callIndirect(VOID_OF_PP, constant(CSymbol.UNICODE_APPEND), b.iaddImm(frame, localOffset(target)),
                    r.value());
            release(r);
            // On failure PyUnicode_Append leaves NULL in the local, as in the interpreter.
            Value appended = local(target);
            Block stored = b.createBlock();
            Block failed = b.createBlock();
            b.brif(b.icmpImm(IntCC.EQ, appended, 0), failed, stored);
            b.switchToBlock(failed);
            b.jump(join, appended);
            b.switchToBlock(stored);
            b.jump(join, incref(appended));
            b.switchToBlock(generic);
            countFailed(i);
            NumberOp nb = NumberOp.of(i.oparg()).orElseThrow();
            Value sum = b.callIndirect(P_OF_PP, b.iconst(Type.I64, symbols.numberOps().get(nb)), l.value(), r.value())
                    .get(0);
            release(l);
            release(r);
            b.jump(join, sum);
            b.switchToBlock(join);
            replaceOrFail(i, res, d - 2);
        }

        /**
         * A CALL's generic path from the current block: {@code PyObject_Vectorcall}, its result to
         * {@code called} when the callee's frame took the operands' references, else to
         * {@code release}.
         */
        private void vectorcall(int c, int d, long kw, boolean plain, Value method, Value callable, Value args,
                                Value nargs, Block called, Block release) {
            // 3.12's CALL of a plain Python function moves every operand's reference into the new
            // frame (_PyEvalFramePushAndInit steals them), so the callee's frame holds the last
            // reference to a temporary argument and releases it with its locals, in their order.
            // The vectorcall borrows them: each operand's count is lowered first (without a
            // deallocation at zero) and _PyEval_Vector's increments, its first act, give the frame
            // the references; nothing touches them in between.
            Value steals = stolenByFrame(callable);
            Block handOver = b.createBlock();
            Block vector = b.createBlock();
            b.brif(steals, handOver, vector);
            b.switchToBlock(handOver);
            if (!plain) {
                xdropWithoutDealloc(method);
            }
            eachOwnedSlot(c, d, Translator.this::dropWithoutDealloc);
            b.jump(vector);
            b.switchToBlock(vector);
            Value refund = refundedCall(callable);
            Value units = b.select(refund, b.iconst(Type.I32, 2), b.iconst(Type.I32, 0));
            Value levels = b.select(refund, b.iconst(Type.I64, 1), b.iconst(Type.I64, 0));
            adjustBudget(units, levels, true);
            Value generic = call(P_OF_PPPP, CSymbol.VECTORCALL, callable, args, nargs, b.iconst(Type.I64, kw));
            adjustBudget(units, levels, false);
            b.brif(steals, called, List.of(generic), release, List.of(generic));
        }

        /**
         * Marks an operator's generic block cold when the interpreter specialised the instruction
         * for ints or floats, which have inline paths: another operand type is then the exception
         * (an int beyond the compact range, which 3.12's int forms also take, is one). Strings have
         * no inline path: their generic call is the instruction.
         */
        private void coldUnlessUnspecialised(Block generic, Observed seen) {
            if (seen == Observed.INTS || seen == Observed.FLOATS) {
                b.setCold(generic);
            }
        }

        /** The result of a call replacing its operands at slot {@code at}, or an error with them popped. */
        private void replaceOrFail(Instruction i, Value res, int at) {
            failIfNull(i, res, at);
            push(at, res);
            afterArbitraryCode(i.next(), at + 1);
        }

        private void push(int d, Value v) {
            b.store(v, frame, stackOffset(d));
        }
    }

    /**
     * A value-stack operand of an inline fast path: its IR value and, when the bytecode shows that
     * its slot holds a constant of the code object, that constant (alive while the code object
     * is; 0 when not known). What a constant is (an exact compact int, an exact float) is read at
     * compile time, so the fast paths test only the operands not known.
     */
    private record Operand(Value value, long constant) {
        boolean known() {
            return constant != 0;
        }
    }

    /**
     * The operand types the specialising interpreter saw at a BINARY_OP or COMPARE_OP, from its
     * quickened form: an instruction specialised for ints gets no inline float path and one
     * specialised for floats no int path (an operand of the other kind takes the generic call,
     * with the same result); one specialised for strings neither; an unspecialised one both.
     */
    private enum Observed {
        INTS, FLOATS, STRINGS, ANY;

        static Observed of(Opcode quickened) {
            return switch (quickened) {
                case BINARY_OP_ADD_INT, BINARY_OP_SUBTRACT_INT, BINARY_OP_MULTIPLY_INT, COMPARE_OP_INT -> INTS;
                case BINARY_OP_ADD_FLOAT, BINARY_OP_SUBTRACT_FLOAT, BINARY_OP_MULTIPLY_FLOAT, COMPARE_OP_FLOAT -> FLOATS;
                case BINARY_OP_ADD_UNICODE, BINARY_OP_INPLACE_ADD_UNICODE, COMPARE_OP_STR -> STRINGS;
                default -> ANY;
            };
        }

        boolean ints() {
            return this == INTS || this == ANY;
        }

        boolean floats() {
            return this == FLOATS || this == ANY;
        }
    }

    /** Releases an operand: nothing for an immortal constant, whose {@code Py_DECREF} changes nothing. */
    private void release(Operand o) {
        if (!o.known() || !immortal(o.constant())) {
            decref(o.value());
        }
    }

    /** A known operand's value if it is an exact int of at most one digit (facts §1b). */
    private OptionalLong compactConstant(Operand o) {
        if (!o.known() || MEMORY.getLong(o.constant() + layout.object().type()) != symbols.address(CSymbol.LONG_TYPE)
                || MEMORY.getLong(o.constant() + layout.longs().lvTag()) >= COMPACT_TAG_LIMIT) {
            return OptionalLong.empty();
        }
        return smallInt(o.constant());
    }

    /** Whether an operand may be an exact compact int at run time. */
    private boolean mayBeCompactInt(Operand o) {
        return !o.known() || compactConstant(o).isPresent();
    }

    /** Whether an operand may be an exact float at run time. */
    private boolean mayBeFloat(Operand o) {
        return !o.known()
                || MEMORY.getLong(o.constant() + layout.object().type()) == symbols.address(CSymbol.FLOAT_TYPE);
    }

    /** An operand's double, both known to be exact floats: a constant's read at compile time. */
    private Value floatValue(Operand o) {
        return o.known() ? b.f64const(MEMORY.getDouble(o.constant() + layout.floats().value()))
                : b.load(Type.F64, o.value(), layout.floats().value());
    }

    /**
     * Two compact ints: the 64-bit result boxed (a cached small int inline, else
     * {@code PyLong_FromLongLong}); two floats: the result stored into an operand only the value
     * stack holds (reference count 1, as 3.12's {@code DECREF_INPUTS_AND_REUSE_FLOAT} does; its
     * count is set to 2 so that the caller's decref leaves it alive; a constant is also held by
     * {@code co_consts}, so never reused), else {@code PyFloat_FromDouble}. The new reference (or
     * NULL on a failed allocation) goes to {@code join}; any other pair, and a float division by
     * zero, to {@code generic}. Only the paths {@code seen} allows are emitted.
     */
    private void fastArithmetic(FastArithmetic.Arith op, Operand l, Operand r, Observed seen, Block join,
                                Block generic) {
        Block notInts = b.createBlock();
        if (op.integer().isPresent() && seen.ints() && mayBeCompactInt(l) && mayBeCompactInt(r)) {
            Block ints = bothCompactInts(l, r, notInts);
            b.switchToBlock(ints);
            Value v = b.binary(op.integer().get(), compactValue(l), compactValue(r));
            b.jump(join, smallIntOrNew(v, join));
        } else {
            b.jump(notInts);
        }
        b.switchToBlock(notInts);
        if (!seen.floats() || !mayBeFloat(l) || !mayBeFloat(r)
                || op.divides() && r.known() && MEMORY.getDouble(r.constant() + layout.floats().value()) == 0.0) {
            b.jump(generic);
            return;
        }
        Block floats = bothFloats(l, r, generic);
        b.switchToBlock(floats);
        Value left = floatValue(l);
        Value right = floatValue(r);
        if (op.divides() && !r.known()) {
            Block nonzero = b.createBlock();
            b.brif(b.fcmp(FloatCC.EQ, right, b.f64const(0.0)), generic, nonzero);
            b.switchToBlock(nonzero);
        }
        Value x = b.binary(op.real(), left, right);
        for (Operand o : List.of(l, r)) {
            if (o.known()) {
                continue;
            }
            Block reuse = b.createBlock();
            Block next = b.createBlock();
            b.brif(b.icmpImm(IntCC.EQ, b.load(Type.I64, o.value(), layout.object().refcnt()), 1), reuse, next);
            b.switchToBlock(reuse);
            b.store(x, o.value(), layout.floats().value());
            b.store(b.iconst(Type.I64, 2), o.value(), layout.object().refcnt());
            b.jump(join, o.value());
            b.switchToBlock(next);
        }
        b.jump(join, b.callIndirect(P_OF_F, constant(CSymbol.FLOAT_FROM_DOUBLE), x).get(0));
    }

    /**
     * Two compact ints or two floats compared inline (the paths {@code seen} allows):
     * {@code True} or {@code False} to {@code join}; any other pair to {@code generic}.
     */
    private void fastComparison(FastArithmetic.Comparison op, Operand l, Operand r, Observed seen, Block join,
                                Block generic) {
        Block notInts = b.createBlock();
        if (seen.ints() && mayBeCompactInt(l) && mayBeCompactInt(r)) {
            Block ints = bothCompactInts(l, r, notInts);
            b.switchToBlock(ints);
            Value holds = b.icmp(op.integer(), compactValue(l), compactValue(r));
            b.jump(join, b.select(holds, constant(CSymbol.TRUE), constant(CSymbol.FALSE)));
        } else {
            b.jump(notInts);
        }
        b.switchToBlock(notInts);
        if (!seen.floats() || !mayBeFloat(l) || !mayBeFloat(r)) {
            b.jump(generic);
            return;
        }
        Block floats = bothFloats(l, r, generic);
        b.switchToBlock(floats);
        Value fholds = b.fcmp(op.real(), floatValue(l), floatValue(r));
        b.jump(join, b.select(fholds, constant(CSymbol.TRUE), constant(CSymbol.FALSE)));
    }

    /**
     * A block reached when both are exact ints of at most one digit; else {@code otherwise}.
     * Known operands are compact ints ({@link #mayBeCompactInt}) and are not tested.
     */
    private Block bothCompactInts(Operand l, Operand r, Block otherwise) {
        Block compact = b.createBlock();
        List<Value> unknown = java.util.stream.Stream.of(l, r).filter(o -> !o.known()).map(Operand::value).toList();
        if (unknown.isEmpty()) {
            b.jump(compact);
            return compact;
        }
        Value longType = constant(CSymbol.LONG_TYPE);
        for (Value o : unknown) {
            Block isInt = b.createBlock();
            b.brif(b.icmp(IntCC.EQ, type(o), longType), isInt, otherwise);
            b.switchToBlock(isInt);
        }
        Value tags = b.load(Type.I64, unknown.get(0), layout.longs().lvTag());
        if (unknown.size() == 2) {
            tags = b.binary(org.pyjit.ir.Opcode.BOR, tags, b.load(Type.I64, unknown.get(1), layout.longs().lvTag()));
        }
        b.brif(b.icmpImm(IntCC.ULT, tags, COMPACT_TAG_LIMIT), compact, otherwise);
        return compact;
    }

    /** A block reached when both are exact floats; else {@code otherwise}. Known operands are not tested. */
    private Block bothFloats(Operand l, Operand r, Block otherwise) {
        Block floats = b.createBlock();
        List<Value> unknown = java.util.stream.Stream.of(l, r).filter(o -> !o.known()).map(Operand::value).toList();
        if (unknown.isEmpty()) {
            b.jump(floats);
            return floats;
        }
        Value floatType = constant(CSymbol.FLOAT_TYPE);
        for (int k = 0; k < unknown.size(); k++) {
            Block isFloat = k == unknown.size() - 1 ? floats : b.createBlock();
            b.brif(b.icmp(IntCC.EQ, type(unknown.get(k)), floatType), isFloat, otherwise);
            b.switchToBlock(isFloat);
        }
        return floats;
    }

    /** An operand's value, both known to be compact ints: a constant's folded. */
    private Value compactValue(Operand o) {
        return o.known() ? b.iconst(Type.I64, compactConstant(o).orElseThrow()) : compactValue(o.value());
    }

    /** A compact int's value: {@code (1 - (lv_tag & 3)) * ob_digit[0]} (facts §1b). */
    Value compactValue(Value o) {
        Value sign = b.isub(b.iconst(Type.I64, 1),
                b.binaryImm(org.pyjit.ir.Opcode.BAND_IMM, b.load(Type.I64, o, layout.longs().lvTag()), 3));
        Value digit = b.convert(org.pyjit.ir.Opcode.UEXTEND, Type.I64, b.load(Type.I32, o, layout.longs().digits()));
        return b.imul(sign, digit);
    }

    private void failIfNull(Instruction i, Value res, int owned) {
        Block ok = b.createBlock();
        b.brif(b.icmpImm(IntCC.EQ, res, 0), errorExit(i, owned), ok);
        b.switchToBlock(ok);
    }

    private void failIfNegative(Instruction i, Value res, int owned) {
        Block ok = b.createBlock();
        b.brif(b.icmpImm(IntCC.SLT, res, 0), errorExit(i, owned), ok);
        b.switchToBlock(ok);
    }

    private void failIfNonZero(Instruction i, Value res, int owned) {
        Block ok = b.createBlock();
        b.brif(b.icmpImm(IntCC.NE, res, 0), errorExit(i, owned), ok);
        b.switchToBlock(ok);
    }

    private void nonNullOrExit(Value v, ExitSite site, int target, int depth) {
        Block ok = b.createBlock();
        b.brif(b.icmpImm(IntCC.EQ, v, 0), exitBlock(site, target, depth), ok);
        b.switchToBlock(ok);
    }

    /** After code that may have run arbitrary Python: the instrumentation check. */
    void afterArbitraryCode(int nextUnit, int depth) {
        instrumentationCheck(nextUnit, depth);
    }

    /**
     * Leaves for the interpreter at {@code target} (with {@code depth} slots) if a tool changed
     * the instrumentation since entry: the interpreter runs the code as re-instrumented.
     */
    private void instrumentationCheck(int target, int depth) {
        Block same = b.createBlock();
        Value now = b.load(Type.I64, interp, layout.interpreter().monitoringVersion());
        Instruction at = code.analysis().code().startingAt(target).orElseThrow();
        b.brif(b.icmp(IntCC.NE, now, entryVersion),
                exitBlock(new ExitSite(at.byteOffset(), ExitReason.INSTRUMENTATION_CHANGED, ""), target, depth), same);
        b.switchToBlock(same);
    }

    /**
     * After a call, and at entry: if the eval breaker is set, run signal handlers and pending calls
     * and let another thread take the GIL ({@link EvalBreakerHelper}); a raised exception is at
     * {@code i}.
     */
    private void pollEvalBreaker(int breakerOffset, Instruction i, int d) {
        Block slow = b.createBlock();
        Block cont = b.createBlock();
        b.brif(b.icmpImm(IntCC.NE, b.load(Type.I32, interp, breakerOffset), 0), slow, cont);
        b.switchToBlock(slow);
        setPrevInstr(i);
        Value failed = b.callIndirect(EvalBreakerHelper.HELPER, b.iconst(Type.I64, evalBreaker)).get(0);
        b.brif(b.icmpImm(IntCC.SLT, failed, 0), errorExit(i, d), cont);
        b.switchToBlock(cont);
    }

    /**
     * At every back edge (and at a restricted loop body's entry): if the eval breaker is set,
     * leave for the interpreter at {@code i} (the loop header untouched, or the JUMP_BACKWARD), which
     * handles it there exactly as 3.12 does: signals, pending calls, a scheduled collection, a GIL
     * drop request, an asynchronous exception ({@code PyThreadState_SetAsyncExc}), most of which
     * (3.12's {@code _Py_HandlePending}) is not exported; an exception it raises is unwound from
     * that instruction. The frame comes back into the body at its next call or back edge.
     */
    private void leaveIfEvalBreaker(int breakerOffset, Instruction i, int d) {
        Block cont = b.createBlock();
        b.brif(b.icmpImm(IntCC.NE, b.load(Type.I32, interp, breakerOffset), 0),
                exitBlock(new ExitSite(i.byteOffset(), ExitReason.EVAL_BREAKER, ""), i.start(), d), cont);
        b.switchToBlock(cont);
    }

    /**
     * A block that leaves with {@code depth} owned stack slots to the interpreter at unit
     * {@code target}: it executes that instruction next (a return, or whatever was not compiled).
     */
    private Block exitBlock(ExitSite site, int target, int depth) {
        return exits.computeIfAbsent(new ExitKey.Leave(site, target, depth), k -> {
            Block current = b.currentBlock();
            Block exit = b.createBlock();
            b.setCold(exit);
            b.switchToBlock(exit);
            leave(site, b.iconst(Type.I64, code.unitAddress(target)), depth, true);
            b.switchToBlock(current);
            return exit;
        });
    }

    /**
     * Ends the current block with an exit through its {@link #exitTail}: counted at {@code site},
     * {@code depth} owned slots, {@code prev_instr} set to {@code instruction}.
     *
     * @param ready true: return 1 (the interpreter executes that instruction next); false: return
     *     0 (an exception is set, raised there)
     */
    private void leave(ExitSite site, Value instruction, int depth, boolean ready) {
        b.jump(exitTail(ready), b.iconst(Type.I64, siteCounter(site)),
                b.iconst(Type.I32, code.nLocalsPlus() + depth), instruction);
    }

    /**
     * The block every counted exit ends in, per return value: it takes the exit site's counter
     * address, {@code stacktop} and {@code prev_instr}, bumps the counter, stores the frame state,
     * restores {@code tstate->tracing} and returns. An exit is then three constants and a jump.
     */
    private Block exitTail(boolean ready) {
        int result = ready ? 1 : 0;
        if (exitTails[result] == null) {
            Block current = b.currentBlock();
            Block tail = b.createBlock();
            b.setCold(tail);
            Value counter = b.appendBlockParam(tail, Type.I64);
            Value top = b.appendBlockParam(tail, Type.I32);
            Value instruction = b.appendBlockParam(tail, Type.I64);
            b.switchToBlock(tail);
            b.store(b.iaddImm(b.load(Type.I64, counter, 0), 1), counter, 0);
            b.store(top, frame, layout.frame().stackTop());
            b.store(instruction, frame, layout.frame().instructionPointer());
            b.store(savedTracing, tstate, layout.threadState().tracing());
            b.ret(b.iconst(Type.I64, result));
            b.switchToBlock(current);
            exitTails[result] = tail;
        }
        return exitTails[result];
    }

    /** What an exit block does, the key of {@link #exits}. */
    private sealed interface ExitKey {
        /** {@link #exitBlock}: leave at {@code target} with {@code depth} slots, counted at {@code site}. */
        record Leave(ExitSite site, int target, int depth) implements ExitKey { }

        /** {@link #errorExit(Instruction, int)}: an exception raised at {@code unit} with {@code depth} slots. */
        record Error(int unit, int depth) implements ExitKey { }

        /**
         * {@link #unwinding}: into the handler at {@code target} (stack popped to
         * {@code handlerBase}, {@code lasti} pushed or not) from {@code depth} slots.
         */
        record Unwind(int target, int handlerBase, boolean lasti, int depth) implements ExitKey { }
    }

    private void leaveAt(int target, int depth) {
        setStackTop(depth);
        b.store(b.iconst(Type.I64, code.unitAddress(target)), frame, layout.frame().instructionPointer());
        b.store(savedTracing, tstate, layout.threadState().tracing());
        b.ret(b.iconst(Type.I64, 1));
    }

    /**
     * A block for an exception raised at {@code i} with {@code depth} owned slots. Outside any
     * handler: return 0 (the interpreter unwinds the frame). Inside one, what 3.12's
     * {@code exception_unwind:} does: a traceback entry for this frame, the stack popped to the
     * handler's depth, {@code lasti} if asked, the exception pushed; the body goes on at the handler.
     */
    Block errorExit(Instruction i, int depth) {
        ExitKey key = new ExitKey.Error(i.index(), depth);
        Block known = exits.get(key);
        if (known != null) {
            return known;
        }
        Block exit = errorExit(i, depth, Optional.empty());
        exits.put(key, exit);
        return exit;
    }

    /**
     * {@link #errorExit(Instruction, int)} of a CALL. 3.12 runs a Python function's frame inline,
     * having stored {@code prev_instr} at the CALL's last cache unit (DISPATCH_INLINED after
     * SKIP_OVER), so an exception raised while the callee ran is at that unit for the traceback's
     * {@code tb_lasti}, the handler's {@code lasti} and the RAISE event; one raised before its
     * frame ran (argument binding) is at the CALL itself. The callee ran iff the exception has a
     * traceback (its frame added an entry).
     *
     * @param inlinedCallee an i8, non-zero iff 3.12 would have run the callee inline; used under a
     *     handler only (elsewhere the traceback's line is the same for both units)
     */
    private Block errorExit(Instruction i, int depth, Optional<Value> inlinedCallee) {
        Block current = b.currentBlock();
        Block exit = b.createBlock();
        b.setCold(exit);
        b.switchToBlock(exit);
        Optional<ExceptionTable.Entry> handler = code.analysis().exceptionTable().handlerFor(i.index());
        if (handler.isEmpty()) {
            leave(new ExitSite(i.byteOffset(), ExitReason.ERROR, ""), b.iconst(Type.I64, code.unitAddress(i.index())),
                    depth, false);
        } else {
            countSite(new ExitSite(i.byteOffset(), ExitReason.TO_HANDLER, ""));
            Block unwinding = unwinding(handler.get(), depth);
            Value call = b.iconst(Type.I64, i.index());
            if (inlinedCallee.isPresent()) {
                Block raised = b.createBlock();
                b.setCold(raised);
                Value exception = b.load(Type.I64, tstate, layout.threadState().currentException());
                b.brif(b.binary(org.pyjit.ir.Opcode.BAND, inlinedCallee.get(), b.icmpImm(IntCC.NE, exception, 0)),
                        raised, List.of(), unwinding, List.of(call));
                b.switchToBlock(raised);
                Value traced = b.icmpImm(IntCC.NE, b.load(Type.I64, exception, EXCEPTION_TRACEBACK), 0);
                b.jump(unwinding, b.select(traced, b.iconst(Type.I64, i.next() - 1), call));
            } else {
                b.jump(unwinding, call);
            }
        }
        b.switchToBlock(current);
        return exit;
    }

    /**
     * The block that unwinds into {@code entry}'s handler from {@code depth} owned slots, shared
     * by every instruction it covers at that depth: its parameter is the faulting unit, from
     * which {@link #unwind} sets {@code prev_instr}.
     */
    private Block unwinding(ExceptionTable.Entry entry, int depth) {
        // Not computeIfAbsent: unwind() makes exits of its own (the handler's segment may be one).
        ExitKey key = new ExitKey.Unwind(entry.target(), entry.depth(), entry.lasti(), depth);
        Block known = exits.get(key);
        if (known != null) {
            return known;
        }
        Block current = b.currentBlock();
        Block block = b.createBlock();
        b.setCold(block);
        exits.put(key, block);
        Value unit = b.appendBlockParam(block, Type.I64);
        b.switchToBlock(block);
        unwind(entry, unit, depth);
        b.switchToBlock(current);
        return block;
    }

    /**
     * After a C call that returned its failure value: with no exception set the result means
     * "absent" and control goes to {@code absent}; with one, to the error exit at {@code i}.
     */
    private void orErrorExit(Instruction i, int depth, Block absent) {
        b.brif(b.icmpImm(IntCC.EQ, call(P_OF_NOTHING, CSymbol.ERR_OCCURRED), 0), absent, errorExit(i, depth));
    }

    private void returnError(int depth) {
        setStackTop(depth);
        b.store(savedTracing, tstate, layout.threadState().tracing());
        b.ret(b.iconst(Type.I64, 0));
    }

    /**
     * 3.12 {@code exception_unwind:} into {@code entry}'s handler from the faulting unit
     * {@code unit} (an i64), which {@code prev_instr} names first (the traceback entry reads it).
     */
    private void unwind(ExceptionTable.Entry entry, Value unit, int depth) {
        Value byteOffset = b.binaryImm(org.pyjit.ir.Opcode.ISHL_IMM, unit, 1);
        b.store(b.iadd(b.iconst(Type.I64, code.unitAddress(0)), byteOffset), frame,
                layout.frame().instructionPointer());
        Block ours = b.createBlock();
        Block notOurs = b.createBlock();
        Value frameObject = call(P_OF_NOTHING, CSymbol.GET_FRAME);
        Block some = b.createBlock();
        List.of(ours, notOurs, some).forEach(b::setCold);
        b.brif(b.icmpImm(IntCC.EQ, frameObject, 0), notOurs, some);
        b.switchToBlock(some);
        b.brif(b.icmp(IntCC.EQ, b.load(Type.I64, frameObject, layout.frame().frameObjectFrame()), frame), ours,
                notOurs);
        b.switchToBlock(notOurs);
        returnError(depth);
        b.switchToBlock(ours);
        call(INT_OF_P, CSymbol.TRACEBACK_HERE, frameObject);
        // monitor_raise: RAISE at the faulting instruction with the raised exception (taken out
        // around the callbacks; a failing callback's exception replaces it, same handler).
        fireIfListened(entry.target() * 2, ExceptionEvents.RAISE, byteOffset, b.iconst(Type.I64, 0));
        for (int k = depth - 1; k >= entry.depth(); k--) {
            xdecref(slot(k));
        }
        int top = entry.depth();
        if (entry.lasti()) {
            Value lasti = call(P_OF_P, CSymbol.LONG_FROM_LONG, unit);
            Block boxed = b.createBlock();
            Block failed = b.createBlock();
            b.brif(b.icmpImm(IntCC.EQ, lasti, 0), failed, boxed);
            b.switchToBlock(failed);
            returnError(top);
            b.switchToBlock(boxed);
            b.store(lasti, frame, stackOffset(top));
            top++;
        }
        Value exception = call(P_OF_NOTHING, CSymbol.GET_RAISED_EXCEPTION);
        b.store(exception, frame, stackOffset(top));
        // monitor_handled: EXCEPTION_HANDLED at the handler with the pushed exception. A failing
        // callback makes 3.12 unwind again from the unit before the handler, without a traceback
        // entry or RAISE event, which a body cannot ask of the interpreter: the frame is left to
        // the interpreter's unwinding with the callback's exception (see docs/pyjit-jit.md §5).
        Value failed = fireIfListened(entry.target() * 2, ExceptionEvents.EXCEPTION_HANDLED,
                b.iconst(Type.I64, 2L * entry.target()), exception);
        Block handled = b.createBlock();
        Block unhandled = b.createBlock();
        b.brif(failed, unhandled, handled);
        b.switchToBlock(unhandled);
        for (int k = entry.handlerDepth() - 1; k >= 0; k--) {
            xdecref(slot(k));
        }
        returnError(0);
        b.switchToBlock(handled);
        // The handler runs compiled from here (its first instruction not compiled: an exit there),
        // unless a tool started listening (a callee called sys.settrace, then raised): then the
        // interpreter runs it, firing its LINE and other events.
        instrumentationCheck(entry.target(), entry.handlerDepth());
        b.jump(segment(entry.target()));
    }

    /**
     * Fires an exception event as 3.12's interpreter does, if some tool listens: an inline test of
     * the event's tool set, and only then a call of the shared {@link ExceptionEvents#helper}.
     *
     * @param site the byte offset the statistics count the event at
     * @param event {@link ExceptionEvents#RAISE} or {@link ExceptionEvents#EXCEPTION_HANDLED}
     * @param byteOffset the offset the callbacks receive (an i64)
     * @param exception the exception argument (borrowed), or 0: the raised one, taken out and set
     *     again unless a callback fails
     * @return an i32 value, non-zero iff a callback failed (its exception is then set)
     */
    private Value fireIfListened(int site, int event, Value byteOffset, Value exception) {
        Block listened = b.createBlock();
        Block after = b.createBlock();
        Value failed = b.appendBlockParam(after, Type.I32);
        Value tools = ExceptionEvents.listeners(b, layout, interp, event);
        b.brif(b.icmpImm(IntCC.EQ, tools, 0), after, List.of(b.iconst(Type.I32, 0)), listened, List.of());
        b.switchToBlock(listened);
        countSite(new ExitSite(site, ExitReason.EXCEPTION_EVENT, ExceptionEvents.name(event)));
        Value err = b.callIndirect(ExceptionEvents.HELPER, b.iconst(Type.I64, exceptionEvents), tstate,
                b.iconst(Type.I64, code.address()), b.iconst(Type.I64, event), byteOffset, exception).get(0);
        b.jump(after, err);
        b.switchToBlock(after);
        return failed;
    }

    void countSite(ExitSite site) {
        bump(siteOffset(site), 1);
    }

    /** The offset of a site's counter in the counter block; the site is numbered on first use. */
    private int siteOffset(ExitSite site) {
        Integer k = sites.get(site);
        if (k == null) {
            if (sites.size() >= counterCapacity) {
                throw new IllegalStateException("more exit sites than the counter block holds");
            }
            k = sites.size();
            sites.put(site, k);
        }
        return BodyCounters.siteOffset(k);
    }

    /** The address of a site's counter. */
    private long siteCounter(ExitSite site) {
        return counters + siteOffset(site);
    }

    /**
     * Adds to a counter of the body's block, only under {@code PYJIT_STATS} (nothing but the
     * statistics reads them; an exit's own count, in its shared tail, is always kept).
     */
    void bump(int offset, long by) {
        if (by != 0 && countInstructions) {
            b.store(b.iaddImm(b.load(Type.I64, counterBase, offset), by), counterBase, offset);
        }
    }

    private Value call(Signature sig, CSymbol f, Value... args) {
        List<Value> r = b.callIndirect(sig, constant(f), args);
        return r.isEmpty() ? null : r.get(0);
    }

    Value constant(CSymbol s) {
        return b.iconst(Type.I64, symbols.address(s));
    }

    Value type(Value o) {
        return b.load(Type.I64, o, layout.object().type());
    }

    private void setStackTop(int depth) {
        b.store(b.iconst(Type.I32, code.nLocalsPlus() + depth), frame, layout.frame().stackTop());
    }

    void setPrevInstr(Instruction i) {
        b.store(b.iconst(Type.I64, code.unitAddress(i.index())), frame, layout.frame().instructionPointer());
    }

    int localOffset(int n) {
        return layout.frame().localsPlus() + 8 * n;
    }

    int stackOffset(int d) {
        return localOffset(code.nLocalsPlus() + d);
    }

    Value local(int n) {
        return b.load(Type.I64, frame, localOffset(n));
    }

    Value slot(int d) {
        return b.load(Type.I64, frame, stackOffset(d));
    }

    /** 3.12 {@code Py_INCREF} ({@link RefCounts#incref}). */
    Value incref(Value o) {
        return RefCounts.incref(b, layout, o);
    }

    /**
     * A new reference to an object the code object holds (a constant or a name, alive while it
     * is): none taken for an immortal one, whose {@code Py_INCREF} changes nothing.
     */
    Value constantReference(long object) {
        Value v = b.iconst(Type.I64, object);
        return immortal(object) ? v : incref(v);
    }

    /**
     * Whether an object (alive) is immortal: the low 32 bits of {@code ob_refcnt} negative (3.12,
     * facts §1a). Read at compile time, even without the GIL: only finalization makes an immortal
     * object mortal again, and an object that becomes immortal later is only treated as mortal.
     */
    boolean immortal(long object) {
        return MEMORY.getInt(object + layout.object().refcnt()) < 0;
    }

    /** Continues in a new block if {@code condition} holds, else jumps to {@code otherwise}. */
    void guard(Value condition, Block otherwise) {
        Block next = b.createBlock();
        b.brif(condition, next, otherwise);
        b.switchToBlock(next);
    }

    /** {@code _Py_Dealloc(o)}: what {@code Py_DECREF} calls when the count reaches 0. */
    void dealloc(Value o) {
        b.callIndirect(VOID_OF_P, constant(CSymbol.DEALLOC), o);
    }

    /** 3.12 {@code Py_DECREF}: immortal when the low half is negative; {@code _Py_Dealloc} at 0. */
    void decref(Value o) {
        Block done = b.createBlock();
        decref(o, done);
        b.switchToBlock(done);
    }

    /** {@link #decref(Value)}, ending the current block: every path continues at {@code done}. */
    private void decref(Value o, Block done) {
        Block dealloc = b.createBlock();
        b.setCold(dealloc);
        Value count = lowerMortalCount(o, done);
        b.brif(b.icmpImm(IntCC.EQ, count, 0), dealloc, done);
        b.switchToBlock(dealloc);
        b.callIndirect(VOID_OF_P, constant(CSymbol.DEALLOC), o);
        b.jump(done);
    }

    /**
     * The first half of 3.12's {@code Py_DECREF}: an immortal object (low half negative) goes to
     * {@code immortal}; otherwise the count is lowered in a new current block, which is left open.
     *
     * @return the lowered count
     */
    private Value lowerMortalCount(Value o, Block immortal) {
        Block mortal = b.createBlock();
        b.brif(b.icmpImm(IntCC.SLT, b.load(Type.I32, o, layout.object().refcnt()), 0), immortal, mortal);
        b.switchToBlock(mortal);
        Value count = b.iaddImm(b.load(Type.I64, o, layout.object().refcnt()), -1);
        b.store(count, o, layout.object().refcnt());
        return count;
    }

    /**
     * Lowers a mortal object's count by one and never deallocates: a reference handed to code
     * that takes its own before anything else sees the object (a call's operands, see CALL).
     */
    void dropWithoutDealloc(Value o) {
        Block done = b.createBlock();
        dropWithoutDealloc(o, done);
        b.switchToBlock(done);
    }

    /** {@link #dropWithoutDealloc(Value)}, ending the current block at {@code done}. */
    private void dropWithoutDealloc(Value o, Block done) {
        lowerMortalCount(o, done);
        b.jump(done);
    }

    /** 3.12 {@code Py_XDECREF}: nothing for NULL. */
    void xdecref(Value o) {
        ifNotNull(o, this::decref);
    }

    /** {@link #dropWithoutDealloc(Value)}, nothing for NULL. */
    void xdropWithoutDealloc(Value o) {
        ifNotNull(o, this::dropWithoutDealloc);
    }

    /**
     * Emits {@code emit(o, done)} only when {@code o} is not NULL; {@code emit} ends its blocks
     * at {@code done}, where the builder continues.
     */
    private void ifNotNull(Value o, BiConsumer<Value, Block> emit) {
        Block some = b.createBlock();
        Block done = b.createBlock();
        b.brif(b.icmpImm(IntCC.EQ, o, 0), done, some);
        b.switchToBlock(some);
        emit.accept(o, done);
        b.switchToBlock(done);
    }
}
