package org.pyjit.x86;

import org.pyjit.ir.FloatCC;
import org.pyjit.ir.IntCC;
import org.pyjit.x86.asm.Cond;

/** Maps IR conditions to x86 condition codes (after {@code cmp a, b} or {@code ucomisd}). */
final class Conditions {
    private Conditions() {
    }

    /** The flag condition that holds after {@code cmp a, b} exactly when {@code a cc b}. */
    static Cond of(IntCC cc) {
        return switch (cc) {
            case EQ -> Cond.E;
            case NE -> Cond.NE;
            case SLT -> Cond.L;
            case SLE -> Cond.LE;
            case SGT -> Cond.G;
            case SGE -> Cond.GE;
            case ULT -> Cond.B;
            case ULE -> Cond.BE;
            case UGT -> Cond.A;
            case UGE -> Cond.AE;
        };
    }

    /** How the parity flag (set on unordered) combines with the main condition. */
    enum Parity {
        /** The main condition alone is exact. */
        NONE,
        /** True only if also ordered (PF=0): {@code eq}. */
        AND_ORDERED,
        /** True also if unordered (PF=1): {@code ne}. */
        OR_UNORDERED
    }

    /**
     * A float condition as {@code ucomis a, b} (or {@code b, a} when swapped) plus flags. ucomis
     * sets ZF, PF and CF all to 1 on unordered, so "above" conditions are false for NaN and
     * "below" conditions true; only eq and ne need the parity flag as well.
     *
     * @param swap   compare {@code b, a} instead of {@code a, b}
     * @param cond   the main condition
     * @param parity how PF combines
     */
    record FloatPlan(boolean swap, Cond cond, Parity parity) {
    }

    static FloatPlan of(FloatCC cc) {
        return switch (cc) {
            case ORD -> new FloatPlan(false, Cond.NP, Parity.NONE);
            case UNO -> new FloatPlan(false, Cond.P, Parity.NONE);
            case EQ -> new FloatPlan(false, Cond.E, Parity.AND_ORDERED);
            case NE -> new FloatPlan(false, Cond.NE, Parity.OR_UNORDERED);
            case ONE -> new FloatPlan(false, Cond.NE, Parity.NONE);
            case UEQ -> new FloatPlan(false, Cond.E, Parity.NONE);
            case GT -> new FloatPlan(false, Cond.A, Parity.NONE);
            case GE -> new FloatPlan(false, Cond.AE, Parity.NONE);
            case LT -> new FloatPlan(true, Cond.A, Parity.NONE);
            case LE -> new FloatPlan(true, Cond.AE, Parity.NONE);
            case ULT -> new FloatPlan(false, Cond.B, Parity.NONE);
            case ULE -> new FloatPlan(false, Cond.BE, Parity.NONE);
            case UGT -> new FloatPlan(true, Cond.B, Parity.NONE);
            case UGE -> new FloatPlan(true, Cond.BE, Parity.NONE);
        };
    }
}
