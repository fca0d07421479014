package org.pyjit.fuzz.gen;

import java.util.ArrayList;
import java.util.List;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;

/** Builds the {@link IrModule} a {@link ProgramSpec} describes (see {@link FunctionEmitter}). */
public final class ProgramBuilder {
    private ProgramBuilder() {
    }

    /** The module of {@code spec}: functions {@code %f0 … %fN}, entry first. */
    public static IrModule build(ProgramSpec spec) {
        List<IrFunction> out = new ArrayList<>();
        for (int i = 0; i < spec.functions().size(); i++) {
            int index = i;
            FunctionSpec f = spec.functions().get(i);
            out.add(FunctionBuilder.build(ProgramSpec.name(i), FunctionEmitter.signature(f),
                    b -> new FunctionEmitter(spec, index, b).emitFunction()));
        }
        return new IrModule(out);
    }
}
