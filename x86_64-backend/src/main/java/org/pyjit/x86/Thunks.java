package org.pyjit.x86;

import java.util.List;
import org.pyjit.codegen.TrapSupport;
import org.pyjit.codegen.lower.ArgLocation;
import org.pyjit.codegen.lower.ArgLocations;
import org.pyjit.ir.Signature;
import org.pyjit.ir.Type;
import org.pyjit.x86.asm.AluOp;
import org.pyjit.x86.asm.Cond;
import org.pyjit.x86.asm.Gpr;
import org.pyjit.x86.asm.Label;
import org.pyjit.x86.asm.Mem;
import org.pyjit.x86.asm.RipRel;
import org.pyjit.x86.asm.Width;
import org.pyjit.x86.asm.X86Assembler;
import org.pyjit.x86.asm.Xmm;

/**
 * The Java entry thunks, the C entries and the module's trap handler (the contract is in
 * {@link org.pyjit.codegen.Backend}).
 *
 * <p>Every thunk builds the same frame, so one {@code unwind} sequence leaves any of them:
 * <pre>
 *   rbp + 0        caller's rbp          rbp - 48   ctx
 *   rbp - 8..-40   rbx r12 r13 r14 r15   rbp - 56   previous ctx+0 (a thunk further up, or 0)
 *                                        rbp - 64   padding: the saved stack pointer points here
 * </pre>
 * The thunk stores {@code rbp - 64} at {@code ctx+0}; on the way out (normally or through a trap)
 * {@code unwind} restores the previous value, so thunks nest (compiled code → native → Java →
 * compiled code) and a trap unwinds to the innermost one. The thunk loads the stack limit from
 * {@code ctx+16} into r15 (saved above, so an outer compiled caller gets its own back).
 *
 * <p>A C entry ({@link #cEntry}) is what native callers and {@code func_addr} get: it keeps the
 * native caller's r15, sets r15 to the limit of the thread's context (0 when the thread has none)
 * and calls the function's internal entry.
 */
final class Thunks {
    private static final int SAVED_SP_FROM_RBP = -64;
    private static final List<Gpr> SAVED = List.of(Gpr.RBX, Gpr.R12, Gpr.R13, Gpr.R14, Gpr.R15);

    private Thunks() {
    }

    /** {@code int64_t thunk(int64_t *args, ThreadContext *ctx)} calling {@code target}. */
    static void thunk(X86Assembler a, Signature sig, Label target, Label unwind) {
        a.push(Gpr.RBP);
        a.mov(Width.B64, Gpr.RBP, Gpr.RSP);
        for (Gpr g : SAVED) {
            a.push(g);
        }
        a.push(Gpr.RSI);
        a.mov(Width.B64, Gpr.RAX, Mem.of(Gpr.RSI));
        a.push(Gpr.RAX);
        a.alu(AluOp.SUB, Width.B64, Gpr.RSP, 8);
        a.mov(Width.B64, Mem.of(Gpr.RSI), Gpr.RSP);
        a.mov(Width.B64, Gpr.R12, Gpr.RDI);
        a.mov(Width.B64, X86Regs.STACK_LIMIT, Mem.of(Gpr.RSI, TrapSupport.STACK_LIMIT_OFFSET));

        List<Type> params = sig.params();
        ArgLocations locs = ArgLocations.assign(params, X86Regs.INT_ARGS.size(), X86Regs.FLOAT_ARGS.size());
        int stackWords = locs.stackSlots();
        if (stackWords > 0) {
            a.alu(AluOp.SUB, Width.B64, Gpr.RSP, (stackWords * 8 + 15) & -16);
        }
        for (int i = 0; i < params.size(); i++) {
            Type t = params.get(i);
            Mem src = Mem.of(Gpr.R12, 8 * i);
            ArgLocation loc = locs.get(i);
            if (loc instanceof ArgLocation.FloatReg f) {
                Xmm x = X86Regs.FLOAT_ARGS.get(f.index());
                if (t == Type.F32) {
                    a.movss(x, src);
                } else {
                    a.movsd(x, src);
                }
            } else if (loc instanceof ArgLocation.IntReg r) {
                a.mov(Width.B64, X86Regs.INT_ARGS.get(r.index()), src);
            } else if (loc instanceof ArgLocation.Stack s) {
                a.mov(Width.B64, Gpr.RAX, src);
                a.mov(Width.B64, Mem.of(Gpr.RSP, 8 * s.slot()), Gpr.RAX);
            }
        }
        a.call(target);
        if (!sig.returns().isEmpty()) {
            if (sig.returns().get(0).isFloat()) {
                a.movsd(Mem.of(Gpr.R12), Xmm.XMM0);
            } else {
                a.mov(Width.B64, Mem.of(Gpr.R12), Gpr.RAX);
            }
        }
        a.alu(AluOp.XOR, Width.B32, Gpr.RAX, Gpr.RAX);
        a.lea(Width.B64, Gpr.RSP, Mem.of(Gpr.RBP, SAVED_SP_FROM_RBP));
        a.jmp(unwind);
    }

    /**
     * The C entry of a function with signature {@code sig} whose internal entry is {@code body}:
     * <pre>
     *   push rbp; mov rbp, rsp; push r15; sub rsp, n
     *   save the register arguments below [rbp-8]
     *   r15 = pthread_getspecific(key) ? ctx->limit : 0
     *   reload the register arguments; copy the stack arguments to [rsp]
     *   call body; mov r15, [rbp-8]; leave; ret
     * </pre>
     * The key and the address of {@code pthread_getspecific} come from the constant pool, so the
     * code bytes do not depend on the process.
     */
    static void cEntry(X86Assembler a, Signature sig, TrapSupport traps, Label body) {
        ArgLocations locs = ArgLocations.assign(sig.params(), X86Regs.INT_ARGS.size(), X86Regs.FLOAT_ARGS.size());
        int stackWords = locs.stackSlots();
        int intRegs = locs.intRegs();
        int floatRegs = locs.floatRegs();
        int belowRbp = (8 + 8 * (intRegs + floatRegs) + 8 * stackWords + 15) & -16;
        a.push(Gpr.RBP);
        a.mov(Width.B64, Gpr.RBP, Gpr.RSP);
        a.push(X86Regs.STACK_LIMIT);
        a.alu(AluOp.SUB, Width.B64, Gpr.RSP, belowRbp - 8);
        for (int i = 0; i < intRegs; i++) {
            a.mov(Width.B64, argSave(i), X86Regs.INT_ARGS.get(i));
        }
        for (int j = 0; j < floatRegs; j++) {
            a.movsd(argSave(intRegs + j), X86Regs.FLOAT_ARGS.get(j));
        }
        Label noContext = a.newLabel("no_context");
        a.mov(Width.B64, Gpr.RDI, RipRel.of(a.constantLabel(traps.tlsKey())));
        a.call(RipRel.of(a.constantLabel(traps.pthreadGetspecific())));
        a.alu(AluOp.XOR, Width.B32, X86Regs.STACK_LIMIT, X86Regs.STACK_LIMIT);
        a.alu(AluOp.TEST, Width.B64, Gpr.RAX, Gpr.RAX);
        a.jcc(Cond.E, noContext);
        a.mov(Width.B64, X86Regs.STACK_LIMIT, Mem.of(Gpr.RAX, TrapSupport.STACK_LIMIT_OFFSET));
        a.bind(noContext);
        for (int i = 0; i < intRegs; i++) {
            a.mov(Width.B64, X86Regs.INT_ARGS.get(i), argSave(i));
        }
        for (int j = 0; j < floatRegs; j++) {
            a.movsd(X86Regs.FLOAT_ARGS.get(j), argSave(intRegs + j));
        }
        for (int k = 0; k < stackWords; k++) {
            a.mov(Width.B64, X86Regs.INT_SCRATCH, Mem.of(Gpr.RBP, 16 + 8 * k));
            a.mov(Width.B64, Mem.of(Gpr.RSP, 8 * k), X86Regs.INT_SCRATCH);
        }
        a.call(body);
        a.mov(Width.B64, X86Regs.STACK_LIMIT, Mem.of(Gpr.RBP, -8));
        a.mov(Width.B64, Gpr.RSP, Gpr.RBP);
        a.pop(Gpr.RBP);
        a.ret();
    }

    /** Where a C entry keeps register argument {@code i} during the context lookup. */
    private static Mem argSave(int i) {
        return Mem.of(Gpr.RBP, -16 - 8 * i);
    }

    /** Leaves a thunk frame whose saved stack pointer is in rsp, returning eax. */
    static void unwind(X86Assembler a) {
        a.alu(AluOp.ADD, Width.B64, Gpr.RSP, 8);
        a.pop(Gpr.RCX);
        a.pop(Gpr.RSI);
        a.mov(Width.B64, Mem.of(Gpr.RSI), Gpr.RCX);
        for (int i = SAVED.size() - 1; i >= 0; i--) {
            a.pop(SAVED.get(i));
        }
        a.pop(Gpr.RBP);
        a.ret();
    }

    /**
     * The trap handler, entered by jump with the trap code in eax and any stack: finds the
     * thread's context through the pthread key, resumes at the innermost thunk's saved stack
     * pointer and unwinds it, returning the code. No active thunk: {@code abort()}.
     */
    static void trapHandler(X86Assembler a, TrapSupport traps, Label unwind) {
        Label abort = a.newLabel("abort");
        a.mov(Width.B32, Gpr.RBX, Gpr.RAX);
        a.alu(AluOp.AND, Width.B64, Gpr.RSP, -16);
        a.mov(Width.B64, Gpr.RDI, traps.tlsKey());
        a.callAbsolute(traps.pthreadGetspecific());
        a.alu(AluOp.TEST, Width.B64, Gpr.RAX, Gpr.RAX);
        a.jcc(Cond.E, abort);
        a.mov(Width.B64, Gpr.RCX, Mem.of(Gpr.RAX));
        a.alu(AluOp.TEST, Width.B64, Gpr.RCX, Gpr.RCX);
        a.jcc(Cond.E, abort);
        a.mov(Width.B64, Gpr.RSP, Gpr.RCX);
        a.mov(Width.B32, Gpr.RAX, Gpr.RBX);
        a.jmp(unwind);
        a.bind(abort);
        a.callAbsolute(traps.abort());
        a.ud2();
    }
}
