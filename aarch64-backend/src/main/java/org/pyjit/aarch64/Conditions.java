package org.pyjit.aarch64;

import org.pyjit.aarch64.asm.Cond;
import org.pyjit.ir.FloatCC;
import org.pyjit.ir.IntCC;

/** IR conditions as AArch64 condition codes after {@code cmp a, b} or {@code fcmp a, b}. */
final class Conditions {
    private Conditions() {
    }

    /** The condition that holds after {@code cmp a, b} exactly when {@code a cc b}. */
    static Cond of(IntCC cc) {
        return switch (cc) {
            case EQ -> Cond.EQ;
            case NE -> Cond.NE;
            case SLT -> Cond.LT;
            case SLE -> Cond.LE;
            case SGT -> Cond.GT;
            case SGE -> Cond.GE;
            case ULT -> Cond.LO;
            case ULE -> Cond.LS;
            case UGT -> Cond.HI;
            case UGE -> Cond.HS;
        };
    }

    /** True if the compare reads narrow operands as signed (eq/ne read them either way). */
    static boolean signed(IntCC cc) {
        return switch (cc) {
            case ULT, ULE, UGT, UGE -> false;
            default -> true;
        };
    }

    /**
     * A float condition after {@code fcmp a, b}, which sets NZCV = 0011 when unordered: true when
     * {@code first} holds, or (if present) {@code second}.
     *
     * @param first  the main condition
     * @param second an alternative condition, or null
     */
    record FloatPlan(Cond first, Cond second) {
    }

    static FloatPlan of(FloatCC cc) {
        return switch (cc) {
            case ORD -> new FloatPlan(Cond.VC, null);
            case UNO -> new FloatPlan(Cond.VS, null);
            case EQ -> new FloatPlan(Cond.EQ, null);
            case NE -> new FloatPlan(Cond.NE, null);
            case ONE -> new FloatPlan(Cond.MI, Cond.GT);
            case UEQ -> new FloatPlan(Cond.EQ, Cond.VS);
            case LT -> new FloatPlan(Cond.MI, null);
            case LE -> new FloatPlan(Cond.LS, null);
            case GT -> new FloatPlan(Cond.GT, null);
            case GE -> new FloatPlan(Cond.GE, null);
            case ULT -> new FloatPlan(Cond.LT, null);
            case ULE -> new FloatPlan(Cond.LE, null);
            case UGT -> new FloatPlan(Cond.HI, null);
            case UGE -> new FloatPlan(Cond.HS, null);
        };
    }
}
