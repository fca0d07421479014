package org.pyjit.aarch64;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.pyjit.codegen.vcode.FrameLayout;
import org.pyjit.codegen.vcode.MachineEmitter;
import org.pyjit.ir.TrapCode;
import org.pyjit.regalloc.Allocation;
import org.pyjit.regalloc.Move;
import org.pyjit.regalloc.PReg;
import org.pyjit.regalloc.RegClass;

/**
 * Emission state of one function: the encoder, the frame, the module's function labels and trap
 * handler, and the allocation of the instruction being encoded. Implements the shared driver's
 * {@link MachineEmitter}; {@link A64Inst} encoders read their operands' registers from it.
 *
 * <p>Frame addresses are formed from sp (which stays at {@code fp - frameSize} for the whole body)
 * with a scaled unsigned offset when it fits, else from fp with an unscaled one, else through
 * x17 (the emitter's private scratch).
 */
public final class EmitContext implements MachineEmitter<A64Inst, Label> {
    private final A64Assembler asm;
    private final FrameLayout frame;
    private final Map<String, Label> functions;
    private final Map<String, Label> cEntries;
    private final Label trapHandler;
    private final Map<Integer, Label> trapStubs = new LinkedHashMap<>();
    private List<Allocation> allocs = List.of();
    private BranchTargets<Label> targets;

    EmitContext(A64Assembler asm, FrameLayout frame, Map<String, Label> functions, Map<String, Label> cEntries,
                Label trapHandler) {
        this.asm = asm;
        this.frame = frame;
        this.functions = functions;
        this.cEntries = cEntries;
        this.trapHandler = trapHandler;
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

    private PReg reg(int i) {
        Allocation a = allocs.get(i);
        if (a instanceof Allocation.Reg r) {
            return r.reg();
        }
        throw new IllegalStateException("operand " + i + " was allocated to " + a + ", not a register");
    }

    /** Where successor {@code s} of the current branch is reached. */
    public Label target(int s) {
        return targets.target(s);
    }

    /** True if successor {@code s} is emitted next. */
    public boolean fallsThrough(int s) {
        return targets.fallsThrough(s);
    }

    /** The internal entry of module function {@code name} (stack limit in x28), for IR calls. */
    public Label function(String name) {
        return label(functions, name);
    }

    /** The C entry of module function {@code name}: its {@code func_addr}, safe for native callers. */
    public Label cEntry(String name) {
        return label(cEntries, name);
    }

    private static Label label(Map<String, Label> labels, String name) {
        Label l = labels.get(name);
        if (l == null) {
            throw new IllegalStateException("no function %" + name + " in the module");
        }
        return l;
    }

    /** An out-of-line stub of this function raising {@code code}. */
    public Label trap(TrapCode code) {
        return trapStubs.computeIfAbsent(code.code(), k -> asm.newLabel("trap_" + code.text()));
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
        for (Map.Entry<Integer, Label> e : trapStubs.entrySet()) {
            asm.bind(e.getValue());
            asm.movImm(Width.W, Gp.R0, e.getKey());
            asm.b(trapHandler);
        }
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
    public void emit(A64Inst inst, List<Allocation> allocations, BranchTargets<Label> branchTargets) {
        this.allocs = allocations;
        this.targets = branchTargets;
        inst.encoding().encode(this);
        this.allocs = List.of();
        this.targets = null;
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
