package org.pyjit.python.compile;

import org.pyjit.ir.Block;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.IntCC;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.Signature;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;

/**
 * The native helper, shared by every body, that a body calls where it polls the eval breaker
 * (after a call, at a {@code RESUME}) and finds it set: the part of 3.12's
 * {@code _Py_HandlePending} the C API reaches, in its order: signal handlers
 * ({@code PyErr_CheckSignals}), pending calls ({@code Py_MakePendingCalls}), then the GIL
 * released and taken again ({@code PyEval_SaveThread}, {@code PyEval_RestoreThread}) so that a
 * thread asking for it gets it. Out of line because a set breaker is rare: inline, every poll
 * repeated the four calls and their tests.
 */
final class EvalBreakerHelper {

    /** {@code i32 ()}: 0, or -1 with the exception a signal handler or a pending call raised set. */
    static final Signature HELPER = Signature.of(Type.I32);
    private static final Signature INT_OF_NOTHING = Signature.of(Type.I32);
    private static final Signature P_OF_NOTHING = Signature.of(Type.I64);
    private static final Signature VOID_OF_P = Signature.ofVoid(Type.I64);

    private EvalBreakerHelper() {
    }

    /**
     * The helper's IR ({@link #HELPER}).
     *
     * @param name its symbol
     * @param symbols the C-API addresses
     * @return the function
     */
    static IrFunction helper(String name, NativeSymbols symbols) {
        return FunctionBuilder.build(name, HELPER, b -> {
            Block entry = b.createBlock();
            b.appendEntryParams(entry);
            b.switchToBlock(entry);
            Block failed = b.createBlock();
            Block signalsDone = b.createBlock();
            Block callsDone = b.createBlock();
            Value signals = b.callIndirect(INT_OF_NOTHING, symbols.constant(b, CSymbol.CHECK_SIGNALS)).get(0);
            b.brif(b.icmpImm(IntCC.SLT, signals, 0), failed, signalsDone);
            b.switchToBlock(signalsDone);
            Value calls = b.callIndirect(INT_OF_NOTHING, symbols.constant(b, CSymbol.MAKE_PENDING_CALLS)).get(0);
            b.brif(b.icmpImm(IntCC.SLT, calls, 0), failed, callsDone);
            b.switchToBlock(callsDone);
            Value ts = b.callIndirect(P_OF_NOTHING, symbols.constant(b, CSymbol.SAVE_THREAD)).get(0);
            b.callIndirect(VOID_OF_P, symbols.constant(b, CSymbol.RESTORE_THREAD), ts);
            b.ret(b.iconst(Type.I32, 0));
            b.switchToBlock(failed);
            b.ret(b.iconst(Type.I32, -1));
        });
    }

}
