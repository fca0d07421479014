package org.pyjit.x86;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pyjit.codegen.vcode.FrameLayout;
import org.pyjit.codegen.vcode.MachineEmitter;
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
 * handler, and the allocation of the instruction being encoded. Implements the shared driver's
 * {@link MachineEmitter}; {@link X86Inst} encoders read their operands' registers from it.
 */
public final class EmitContext implements MachineEmitter<X86Inst, Label> {
    private final X86Assembler asm;
    private final FrameLayout frame;
    private final Map<String, Label> functions;
    private final Map<String, Label> cEntries;
    private final Label trapHandler;
    private final Map<Integer, Label> trapStubs = new LinkedHashMap<>();
    private List<Allocation> allocs = List.of();
    private BranchTargets<Label> targets;

    EmitContext(X86Assembler asm, FrameLayout frame, Map<String, Label> functions, Map<String, Label> cEntries,
                Label trapHandler) {
        this.asm = asm;
        this.frame = frame;
        this.functions = functions;
        this.cEntries = cEntries;
        this.trapHandler = trapHandler;
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

    private org.pyjit.regalloc.PReg reg(int i) {
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

    /** True if successor {@code s} is the next code emitted. */
    public boolean fallsThrough(int s) {
        return targets.fallsThrough(s);
    }

    /** The internal entry of module function {@code name} (stack limit in r15), for IR calls. */
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

    /** An out-of-line stub of this function that raises trap {@code code}. */
    public Label trap(TrapCode code) {
        return trapStubs.computeIfAbsent(code.code(), k -> asm.newLabel("trap_" + code.text()));
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
        for (Map.Entry<Integer, Label> e : trapStubs.entrySet()) {
            asm.bind(e.getValue());
            asm.mov(Width.B32, Gpr.RAX, e.getKey());
            asm.jmp(trapHandler);
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
    public void emit(X86Inst inst, List<Allocation> allocations, BranchTargets<Label> branchTargets) {
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
