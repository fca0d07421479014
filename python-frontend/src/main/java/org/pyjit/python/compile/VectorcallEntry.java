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
 * The entry C code takes into a compiled body: a function's {@code vectorcall} slot.
 *
 * <p>A function called from C ({@code map}, {@code filter}, {@code sorted}'s key,
 * {@code functools.reduce}, any {@code PyObject_Vectorcall}) runs through
 * {@code _PyFunction_Vectorcall}: a frame pushed, a new {@code _PyEval_EvalFrameDefault}, and
 * the {@code PY_START} callback to enter a compiled body, about 50 ns before the body's first
 * instruction. With this entry as the function's {@code vectorcall} ({@link #ENTRY}), the call
 * is made as a compiled caller's direct call is (the body's {@link DirectCall#stub}, taking new
 * references to the function and the arguments, which a vectorcall only lends): frame pushed,
 * body called, return finished. Whenever the direct call does not apply (keyword arguments, a
 * count the code does not take exactly, no body yet, another monitoring tool, a recursion limit
 * reached, ...) the call is {@code _PyFunction_Vectorcall}'s, unchanged. Like the
 * {@code _PyEval_EvalFrameDefault} it replaces, the entry charges two units of
 * {@code c_recursion_remaining} ({@code PY_EVAL_C_STACK_UNITS}) while the body runs:
 * recursion through C (a function mapping itself) ends in python3.12's RecursionError at the
 * same depth. So the slot may hold the
 * entry for any function, compiled or not.
 *
 * <p>Which functions get it: those made from a code object whose state has the vectorcall flag
 * ({@link BodyLookup#vectorcallFlag}), set when the function got hot while called from C. The
 * function running then gets the entry at once; functions made from the code later (a lambda is
 * a new function each time its {@code def} runs) get it from a function watcher's
 * {@code PyFunction_EVENT_CREATE} ({@link #WATCHER}), which 3.12 sends after the function is
 * complete. Only a slot holding {@code _PyFunction_Vectorcall} is replaced: another tool's entry
 * is left alone. The interpreter's own {@code CALL_PY_EXACT_ARGS} never reads the slot (it runs
 * the frame itself, as before); its generic {@code CALL} runs a function whose slot is not
 * {@code _PyFunction_Vectorcall} through the slot, which is this entry.
 *
 * <p>Both functions run with the GIL held, as every vectorcall and watcher does.
 */
final class VectorcallEntry {

    /** {@code PyObject *(callable, args, nargsf, kwnames)}. */
    static final String ENTRY = "pyjit_vectorcall";
    /** {@code int (event, func, new_value)}: a {@code PyFunction_WatchCallback}. */
    static final String WATCHER = "pyjit_function_watcher";
    static final Signature VECTORCALL = Signature.of(Type.I64, Type.I64, Type.I64, Type.I64, Type.I64);
    static final Signature WATCH = Signature.of(Type.I32, Type.I32, Type.I64, Type.I64);
    /** {@code PY_VECTORCALL_ARGUMENTS_OFFSET}: a flag in {@code nargsf}, not a count. */
    private static final long ARGUMENTS_OFFSET = 1L << 63;
    /** More positional arguments than any code object takes here (its count is a C int). */
    private static final int MAX_ARGUMENTS = 0xFFFF;
    /** {@code PyFunction_EVENT_CREATE} (Include/cpython/funcobject.h, 3.12: the first event). */
    private static final int EVENT_CREATE = 0;
    private static final Signature CURRENT = Signature.of(Type.I64);
    /** {@code PY_EVAL_C_STACK_UNITS} (3.12 ceval.c): the C recursion units an evaluation takes. */
    private static final int EVAL_C_STACK_UNITS = 2;

    private VectorcallEntry() {
    }

    /**
     * The entry: the callee's call stub ({@link DirectCall#stub}) with borrowed arguments, or
     * {@code _PyFunction_Vectorcall}.
     *
     * @param layout the running CPython's offsets
     * @param symbols the C-API addresses
     * @param lookup where stubs are found
     * @return {@link #ENTRY}
     */
    static IrFunction entry(CPythonLayout layout, NativeSymbols symbols, BodyLookup lookup) {
        return FunctionBuilder.build(ENTRY, VECTORCALL, b -> {
            Block entry = b.createBlock();
            List<Value> params = b.appendEntryParams(entry);
            b.switchToBlock(entry);
            Value callable = params.get(0);
            Value args = params.get(1);
            Value nargsf = params.get(2);
            Value kwnames = params.get(3);
            Block generic = b.createBlock();
            UnicodeKeys.require(b, b.icmpImm(IntCC.EQ, kwnames, 0), generic);
            Value nargs = b.binary(Opcode.BAND, nargsf, b.iconst(Type.I64, ~ARGUMENTS_OFFSET));
            UnicodeKeys.require(b, b.icmpImm(IntCC.ULE, nargs, MAX_ARGUMENTS), generic);
            Value stub = DirectCall.stubOf(b, layout, symbols, lookup, callable, generic);
            Value ts = b.callIndirect(CURRENT, symbols.constant(b, CSymbol.THREAD_STATE_GET)).get(0);
            CPythonLayout.CurrentFrameAccess.ViaCFrame via = DirectCall.viaCFrame(layout);
            Value caller = b.load(Type.I64, b.load(Type.I64, ts, via.cframe()), via.currentFrame());
            // The C recursion charge of the _PyEval_EvalFrameDefault this replaces: it takes
            // PY_EVAL_C_STACK_UNITS and fails when no more than one unit is left before its
            // _Py_EnterRecursiveCallTstate; then the interpreter raises the error.
            int cRemaining = layout.threadState().cRecursionRemaining();
            Value budget = b.load(Type.I32, ts, cRemaining);
            UnicodeKeys.require(b, b.icmpImm(IntCC.SGT, budget, 1), generic);
            b.store(b.iaddImm(budget, -EVAL_C_STACK_UNITS), ts, cRemaining);
            Value result = b.callIndirect(DirectCall.CALL, stub, ts, caller, callable, args,
                    b.convert(Opcode.IREDUCE, Type.I32, nargs), b.iconst(Type.I32, 1)).get(0);
            b.store(b.iaddImm(b.load(Type.I32, ts, cRemaining), EVAL_C_STACK_UNITS), ts, cRemaining);
            Block taken = b.createBlock();
            b.brif(b.icmpImm(IntCC.EQ, result, DirectCall.NOT_TAKEN), generic, taken);
            b.switchToBlock(taken);
            b.ret(result);
            b.switchToBlock(generic);
            b.ret(b.callIndirect(VECTORCALL, symbols.constant(b, CSymbol.FUNCTION_VECTORCALL), callable, args,
                    nargsf, kwnames).get(0));
        });
    }

    /**
     * The function watcher: at {@code PyFunction_EVENT_CREATE}, a function whose code's state has
     * the vectorcall flag and whose slot is {@code _PyFunction_Vectorcall} gets {@code entry}.
     * Every other event and function: nothing. Returns 0 (never an error).
     *
     * @param layout the running CPython's offsets
     * @param symbols the C-API addresses
     * @param lookup where the state and its flags are
     * @param entry {@link #ENTRY}'s address
     * @return {@link #WATCHER}
     */
    static IrFunction watcher(CPythonLayout layout, NativeSymbols symbols, BodyLookup lookup, long entry) {
        return FunctionBuilder.build(WATCHER, WATCH, b -> {
            Block start = b.createBlock();
            List<Value> params = b.appendEntryParams(start);
            b.switchToBlock(start);
            Value event = params.get(0);
            Value function = params.get(1);
            Block nothing = b.createBlock();
            UnicodeKeys.require(b, b.icmpImm(IntCC.EQ, event, EVENT_CREATE), nothing);
            Value code = b.load(Type.I64, function, layout.function().code());
            Value state = DirectCall.state(b, layout, lookup, code, nothing);
            Value flags = b.load(Type.I32, state, lookup.flagsOffset());
            UnicodeKeys.require(b, b.icmpImm(IntCC.NE, b.binaryImm(Opcode.BAND_IMM, flags, lookup.vectorcallFlag()), 0),
                    nothing);
            int slot = layout.function().vectorcall();
            UnicodeKeys.require(b, b.icmp(IntCC.EQ, b.load(Type.I64, function, slot),
                    symbols.constant(b, CSymbol.FUNCTION_VECTORCALL)), nothing);
            b.store(b.iconst(Type.I64, entry), function, slot);
            b.jump(nothing);
            b.switchToBlock(nothing);
            b.ret(b.iconst(Type.I32, 0));
        });
    }
}
