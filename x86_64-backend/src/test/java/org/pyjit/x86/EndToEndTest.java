package org.pyjit.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pyjit.codegen.CompiledModule;
import org.pyjit.codegen.Jit;
import org.pyjit.ir.Block;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.Signature;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;

class EndToEndTest {
    @Test
    void addsTwoIntegers() {
        IrFunction f = FunctionBuilder.build("add", Signature.of(Type.I64, Type.I64, Type.I64), b -> {
            Block e = b.createBlock();
            var p = b.appendEntryParams(e);
            b.switchToBlock(e);
            Value k = b.iconst(Type.I64, 40);
            b.ret(b.iadd(b.iadd(p.get(0), p.get(1)), k));
        });
        try (CompiledModule m = Jit.host().compile(f)) {
            assertEquals(45, m.function("add").call(2, 3));
            assertEquals(-60, m.function("add").call(-100, 0));
        }
    }
}
