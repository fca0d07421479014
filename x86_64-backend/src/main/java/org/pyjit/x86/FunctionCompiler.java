package org.pyjit.x86;

import java.util.List;
import org.pyjit.codegen.lower.ModuleLabels;
import org.pyjit.codegen.vcode.EmissionDriver;
import org.pyjit.codegen.vcode.FrameLayout;
import org.pyjit.codegen.vcode.RegisterAllocator;
import org.pyjit.codegen.vcode.VCode;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.regalloc.PReg;
import org.pyjit.regalloc.RegAllocResult;
import org.pyjit.x86.asm.Label;
import org.pyjit.x86.asm.X86Assembler;

/**
 * One function through the pipeline: lower to VCode, allocate registers, lay out the frame,
 * emit prologue (with the stack-limit check), body (through the shared {@link EmissionDriver})
 * and trap stubs. The body starts at its internal entry label, which IR calls target.
 */
final class FunctionCompiler {
    private FunctionCompiler() {
    }

    /**
     * The intermediate products of compiling a function, for dumps and tests.
     *
     * @param vcode      the lowered function
     * @param allocation its register allocation
     * @param frame      its frame layout
     */
    record Products(VCode<X86Inst> vcode, RegAllocResult allocation, FrameLayout frame) {
    }

    static Products compile(IrModule module, IrFunction f, X86Assembler asm, ModuleLabels<Label> labels,
                            RegisterAllocator allocator) {
        Lowering.Result lowered = Lowering.lower(module, f);
        RegAllocResult alloc = allocator.allocate(lowered.vcode(), X86Regs.ENV);
        List<PReg> saved = alloc.usedRegisters().stream().filter(X86Regs.ENV::isCalleeSaved).toList();
        FrameLayout frame = FrameLayout.compute(saved, f.stackSlots(), alloc.numSpillSlots(), lowered.outgoingBytes());
        EmitContext c = new EmitContext(asm, frame, labels);
        asm.bind(labels.body(f.name()));
        c.prologue();
        EmissionDriver.emit(lowered.vcode(), alloc, c);
        c.trapStubs();
        return new Products(lowered.vcode(), alloc, frame);
    }
}
