package org.pyjit.python.compile;

import java.util.List;
import org.pyjit.ir.Block;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.IntCC;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Signature;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;
import org.pyjit.python.layout.CPythonLayout;

/**
 * A call made straight into the callee's compiled body: the caller pushes the callee's frame on
 * the thread's data stack as 3.12's {@code _PyFrame_PushUnchecked} and {@code _PyFrame_Initialize}
 * do, links it as the current frame, and calls the body. This skips {@code PyObject_Vectorcall},
 * a new {@code _PyEval_EvalFrameDefault} and the {@code PY_START} callback, which together made a
 * compiled call cost twice python's inlined one.
 *
 * <p>Every function body gets a <em>call stub</em> ({@link #stub}), compiled in its module and
 * published in the code's state: the push specialised to the code's {@link FrameShape} (argument
 * count, locals, free variables, cells, frame size are constants; the prologue before the RESUME
 * where bodies start, MAKE_CELL's cells and COPY_FREE_VARS's free variables, is done here), the
 * body's call, and the return. Two kinds of callers use it: a compiled CALL that the
 * specialising interpreter turned into {@code CALL_PY_EXACT_ARGS} ({@link #emit}: any function
 * whose code has a stub, so a polymorphic site calls each directly), and C code through the
 * function's {@code vectorcall} slot ({@link VectorcallEntry}).
 *
 * <p>Taken only when all of these hold, else the generic vectorcall runs (the interpreter then
 * does everything, events included):
 * <ol>
 *   <li>the callable is a function whose code's state has a stub: its code has a compiled body
 *       and is the specialiser's SIMPLE_FUNCTION (no {@code *args}, {@code **kwargs} or
 *       keyword-only parameters), not a generator or coroutine; it takes exactly the positional
 *       arguments given (self included in the method form);
 *   <li>the monitoring gate of the {@code PY_START} callback: the code's instrumentation is
 *       current and no tool but ours has events, globally or for the code, so no event can be
 *       missed (the body itself leaves if that changes while it runs); no PEP 523 frame evaluator;
 *   <li>{@code py_recursion_remaining > 1} (else the interpreter raises RecursionError), and the
 *       frame fits in the current data-stack chunk above its first word (so popping it never
 *       frees a chunk, which only {@code _PyThreadState_PopFrame} may do).
 * </ol>
 *
 * <p>After the body: if it left at {@code RETURN_VALUE}/{@code RETURN_CONST} and no frame
 * object was made for the frame, the stub finishes the return as 3.12's
 * {@code clear_thread_frame} does (unlink, clear the slots in order, release function and code,
 * pop). Otherwise (a deoptimisation, an exception, a frame object to hand its data to) the frame
 * is handed to {@code _PyEval_EvalFrameDefault(tstate, frame, throwflag)}, which resumes exactly
 * where the body left (facts §3), finishes the call and pops the frame. The recursion charge is
 * the interpreter's: one unit of {@code py_recursion_remaining} while the body runs, given back
 * before the interpreter takes over (it charges its own).
 */
final class DirectCall {

    /** {@code _PyStackChunk.data} (internal/pycore_pystate.h... cpython/pystate.h). */
    private static final int CHUNK_DATA = 24;
    /** {@code PyThreadState.datastack_chunk}: the word before {@code datastack_top}. */
    private static final int CHUNK_BEFORE_TOP = 8;
    /** {@code PyTupleObject.ob_item}. */
    private static final int TUPLE_ITEMS = 24;
    /** {@code _PyCodeObjectExtra.ce_size} and {@code ce_extras[0]} (internal/pycore_code.h). */
    private static final int EXTRA_SIZE = 0;
    private static final int EXTRA_SLOTS = 8;
    private static final Signature BODY = Signature.of(Type.I64, Type.I64, Type.I64);
    private static final Signature EVAL_FRAME = Signature.of(Type.I64, Type.I64, Type.I64, Type.I32);
    private static final Signature P_OF_P = Signature.of(Type.I64, Type.I64);

    /**
     * A call stub: {@code i64 (tstate, caller frame, callable, args, i32 nargs, i32 borrowed)},
     * returning the result, NULL with an exception set, or {@link #NOT_TAKEN}.
     */
    static final Signature CALL = Signature.of(Type.I64, Type.I64, Type.I64, Type.I64, Type.I64, Type.I32, Type.I32);
    /** A stub's answer when a guard failed: nothing was consumed; never an object's address. */
    static final long NOT_TAKEN = 1;

    private final FunctionBuilder b;
    private final CPythonLayout layout;
    private final NativeSymbols symbols;
    private final BodyLookup lookup;
    private final FrameShape shape;
    private final long code;
    private final Value ts;
    private final Value caller;
    private final Value interp;

    private DirectCall(FunctionBuilder b, CPythonLayout layout, NativeSymbols symbols, BodyLookup lookup,
                       FrameShape shape, long code, Value ts, Value caller) {
        this.b = b;
        this.layout = layout;
        this.symbols = symbols;
        this.lookup = lookup;
        this.shape = shape;
        this.code = code;
        this.ts = ts;
        this.caller = caller;
        this.interp = b.load(Type.I64, ts, layout.threadState().interp());
    }

    /**
     * The call site in a body: the callee's stub, then {@code generic} (nothing consumed: the
     * vectorcall path runs) or {@code done} with the call's result (NULL with an exception set),
     * every stack operand from the method slot up consumed.
     *
     * @param t the body's translator
     * @param lookup where stubs are found
     * @param callable the function (the method slot in the method form, else the callable slot)
     * @param isMethod whether the method slot is set (then self, the callable slot, is argument 0)
     * @param args the first argument's stack slot (self's in the method form)
     * @param positional the arguments after the callable slot
     * @param byteOffset the CALL's offset, for the statistics' direct-call counter
     */
    static void emit(Translator t, FunctionBuilder b, BodyLookup lookup, Value callable, Value isMethod, Value args,
                     int positional, int byteOffset, Block generic, Block done) {
        Value stub = stubOf(b, t.layout(), t.symbols(), lookup, callable, generic);
        Value nargs = b.select(isMethod, b.iconst(Type.I32, positional + 1), b.iconst(Type.I32, positional));
        Value result = b.callIndirect(CALL, stub, t.tstate(), t.frame(), callable, args, nargs,
                b.iconst(Type.I32, 0)).get(0);
        Block taken = b.createBlock();
        b.brif(b.icmpImm(IntCC.EQ, result, NOT_TAKEN), generic, taken);
        b.switchToBlock(taken);
        t.countSite(new ExitSite(byteOffset, ExitReason.DIRECT_CALL, ""));
        b.jump(done, result);
    }

    /**
     * The stub of a callable's code: the callable is a function whose code's state has one;
     * otherwise {@code missing}.
     */
    static Value stubOf(FunctionBuilder b, CPythonLayout layout, NativeSymbols symbols, BodyLookup lookup,
                        Value callable, Block missing) {
        UnicodeKeys.require(b, b.icmp(IntCC.EQ, b.load(Type.I64, callable, layout.object().type()),
                symbols.constant(b, CSymbol.FUNCTION_TYPE)), missing);
        Value state = state(b, layout, lookup, b.load(Type.I64, callable, layout.function().code()), missing);
        Value stub = b.load(Type.I64, state, lookup.callOffset());
        UnicodeKeys.require(b, b.icmpImm(IntCC.NE, stub, 0), missing);
        return stub;
    }

    /**
     * A body's call stub ({@link #CALL}), compiled in the body's module: the guards that depend on
     * the moment, the push specialised to the code's {@link FrameShape}, the body's call and the
     * return (see the class comment). With {@code borrowed} non-zero the caller keeps its
     * references (a vectorcall's arguments): the frame takes new ones once every guard held.
     *
     * @param name the stub's symbol
     * @param body the body's symbol (same module)
     * @param shape the code's frame shape ({@link FrameShape#directlyCallable()})
     * @param code the code object's address (alive while the stub is: both die with it)
     * @param layout the running CPython's offsets
     * @param symbols the C-API addresses
     * @param lookup where the code's state is
     * @return the stub
     */
    static IrFunction stub(String name, String body, FrameShape shape, long code, CPythonLayout layout,
                           NativeSymbols symbols, BodyLookup lookup) {
        if (!shape.directlyCallable()) {
            throw new IllegalArgumentException("not callable directly: flags " + shape.flags());
        }
        return FunctionBuilder.build(name, CALL, b -> {
            Block entry = b.createBlock();
            List<Value> params = b.appendEntryParams(entry);
            b.switchToBlock(entry);
            Block done = b.createBlock();
            Value result = b.appendBlockParam(done, Type.I64);
            Block notTaken = b.createBlock();
            new DirectCall(b, layout, symbols, lookup, shape, code, params.get(0), params.get(1))
                    .call(body, params.get(2), params.get(3), params.get(4), params.get(5), notTaken, done);
            b.switchToBlock(notTaken);
            b.ret(b.iconst(Type.I64, NOT_TAKEN));
            b.switchToBlock(done);
            b.ret(result);
        });
    }

    private void call(String body, Value callable, Value args, Value nargs, Value borrowed, Block generic,
                      Block done) {
        CPythonLayout.FrameLayout f = layout.frame();
        int n = shape.nLocalsPlus();
        int argCount = shape.argCount();
        int firstFree = n - shape.nFreeVars();
        Value codeObject = b.iconst(Type.I64, code);
        // 1. the arguments: exactly the code's positional parameters (its kind, SIMPLE_FUNCTION
        // and not resumable, is known)
        guard(b.icmpImm(IntCC.EQ, nargs, argCount), generic);
        // 2. the monitoring gate and PEP 523
        guard(b.icmp(IntCC.EQ, b.load(Type.I64, codeObject, layout.code().instrumentationVersion()),
                b.load(Type.I64, interp, layout.interpreter().monitoringVersion())), generic);
        guard(b.icmpImm(IntCC.EQ, ToolSets.otherTools(b, layout, interp, layout.monitoring().interpreterMonitors()),
                0), generic);
        Value monitoring = b.load(Type.I64, codeObject, layout.code().monitoring());
        Block localTools = b.createBlock();
        Block alone = b.createBlock();
        b.brif(b.icmpImm(IntCC.EQ, monitoring, 0), alone, localTools);
        b.switchToBlock(localTools);
        guard(b.icmpImm(IntCC.EQ, ToolSets.otherTools(b, layout, monitoring, layout.monitoring().localMonitors()), 0),
                generic);
        b.jump(alone);
        b.switchToBlock(alone);
        guard(b.icmpImm(IntCC.EQ, b.load(Type.I64, interp, layout.interpreter().evalFrame()), 0), generic);
        // 3. recursion and room
        int remainingOffset = layout.threadState().pyRecursionRemaining();
        Value remaining = b.load(Type.I32, ts, remainingOffset);
        guard(b.icmpImm(IntCC.SGT, remaining, 1), generic);
        int topOffset = layout.threadState().datastackTop();
        Value top = b.load(Type.I64, ts, topOffset);
        Value newTop = b.iaddImm(top, 8L * shape.frameSize());
        guard(b.icmp(IntCC.ULE, newTop, b.load(Type.I64, ts, layout.threadState().datastackLimit())), generic);
        Value chunk = b.load(Type.I64, ts, topOffset - CHUNK_BEFORE_TOP);
        guard(b.icmp(IntCC.NE, top, b.iaddImm(chunk, CHUNK_DATA)), generic);

        Block owned = b.createBlock();
        Block borrowing = b.createBlock();
        b.brif(b.icmpImm(IntCC.EQ, borrowed, 0), owned, borrowing);
        b.switchToBlock(borrowing);
        incref(callable);
        for (int k = 0; k < argCount; k++) {
            incref(b.load(Type.I64, args, 8 * k));
        }
        b.jump(owned);
        b.switchToBlock(owned);
        // The push: _PyFrame_PushUnchecked + _PyFrame_Initialize. The frame takes the references
        // to the function and the arguments.
        Value callee = top;
        b.store(newTop, ts, topOffset);
        b.store(incref(codeObject), callee, f.code());
        b.store(callable, callee, f.funcObj());
        b.store(b.load(Type.I64, callable, layout.function().globals()), callee, f.globals());
        b.store(b.load(Type.I64, callable, layout.function().builtins()), callee, f.builtins());
        Value zero = b.iconst(Type.I64, 0);
        b.store(zero, callee, f.locals());
        b.store(zero, callee, f.frameObj());
        b.store(b.iconst(Type.I64, code + layout.code().codeAdaptive() - 2), callee, f.instructionPointer());
        b.store(b.iconst(Type.I32, n), callee, f.stackTop());
        b.store(b.iconst(Type.I16, 0), callee, f.returnOffset());
        b.store(b.iconst(Type.I8, 0), callee, f.owner());
        for (int k = 0; k < argCount; k++) {
            b.store(b.load(Type.I64, args, 8 * k), callee, slot(k));
        }
        for (int k = argCount; k < firstFree; k++) {
            b.store(zero, callee, slot(k));
        }
        // COPY_FREE_VARS: the free variables are the last slots, the closure's cells in order.
        if (shape.nFreeVars() > 0) {
            Value closure = b.load(Type.I64, callable, layout.function().closure());
            for (int k = 0; k < shape.nFreeVars(); k++) {
                b.store(incref(b.load(Type.I64, closure, TUPLE_ITEMS + 8 * k)), callee, slot(firstFree + k));
            }
        }
        makeCells(callee, done);
        // Link and charge as the interpreter's start_frame.
        CPythonLayout.CurrentFrameAccess.ViaCFrame via = viaCFrame(layout);
        b.store(caller, callee, f.previous());
        b.store(callee, b.load(Type.I64, ts, via.cframe()), via.currentFrame());
        b.store(b.iaddImm(remaining, -1), ts, remainingOffset);
        Value state = b.load(Type.I64, b.load(Type.I64, codeObject, layout.code().extra()),
                EXTRA_SLOTS + 8 * (int) lookup.extraIndex());
        b.store(b.iaddImm(b.load(Type.I64, state, lookup.enteredOffset()), 1), state, lookup.enteredOffset());

        Value ok = b.call(body, BODY, callee, ts).get(0);

        b.store(caller, b.load(Type.I64, ts, via.cframe()), via.currentFrame());
        b.store(b.iaddImm(b.load(Type.I32, ts, remainingOffset), 1), ts, remainingOffset);
        Block raised = b.createBlock();
        b.setCold(raised);
        Block left = b.createBlock();
        b.brif(b.icmpImm(IntCC.EQ, ok, 0), raised, left);

        b.switchToBlock(raised);
        b.jump(done, resume(callee, 1));

        b.switchToBlock(left);
        Block interpreter = b.createBlock();
        b.setCold(interpreter);
        Block noFrameObject = b.createBlock();
        b.brif(b.icmpImm(IntCC.EQ, b.load(Type.I64, callee, f.frameObj()), 0), noFrameObject, interpreter);
        b.switchToBlock(noFrameObject);
        // A body leaves prev_instr AT the instruction to run next (the jump convention of 3.12's
        // instrumentation callbacks, see Translator#leaveAt).
        Value at = b.load(Type.I64, callee, f.instructionPointer());
        Value opcode = b.convert(Opcode.UEXTEND, Type.I32, b.load(Type.I8, at, 0));
        Block returnValue = b.createBlock();
        Block notValue = b.createBlock();
        Block returnConst = b.createBlock();
        Block returned = b.createBlock();
        Value result = b.appendBlockParam(returned, Type.I64);
        Value live = b.appendBlockParam(returned, Type.I64);
        b.brif(b.icmpImm(IntCC.EQ, opcode, layout.opcodes().number(org.pyjit.python.layout.Opcode.RETURN_VALUE)),
                returnValue, notValue);
        b.switchToBlock(notValue);
        b.brif(b.icmpImm(IntCC.EQ, opcode, layout.opcodes().number(org.pyjit.python.layout.Opcode.RETURN_CONST)),
                returnConst, interpreter);
        b.switchToBlock(returnValue);
        // RETURN_VALUE: the value is the last stack item.
        Value stackTop = b.convert(Opcode.SEXTEND, Type.I64, b.load(Type.I32, callee, f.stackTop()));
        b.jump(returned, b.load(Type.I64, element(callee, stackTop), f.localsPlus() - 8), b.iaddImm(stackTop, -1));
        b.switchToBlock(returnConst);
        Value oparg = b.convert(Opcode.UEXTEND, Type.I64, b.load(Type.I8, at, 1));
        Value consts = b.load(Type.I64, codeObject, layout.code().consts());
        Value constant = b.load(Type.I64, element(consts, oparg), TUPLE_ITEMS);
        b.jump(returned, incref(constant),
                b.convert(Opcode.SEXTEND, Type.I64, b.load(Type.I32, callee, f.stackTop())));
        // clear_thread_frame: the frame is no longer current (unlinked above); its slots in order
        // (_PyFrame_ClearExceptCode), the function, the code, then the pop (datastack_top back to
        // the frame). The locals are known; stack items left under a return (none, as 3.12's
        // compiler emits returns) are released by a loop.
        b.switchToBlock(returned);
        for (int k = 0; k < n; k++) {
            RefCounts.xdecref(b, layout, symbols, b.load(Type.I64, callee, slot(k)));
        }
        Block head = b.createBlock();
        Value k = b.appendBlockParam(head, Type.I64);
        Block release = b.createBlock();
        Block released = b.createBlock();
        b.jump(head, b.iconst(Type.I64, n));
        b.switchToBlock(head);
        b.brif(b.icmp(IntCC.SLT, k, live), release, released);
        b.switchToBlock(release);
        RefCounts.xdecref(b, layout, symbols, b.load(Type.I64, element(callee, k), f.localsPlus()));
        b.jump(head, b.iaddImm(k, 1));
        b.switchToBlock(released);
        RefCounts.decref(b, layout, symbols, callable);
        RefCounts.decref(b, layout, symbols, codeObject);
        b.store(callee, ts, topOffset);
        b.jump(done, result);

        b.switchToBlock(interpreter);
        // _PyEval_EvalFrameDefault runs prev_instr + 1 next: step back from the jump convention.
        b.store(b.iaddImm(b.load(Type.I64, callee, f.instructionPointer()), -2), callee, f.instructionPointer());
        b.jump(done, resume(callee, 0));
    }

    /** Continues the callee in the interpreter where its body left; returns its result or NULL. */
    private Value resume(Value callee, int throwflag) {
        return b.callIndirect(EVAL_FRAME, symbols.constant(b, CSymbol.EVAL_FRAME_DEFAULT), ts, callee,
                b.iconst(Type.I32, throwflag)).get(0);
    }

    /** The frame offset of slot {@code k} of {@code localsplus}. */
    private int slot(int k) {
        return layout.frame().localsPlus() + 8 * k;
    }

    /** {@code base + 8 * k}: the k-th word of an array at {@code base} (an offset is added by the load). */
    private Value element(Value base, Value k) {
        return b.iadd(base, b.binaryImm(Opcode.ISHL_IMM, k, 3));
    }

    /**
     * The prologue's MAKE_CELLs, one per cell slot in slot order (unit {@code j} is the
     * {@code j}-th): the slot's value (an argument, or NULL) goes into a new cell that replaces
     * it. If {@code PyCell_New} fails at the {@code j}-th cell, the frame goes to the interpreter
     * with the exception at that MAKE_CELL, as its {@code resume_with_error} would raise it; the
     * cells made so far are the frame's and are released with it.
     */
    private void makeCells(Value frame, Block done) {
        List<Integer> cells = shape.cellSlots();
        for (int j = 0; j < cells.size(); j++) {
            int offset = slot(cells.get(j));
            Value initial = b.load(Type.I64, frame, offset);
            Value created = b.callIndirect(P_OF_P, symbols.constant(b, CSymbol.CELL_NEW), initial).get(0);
            Block failed = b.createBlock();
            b.setCold(failed);
            Block ok = b.createBlock();
            b.brif(b.icmpImm(IntCC.EQ, created, 0), failed, ok);
            b.switchToBlock(failed);
            b.store(b.iconst(Type.I64, code + layout.code().codeAdaptive() + 2L * j), frame,
                    layout.frame().instructionPointer());
            b.jump(done, resume(frame, 1));
            b.switchToBlock(ok);
            b.store(created, frame, offset);
            RefCounts.xdecref(b, layout, symbols, initial);
        }
    }

    private void guard(Value condition, Block otherwise) {
        UnicodeKeys.require(b, condition, otherwise);
    }

    private Value incref(Value o) {
        return RefCounts.incref(b, layout, o);
    }

    /** How 3.12 reaches the current frame: {@code tstate->cframe->current_frame}. */
    static CPythonLayout.CurrentFrameAccess.ViaCFrame viaCFrame(CPythonLayout layout) {
        if (!(layout.threadState().currentFrame() instanceof CPythonLayout.CurrentFrameAccess.ViaCFrame via)) {
            throw new IllegalStateException("current frame not reached through cframe (not 3.12)");
        }
        return via;
    }

    /** A code object's pyjit state, {@code co_extra[index]}; none goes to {@code missing}. */
    static Value state(FunctionBuilder b, CPythonLayout layout, BodyLookup lookup, Value code, Block missing) {
        Value extra = b.load(Type.I64, code, layout.code().extra());
        UnicodeKeys.require(b, b.icmpImm(IntCC.NE, extra, 0), missing);
        UnicodeKeys.require(b, b.icmpImm(IntCC.UGT, b.load(Type.I64, extra, EXTRA_SIZE), lookup.extraIndex()), missing);
        Value state = b.load(Type.I64, extra, EXTRA_SLOTS + 8 * (int) lookup.extraIndex());
        UnicodeKeys.require(b, b.icmpImm(IntCC.NE, state, 0), missing);
        return state;
    }
}
