package org.pyjit.ir.interp;

import java.util.List;
import java.util.function.BiFunction;
import org.pyjit.ir.Block;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.Signature;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;

/** Small single-block functions for interpreter tests. */
final class Fns {
    private Fns() {
    }

    /** {@code %f(params) -> ret} whose body computes {@code body(builder, params)} and returns it. */
    static IrFunction straight(String name, Type ret, List<Type> params, BiFunction<FunctionBuilder, List<Value>, Value> body) {
        Signature sig = ret == null ? new Signature(params, List.of()) : new Signature(params, List.of(ret));
        return FunctionBuilder.build(name, sig, b -> {
            Block entry = b.createBlock();
            List<Value> ps = b.appendEntryParams(entry);
            b.switchToBlock(entry);
            Value v = body.apply(b, ps);
            if (v == null) {
                b.ret();
            } else {
                b.ret(v);
            }
        });
    }

    /** An interpreter over a one-function module {@code %f}. */
    static Interpreter one(Type ret, List<Type> params, BiFunction<FunctionBuilder, List<Value>, Value> body) {
        return new Interpreter(IrModule.of(straight("f", ret, params, body)));
    }
}
