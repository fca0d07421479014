package org.pyjit.aarch64;

import java.util.List;
import org.pyjit.aarch64.asm.A64Assembler;
import org.pyjit.aarch64.asm.Label;
import org.pyjit.codegen.lower.ModuleLabels;
import org.pyjit.codegen.vcode.EmissionDriver;
import org.pyjit.codegen.vcode.FrameLayout;
import org.pyjit.codegen.vcode.RegisterAllocator;
import org.pyjit.codegen.vcode.VCode;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.regalloc.PReg;
import org.pyjit.regalloc.RegAllocResult;

/**
 * One function through the pipeline: lower to VCode, allocate, lay out the frame, emit prologue,
 * body (through the shared {@link EmissionDriver}) and trap stubs.
 */
final class FunctionCompiler {
    private FunctionCompiler() {
    }

    /**
     * The intermediate products of compiling a function.
     *
     * @param vcode      the lowered function
     * @param allocation its allocation
     * @param frame      its frame layout
     */
    record Products(VCode<A64Inst> vcode, RegAllocResult allocation, FrameLayout frame) {
    }

    static Products compile(IrModule module, IrFunction f, A64Assembler asm, ModuleLabels<Label> labels,
                            RegisterAllocator allocator) {
        Lowering.Result lowered = Lowering.lower(module, f);
        RegAllocResult alloc = allocator.allocate(lowered.vcode(), A64Regs.ENV);
        List<PReg> saved = alloc.usedRegisters().stream().filter(A64Regs.ENV::isCalleeSaved).toList();
        FrameLayout frame = FrameLayout.compute(saved, f.stackSlots(), alloc.numSpillSlots(), lowered.outgoingBytes());
        EmitContext c = new EmitContext(asm, frame, labels);
        asm.bind(labels.body(f.name()));
        c.prologue();
        EmissionDriver.emit(lowered.vcode(), alloc, c);
        c.trapStubs();
        return new Products(lowered.vcode(), alloc, frame);
    }
}
