package org.pyjit.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pyjit.codegen.CompiledFunction;
import org.pyjit.codegen.CompiledModule;
import org.pyjit.codegen.Jit;
import org.pyjit.ir.Block;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.IntCC;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Signature;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;
import org.pyjit.ir.Variable;

/** The example of docs/x86_64-backend.md (for README.md), verbatim, as a test. */
class ReadmeExampleTest {
    @Test
    void readmeExample() {
        // %power_plus(x: f64, n: i64) -> f64 computes x^n + n with a loop; SSA form comes from
        // variables (declareVar/defVar/useVar), block parameters are placed by the builder.
        IrFunction f = FunctionBuilder.build("power_plus", Signature.of(Type.F64, Type.F64, Type.I64), b -> {
            Block entry = b.createBlock();
            Block loop = b.createBlock();
            Block body = b.createBlock();
            Block exit = b.createBlock();
            List<Value> params = b.appendEntryParams(entry);
            Value x = params.get(0);
            Value n = params.get(1);
            Variable acc = b.declareVar(Type.F64);
            Variable i = b.declareVar(Type.I64);

            b.switchToBlock(entry);
            b.defVar(acc, b.f64const(1.0));
            b.defVar(i, b.iconst(Type.I64, 0));
            b.jump(loop);

            b.switchToBlock(loop);
            b.brif(b.icmp(IntCC.SLT, b.useVar(i), n), body, exit);

            b.switchToBlock(body);
            b.defVar(acc, b.fmul(b.useVar(acc), x));
            b.defVar(i, b.iaddImm(b.useVar(i), 1));
            b.jump(loop);

            b.switchToBlock(exit);
            b.ret(b.fadd(b.useVar(acc), b.convert(Opcode.FCVT_FROM_SINT, Type.F64, n)));
        });

        try (CompiledModule module = Jit.host().compile(f)) {     // x86-64 backend on this machine
            CompiledFunction power = module.function("power_plus");
            // Arguments and results travel as raw bits: i64 as is, f64 via CompiledFunction.bits.
            double r = power.callDouble(CompiledFunction.bits(2.0), 10);
            assertEquals(1034.0, r);
            // Native callers use the System V entry: double (*)(double, int64_t).
            long address = power.address();
            assertNotEquals(0L, address);
        }
    }
}
