package org.pyjit.x86;

import org.pyjit.codegen.lower.ModuleEmitter;
import org.pyjit.codegen.lower.ModuleLabels;
import org.pyjit.codegen.vcode.FrameLayout;
import org.pyjit.ir.TrapCode;
import org.pyjit.regalloc.Allocation;
import org.pyjit.regalloc.Move;
import org.pyjit.regalloc.RegClass;
import org.pyjit.x86.asm.AluOp;
import org.pyjit.x86.asm.Gpr;
import org.pyjit.x86.asm.Label;
import org.pyjit.x86.asm.Mem;
import org.pyjit.x86.asm.Width;
import org.pyjit.x86.asm.X86Assembler;
import org.pyjit.x86.asm.Xmm;

/**
 * Emission state of one function: the assembler, the frame, the module's function labels and trap
 * handler, and the allocation of the instruction being encoded. Extends the shared
 * {@link org.pyjit.codegen.lower.ModuleEmitter}; IR calls enter a function with the stack limit in
 * r15. {@link X86Inst} encoders read their operands' registers from it.
 */
public final class EmitContext extends ModuleEmitter<X86Inst, Label> {
    private final X86Assembler asm;
    private final FrameLayout frame;

    EmitContext(X86Assembler asm, FrameLayout frame, ModuleLabels<Label> labels) {
        super(labels);
        this.asm = asm;
        this.frame = frame;
    }

    /** The assembler. */
    public X86Assembler asm() {
        return asm;
    }

    /** The frame layout. */
    public FrameLayout frame() {
        return frame;
    }

    /** The general-purpose register of operand {@code i}. */
    public Gpr gpr(int i) {
        return X86Regs.gpr(reg(i));
    }

    /** The SSE register of operand {@code i}. */
    public Xmm xmm(int i) {
        return X86Regs.xmm(reg(i));
    }

    /** {@code [rbp + offset of IR stack slot + off]}. */
    public Mem stackSlot(int slot, int off) {
        return Mem.of(Gpr.RBP, Math.addExact(frame.slotOffset(slot), off));
    }

    /** Restores callee-saved registers, pops the frame and returns. */
    public void epilogue() {
        for (int i = 0; i < frame.savedRegs().size(); i++) {
            asm.mov(Width.B64, X86Regs.gpr(frame.savedRegs().get(i)), Mem.of(Gpr.RBP, frame.savedRegOffset(i)));
        }
        asm.mov(Width.B64, Gpr.RSP, Gpr.RBP);
        asm.pop(Gpr.RBP);
        asm.ret();
    }

    /**
     * Pushes the frame pointer, checks the frame against the stack limit, allocates the frame,
     * saves callee-saved registers and zeroes the IR stack slots.
     */
    void prologue() {
        asm.push(Gpr.RBP);
        asm.mov(Width.B64, Gpr.RBP, Gpr.RSP);
        stackCheck();
        if (frame.frameSize() > 0) {
            asm.alu(AluOp.SUB, Width.B64, Gpr.RSP, frame.frameSize());
        }
        for (int i = 0; i < frame.savedRegs().size(); i++) {
            asm.mov(Width.B64, Mem.of(Gpr.RBP, frame.savedRegOffset(i)), X86Regs.gpr(frame.savedRegs().get(i)));
        }
        zeroSlots();
    }

    /**
     * Traps {@code stack_overflow} if the frame's lowest address would lie below the limit in r15
     * (unsigned, so a limit of 0 never traps). Nothing of the frame has been touched yet, so a
     * frame of any size (16 MiB stack slots included) is refused before it is written; the trap
     * path runs in the margin the limit leaves below it.
     */
    private void stackCheck() {
        if (frame.frameSize() == 0) {
            asm.alu(AluOp.CMP, Width.B64, Gpr.RSP, X86Regs.STACK_LIMIT);
        } else {
            asm.lea(Width.B64, X86Regs.INT_SCRATCH, Mem.of(Gpr.RSP, -frame.frameSize()));
            asm.alu(AluOp.CMP, Width.B64, X86Regs.INT_SCRATCH, X86Regs.STACK_LIMIT);
        }
        asm.jcc(org.pyjit.x86.asm.Cond.B, trap(TrapCode.STACK_OVERFLOW));
    }

    /** Slots start zeroed, as in the interpreter (programs must not rely on it, tests may). */
    private void zeroSlots() {
        int words = (frame.slotAreaTop() - frame.slotAreaBottom()) / FrameLayout.WORD;
        if (words <= 16) {
            for (int k = 0; k < words; k++) {
                asm.mov(Width.B64, Mem.of(Gpr.RBP, frame.slotAreaBottom() + FrameLayout.WORD * k), 0);
            }
            return;
        }
        // r11 counts up from -words to 0 while storing [rbp + top + 8*r11]: scratch use in the
        // prologue, before any value lives in it.
        Gpr i = X86Regs.INT_SCRATCH;
        asm.mov(Width.B64, i, -words);
        Label loop = asm.newLabel("zero_slots");
        asm.bind(loop);
        asm.mov(Width.B64, Mem.of(Gpr.RBP, i, 8, frame.slotAreaTop()), 0);
        asm.alu(AluOp.ADD, Width.B64, i, 1);
        asm.jcc(org.pyjit.x86.asm.Cond.NE, loop);
    }

    /** Emits the trap stubs used by this function: {@code mov eax, code; jmp trap_handler}. */
    void trapStubs() {
        emitTrapStubs((stub, code, handler) -> {
            asm.bind(stub);
            asm.mov(Width.B32, Gpr.RAX, code);
            asm.jmp(handler);
        });
    }

    @Override
    public Label newLabel(String name) {
        return asm.newLabel(name);
    }

    @Override
    public void bind(Label label) {
        asm.bind(label);
    }

    @Override
    protected void encode(X86Inst inst) {
        inst.encoding().encode(this);
    }

    @Override
    public void move(Move m) {
        boolean isInt = m.cls() == RegClass.INT;
        if (m.from() instanceof Allocation.Reg f && m.to() instanceof Allocation.Reg t) {
            if (isInt) {
                asm.mov(Width.B64, X86Regs.gpr(t.reg()), X86Regs.gpr(f.reg()));
            } else {
                asm.movaps(X86Regs.xmm(t.reg()), X86Regs.xmm(f.reg()));
            }
        } else if (m.from() instanceof Allocation.Slot f && m.to() instanceof Allocation.Reg t) {
            Mem src = Mem.of(Gpr.RBP, frame.spillOffset(f.index()));
            if (isInt) {
                asm.mov(Width.B64, X86Regs.gpr(t.reg()), src);
            } else {
                asm.movsd(X86Regs.xmm(t.reg()), src);
            }
        } else if (m.from() instanceof Allocation.Reg f && m.to() instanceof Allocation.Slot t) {
            Mem dst = Mem.of(Gpr.RBP, frame.spillOffset(t.index()));
            if (isInt) {
                asm.mov(Width.B64, dst, X86Regs.gpr(f.reg()));
            } else {
                asm.movsd(dst, X86Regs.xmm(f.reg()));
            }
        } else {
            throw new IllegalStateException("slot-to-slot move from the allocator: " + m);
        }
    }

    @Override
    public void jump(Label target) {
        asm.jmp(target);
    }
}
