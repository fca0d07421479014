package org.pyjit.x86;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.pyjit.regalloc.MachineEnv;
import org.pyjit.regalloc.PReg;
import org.pyjit.regalloc.RegClass;
import org.pyjit.x86.asm.Gpr;
import org.pyjit.x86.asm.Xmm;

/**
 * The x86-64 System V machine as the register allocator sees it, and the mapping between
 * allocator registers ({@link PReg}, hardware encoding within a class) and assembler registers.
 *
 * <p>rsp and rbp are never allocated (stack and frame pointer), nor is r15: it holds the thread's
 * stack limit ({@link #STACK_LIMIT}) throughout compiled code. r11 and xmm15 are the move
 * resolver's scratch registers; instructions may also use them internally as long as nothing
 * stays in them across the instruction. Integer registers are listed caller-saved first so short
 * lived values avoid callee-saved registers (which cost a save and restore).
 */
public final class X86Regs {
    private X86Regs() {
    }

    /** Integer argument registers of the System V ABI, in order. */
    public static final List<Gpr> INT_ARGS = List.of(Gpr.RDI, Gpr.RSI, Gpr.RDX, Gpr.RCX, Gpr.R8, Gpr.R9);
    /** Float argument registers of the System V ABI, in order. */
    public static final List<Xmm> FLOAT_ARGS = List.of(Xmm.XMM0, Xmm.XMM1, Xmm.XMM2, Xmm.XMM3,
            Xmm.XMM4, Xmm.XMM5, Xmm.XMM6, Xmm.XMM7);
    /** Allocatable caller-saved integer registers. */
    public static final List<Gpr> INT_CALLER_SAVED = List.of(Gpr.RAX, Gpr.RCX, Gpr.RDX, Gpr.RSI, Gpr.RDI,
            Gpr.R8, Gpr.R9, Gpr.R10);
    /** Allocatable callee-saved integer registers. */
    public static final List<Gpr> INT_CALLEE_SAVED = List.of(Gpr.RBX, Gpr.R12, Gpr.R13, Gpr.R14);
    /**
     * Holds the lowest stack address compiled code may use (0: no limit) from the Java thunk or C
     * entry down through every IR call; callee-saved, so calls out to C preserve it.
     */
    public static final Gpr STACK_LIMIT = Gpr.R15;
    /** The integer scratch register. */
    public static final Gpr INT_SCRATCH = Gpr.R11;
    /** The float scratch register. */
    public static final Xmm FLOAT_SCRATCH = Xmm.XMM15;

    /** The allocator's view of the machine. */
    public static final MachineEnv ENV = MachineEnv.build(b -> {
        for (Gpr g : INT_CALLER_SAVED) {
            b.reg(RegClass.INT, g.encoding(), g.assemblyName(org.pyjit.x86.asm.Width.B64));
        }
        for (Gpr g : INT_CALLEE_SAVED) {
            b.calleeSaved(RegClass.INT, g.encoding(), g.assemblyName(org.pyjit.x86.asm.Width.B64));
        }
        b.scratch(RegClass.INT, INT_SCRATCH.encoding(), "r11");
        for (Xmm x : Xmm.values()) {
            if (x != FLOAT_SCRATCH) {
                b.reg(RegClass.FLOAT, x.encoding(), x.assemblyName());
            }
        }
        b.scratch(RegClass.FLOAT, FLOAT_SCRATCH.encoding(), FLOAT_SCRATCH.assemblyName());
    });

    /** Every allocatable register a call destroys: all caller-saved integer and float registers. */
    public static final Set<PReg> CALL_CLOBBERS = callClobbers();

    /** The allocator register for {@code g}. */
    public static PReg preg(Gpr g) {
        return new PReg(RegClass.INT, g.encoding());
    }

    /** The allocator register for {@code x}. */
    public static PReg preg(Xmm x) {
        return new PReg(RegClass.FLOAT, x.encoding());
    }

    /** The general-purpose register of an integer-class allocator register. */
    public static Gpr gpr(PReg r) {
        if (r.cls() != RegClass.INT) {
            throw new IllegalArgumentException(r + " is not an integer register");
        }
        return Gpr.values()[r.hwEncoding()];
    }

    /** The SSE register of a float-class allocator register. */
    public static Xmm xmm(PReg r) {
        if (r.cls() != RegClass.FLOAT) {
            throw new IllegalArgumentException(r + " is not a float register");
        }
        return Xmm.values()[r.hwEncoding()];
    }

    private static Set<PReg> callClobbers() {
        Set<PReg> s = new TreeSet<>();
        for (Gpr g : INT_CALLER_SAVED) {
            s.add(preg(g));
        }
        for (Xmm x : Xmm.values()) {
            if (x != FLOAT_SCRATCH) {
                s.add(preg(x));
            }
        }
        return java.util.Collections.unmodifiableSet(s);
    }
}
