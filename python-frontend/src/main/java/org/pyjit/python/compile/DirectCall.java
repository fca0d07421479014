package org.pyjit.python.compile;

import java.util.List;
import org.pyjit.ir.Block;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.IntCC;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Signature;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;
import org.pyjit.python.layout.CPythonLayout;

/**
 * A CALL that the specialising interpreter turned into {@code CALL_PY_EXACT_ARGS}, made from
 * compiled code straight into the callee's compiled body: the caller pushes the callee's frame
 * on the thread's data stack as 3.12's {@code _PyFrame_PushUnchecked} and
 * {@code _PyFrame_Initialize} do, links it as the current frame, and calls the body. This skips
 * {@code PyObject_Vectorcall}, a new {@code _PyEval_EvalFrameDefault} and the {@code PY_START}
 * callback, which together made a compiled call cost twice python's inlined one.
 *
 * <p>Taken only when all of these hold, else the generic vectorcall runs (the interpreter then
 * does everything, events included):
 * <ol>
 *   <li>the callable is a function whose {@code func_version} is the cached one, or another
 *       whose code has no {@code *args}, {@code **kwargs} or keyword-only parameters (the
 *       specialiser's SIMPLE_FUNCTION, tested at run time: a polymorphic site calls every such
 *       function directly), and whose code takes exactly the positional arguments given (self
 *       included in the method form) and is not a generator or coroutine (the prologue before the
 *       RESUME where bodies start is done here: MAKE_CELL's cells made, COPY_FREE_VARS's free
 *       variables copied);
 *   <li>its code object has a compiled body ({@code co_extra[index]} state's entry word);
 *   <li>the monitoring gate of the {@code PY_START} callback: the code's instrumentation is
 *       current and no tool but ours has events, globally or for the code, so no event can be
 *       missed (the body itself leaves if that changes while it runs); no PEP 523 frame evaluator;
 *   <li>{@code py_recursion_remaining > 1} (else the interpreter raises RecursionError), and the
 *       frame fits in the current data-stack chunk above its first word (so popping it never
 *       frees a chunk, which only {@code _PyThreadState_PopFrame} may do).
 * </ol>
 *
 * <p>After the body: if it left at {@code RETURN_VALUE}/{@code RETURN_CONST} and no frame
 * object was made for the frame, the caller finishes the return as 3.12's
 * {@code clear_thread_frame} does (unlink, clear the slots, release function and code, pop).
 * Otherwise (a deoptimisation, an exception, a frame object to hand its data to) the frame is
 * handed to {@code _PyEval_EvalFrameDefault(tstate, frame, throwflag)}, which resumes exactly
 * where the body left (facts §3), finishes the call and pops the frame. The recursion charge is
 * the interpreter's: one unit of {@code py_recursion_remaining} while the body runs, given back
 * before the interpreter takes over (it charges its own).
 */
final class DirectCall {

    /** {@code PyFunctionObject} (Include/cpython/funcobject.h, 3.12): checked by a probe. */
    private static final int FUNCTION_GLOBALS = 16;
    private static final int FUNCTION_BUILTINS = 24;
    private static final int FUNCTION_CODE = 48;
    private static final int FUNCTION_VERSION = 136;
    /** {@code _PyStackChunk.data} (internal/pycore_pystate.h... cpython/pystate.h). */
    private static final int CHUNK_DATA = 24;
    /** {@code PyThreadState.datastack_chunk}: the word before {@code datastack_top}. */
    private static final int CHUNK_BEFORE_TOP = 8;
    /** {@code PyTupleObject.ob_item}. */
    private static final int TUPLE_ITEMS = 24;
    /** {@code PyBytesObject.ob_sval} ({@code co_localspluskinds} is a bytes object). */
    private static final int BYTES_DATA = 32;
    /** {@code CO_FAST_CELL} (internal/pycore_code.h): a slot MAKE_CELL turns into a cell. */
    private static final int CO_FAST_CELL = 0x40;
    /** {@code CO_VARARGS | CO_VARKEYWORDS}. */
    private static final int VARIADIC_FLAGS = 0x04 | 0x08;
    /** {@code CO_GENERATOR | CO_COROUTINE | CO_ITERABLE_COROUTINE | CO_ASYNC_GENERATOR}. */
    private static final int RESUMABLE_FLAGS = 0x20 | 0x80 | 0x100 | 0x200;
    /** {@code _PyCodeObjectExtra.ce_size} and {@code ce_extras[0]} (internal/pycore_code.h). */
    private static final int EXTRA_SIZE = 0;
    private static final int EXTRA_SLOTS = 8;
    private static final Signature BODY = Signature.of(Type.I64, Type.I64, Type.I64);
    private static final Signature EVAL_FRAME = Signature.of(Type.I64, Type.I64, Type.I64, Type.I32);

    private final Translator t;
    private final FunctionBuilder b;
    private final CPythonLayout layout;
    private final BodyLookup lookup;

    DirectCall(Translator t, FunctionBuilder b, BodyLookup lookup) {
        this.t = t;
        this.b = b;
        this.layout = t.layout();
        this.lookup = lookup;
    }

    /**
     * Emits the guards and the direct call. Control leaves the current block either to
     * {@code generic} (nothing consumed: the vectorcall path runs) or to {@code done} with the
     * call's result (NULL with an exception set), every stack operand from the method slot up
     * consumed.
     *
     * @param callable the function (the method slot in the method form, else the callable slot)
     * @param isMethod whether the method slot is set (then self, the callable slot, is argument 0)
     * @param firstArgSlot the callable slot's stack index ({@code c})
     * @param positional the arguments after the callable slot
     * @param funcVersion the cached {@code func_version}
     * @param byteOffset the CALL's offset, for the statistics' direct-call counter
     */
    void emit(Value callable, Value isMethod, int firstArgSlot, int positional, long funcVersion, int byteOffset,
              Block generic, Block done) {
        Value ts = t.tstate();
        Value interp = t.interp();
        // 1. the callee
        t.guard(b.icmp(IntCC.EQ, t.type(callable), t.constant(CSymbol.FUNCTION_TYPE)), generic);
        Value code = b.load(Type.I64, callable, FUNCTION_CODE);
        // The cached function, or another at a polymorphic site (a method of several classes, a
        // callable in a variable) that passes the specialiser's SIMPLE_FUNCTION test: no *args,
        // no **kwargs, no keyword-only parameters. Everything else about the callee is read from
        // it below, so the direct call is the same for any simple function.
        Block simple = b.createBlock();
        Block function = b.createBlock();
        b.brif(b.icmpImm(IntCC.EQ, b.load(Type.I32, callable, FUNCTION_VERSION), (int) funcVersion), function, simple);
        b.switchToBlock(simple);
        t.guard(b.icmpImm(IntCC.EQ, b.binaryImm(Opcode.BAND_IMM, b.load(Type.I32, code, layout.code().flags()),
                VARIADIC_FLAGS), 0), generic);
        t.guard(b.icmpImm(IntCC.EQ, b.load(Type.I32, code, layout.code().kwOnlyArgCount()), 0), generic);
        b.jump(function);
        b.switchToBlock(function);
        Value nargs = b.select(isMethod, b.iconst(Type.I32, positional + 1), b.iconst(Type.I32, positional));
        t.guard(b.icmp(IntCC.EQ, b.load(Type.I32, code, layout.code().argCount()), nargs), generic);
        t.guard(b.icmpImm(IntCC.EQ, b.binaryImm(Opcode.BAND_IMM, b.load(Type.I32, code, layout.code().flags()),
                RESUMABLE_FLAGS), 0), generic);
        // 2. its body
        Value extra = b.load(Type.I64, code, layout.code().extra());
        t.guard(b.icmpImm(IntCC.NE, extra, 0), generic);
        t.guard(b.icmpImm(IntCC.UGT, b.load(Type.I64, extra, EXTRA_SIZE), lookup.extraIndex()), generic);
        Value state = b.load(Type.I64, extra, EXTRA_SLOTS + 8 * (int) lookup.extraIndex());
        t.guard(b.icmpImm(IntCC.NE, state, 0), generic);
        Value body = b.load(Type.I64, state, lookup.entryOffset());
        t.guard(b.icmpImm(IntCC.NE, body, 0), generic);
        // 3. the monitoring gate and PEP 523
        t.guard(b.icmp(IntCC.EQ, b.load(Type.I64, code, layout.code().instrumentationVersion()),
                b.load(Type.I64, interp, layout.interpreter().monitoringVersion())), generic);
        t.guard(b.icmpImm(IntCC.EQ, t.otherTools(interp, layout.monitoring().interpreterMonitors()), 0), generic);
        Value monitoring = b.load(Type.I64, code, layout.code().monitoring());
        Block localTools = b.createBlock();
        Block alone = b.createBlock();
        b.brif(b.icmpImm(IntCC.EQ, monitoring, 0), alone, localTools);
        b.switchToBlock(localTools);
        t.guard(b.icmpImm(IntCC.EQ, t.otherTools(monitoring, layout.monitoring().localMonitors()), 0), generic);
        b.jump(alone);
        b.switchToBlock(alone);
        t.guard(b.icmpImm(IntCC.EQ, b.load(Type.I64, interp, layout.interpreter().evalFrame()), 0), generic);
        // 4. recursion and room
        int remainingOffset = layout.threadState().pyRecursionRemaining();
        Value remaining = b.load(Type.I32, ts, remainingOffset);
        t.guard(b.icmpImm(IntCC.SGT, remaining, 1), generic);
        int topOffset = layout.threadState().datastackTop();
        Value top = b.load(Type.I64, ts, topOffset);
        Value size = b.binaryImm(Opcode.ISHL_IMM,
                b.convert(Opcode.SEXTEND, Type.I64, b.load(Type.I32, code, layout.code().frameSize())), 3);
        Value newTop = b.iadd(top, size);
        t.guard(b.icmp(IntCC.ULE, newTop, b.load(Type.I64, ts, layout.threadState().datastackLimit())), generic);
        Value chunk = b.load(Type.I64, ts, topOffset - CHUNK_BEFORE_TOP);
        t.guard(b.icmp(IntCC.NE, top, b.iaddImm(chunk, CHUNK_DATA)), generic);

        t.countSite(new ExitSite(byteOffset, ExitReason.DIRECT_CALL, ""));
        // The push: _PyFrame_PushUnchecked + _PyFrame_Initialize. The frame takes the caller's
        // references to the function and the arguments.
        CPythonLayout.FrameLayout f = layout.frame();
        Value callee = top;
        b.store(newTop, ts, topOffset);
        b.store(t.incref(code), callee, f.code());
        b.store(callable, callee, f.funcObj());
        b.store(b.load(Type.I64, callable, FUNCTION_GLOBALS), callee, f.globals());
        b.store(b.load(Type.I64, callable, FUNCTION_BUILTINS), callee, f.builtins());
        Value zero = b.iconst(Type.I64, 0);
        b.store(zero, callee, f.locals());
        b.store(zero, callee, f.frameObj());
        b.store(b.iaddImm(code, layout.code().codeAdaptive() - 2), callee, f.instructionPointer());
        Value nLocalsPlus = b.load(Type.I32, code, layout.code().nLocalsPlus());
        b.store(nLocalsPlus, callee, f.stackTop());
        b.store(b.iconst(Type.I16, 0), callee, f.returnOffset());
        b.store(b.iconst(Type.I8, 0), callee, f.owner());
        for (int k = 0; k < positional; k++) {
            b.store(b.select(isMethod, t.slot(firstArgSlot + k), t.slot(firstArgSlot + 1 + k)), callee,
                    f.localsPlus() + 8 * k);
        }
        b.store(b.select(isMethod, t.slot(firstArgSlot + positional), zero), callee, f.localsPlus() + 8 * positional);
        // COPY_FREE_VARS: the free variables are the last slots, the closure's cells in order.
        Value freeVars = b.convert(Opcode.SEXTEND, Type.I64, b.load(Type.I32, code, layout.code().nFreeVars()));
        Value firstFree = b.isub(b.convert(Opcode.SEXTEND, Type.I64, nLocalsPlus), freeVars);
        clearLocals(callee, b.convert(Opcode.SEXTEND, Type.I64, nargs), firstFree);
        copyFreeVars(callee, b.load(Type.I64, callable, layout.function().closure()), firstFree, freeVars);
        makeCells(callee, code, firstFree, done);
        // Link and charge as the interpreter's start_frame.
        CPythonLayout.CurrentFrameAccess.ViaCFrame via = t.viaCFrame();
        Value caller = t.frame();
        b.store(caller, callee, f.previous());
        b.store(callee, b.load(Type.I64, ts, via.cframe()), via.currentFrame());
        b.store(b.iaddImm(remaining, -1), ts, remainingOffset);
        b.store(b.iaddImm(b.load(Type.I64, state, lookup.enteredOffset()), 1), state, lookup.enteredOffset());

        Value ok = b.callIndirect(BODY, body, callee, ts).get(0);

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
        // RETURN_VALUE: the value is the only stack item.
        Value stackTop = b.convert(Opcode.SEXTEND, Type.I64, b.load(Type.I32, callee, f.stackTop()));
        Value topSlot = b.iadd(callee, b.binaryImm(Opcode.ISHL_IMM, stackTop, 3));
        b.jump(returned, b.load(Type.I64, topSlot, f.localsPlus() - 8), b.iaddImm(stackTop, -1));
        b.switchToBlock(returnConst);
        Value oparg = b.convert(Opcode.UEXTEND, Type.I64, b.load(Type.I8, at, 1));
        Value consts = b.load(Type.I64, code, layout.code().consts());
        Value constant = b.load(Type.I64, b.iadd(consts, b.binaryImm(Opcode.ISHL_IMM, oparg, 3)), TUPLE_ITEMS);
        b.jump(returned, t.incref(constant),
                b.convert(Opcode.SEXTEND, Type.I64, b.load(Type.I32, callee, f.stackTop())));
        // clear_thread_frame: the frame is no longer current (unlinked above); its slots, then
        // the function and the code, then the pop (datastack_top back to the frame).
        b.switchToBlock(returned);
        releaseSlots(callee, live);
        t.decref(callable);
        t.decref(code);
        b.store(callee, ts, topOffset);
        b.jump(done, result);

        b.switchToBlock(interpreter);
        // _PyEval_EvalFrameDefault runs prev_instr + 1 next: step back from the jump convention.
        b.store(b.iaddImm(b.load(Type.I64, callee, f.instructionPointer()), -2), callee, f.instructionPointer());
        b.jump(done, resume(callee, 0));
    }

    /** Continues the callee in the interpreter where its body left; returns its result or NULL. */
    private Value resume(Value callee, int throwflag) {
        return b.callIndirect(EVAL_FRAME, t.constant(CSymbol.EVAL_FRAME_DEFAULT), t.tstate(), callee,
                b.iconst(Type.I32, throwflag)).get(0);
    }

    /** {@code localsplus[from .. to) = NULL}. */
    private void clearLocals(Value frame, Value from, Value to) {
        Block head = b.createBlock();
        Value k = b.appendBlockParam(head, Type.I64);
        Block store = b.createBlock();
        Block end = b.createBlock();
        b.jump(head, from);
        b.switchToBlock(head);
        b.brif(b.icmp(IntCC.SLT, k, to), store, end);
        b.switchToBlock(store);
        b.store(b.iconst(Type.I64, 0), b.iadd(frame, b.binaryImm(Opcode.ISHL_IMM, k, 3)),
                layout.frame().localsPlus());
        b.jump(head, b.iaddImm(k, 1));
        b.switchToBlock(end);
    }

    /**
     * {@code localsplus[first + k] = Py_NewRef(closure[k])} for {@code k} in {@code [0, count)}
     * (a function whose code has free variables always has a closure tuple of that length).
     */
    private void copyFreeVars(Value frame, Value closure, Value first, Value count) {
        Block head = b.createBlock();
        Value k = b.appendBlockParam(head, Type.I64);
        Block copy = b.createBlock();
        Block end = b.createBlock();
        b.jump(head, b.iconst(Type.I64, 0));
        b.switchToBlock(head);
        b.brif(b.icmp(IntCC.SLT, k, count), copy, end);
        b.switchToBlock(copy);
        Value cell = b.load(Type.I64, b.iadd(closure, b.binaryImm(Opcode.ISHL_IMM, k, 3)), TUPLE_ITEMS);
        b.store(t.incref(cell), b.iadd(frame, b.binaryImm(Opcode.ISHL_IMM, b.iadd(first, k), 3)),
                layout.frame().localsPlus());
        b.jump(head, b.iaddImm(k, 1));
        b.switchToBlock(end);
    }

    /**
     * The prologue's MAKE_CELLs, one per slot whose kind has {@code CO_FAST_CELL}, in slot order
     * (the order the compiler emits them in, from unit 0): the slot's value (an argument, or
     * NULL) goes into a new cell that replaces it. Nothing for code without cells. If
     * {@code PyCell_New} fails at the {@code j}-th cell, the frame goes to the interpreter with
     * the exception at that MAKE_CELL (unit {@code j}), as its {@code resume_with_error} would
     * raise it; the cells made so far are the frame's and are released with it.
     */
    private void makeCells(Value frame, Value code, Value end, Block done) {
        Block cells = b.createBlock();
        Block after = b.createBlock();
        b.brif(b.icmpImm(IntCC.EQ, b.load(Type.I32, code, layout.code().nCellVars()), 0), after, cells);
        b.switchToBlock(cells);
        Value kinds = b.load(Type.I64, code, layout.code().localsPlusKinds());
        Block head = b.createBlock();
        Value k = b.appendBlockParam(head, Type.I64);
        Value made = b.appendBlockParam(head, Type.I64);
        Block test = b.createBlock();
        Block cell = b.createBlock();
        Block next = b.createBlock();
        Value nextMade = b.appendBlockParam(next, Type.I64);
        Block failed = b.createBlock();
        b.setCold(failed);
        Value failedAt = b.appendBlockParam(failed, Type.I64);
        b.jump(head, b.iconst(Type.I64, 0), b.iconst(Type.I64, 0));
        b.switchToBlock(head);
        b.brif(b.icmp(IntCC.SLT, k, end), test, after);
        b.switchToBlock(test);
        Value kind = b.load(Type.I8, b.iadd(kinds, k), BYTES_DATA);
        b.brif(b.icmpImm(IntCC.EQ, b.binaryImm(Opcode.BAND_IMM, b.convert(Opcode.UEXTEND, Type.I32, kind), CO_FAST_CELL),
                0), next, List.of(made), cell, List.of());
        b.switchToBlock(cell);
        Value slot = b.iadd(frame, b.binaryImm(Opcode.ISHL_IMM, k, 3));
        Value initial = b.load(Type.I64, slot, layout.frame().localsPlus());
        Value created = b.callIndirect(Translator.P_OF_P, t.constant(CSymbol.CELL_NEW), initial).get(0);
        Block ok = b.createBlock();
        b.brif(b.icmpImm(IntCC.EQ, created, 0), failed, List.of(made), ok, List.of());
        b.switchToBlock(ok);
        b.store(created, slot, layout.frame().localsPlus());
        t.xdecref(initial);
        b.jump(next, b.iaddImm(made, 1));
        b.switchToBlock(next);
        b.jump(head, b.iaddImm(k, 1), nextMade);
        b.switchToBlock(failed);
        b.store(b.iadd(b.iaddImm(code, layout.code().codeAdaptive()), b.binaryImm(Opcode.ISHL_IMM, failedAt, 1)),
                frame, layout.frame().instructionPointer());
        b.jump(done, resume(frame, 1));
        b.switchToBlock(after);
    }

    /** {@code Py_XDECREF(localsplus[k])} for {@code k} in {@code [0, count)}, from the last. */
    private void releaseSlots(Value frame, Value count) {
        Block head = b.createBlock();
        Value k = b.appendBlockParam(head, Type.I64);
        Block release = b.createBlock();
        Block end = b.createBlock();
        b.jump(head, count);
        b.switchToBlock(head);
        b.brif(b.icmpImm(IntCC.SGT, k, 0), release, end);
        b.switchToBlock(release);
        Value index = b.iaddImm(k, -1);
        t.xdecref(b.load(Type.I64, b.iadd(frame, b.binaryImm(Opcode.ISHL_IMM, index, 3)),
                layout.frame().localsPlus()));
        b.jump(head, index);
        b.switchToBlock(end);
    }
}
