package org.pyjit.aarch64;

import static org.pyjit.regalloc.Operand.def;
import static org.pyjit.regalloc.Operand.temp;
import static org.pyjit.regalloc.Operand.use;

import java.util.List;
import org.pyjit.aarch64.asm.A64Assembler;
import org.pyjit.aarch64.asm.AddSubOp;
import org.pyjit.aarch64.asm.Cond;
import org.pyjit.aarch64.asm.Extend;
import org.pyjit.aarch64.asm.Gp;
import org.pyjit.aarch64.asm.Label;
import org.pyjit.aarch64.asm.LogicOp;
import org.pyjit.aarch64.asm.LogicalImmediate;
import org.pyjit.aarch64.asm.MulOp;
import org.pyjit.aarch64.asm.Shift;
import org.pyjit.aarch64.asm.Width;
import org.pyjit.ir.Inst;
import org.pyjit.ir.Ints;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.TrapCode;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;
import org.pyjit.regalloc.RegClass;
import org.pyjit.regalloc.VReg;

/**
 * Integer operations: arithmetic with immediates where A64 has them, bit operations with bitmask
 * immediates, shifts and rotates (the IR masks amounts to the width; narrow rotates work on the
 * value replicated across 32 bits), division with explicit trap checks (A64 SDIV/UDIV never
 * fault: they return 0 for a zero divisor and MIN for MIN / -1), overflow-checked arithmetic
 * (ADDS/SUBS + V flag; products compared with their sign extension or SMULH) and extensions.
 */
final class IntLowering {
    private static final Gp S0 = Lowering.S0;
    private static final Gp S1 = Lowering.S1;

    private final Lowering l;

    IntLowering(Lowering l) {
        this.l = l;
    }

    void lower(Inst i) {
        Opcode op = i.opcode();
        switch (op) {
            case IADD -> {
                Long ca = l.constant(i.arg(0));
                Long cb = l.constant(i.arg(1));
                if (cb != null) {
                    addImm(i.result(), i.arg(0), cb);
                } else if (ca != null) {
                    addImm(i.result(), i.arg(1), ca);
                } else {
                    Width w = Lowering.width(i.result().type());
                    l.binaryInt(i.result(), i.arg(0), i.arg(1), "add", (a, d, x, y) -> a.add(w, d, x, y));
                }
            }
            case IADD_IMM -> addImm(i.result(), i.arg(0), i.intImm());
            case ISUB -> {
                Long cb = l.constant(i.arg(1));
                if (cb != null) {
                    addImm(i.result(), i.arg(0), -cb);
                } else {
                    Width w = Lowering.width(i.result().type());
                    l.binaryInt(i.result(), i.arg(0), i.arg(1), "sub", (a, d, x, y) -> a.sub(w, d, x, y));
                }
            }
            case IMUL -> {
                Width w = Lowering.width(i.result().type());
                l.binaryInt(i.result(), i.arg(0), i.arg(1), "mul", (a, d, x, y) -> a.mul(w, d, x, y));
            }
            case IMUL_IMM -> {
                Width w = Lowering.width(i.result().type());
                long k = i.intImm();
                l.unaryInt(i.result(), i.arg(0), "mul", (a, d, x) -> {
                    a.movImm(w, S0, k);
                    a.mul(w, d, x, S0);
                });
            }
            case INEG -> {
                Width w = Lowering.width(i.result().type());
                l.unaryInt(i.result(), i.arg(0), "neg", (a, d, x) -> a.neg(w, d, x));
            }
            case BNOT -> {
                Width w = Lowering.width(i.result().type());
                l.unaryInt(i.result(), i.arg(0), "mvn", (a, d, x) -> a.mvn(w, d, x));
            }
            case BAND, BOR, BXOR -> {
                LogicOp lop = logicOp(op);
                Long ca = l.constant(i.arg(0));
                Long cb = l.constant(i.arg(1));
                if (cb != null) {
                    logicImm(i.result(), i.arg(0), lop, cb);
                } else if (ca != null) {
                    logicImm(i.result(), i.arg(1), lop, ca);
                } else {
                    Width w = Lowering.width(i.result().type());
                    l.binaryInt(i.result(), i.arg(0), i.arg(1), lop.text(), (a, d, x, y) -> a.logic(lop, w, d, x, y));
                }
            }
            case BAND_IMM, BOR_IMM, BXOR_IMM -> logicImm(i.result(), i.arg(0), logicOp(op), i.intImm());
            case ISHL, USHR, SSHR, ROTL, ROTR -> {
                Long k = l.constant(i.arg(1));
                if (k != null) {
                    shiftImm(i.result(), i.arg(0), op, k);
                } else {
                    shift(i);
                }
            }
            case ISHL_IMM -> shiftImm(i.result(), i.arg(0), Opcode.ISHL, i.intImm());
            case USHR_IMM -> shiftImm(i.result(), i.arg(0), Opcode.USHR, i.intImm());
            case SSHR_IMM -> shiftImm(i.result(), i.arg(0), Opcode.SSHR, i.intImm());
            case SDIV, UDIV, SREM, UREM -> division(i);
            case IADD_OVERFLOW, ISUB_OVERFLOW, IMUL_OVERFLOW -> overflow(i);
            case SEXTEND, UEXTEND -> extend(i);
            default -> throw new IllegalStateException("not an integer operation: " + i);
        }
    }

    private static LogicOp logicOp(Opcode op) {
        return switch (op) {
            case BAND, BAND_IMM -> LogicOp.AND;
            case BOR, BOR_IMM -> LogicOp.ORR;
            case BXOR, BXOR_IMM -> LogicOp.EOR;
            default -> throw new IllegalArgumentException(op + " is not a bit operation");
        };
    }

    /** {@code d = a + k} (wrapping) at the type's width: ADD/SUB immediate, else through x17. */
    private void addImm(Value result, Value a, long k) {
        Type t = result.type();
        Width w = Lowering.width(t);
        long kk = t == Type.I64 ? k : (long) (int) k;
        l.unaryInt(result, a, "add", (as, d, x) -> {
            if (A64Assembler.isAddSubImm(kk)) {
                as.addSubImm(AddSubOp.ADD, w, d, x, kk);
            } else if (kk != Long.MIN_VALUE && A64Assembler.isAddSubImm(-kk)) {
                as.addSubImm(AddSubOp.SUB, w, d, x, -kk);
            } else {
                as.movImm(w, S0, kk);
                as.add(w, d, x, S0);
            }
        });
    }

    private void logicImm(Value result, Value a, LogicOp op, long k) {
        Width w = Lowering.width(result.type());
        long kk = w == Width.W ? k & 0xFFFF_FFFFL : k;
        l.unaryInt(result, a, op.text(), (as, d, x) -> {
            if (LogicalImmediate.isEncodable(kk, w)) {
                as.logicImm(op, w, d, x, kk);
            } else {
                as.movImm(w, S0, kk);
                as.logic(op, w, d, x, S0);
            }
        });
    }

    // ---------------------------------------------------------------- shifts and rotates

    /** {@code S1(W) = x} zero-extended from i8/i16 and replicated to fill 32 bits (period 8 or 16). */
    private static void replicate(A64Assembler a, Type t, Gp x) {
        if (t == Type.I8) {
            a.uxtb(S1, x);
            a.logic(LogicOp.ORR, Width.W, S1, S1, S1, Shift.LSL, 8);
        } else {
            a.uxth(S1, x);
        }
        a.logic(LogicOp.ORR, Width.W, S1, S1, S1, Shift.LSL, 16);
    }

    private void shift(Inst i) {
        Type t = i.result().type();
        Opcode op = i.opcode();
        Width w = Lowering.width(t);
        boolean narrow = Lowering.narrow(t);
        int mask = t.bits() - 1;
        l.binaryInt(i.result(), i.arg(0), i.arg(1), op.text(), (a, d, x, n) -> {
            switch (op) {
                case ISHL -> {
                    if (narrow) {
                        a.logicImm(LogicOp.AND, Width.W, S0, n, mask);
                        n = S0;
                    }
                    a.shiftReg(Shift.LSL, w, d, x, n);
                }
                case USHR, SSHR -> {
                    Shift s = op == Opcode.USHR ? Shift.LSR : Shift.ASR;
                    if (narrow) {
                        a.logicImm(LogicOp.AND, Width.W, S0, n, mask);
                        Lowering.extendNarrow(a, t, op == Opcode.SSHR, S1, x);
                        n = S0;
                        x = S1;
                    }
                    a.shiftReg(s, w, d, x, n);
                }
                case ROTL, ROTR -> {
                    if (narrow) {
                        replicate(a, t, x);
                        x = S1;
                    }
                    if (op == Opcode.ROTL) {
                        a.neg(w, S0, n);
                        n = S0;
                    }
                    a.shiftReg(Shift.ROR, w, d, x, n);
                }
                default -> throw new IllegalStateException(op.text());
            }
        });
    }

    private void shiftImm(Value result, Value a, Opcode op, long amount) {
        Type t = result.type();
        int bits = t.bits();
        int n = (int) (amount & (bits - 1));
        Width w = Lowering.width(t);
        boolean narrow = Lowering.narrow(t);
        l.unaryInt(result, a, op.text(), (as, d, x) -> {
            if (n == 0) {
                as.mov(Width.X, d, x);
                return;
            }
            switch (op) {
                case ISHL -> as.shiftImm(Shift.LSL, w, d, x, n);
                case USHR -> {
                    if (narrow) {
                        as.bitfield(A64Assembler.BitfieldOp.UBFM, Width.W, d, x, n, bits - 1);
                    } else {
                        as.shiftImm(Shift.LSR, w, d, x, n);
                    }
                }
                case SSHR -> {
                    if (narrow) {
                        as.bitfield(A64Assembler.BitfieldOp.SBFM, Width.W, d, x, n, bits - 1);
                    } else {
                        as.shiftImm(Shift.ASR, w, d, x, n);
                    }
                }
                case ROTL, ROTR -> {
                    int r = op == Opcode.ROTR ? n : bits - n;
                    if (narrow) {
                        replicate(as, t, x);
                        as.shiftImm(Shift.ROR, Width.W, d, S1, r);
                    } else {
                        as.shiftImm(Shift.ROR, w, d, x, r);
                    }
                }
                default -> throw new IllegalStateException(op.text());
            }
        });
    }

    // ---------------------------------------------------------------- division

    /**
     * Zero divisor → {@code int_divz}; {@code sdiv} of MIN by -1 → {@code int_ovf}; remainders
     * are {@code a - (a / b) * b} with MSUB, which gives {@code MIN % -1 = 0} as the IR defines.
     * Narrow operands are extended into x16/x17 first.
     */
    private void division(Inst i) {
        Opcode op = i.opcode();
        Type t = i.result().type();
        boolean signed = op == Opcode.SDIV || op == Opcode.SREM;
        boolean remainder = op == Opcode.SREM || op == Opcode.UREM;
        boolean narrow = Lowering.narrow(t);
        Width w = Lowering.width(t);
        VReg q = remainder ? l.builder().newVReg(RegClass.INT) : null;
        List<org.pyjit.regalloc.Operand> ops = remainder
                ? List.of(def(l.vreg(i.result())), use(l.use(i.arg(0))), use(l.use(i.arg(1))), temp(q))
                : List.of(def(l.vreg(i.result())), use(l.use(i.arg(0))), use(l.use(i.arg(1))));
        l.push(op.text(), ops, c -> {
            A64Assembler a = c.asm();
            Gp x = c.gp(1);
            Gp y = c.gp(2);
            if (narrow) {
                Lowering.extendNarrow(a, t, signed, S0, x);
                Lowering.extendNarrow(a, t, signed, S1, y);
                x = S0;
                y = S1;
            }
            a.cbz(w, y, c.trap(TrapCode.INT_DIVZ));
            if (op == Opcode.SDIV) {
                Label ok = a.newLabel("div_ok");
                a.cmn(w, y, 1);
                a.bcond(Cond.NE, ok);
                long min = narrow ? Ints.min(t) : t == Type.I32 ? Integer.MIN_VALUE : Long.MIN_VALUE;
                if (narrow) {
                    Lowering.compareImm(a, w, x, min);
                } else {
                    a.movImm(w, S1, min);
                    a.cmp(w, x, S1);
                }
                a.bcond(Cond.EQ, c.trap(TrapCode.INT_OVF));
                a.bind(ok);
            }
            if (remainder) {
                Gp qr = c.gp(3);
                a.div(signed, w, qr, x, y);
                a.mul(MulOp.MSUB, w, c.gp(0), qr, y, x);
            } else {
                a.div(signed, w, c.gp(0), x, y);
            }
        });
    }

    // ---------------------------------------------------------------- overflow

    private void overflow(Inst i) {
        Opcode op = i.opcode();
        Type t = i.results().get(0).type();
        Width w = Lowering.width(t);
        boolean narrow = Lowering.narrow(t);
        Extend ext = t == Type.I8 ? Extend.SXTB : t == Type.I16 ? Extend.SXTH : Extend.SXTW;
        List<org.pyjit.regalloc.Operand> ops = List.of(def(l.vreg(i.results().get(0))), def(l.vreg(i.results().get(1))),
                use(l.use(i.arg(0))), use(l.use(i.arg(1))));
        l.push(op.text(), ops, c -> {
            A64Assembler a = c.asm();
            Gp r = c.gp(0);
            Gp f = c.gp(1);
            Gp x = c.gp(2);
            Gp y = c.gp(3);
            if (op != Opcode.IMUL_OVERFLOW && !narrow) {
                // At the type's own width the V flag is exactly signed overflow.
                a.addSub(op == Opcode.IADD_OVERFLOW ? AddSubOp.ADDS : AddSubOp.SUBS, w, r, x, y);
                a.cset(Width.W, f, Cond.VS);
                return;
            }
            if (op == Opcode.IMUL_OVERFLOW && t == Type.I64) {
                // The 128-bit product fits 64 bits iff its high half is the sign of its low half.
                a.mul(MulOp.SMULH, Width.X, S0, x, y, Gp.ZR);
                a.mul(Width.X, r, x, y);
                a.addSub(AddSubOp.SUBS, Width.X, Gp.ZR, S0, r, Shift.ASR, 63);
                a.cset(Width.W, f, Cond.NE);
                return;
            }
            // Narrow add/sub and narrow or i32 multiply: compute exactly on sign-extended inputs
            // at a wider width and compare the result with its own sign extension.
            Width wide = t == Type.I32 ? Width.X : Width.W;
            if (t == Type.I32) {
                a.sxtw(S0, x);
                a.sxtw(S1, y);
            } else {
                Lowering.extendNarrow(a, t, true, S0, x);
                Lowering.extendNarrow(a, t, true, S1, y);
            }
            switch (op) {
                case IADD_OVERFLOW -> a.add(wide, r, S0, S1);
                case ISUB_OVERFLOW -> a.sub(wide, r, S0, S1);
                default -> a.mul(wide, r, S0, S1);
            }
            a.addSubExt(AddSubOp.SUBS, wide, Gp.ZR, r, r, ext, 0);
            a.cset(Width.W, f, Cond.NE);
        });
    }

    private void extend(Inst i) {
        Type from = i.arg(0).type();
        boolean signed = i.opcode() == Opcode.SEXTEND;
        l.unaryInt(i.result(), i.arg(0), signed ? "sxt" : "uxt", (a, d, x) -> {
            switch (from) {
                case I8 -> {
                    if (signed) {
                        a.sxtb(Width.X, d, x);
                    } else {
                        a.uxtb(d, x);
                    }
                }
                case I16 -> {
                    if (signed) {
                        a.sxth(Width.X, d, x);
                    } else {
                        a.uxth(d, x);
                    }
                }
                case I32 -> {
                    if (signed) {
                        a.sxtw(d, x);
                    } else {
                        a.mov(Width.W, d, x);
                    }
                }
                case I64 -> a.mov(Width.X, d, x);
                case F32, F64 -> throw new IllegalStateException("extend of " + from);
            }
        });
    }
}
