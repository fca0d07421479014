package org.pyjit.aarch64;

import java.util.List;
import org.pyjit.aarch64.asm.A64Assembler;
import org.pyjit.aarch64.asm.AddSubOp;
import org.pyjit.aarch64.asm.Addr;
import org.pyjit.aarch64.asm.Fp;
import org.pyjit.aarch64.asm.FpWidth;
import org.pyjit.aarch64.asm.Gp;
import org.pyjit.aarch64.asm.Label;
import org.pyjit.aarch64.asm.MemOp;
import org.pyjit.aarch64.asm.Width;
import org.pyjit.codegen.TrapSupport;
import org.pyjit.codegen.lower.ArgLocation;
import org.pyjit.codegen.lower.ArgLocations;
import org.pyjit.ir.Signature;
import org.pyjit.ir.Type;

/**
 * The Java entry thunks, the C entries and the module's trap handler (contract in
 * {@link org.pyjit.codegen.Backend}).
 *
 * <p>Every thunk builds the same 176-byte frame, so one {@code unwind} sequence leaves any of them:
 * <pre>
 *   sp + 0    x29, x30          sp + 96   d8 .. d15 (low 64 bits)
 *   sp + 16   x19 .. x28        sp + 160  ctx, previous ctx+0 (an outer thunk's, or 0)
 * </pre>
 * The thunk stores its frame address at {@code ctx+0}; leaving (normally or through a trap)
 * restores the previous value, so thunks nest and a trap unwinds to the innermost one. The thunk
 * loads the stack limit from {@code ctx+16} into x28 (saved above with x19-x28).
 *
 * <p>A C entry ({@link #cEntry}) is what native callers and {@code func_addr} get: it keeps the
 * native caller's x28, sets x28 to the limit of the thread's context (0 when the thread has none)
 * and calls the function's internal entry.
 */
final class Thunks {
    private static final int FRAME = 176;
    private static final int CTX = 160;

    private Thunks() {
    }

    private static void calleeSaved(A64Assembler a, boolean load) {
        for (int k = 0; k < 5; k++) {
            a.pair(load, Width.X, Gp.of(19 + 2 * k), Gp.of(20 + 2 * k), Addr.of(Gp.SP, 16 + 16 * k));
        }
        for (int k = 0; k < 4; k++) {
            a.pair(load, FpWidth.D, Fp.values()[8 + 2 * k], Fp.values()[9 + 2 * k], Addr.of(Gp.SP, 96 + 16 * k));
        }
    }

    /** {@code int64_t thunk(int64_t *args, ThreadContext *ctx)} calling {@code target}. */
    static void thunk(A64Assembler a, Signature sig, Label target, Label unwind) {
        Gp tmp = Gp.R9;
        Gp args = Gp.R19;
        a.pair(false, Width.X, Gp.FP, Gp.LR, new Addr.PreIndex(Gp.SP, -FRAME));
        a.mov(Width.X, Gp.FP, Gp.SP);
        calleeSaved(a, false);
        a.mem(MemOp.LDR_X, tmp, Addr.of(Gp.R1, 0));
        a.pair(false, Width.X, Gp.R1, tmp, Addr.of(Gp.SP, CTX));
        a.mov(Width.X, tmp, Gp.SP);
        a.mem(MemOp.STR_X, tmp, Addr.of(Gp.R1, 0));
        a.mem(MemOp.LDR_X, A64Regs.STACK_LIMIT, Addr.of(Gp.R1, TrapSupport.STACK_LIMIT_OFFSET));
        a.mov(Width.X, args, Gp.R0);

        List<Type> params = sig.params();
        ArgLocations locs = ArgLocations.assign(params, A64Regs.INT_ARGS.size(), A64Regs.FLOAT_ARGS.size());
        int stackWords = locs.stackSlots();
        if (stackWords > 0) {
            a.addSubImm(AddSubOp.SUB, Width.X, Gp.SP, Gp.SP, (stackWords * 8L + 15) & -16);
        }
        for (int i = 0; i < params.size(); i++) {
            Type t = params.get(i);
            Addr src = Addr.of(args, 8L * i);
            ArgLocation loc = locs.get(i);
            if (loc instanceof ArgLocation.FloatReg f) {
                a.mem(t == Type.F32 ? MemOp.LDR_S : MemOp.LDR_D, A64Regs.FLOAT_ARGS.get(f.index()), src);
            } else if (loc instanceof ArgLocation.IntReg r) {
                a.mem(MemOp.LDR_X, A64Regs.INT_ARGS.get(r.index()), src);
            } else if (loc instanceof ArgLocation.Stack s) {
                a.mem(MemOp.LDR_X, tmp, src);
                a.mem(MemOp.STR_X, tmp, Addr.of(Gp.SP, 8L * s.slot()));
            }
        }
        a.bl(target);
        if (!sig.returns().isEmpty()) {
            Type r = sig.returns().get(0);
            if (r.isFloat()) {
                a.mem(MemOp.STR_D, Fp.V0, Addr.of(args, 0));
            } else {
                a.mem(MemOp.STR_X, Gp.R0, Addr.of(args, 0));
            }
        }
        a.movz(Width.W, Gp.R0, 0, 0);
        a.mov(Width.X, Gp.SP, Gp.FP);
        a.b(unwind);
    }

    /**
     * The C entry of a function with signature {@code sig} whose internal entry is {@code body}:
     * <pre>
     *   stp x29, x30, [sp, #-16]!; mov x29, sp; sub sp, sp, #n; stur x28, [x29, #-8]
     *   save the register arguments below [x29-8]
     *   x28 = pthread_getspecific(key) ? ctx->limit : 0
     *   reload the register arguments; copy the stack arguments to [sp]
     *   bl body; ldur x28, [x29, #-8]; mov sp, x29; ldp x29, x30, [sp], #16; ret
     * </pre>
     * The key and the address of {@code pthread_getspecific} are loaded from the constant pool.
     */
    static void cEntry(A64Assembler a, Signature sig, TrapSupport traps, Label body) {
        List<Type> params = sig.params();
        List<Type> intRegs = new java.util.ArrayList<>();
        List<Type> floatRegs = new java.util.ArrayList<>();
        int stackWords = 0;
        for (Type t : params) {
            if (t.isFloat() && floatRegs.size() < A64Regs.FLOAT_ARGS.size()) {
                floatRegs.add(t);
            } else if (t.isInt() && intRegs.size() < A64Regs.INT_ARGS.size()) {
                intRegs.add(t);
            } else {
                stackWords++;
            }
        }
        int saves = intRegs.size() + floatRegs.size();
        long below = (8 + 8L * saves + 8L * stackWords + 15) & -16;
        a.pair(false, Width.X, Gp.FP, Gp.LR, new Addr.PreIndex(Gp.SP, -16));
        a.mov(Width.X, Gp.FP, Gp.SP);
        a.addSubImm(AddSubOp.SUB, Width.X, Gp.SP, Gp.SP, below);
        a.mem(MemOp.STR_X, A64Regs.STACK_LIMIT, Addr.of(Gp.FP, -8));
        for (int i = 0; i < intRegs.size(); i++) {
            a.mem(MemOp.STR_X, A64Regs.INT_ARGS.get(i), argSave(i));
        }
        for (int j = 0; j < floatRegs.size(); j++) {
            a.mem(MemOp.STR_D, A64Regs.FLOAT_ARGS.get(j), argSave(intRegs.size() + j));
        }
        Label noContext = a.newLabel("no_context");
        a.ldrLiteral(MemOp.LDR_X, Gp.R0, a.constant(traps.tlsKey()));
        a.ldrLiteral(MemOp.LDR_X, Gp.R16, a.constant(traps.pthreadGetspecific()));
        a.blr(Gp.R16);
        a.movz(Width.X, A64Regs.STACK_LIMIT, 0, 0);
        a.cbz(Width.X, Gp.R0, noContext);
        a.mem(MemOp.LDR_X, A64Regs.STACK_LIMIT, Addr.of(Gp.R0, TrapSupport.STACK_LIMIT_OFFSET));
        a.bind(noContext);
        for (int i = 0; i < intRegs.size(); i++) {
            a.mem(MemOp.LDR_X, A64Regs.INT_ARGS.get(i), argSave(i));
        }
        for (int j = 0; j < floatRegs.size(); j++) {
            a.mem(MemOp.LDR_D, A64Regs.FLOAT_ARGS.get(j), argSave(intRegs.size() + j));
        }
        for (int k = 0; k < stackWords; k++) {
            a.mem(MemOp.LDR_X, Gp.R16, Addr.of(Gp.FP, 16 + 8L * k));
            a.mem(MemOp.STR_X, Gp.R16, Addr.of(Gp.SP, 8L * k));
        }
        a.bl(body);
        a.mem(MemOp.LDR_X, A64Regs.STACK_LIMIT, Addr.of(Gp.FP, -8));
        a.mov(Width.X, Gp.SP, Gp.FP);
        a.pair(true, Width.X, Gp.FP, Gp.LR, new Addr.PostIndex(Gp.SP, 16));
        a.ret();
    }

    /** Where a C entry keeps register argument {@code i} during the context lookup. */
    private static Addr argSave(int i) {
        return Addr.of(Gp.FP, -16 - 8L * i);
    }

    /** Leaves the thunk frame at sp, returning w0, and restores the previous ctx+0. */
    static void unwind(A64Assembler a) {
        a.pair(true, Width.X, Gp.R1, Gp.R9, Addr.of(Gp.SP, CTX));
        a.mem(MemOp.STR_X, Gp.R9, Addr.of(Gp.R1, 0));
        calleeSaved(a, true);
        a.pair(true, Width.X, Gp.FP, Gp.LR, new Addr.PostIndex(Gp.SP, FRAME));
        a.ret();
    }

    /**
     * The trap handler, entered by branch with the trap code in w0: finds the thread's context
     * through the pthread key, resumes at the innermost thunk's frame and unwinds it, returning the
     * code. No active thunk: {@code abort()}. It may clobber x19 (the thunk restores it).
     */
    static void trapHandler(A64Assembler a, TrapSupport traps, Label unwind) {
        Label abort = a.newLabel("abort");
        a.mov(Width.W, Gp.R19, Gp.R0);
        a.movImm(Width.W, Gp.R0, traps.tlsKey());
        a.movImm(Width.X, Gp.R16, traps.pthreadGetspecific());
        a.blr(Gp.R16);
        a.cbz(Width.X, Gp.R0, abort);
        a.mem(MemOp.LDR_X, Gp.R9, Addr.of(Gp.R0, 0));
        a.cbz(Width.X, Gp.R9, abort);
        a.mov(Width.X, Gp.SP, Gp.R9);
        a.mov(Width.W, Gp.R0, Gp.R19);
        a.b(unwind);
        a.bind(abort);
        a.movImm(Width.X, Gp.R16, traps.abort());
        a.blr(Gp.R16);
        a.brk(1);
    }
}
