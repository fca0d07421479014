package org.pyjit.aarch64;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.pyjit.aarch64.asm.Fp;
import org.pyjit.aarch64.asm.FpWidth;
import org.pyjit.aarch64.asm.Gp;
import org.pyjit.aarch64.asm.Width;
import org.pyjit.regalloc.MachineEnv;
import org.pyjit.regalloc.PReg;
import org.pyjit.regalloc.RegClass;

/**
 * The AAPCS64 machine as the register allocator sees it, and the mapping between allocator
 * registers ({@link PReg}, hardware number within a class) and encoder registers.
 *
 * <p>Never allocated: x16 (the move resolver's scratch), x17 (the emitter's private scratch for
 * frame addresses and constants inside one instruction or move), x18 (platform register), x29
 * (frame pointer), x30 (link register), sp; v31 (float scratch); x28 (the thread's stack limit,
 * {@link #STACK_LIMIT}). Allocatable: x0-x15 and v0-v7, v16-v30 caller-saved; x19-x27 and v8-v15
 * callee-saved (AAPCS64 preserves only the low 64
 * bits of v8-v15, all this backend keeps in them).
 */
public final class A64Regs {
    private A64Regs() {
    }

    /** Integer argument registers x0-x7. */
    public static final List<Gp> INT_ARGS = List.of(Gp.R0, Gp.R1, Gp.R2, Gp.R3, Gp.R4, Gp.R5, Gp.R6, Gp.R7);
    /** Float argument registers v0-v7. */
    public static final List<Fp> FLOAT_ARGS = List.of(Fp.V0, Fp.V1, Fp.V2, Fp.V3, Fp.V4, Fp.V5, Fp.V6, Fp.V7);
    /** The move resolver's integer scratch register. */
    public static final Gp INT_SCRATCH = Gp.R16;
    /** The emitter's private integer scratch (frame addresses, constants in moves and sequences). */
    public static final Gp EMIT_SCRATCH = Gp.R17;
    /**
     * Holds the lowest stack address compiled code may use (0: no limit) from the Java thunk or C
     * entry down through every IR call; callee-saved, so calls out to C preserve it.
     */
    public static final Gp STACK_LIMIT = Gp.R28;
    /** The move resolver's float scratch register. */
    public static final Fp FLOAT_SCRATCH = Fp.V31;

    private static final List<Gp> INT_CALLER_SAVED = range(0, 15);
    private static final List<Gp> INT_CALLEE_SAVED = range(19, 27);

    private static List<Gp> range(int from, int to) {
        List<Gp> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add(Gp.of(i));
        }
        return List.copyOf(out);
    }

    private static boolean floatCalleeSaved(Fp f) {
        return f.ordinal() >= 8 && f.ordinal() <= 15;
    }

    /** The allocator's view of the machine: caller-saved registers preferred. */
    public static final MachineEnv ENV = MachineEnv.build(b -> {
        for (Gp g : INT_CALLER_SAVED) {
            b.reg(RegClass.INT, g.encoding(), g.name(Width.X));
        }
        for (Gp g : INT_CALLEE_SAVED) {
            b.calleeSaved(RegClass.INT, g.encoding(), g.name(Width.X));
        }
        b.scratch(RegClass.INT, INT_SCRATCH.encoding(), INT_SCRATCH.name(Width.X));
        for (Fp f : Fp.values()) {
            if (f != FLOAT_SCRATCH && !floatCalleeSaved(f)) {
                b.reg(RegClass.FLOAT, f.encoding(), f.name(FpWidth.D));
            }
        }
        for (Fp f : Fp.values()) {
            if (floatCalleeSaved(f)) {
                b.calleeSaved(RegClass.FLOAT, f.encoding(), f.name(FpWidth.D));
            }
        }
        b.scratch(RegClass.FLOAT, FLOAT_SCRATCH.encoding(), FLOAT_SCRATCH.name(FpWidth.D));
    });

    /** Every allocatable register a call destroys. */
    public static final Set<PReg> CALL_CLOBBERS = callClobbers();

    /** The allocator register for {@code g}. */
    public static PReg preg(Gp g) {
        return new PReg(RegClass.INT, g.encoding());
    }

    /** The allocator register for {@code f}. */
    public static PReg preg(Fp f) {
        return new PReg(RegClass.FLOAT, f.encoding());
    }

    /** The general register of an integer-class allocator register. */
    public static Gp gp(PReg r) {
        if (r.cls() != RegClass.INT) {
            throw new IllegalArgumentException(r + " is not an integer register");
        }
        return Gp.of(r.hwEncoding());
    }

    /** The FP register of a float-class allocator register. */
    public static Fp fp(PReg r) {
        if (r.cls() != RegClass.FLOAT) {
            throw new IllegalArgumentException(r + " is not a float register");
        }
        return Fp.values()[r.hwEncoding()];
    }

    private static Set<PReg> callClobbers() {
        Set<PReg> s = new TreeSet<>();
        INT_CALLER_SAVED.forEach(g -> s.add(preg(g)));
        for (Fp f : Fp.values()) {
            if (f != FLOAT_SCRATCH && !floatCalleeSaved(f)) {
                s.add(preg(f));
            }
        }
        return Collections.unmodifiableSet(s);
    }
}
