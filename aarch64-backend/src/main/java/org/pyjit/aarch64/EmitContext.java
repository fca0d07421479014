package org.pyjit.aarch64;

import org.pyjit.aarch64.asm.A64Assembler;
import org.pyjit.aarch64.asm.AddSubOp;
import org.pyjit.aarch64.asm.Addr;
import org.pyjit.aarch64.asm.Extend;
import org.pyjit.aarch64.asm.Fp;
import org.pyjit.aarch64.asm.FpUnOp;
import org.pyjit.aarch64.asm.FpWidth;
import org.pyjit.aarch64.asm.Gp;
import org.pyjit.aarch64.asm.Label;
import org.pyjit.aarch64.asm.MemOp;
import org.pyjit.aarch64.asm.Width;
import org.pyjit.codegen.lower.ModuleEmitter;
import org.pyjit.codegen.lower.ModuleLabels;
import org.pyjit.codegen.vcode.FrameLayout;
import org.pyjit.ir.TrapCode;
import org.pyjit.regalloc.Allocation;
import org.pyjit.regalloc.Move;
import org.pyjit.regalloc.PReg;
import org.pyjit.regalloc.RegClass;

/**
 * Emission state of one function: the encoder, the frame, the module's function labels and trap
 * handler, and the allocation of the instruction being encoded. Extends the shared
 * {@link org.pyjit.codegen.lower.ModuleEmitter}; IR calls enter a function with the stack limit in
 * x28. {@link A64Inst} encoders read their operands' registers from it.
 *
 * <p>Frame addresses are formed from sp (which stays at {@code fp - frameSize} for the whole body)
 * with a scaled unsigned offset when it fits, else from fp with an unscaled one, else through
 * x17 (the emitter's private scratch).
 */
public final class EmitContext extends ModuleEmitter<A64Inst, Label> {
    private final A64Assembler asm;
    private final FrameLayout frame;

    EmitContext(A64Assembler asm, FrameLayout frame, ModuleLabels<Label> labels) {
        super(labels);
        this.asm = asm;
        this.frame = frame;
    }

    /** The encoder. */
    public A64Assembler asm() {
        return asm;
    }

    /** The general register of operand {@code i}. */
    public Gp gp(int i) {
        return A64Regs.gp(reg(i));
    }

    /** The FP register of operand {@code i}. */
    public Fp fp(int i) {
        return A64Regs.fp(reg(i));
    }

    /** The address {@code fp + fpOffset} for {@code op}, possibly computed into x17. */
    public Addr frameAddr(MemOp op, long fpOffset) {
        long spOffset = fpOffset + frame.frameSize();
        int scale = op.log2Size();
        if (spOffset >= 0 && (spOffset & ((1 << scale) - 1)) == 0 && spOffset >>> scale < 4096) {
            return Addr.of(Gp.SP, spOffset);
        }
        if (A64Assembler.isOffsetEncodable(op, fpOffset)) {
            return Addr.of(Gp.FP, fpOffset);
        }
        asm.movImm(Width.X, A64Regs.EMIT_SCRATCH, fpOffset);
        return new Addr.RegOffset(Gp.FP, A64Regs.EMIT_SCRATCH, Extend.UXTX, false);
    }

    /** {@code d = fp + fpOffset} (an IR stack slot's address). */
    public void frameAddress(Gp d, long fpOffset) {
        long spOffset = fpOffset + frame.frameSize();
        if (A64Assembler.isAddSubImm(spOffset)) {
            asm.addSubImm(AddSubOp.ADD, Width.X, d, Gp.SP, spOffset);
        } else {
            asm.movImm(Width.X, A64Regs.EMIT_SCRATCH, spOffset);
            asm.addSubExt(AddSubOp.ADD, Width.X, d, Gp.SP, A64Regs.EMIT_SCRATCH, Extend.UXTX, 0);
        }
    }

    /** The frame-pointer offset of IR stack slot {@code slot} plus {@code off}. */
    public long slotOffset(int slot, int off) {
        return (long) frame.slotOffset(slot) + off;
    }

    private void adjustSp(AddSubOp op, long amount) {
        if (amount == 0) {
            return;
        }
        if (A64Assembler.isAddSubImm(amount)) {
            asm.addSubImm(op, Width.X, Gp.SP, Gp.SP, amount);
        } else {
            asm.movImm(Width.X, A64Regs.EMIT_SCRATCH, amount);
            asm.addSubExt(op, Width.X, Gp.SP, Gp.SP, A64Regs.EMIT_SCRATCH, Extend.UXTX, 0);
        }
    }

    private void saveOrRestore(boolean restore) {
        for (int i = 0; i < frame.savedRegs().size(); i++) {
            PReg r = frame.savedRegs().get(i);
            int off = frame.savedRegOffset(i);
            if (r.cls() == RegClass.INT) {
                MemOp op = restore ? MemOp.LDR_X : MemOp.STR_X;
                asm.mem(op, A64Regs.gp(r), frameAddr(op, off));
            } else {
                MemOp op = restore ? MemOp.LDR_D : MemOp.STR_D;
                asm.mem(op, A64Regs.fp(r), frameAddr(op, off));
            }
        }
    }

    /**
     * Pushes fp/lr, sets fp, checks the frame against the stack limit, allocates the frame, saves
     * callee-saved registers, zeroes IR slots.
     */
    void prologue() {
        asm.pair(false, Width.X, Gp.FP, Gp.LR, new Addr.PreIndex(Gp.SP, -16));
        asm.mov(Width.X, Gp.FP, Gp.SP);
        stackCheck();
        adjustSp(AddSubOp.SUB, frame.frameSize());
        saveOrRestore(false);
        zeroSlots();
    }

    /**
     * Traps {@code stack_overflow} if {@code sp - frameSize} would lie below the limit in x28
     * (unsigned, so a limit of 0 never traps), before any of the frame is touched. x17 is free
     * here: only argument registers are live.
     */
    private void stackCheck() {
        Gp low = A64Regs.EMIT_SCRATCH;
        long size = frame.frameSize();
        if (A64Assembler.isAddSubImm(size)) {
            asm.addSubImm(AddSubOp.SUB, Width.X, low, Gp.SP, size);
        } else {
            asm.movImm(Width.X, low, size);
            asm.addSubExt(AddSubOp.SUB, Width.X, low, Gp.SP, low, Extend.UXTX, 0);
        }
        asm.cmp(Width.X, low, A64Regs.STACK_LIMIT);
        asm.bcond(org.pyjit.aarch64.asm.Cond.LO, trap(TrapCode.STACK_OVERFLOW));
    }

    /** Slots start zeroed, as in the interpreter. Only argument registers are live here. */
    private void zeroSlots() {
        int words = (frame.slotAreaTop() - frame.slotAreaBottom()) / FrameLayout.WORD;
        if (words <= 16) {
            for (int k = 0; k < words; k++) {
                asm.mem(MemOp.STR_X, Gp.ZR, frameAddr(MemOp.STR_X, frame.slotAreaBottom() + FrameLayout.WORD * k));
            }
            return;
        }
        Gp p = A64Regs.EMIT_SCRATCH;
        Gp n = A64Regs.INT_SCRATCH;
        frameAddress(p, frame.slotAreaBottom());
        asm.movImm(Width.X, n, words);
        Label loop = asm.newLabel("zero_slots");
        asm.bind(loop);
        asm.mem(MemOp.STR_X, Gp.ZR, new Addr.PostIndex(p, 8));
        asm.addSubImm(AddSubOp.SUB, Width.X, n, n, 1);
        asm.cbnz(Width.X, n, loop);
    }

    /** Restores callee-saved registers, pops the frame and returns. */
    public void epilogue() {
        saveOrRestore(true);
        asm.mov(Width.X, Gp.SP, Gp.FP);
        asm.pair(true, Width.X, Gp.FP, Gp.LR, new Addr.PostIndex(Gp.SP, 16));
        asm.ret();
    }

    /** The trap stubs this function used: {@code mov w0, #code; b trap_handler}. */
    void trapStubs() {
        emitTrapStubs((stub, code, handler) -> {
            asm.bind(stub);
            asm.movImm(Width.W, Gp.R0, code);
            asm.b(handler);
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
    protected void encode(A64Inst inst) {
        inst.encoding().encode(this);
    }

    @Override
    public void move(Move m) {
        boolean isInt = m.cls() == RegClass.INT;
        if (m.from() instanceof Allocation.Reg f && m.to() instanceof Allocation.Reg t) {
            if (isInt) {
                asm.mov(Width.X, A64Regs.gp(t.reg()), A64Regs.gp(f.reg()));
            } else {
                asm.fp(FpUnOp.FMOV, FpWidth.D, A64Regs.fp(t.reg()), A64Regs.fp(f.reg()));
            }
        } else if (m.from() instanceof Allocation.Slot f && m.to() instanceof Allocation.Reg t) {
            MemOp op = isInt ? MemOp.LDR_X : MemOp.LDR_D;
            Addr src = frameAddr(op, frame.spillOffset(f.index()));
            if (isInt) {
                asm.mem(op, A64Regs.gp(t.reg()), src);
            } else {
                asm.mem(op, A64Regs.fp(t.reg()), src);
            }
        } else if (m.from() instanceof Allocation.Reg f && m.to() instanceof Allocation.Slot t) {
            MemOp op = isInt ? MemOp.STR_X : MemOp.STR_D;
            Addr dst = frameAddr(op, frame.spillOffset(t.index()));
            if (isInt) {
                asm.mem(op, A64Regs.gp(f.reg()), dst);
            } else {
                asm.mem(op, A64Regs.fp(f.reg()), dst);
            }
        } else {
            throw new IllegalStateException("slot-to-slot move from the allocator: " + m);
        }
    }

    @Override
    public void jump(Label target) {
        asm.b(target);
    }
}
