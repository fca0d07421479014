package org.pyjit.x86;

import static org.pyjit.regalloc.Operand.def;
import static org.pyjit.regalloc.Operand.reuseDef;
import static org.pyjit.regalloc.Operand.temp;
import static org.pyjit.regalloc.Operand.use;

import java.util.List;
import org.pyjit.ir.Inst;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.TrapCode;
import org.pyjit.ir.Type;
import org.pyjit.regalloc.RegClass;
import org.pyjit.x86.asm.Cond;
import org.pyjit.x86.asm.Label;
import org.pyjit.x86.asm.SseOp;
import org.pyjit.x86.asm.Width;
import org.pyjit.x86.asm.X86Assembler;

/**
 * Floating point: SSE2 scalar arithmetic in two-address form, sign-mask {@code xorps/andps} for
 * {@code fneg/fabs}, exact {@code fmin/fmax}, and the conversions (range-checked
 * {@code fcvt_to_sint}, {@code fcvt_from_sint} from every width, {@code movq/movd} bitcasts).
 */
final class FloatLowering {
    private final Lowering l;

    FloatLowering(Lowering l) {
        this.l = l;
    }

    void lower(Inst i) {
        switch (i.opcode()) {
            case FADD -> arith(i, SseOp.ADDSD, SseOp.ADDSS);
            case FSUB -> arith(i, SseOp.SUBSD, SseOp.SUBSS);
            case FMUL -> arith(i, SseOp.MULSD, SseOp.MULSS);
            case FDIV -> arith(i, SseOp.DIVSD, SseOp.DIVSS);
            case FMIN, FMAX -> minMax(i);
            case FNEG, FABS -> signMask(i);
            case SQRT -> {
                SseOp op = i.result().type() == Type.F32 ? SseOp.SQRTSS : SseOp.SQRTSD;
                l.pushInst(op.mnemonic(), List.of(def(l.valueReg(i.result())), use(l.useReg(i.arg(0)))),
                        c -> c.asm().sse(op, c.xmm(0), c.xmm(1)));
            }
            case FPROMOTE -> convertFloat(i, SseOp.CVTSS2SD);
            case FDEMOTE -> convertFloat(i, SseOp.CVTSD2SS);
            case FCVT_FROM_SINT -> fromSint(i);
            case FCVT_TO_SINT -> toSint(i);
            case BITCAST -> bitcast(i);
            default -> throw new IllegalStateException("not a float operation: " + i);
        }
    }

    private void arith(Inst i, SseOp f64, SseOp f32) {
        SseOp op = i.result().type() == Type.F32 ? f32 : f64;
        l.pushInst(op.mnemonic(), List.of(reuseDef(l.valueReg(i.result()), 1), use(l.useReg(i.arg(0))),
                use(l.useReg(i.arg(1)))), c -> c.asm().sse(op, c.xmm(0), c.xmm(2)));
    }

    /**
     * IEEE-exact min/max as the interpreter (Java's Math.min/max) defines them: minsd alone
     * returns its second operand for NaN and for ±0 ties. Unordered: the result is the first
     * operand if it is NaN, else the second; equal: {@code or} (min) / {@code and} (max) of the bit
     * patterns, which picks -0.0 (min) or +0.0 (max) and leaves equal non-zero values unchanged;
     * otherwise minsd/maxsd.
     */
    private void minMax(Inst i) {
        boolean f32 = i.result().type() == Type.F32;
        boolean min = i.opcode() == Opcode.FMIN;
        SseOp cmp = f32 ? SseOp.UCOMISS : SseOp.UCOMISD;
        SseOp tie = min ? (f32 ? SseOp.ORPS : SseOp.ORPD) : (f32 ? SseOp.ANDPS : SseOp.ANDPD);
        SseOp pick = min ? (f32 ? SseOp.MINSS : SseOp.MINSD) : (f32 ? SseOp.MAXSS : SseOp.MAXSD);
        l.pushInst(i.opcode().text(), List.of(reuseDef(l.valueReg(i.result()), 1), use(l.useReg(i.arg(0))),
                use(l.useReg(i.arg(1)))), c -> {
                    X86Assembler a = c.asm();
                    Label nan = a.newLabel("minmax_nan");
                    Label differ = a.newLabel("minmax_ne");
                    Label done = a.newLabel("minmax_done");
                    a.sse(cmp, c.xmm(0), c.xmm(2));
                    a.jcc(Cond.P, nan);
                    a.jcc(Cond.NE, differ);
                    a.sse(tie, c.xmm(0), c.xmm(2));
                    a.jmp(done);
                    a.bind(differ);
                    a.sse(pick, c.xmm(0), c.xmm(2));
                    a.jmp(done);
                    a.bind(nan);
                    a.sse(cmp, c.xmm(0), c.xmm(0));
                    a.jcc(Cond.P, done);
                    a.movaps(c.xmm(0), c.xmm(2));
                    a.bind(done);
                });
    }

    private void signMask(Inst i) {
        boolean f32 = i.result().type() == Type.F32;
        boolean neg = i.opcode() == Opcode.FNEG;
        long sign = f32 ? 0x8000_0000L : Long.MIN_VALUE;
        long mask = neg ? sign : (f32 ? 0x7FFF_FFFFL : Long.MAX_VALUE);
        SseOp op = neg ? SseOp.XORPS : SseOp.ANDPS;
        l.pushInst(op.mnemonic(), List.of(reuseDef(l.valueReg(i.result()), 1), use(l.useReg(i.arg(0)))),
                c -> c.asm().sse(op, c.xmm(0), c.asm().constant128(mask, 0)));
    }

    private void convertFloat(Inst i, SseOp op) {
        l.pushInst(op.mnemonic(), List.of(def(l.valueReg(i.result())), use(l.useReg(i.arg(0)))),
                c -> c.asm().sse(op, c.xmm(0), c.xmm(1)));
    }

    private void fromSint(Inst i) {
        Type from = i.arg(0).type();
        boolean toF32 = i.result().type() == Type.F32;
        if (from == Type.I8 || from == Type.I16) {
            Width nw = Lowering.exactWidth(from);
            l.pushInst("cvtsi2s", List.of(def(l.valueReg(i.result())), use(l.useReg(i.arg(0))),
                    temp(l.builder().newVReg(RegClass.INT))), c -> {
                        c.asm().movsx(Width.B32, c.gpr(2), nw, c.gpr(1));
                        cvt(c.asm(), toF32, c, Width.B32, 2);
                    });
            return;
        }
        Width w = from == Type.I64 ? Width.B64 : Width.B32;
        l.pushInst("cvtsi2s", List.of(def(l.valueReg(i.result())), use(l.useReg(i.arg(0)))),
                c -> cvt(c.asm(), toF32, c, w, 1));
    }

    private static void cvt(X86Assembler a, boolean toF32, EmitContext c, Width w, int src) {
        if (toF32) {
            a.cvtsi2ss(c.xmm(0), w, c.gpr(src));
        } else {
            a.cvtsi2sd(c.xmm(0), w, c.gpr(src));
        }
    }

    /**
     * Truncation with the IR's range check done on the float before converting: NaN or a value
     * whose truncation lies outside the target type traps {@code bad_conversion}. The lower
     * bound is {@code x > MIN - 1} when {@code MIN - 1} is exact in the source type, else
     * {@code x >= MIN}; the upper bound is {@code x < 2^(w-1)}. Unordered compares set CF, so the
     * lower-bound check also catches NaN.
     */
    private void toSint(Inst i) {
        Type from = i.arg(0).type();
        Type to = i.result().type();
        boolean f32 = from == Type.F32;
        double min = -Math.pow(2, to.bits() - 1);
        double minus1 = min - 1;
        boolean exclusive = minus1 != min && (!f32 || (double) (float) minus1 == minus1);
        double lower = exclusive ? minus1 : min;
        double upper = -min;
        SseOp cmp = f32 ? SseOp.UCOMISS : SseOp.UCOMISD;
        Width w = to == Type.I64 ? Width.B64 : Width.B32;
        l.pushInst("cvtts2si", List.of(def(l.valueReg(i.result())), use(l.useReg(i.arg(0)))), c -> {
            X86Assembler a = c.asm();
            Label trap = c.trap(TrapCode.BAD_CONVERSION);
            a.sse(cmp, c.xmm(1), f32 ? a.constant((float) lower) : a.constant(lower));
            a.jcc(exclusive ? Cond.BE : Cond.B, trap);
            a.sse(cmp, c.xmm(1), f32 ? a.constant((float) upper) : a.constant(upper));
            a.jcc(Cond.AE, trap);
            if (f32) {
                a.cvttss2si(w, c.gpr(0), c.xmm(1));
            } else {
                a.cvttsd2si(w, c.gpr(0), c.xmm(1));
            }
        });
    }

    private void bitcast(Inst i) {
        Type from = i.arg(0).type();
        Type to = i.result().type();
        List<org.pyjit.regalloc.Operand> ops = List.of(def(l.valueReg(i.result())), use(l.useReg(i.arg(0))));
        if (from.isInt() == to.isInt()) {
            l.pushInst("copy", ops, c -> {
                if (to.isInt()) {
                    c.asm().mov(Width.B64, c.gpr(0), c.gpr(1));
                } else {
                    c.asm().movaps(c.xmm(0), c.xmm(1));
                }
            });
            return;
        }
        l.pushInst(to == Type.F32 || from == Type.F32 ? "movd" : "movq", ops, c -> {
            X86Assembler a = c.asm();
            if (to == Type.F64) {
                a.movq(c.xmm(0), c.gpr(1));
            } else if (to == Type.F32) {
                a.movd(c.xmm(0), c.gpr(1));
            } else if (from == Type.F64) {
                a.movq(c.gpr(0), c.xmm(1));
            } else {
                a.movd(c.gpr(0), c.xmm(1));
            }
        });
    }

}
