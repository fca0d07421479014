package org.pyjit.aarch64;

import org.pyjit.aarch64.asm.A64Assembler;
import org.pyjit.aarch64.asm.AssembledCode;
import org.pyjit.aarch64.asm.Label;
import org.pyjit.codegen.CodegenException;
import org.pyjit.codegen.TrapSupport;
import org.pyjit.codegen.lower.ModuleLabels;
import org.pyjit.codegen.lower.ModuleTarget;
import org.pyjit.codegen.vcode.RegisterAllocator;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;

/** The AArch64 pieces of the shared module layout, all appended to one {@link A64Assembler}. */
final class A64ModuleTarget implements ModuleTarget<Label> {
    private final A64Assembler asm = new A64Assembler();
    private final IrModule module;
    private final RegisterAllocator allocator;

    A64ModuleTarget(IrModule module, RegisterAllocator allocator) {
        this.module = module;
        this.allocator = allocator;
    }

    @Override
    public Label newLabel(String name) {
        return asm.newLabel(name);
    }

    @Override
    public void align(int bytes) {
        asm.align(bytes);
    }

    @Override
    public void bind(Label label) {
        asm.bind(label);
    }

    @Override
    public void cEntry(IrFunction f, TrapSupport traps, Label body) {
        Thunks.cEntry(asm, f.signature(), traps, body);
    }

    @Override
    public void body(IrFunction f, ModuleLabels<Label> labels) {
        FunctionCompiler.compile(module, f, asm, labels, allocator);
    }

    @Override
    public void thunk(IrFunction f, Label body, Label unwind) {
        Thunks.thunk(asm, f.signature(), body, unwind);
    }

    @Override
    public void unwind() {
        Thunks.unwind(asm);
    }

    @Override
    public void trapHandler(TrapSupport traps, Label unwind) {
        Thunks.trapHandler(asm, traps, unwind);
    }

    @Override
    public Image<Label> finish() {
        AssembledCode code;
        try {
            code = asm.finish();
        } catch (RuntimeException e) {
            throw new CodegenException("cannot assemble module: " + e.getMessage(), e);
        }
        return new Image<>(code.code(), code::offsetOf);
    }
}
