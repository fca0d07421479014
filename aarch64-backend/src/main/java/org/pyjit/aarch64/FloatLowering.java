package org.pyjit.aarch64;

import static org.pyjit.regalloc.Operand.def;
import static org.pyjit.regalloc.Operand.use;

import java.util.List;
import org.pyjit.aarch64.asm.A64Assembler;
import org.pyjit.aarch64.asm.Cond;
import org.pyjit.aarch64.asm.FpBinOp;
import org.pyjit.aarch64.asm.FpUnOp;
import org.pyjit.aarch64.asm.FpWidth;
import org.pyjit.aarch64.asm.Label;
import org.pyjit.aarch64.asm.Width;
import org.pyjit.ir.Inst;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.TrapCode;
import org.pyjit.ir.Type;

/**
 * Floating point: scalar arithmetic; FMIN/FMAX directly (A64 already propagates NaN and orders
 * -0 below +0, the IR's semantics); FNEG/FABS flip or clear the sign bit; conversions with the
 * IR's range check before FCVTZS (which would saturate and map NaN to 0 instead of trapping);
 * bitcasts through FMOV (general).
 */
final class FloatLowering {
    private final Lowering l;

    FloatLowering(Lowering l) {
        this.l = l;
    }

    void lower(Inst i) {
        switch (i.opcode()) {
            case FADD -> binary(i, FpBinOp.FADD);
            case FSUB -> binary(i, FpBinOp.FSUB);
            case FMUL -> binary(i, FpBinOp.FMUL);
            case FDIV -> binary(i, FpBinOp.FDIV);
            case FMIN -> binary(i, FpBinOp.FMIN);
            case FMAX -> binary(i, FpBinOp.FMAX);
            case FNEG -> unary(i, FpUnOp.FNEG);
            case FABS -> unary(i, FpUnOp.FABS);
            case SQRT -> unary(i, FpUnOp.FSQRT);
            case FPROMOTE, FDEMOTE -> {
                FpWidth to = Lowering.fpWidth(i.result().type());
                FpWidth from = Lowering.fpWidth(i.arg(0).type());
                l.push("fcvt", ops(i), c -> c.asm().fcvt(to, c.fp(0), from, c.fp(1)));
            }
            case FCVT_FROM_SINT -> fromSint(i);
            case FCVT_TO_SINT -> toSint(i);
            case BITCAST -> bitcast(i);
            default -> throw new IllegalStateException("not a float operation: " + i);
        }
    }

    private List<org.pyjit.regalloc.Operand> ops(Inst i) {
        return List.of(def(l.vreg(i.result())), use(l.use(i.arg(0))));
    }

    private void binary(Inst i, FpBinOp op) {
        FpWidth w = Lowering.fpWidth(i.result().type());
        l.push(op.text(), List.of(def(l.vreg(i.result())), use(l.use(i.arg(0))), use(l.use(i.arg(1)))),
                c -> c.asm().fp(op, w, c.fp(0), c.fp(1), c.fp(2)));
    }

    private void unary(Inst i, FpUnOp op) {
        FpWidth w = Lowering.fpWidth(i.result().type());
        l.push(op.text(), ops(i), c -> c.asm().fp(op, w, c.fp(0), c.fp(1)));
    }

    private void fromSint(Inst i) {
        Type from = i.arg(0).type();
        FpWidth to = Lowering.fpWidth(i.result().type());
        l.push("scvtf", ops(i), c -> {
            A64Assembler a = c.asm();
            if (Lowering.narrow(from)) {
                Lowering.extendNarrow(a, from, true, Lowering.S0, c.gp(1));
                a.scvtf(to, c.fp(0), Width.W, Lowering.S0);
            } else {
                a.scvtf(to, c.fp(0), Lowering.width(from), c.gp(1));
            }
        });
    }

    /**
     * Truncation with the IR's range check first: NaN (unordered with itself) or a value whose
     * truncation lies outside the target type traps {@code bad_conversion}. The lower bound is
     * {@code x > MIN - 1} when {@code MIN - 1} is exact in the source type, else {@code x >= MIN};
     * the upper bound is {@code x < 2^(w-1)}. Bounds are loaded into v31.
     */
    private void toSint(Inst i) {
        Type from = i.arg(0).type();
        Type to = i.result().type();
        FpWidth fw = Lowering.fpWidth(from);
        boolean f32 = from == Type.F32;
        double min = -Math.pow(2, to.bits() - 1);
        double minus1 = min - 1;
        boolean exclusive = minus1 != min && (!f32 || (double) (float) minus1 == minus1);
        double lower = exclusive ? minus1 : min;
        double upper = -min;
        long lowerBits = f32 ? Float.floatToRawIntBits((float) lower) & 0xFFFF_FFFFL : Double.doubleToRawLongBits(lower);
        long upperBits = f32 ? Float.floatToRawIntBits((float) upper) & 0xFFFF_FFFFL : Double.doubleToRawLongBits(upper);
        Width w = to == Type.I64 ? Width.X : Width.W;
        l.push("fcvtzs", ops(i), c -> {
            A64Assembler a = c.asm();
            Label trap = c.trap(TrapCode.BAD_CONVERSION);
            a.fcmp(fw, c.fp(1), c.fp(1));
            a.bcond(Cond.VS, trap);
            Lowering.loadFloat(a, fw, Lowering.FS, lowerBits);
            a.fcmp(fw, c.fp(1), Lowering.FS);
            a.bcond(exclusive ? Cond.LS : Cond.LT, trap);
            Lowering.loadFloat(a, fw, Lowering.FS, upperBits);
            a.fcmp(fw, c.fp(1), Lowering.FS);
            a.bcond(Cond.GE, trap);
            a.fcvtzs(w, c.gp(0), fw, c.fp(1));
        });
    }

    private void bitcast(Inst i) {
        Type from = i.arg(0).type();
        Type to = i.result().type();
        if (from.isInt() == to.isInt()) {
            l.push("mov", ops(i), c -> {
                if (to.isInt()) {
                    c.asm().mov(Width.X, c.gp(0), c.gp(1));
                } else {
                    c.asm().fp(FpUnOp.FMOV, FpWidth.D, c.fp(0), c.fp(1));
                }
            });
            return;
        }
        l.push("fmov", ops(i), c -> {
            if (to.isFloat()) {
                c.asm().fmov(Lowering.fpWidth(to), c.fp(0), c.gp(1));
            } else {
                c.asm().fmov(Lowering.fpWidth(from), c.gp(0), c.fp(1));
            }
        });
    }
}
