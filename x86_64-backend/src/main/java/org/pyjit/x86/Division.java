package org.pyjit.x86;

import static org.pyjit.regalloc.Operand.fixedDef;
import static org.pyjit.regalloc.Operand.fixedTemp;
import static org.pyjit.regalloc.Operand.fixedUse;
import static org.pyjit.regalloc.Operand.temp;
import static org.pyjit.regalloc.Operand.use;

import java.util.List;
import java.util.Set;
import org.pyjit.ir.Inst;
import org.pyjit.ir.Ints;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.TrapCode;
import org.pyjit.ir.Type;
import org.pyjit.regalloc.RegClass;
import org.pyjit.x86.asm.AluOp;
import org.pyjit.x86.asm.Cond;
import org.pyjit.x86.asm.Gpr;
import org.pyjit.x86.asm.Label;
import org.pyjit.x86.asm.UnaryOp;
import org.pyjit.x86.asm.Width;
import org.pyjit.x86.asm.X86Assembler;

/**
 * {@code sdiv udiv srem urem}: {@code div}/{@code idiv} with the dividend in rax, the quotient in
 * rax and the remainder in rdx. x86 faults on a zero divisor and on {@code MIN / -1}; the IR
 * traps on both for division and defines {@code MIN % -1 = 0}, so the sequence checks
 * explicitly: zero divisor → {@code int_divz}; divisor -1 → negation (sdiv, trapping
 * {@code int_ovf} on MIN) or 0 (srem), never reaching {@code idiv}.
 *
 * <p>Operands: {@code [def result @rax|@rdx, use dividend @rax, use divisor, temp t, temp @rdx]}
 * for division ({@code [.., temp t]} with rax clobbered for remainders). The divisor is first
 * copied (extended from narrow widths) into t, which is neither rax nor rdx; i8/i16 operate at 32
 * bits after extending the dividend in rax.
 */
final class Division {
    private final Lowering l;

    Division(Lowering l) {
        this.l = l;
    }

    void lower(Inst i) {
        Opcode op = i.opcode();
        Type t = i.result().type();
        boolean signed = op == Opcode.SDIV || op == Opcode.SREM;
        boolean remainder = op == Opcode.SREM || op == Opcode.UREM;
        boolean narrow = t == Type.I8 || t == Type.I16;
        Width w = Lowering.aluWidth(t);
        var rax = X86Regs.preg(Gpr.RAX);
        var rdx = X86Regs.preg(Gpr.RDX);
        var result = l.valueReg(i.result());
        var dividend = l.useReg(i.arg(0));
        var divisor = l.useReg(i.arg(1));
        var tmp = l.builder().newVReg(RegClass.INT);
        X86Inst.Encoding enc = c -> {
            X86Assembler a = c.asm();
            Gpr d = c.gpr(3);
            Gpr b = c.gpr(2);
            if (narrow) {
                Width nw = Lowering.exactWidth(t);
                if (signed) {
                    a.movsx(Width.B32, d, nw, b);
                    a.movsx(Width.B32, Gpr.RAX, nw, Gpr.RAX);
                } else {
                    a.movzx(Width.B32, d, nw, b);
                    a.movzx(Width.B32, Gpr.RAX, nw, Gpr.RAX);
                }
            } else {
                a.mov(w, d, b);
            }
            a.alu(AluOp.TEST, w, d, d);
            a.jcc(Cond.E, c.trap(TrapCode.INT_DIVZ));
            Label done = a.newLabel("div_done");
            if (signed) {
                Label regular = a.newLabel("div");
                a.alu(AluOp.CMP, w, d, -1);
                a.jcc(Cond.NE, regular);
                if (remainder) {
                    a.alu(AluOp.XOR, Width.B32, Gpr.RDX, Gpr.RDX);
                } else if (narrow) {
                    a.alu(AluOp.CMP, Width.B32, Gpr.RAX, Ints.min(t));
                    a.jcc(Cond.E, c.trap(TrapCode.INT_OVF));
                    a.unary(UnaryOp.NEG, Width.B32, Gpr.RAX);
                } else {
                    a.unary(UnaryOp.NEG, w, Gpr.RAX);
                    a.jcc(Cond.O, c.trap(TrapCode.INT_OVF));
                }
                a.jmp(done);
                a.bind(regular);
                if (w == Width.B64) {
                    a.cqo();
                } else {
                    a.cdq();
                }
                a.unary(UnaryOp.IDIV, w, d);
            } else {
                a.alu(AluOp.XOR, Width.B32, Gpr.RDX, Gpr.RDX);
                a.unary(UnaryOp.DIV, w, d);
            }
            a.bind(done);
        };
        String text = op.text();
        if (remainder) {
            l.pushInst(text, List.of(fixedDef(result, rdx), fixedUse(dividend, rax), use(divisor), temp(tmp)),
                    Set.of(rax), enc);
        } else {
            l.pushInst(text, List.of(fixedDef(result, rax), fixedUse(dividend, rax), use(divisor), temp(tmp),
                    fixedTemp(l.builder().newVReg(RegClass.INT), rdx)), enc);
        }
    }
}
