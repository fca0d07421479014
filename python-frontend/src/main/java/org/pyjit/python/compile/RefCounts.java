package org.pyjit.python.compile;

import org.pyjit.ir.Block;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.IntCC;
import org.pyjit.ir.Signature;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;
import org.pyjit.python.layout.CPythonLayout;

/**
 * 3.12's reference counting as IR, for the helpers compiled once per process (facts §1a: an
 * object whose low 32 bits of {@code ob_refcnt} are negative is immortal and never changes).
 * Bodies use {@link Translator}'s own sequences, which also mark the deallocation cold.
 */
final class RefCounts {

    private static final Signature VOID_OF_P = Signature.ofVoid(Type.I64);

    private RefCounts() {
    }

    /** {@code Py_INCREF}: the low 32 bits, left alone when they overflow to 0 (immortal). */
    static Value incref(FunctionBuilder b, CPythonLayout layout, Value o) {
        Value low = b.load(Type.I32, o, layout.object().refcnt());
        Value bumped = b.iaddImm(low, 1);
        b.store(b.select(b.icmpImm(IntCC.EQ, bumped, 0), low, bumped), o, layout.object().refcnt());
        return o;
    }

    /** {@code Py_DECREF}: nothing for an immortal object, {@code _Py_Dealloc} (cold) at 0. */
    static void decref(FunctionBuilder b, CPythonLayout layout, NativeSymbols symbols, Value o) {
        Block mortal = b.createBlock();
        Block dealloc = b.createBlock();
        b.setCold(dealloc);
        Block after = b.createBlock();
        b.brif(b.icmpImm(IntCC.SLT, b.load(Type.I32, o, layout.object().refcnt()), 0), after, mortal);
        b.switchToBlock(mortal);
        Value count = b.iaddImm(b.load(Type.I64, o, layout.object().refcnt()), -1);
        b.store(count, o, layout.object().refcnt());
        b.brif(b.icmpImm(IntCC.EQ, count, 0), dealloc, after);
        b.switchToBlock(dealloc);
        b.callIndirect(VOID_OF_P, symbols.constant(b, CSymbol.DEALLOC), o);
        b.jump(after);
        b.switchToBlock(after);
    }

    /** {@code Py_XDECREF}: nothing for NULL. */
    static void xdecref(FunctionBuilder b, CPythonLayout layout, NativeSymbols symbols, Value o) {
        Block some = b.createBlock();
        Block done = b.createBlock();
        b.brif(b.icmpImm(IntCC.EQ, o, 0), done, some);
        b.switchToBlock(some);
        decref(b, layout, symbols, o);
        b.jump(done);
        b.switchToBlock(done);
    }
}
