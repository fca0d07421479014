package org.pyjit.regalloc.lsra;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

import org.pyjit.regalloc.MachineEnv;
import org.pyjit.regalloc.PReg;
import org.pyjit.regalloc.RegAllocException;
import org.pyjit.regalloc.RegAllocFunction;
import org.pyjit.regalloc.RegClass;

/**
 * Step 4: the linear scan proper, for one register class (Wimmer &amp; Mössenböck 2005).
 *
 * <p>Intervals are taken in order of start; {@code active} holds those covering the current
 * position with a register, {@code inactive} those with a register that are in a lifetime hole;
 * both stay as small as the register file. Fixed ranges (clobbers, fixed-operand copies) block
 * registers outright. When no register is free long enough the interval is split; when none is
 * free at all, either the current interval is spilled up to its next register use, or the
 * register whose next use is farthest is taken and its holders are split and spilled.
 *
 * <p>Invariant: every split happens at a multiple of 4 (the gap before an instruction, where
 * moves can be inserted, or a block label, where the data-flow resolver inserts them); an
 * interval never loses its register within an instruction that uses it in a register.
 */
final class LinearScanWalker {
    private final List<PReg> regs;
    private final int numRegs;
    private final int[][] fixed;
    private final BlockOrder order;
    private final IntervalBuilder builder;
    private final RegAllocFunction fn;
    private final MachineEnv env;
    private static final java.util.Comparator<Interval> BY_START = (a, b) -> a.from() != b.from() ? Integer.compare(a.from(), b.from()) : Integer.compare(a.id, b.id);
    /** Split children waiting to be allocated; the initial intervals are a sorted array. */
    private final PriorityQueue<Interval> unhandled = new PriorityQueue<>(BY_START);
    private Interval[] initial = new Interval[0];
    private int nextInitial;
    private final List<Interval> active = new ArrayList<>();
    private final List<Interval> inactive = new ArrayList<>();
    /** Every child created by a split, in creation order: the intervals entered by a split move. */
    final List<Interval> splits = new ArrayList<>();
    private final int[] freePos;
    private final int[] usePos;
    private final int[] blockPos;
    /** Per register: index of the first fixed range ending after the current position. */
    private final int[] fixedCursor;

    LinearScanWalker(RegClass cls, MachineEnv env, BlockOrder order, IntervalBuilder builder, RegAllocFunction fn) {
        this.regs = env.allocatable(cls);
        this.numRegs = regs.size();
        this.fixed = builder.fixedRanges[cls.ordinal()];
        this.order = order;
        this.builder = builder;
        this.fn = fn;
        this.env = env;
        this.freePos = new int[numRegs];
        this.usePos = new int[numRegs];
        this.blockPos = new int[numRegs];
        this.fixedCursor = new int[numRegs];
    }

    void run(List<Interval> intervals) {
        initial = sortedByStart(intervals);
        while (nextInitial < initial.length || !unhandled.isEmpty()) {
            Interval cur;
            if (unhandled.isEmpty() || (nextInitial < initial.length && BY_START.compare(initial[nextInitial], unhandled.peek()) < 0)) {
                cur = initial[nextInitial++];
            } else {
                cur = unhandled.poll();
            }
            int pos = cur.from();
            for (int k = active.size() - 1; k >= 0; k--) {
                Interval a = active.get(k);
                if (a.to() <= pos) {
                    removeAt(active, k);
                } else if (!a.coversAscending(pos)) {
                    removeAt(active, k);
                    inactive.add(a);
                }
            }
            for (int k = inactive.size() - 1; k >= 0; k--) {
                Interval a = inactive.get(k);
                if (a.to() <= pos) {
                    removeAt(inactive, k);
                } else if (a.coversAscending(pos)) {
                    removeAt(inactive, k);
                    active.add(a);
                }
            }
            if (!tryAllocateFree(cur)) allocateBlocked(cur);
            if (cur.reg != null) {
                active.add(cur);
                cur.family.lastAllocated = cur;
            }
        }
    }

    /**
     * The intervals in {@link #BY_START} order by a counting sort on the start position (linear
     * in intervals plus positions): the list comes in family order, and parents' ids increase
     * with it, so the stable sort breaks ties by id as the comparator does.
     */
    private Interval[] sortedByStart(List<Interval> intervals) {
        int[] count = new int[order.numPositions() + 1];
        for (int q = 0, n = intervals.size(); q < n; q++) count[intervals.get(q).from() + 1]++;
        for (int p = 1; p < count.length; p++) count[p] += count[p - 1];
        Interval[] out = new Interval[intervals.size()];
        for (int q = 0, n = intervals.size(); q < n; q++) {
            Interval c = intervals.get(q);
            out[count[c.from()]++] = c;
        }
        assert isSorted(out);
        return out;
    }

    private static boolean isSorted(Interval[] a) {
        for (int k = 1; k < a.length; k++) if (BY_START.compare(a[k - 1], a[k]) > 0) return false;
        return true;
    }

    private static void removeAt(List<Interval> l, int k) {
        int last = l.size() - 1;
        l.set(k, l.get(last));
        l.remove(last);
    }

    private int idx(PReg r) {
        return builder.regIndex(r);
    }

    /**
     * First position at or after {@code cur}'s start where register {@code r} is blocked by a
     * fixed range and {@code cur} is live. The walk's position never decreases, so the index of
     * the first fixed range ending after it is a per-register cursor that only moves forward.
     */
    private int fixedIntersection(int r, Interval cur) {
        int[] f = fixed[r];
        int nf = f.length / 2;
        int pos = cur.from();
        int lo = fixedCursor[r];
        while (lo < nf && f[2 * lo + 1] <= pos) lo++;
        fixedCursor[r] = lo;
        return Interval.intersect(f, nf, cur.rawRanges(), cur.numRanges(), pos, lo, 0);
    }

    private int hint(Interval cur) {
        Family f = cur.family;
        if (cur.prev != null) return cur.prev.reg != null ? idx(cur.prev.reg) : -1;
        if (f.hintReg != null) return idx(f.hintReg);
        if (f.hintFamily != null) {
            Interval h = f.hintFamily.lastAllocated;
            if (h == null) h = f.hintFamily.parent();
            if (h.reg != null) return idx(h.reg);
        }
        return -1;
    }

    private int pick(int[] score, int hint) {
        int best = hint >= 0 ? hint : 0;
        for (int r = 0; r < numRegs; r++) if (score[r] > score[best]) best = r;
        return best;
    }

    private boolean tryAllocateFree(Interval cur) {
        java.util.Arrays.fill(freePos, Interval.INF);
        for (int q = 0, nq = active.size(); q < nq; q++) freePos[idx(active.get(q).reg)] = 0;
        for (int q = 0, nq = inactive.size(); q < nq; q++) {
            Interval a = inactive.get(q);
            int r = idx(a.reg);
            if (freePos[r] > cur.from()) freePos[r] = Math.min(freePos[r], a.nextIntersection(cur, cur.from()));
        }
        for (int r = 0; r < numRegs; r++) {
            if (freePos[r] > cur.from()) freePos[r] = Math.min(freePos[r], fixedIntersection(r, cur));
        }
        int h = hint(cur);
        int reg = (h >= 0 && freePos[h] >= cur.to()) ? h : pick(freePos, h);
        if (freePos[reg] <= cur.from()) return false;
        if (freePos[reg] >= cur.to()) {
            cur.reg = regs.get(reg);
            return true;
        }
        // Free for a first part only: split at a gap before the register is taken.
        int lo = BlockOrder.floor4(cur.from()) + 4, hi = BlockOrder.floor4(freePos[reg]);
        if (lo > hi) return false;
        int s = order.optimalSplit(lo, hi);
        Interval child = split(cur, s);
        cur.reg = regs.get(reg);
        unhandled.add(child);
        return true;
    }

    private void allocateBlocked(Interval cur) {
        int f = cur.from(), g = BlockOrder.floor4(f);
        java.util.Arrays.fill(usePos, Interval.INF);
        java.util.Arrays.fill(blockPos, Interval.INF);
        for (int q = 0, nq = active.size(); q < nq; q++) {
            Interval a = active.get(q);
            int r = idx(a.reg);
            usePos[r] = Math.min(usePos[r], unsplittable(a) ? 0 : a.nextRegUse(g));
        }
        for (int q = 0, nq = inactive.size(); q < nq; q++) {
            Interval a = inactive.get(q);
            int r = idx(a.reg);
            if (a.nextIntersection(cur, f) == Interval.INF) continue;
            usePos[r] = Math.min(usePos[r], unsplittable(a) ? 0 : a.nextRegUse(g));
        }
        for (int r = 0; r < numRegs; r++) {
            blockPos[r] = fixedIntersection(r, cur);
            usePos[r] = Math.min(usePos[r], blockPos[r]);
        }
        int h = hint(cur);
        int reg = pick(usePos, h);
        int firstUse = cur.nextRegUse(f);
        if (usePos[reg] < firstUse || usePos[reg] < g + 4) {
            if (firstUse == Interval.INF) {
                cur.spilled = true;
                return;
            }
            if (firstUse < g + 4) {
                throw new RegAllocException(whereMsg(f) + ": more values need a " + regs.get(0).cls()
                        + " register at once than the machine has (or fixed registers and clobbers leave none)");
            }
            int s = order.optimalSplit(g + 4, BlockOrder.floor4(firstUse));
            Interval child = split(cur, s);
            cur.spilled = true;
            unhandled.add(child);
            return;
        }
        cur.reg = regs.get(reg);
        if (blockPos[reg] < cur.to()) {
            int s = order.optimalSplit(g + 4, BlockOrder.floor4(blockPos[reg]));
            unhandled.add(split(cur, s));
        }
        PReg taken = regs.get(reg);
        for (int k = active.size() - 1; k >= 0; k--) {
            Interval a = active.get(k);
            if (a.reg.equals(taken)) splitAndSpill(a, g);
        }
        for (int k = inactive.size() - 1; k >= 0; k--) {
            Interval a = inactive.get(k);
            if (a.reg.equals(taken) && a.nextIntersection(cur, f) != Interval.INF) splitAndSpill(a, g);
        }
        active.removeIf(a -> a.reg == null);
        inactive.removeIf(a -> a.reg == null);
    }

    /** Splits {@code i} at {@code pos}, recording the new child in {@link #splits}. */
    private Interval split(Interval i, int pos) {
        Interval child = i.splitAt(pos, builder.nextIntervalId++);
        splits.add(child);
        return child;
    }

    private static boolean unsplittable(Interval a) {
        return a.family.kind == Family.Kind.REUSE_COPY;
    }

    /** Frees {@code a}'s register from gap {@code g} on: spill from the best earlier gap, reload before the next use. */
    private void splitAndSpill(Interval a, int g) {
        int last = a.family.lastRegUseBefore(g, a.from());
        int lo = last >= 0 ? BlockOrder.floor4(last) + 4 : ceil4(a.from());
        int s = lo <= g ? order.optimalSplit(lo, g) : g;
        Interval part;
        if (s <= a.from()) {
            part = a;
            a.reg = null;
        } else if (s >= a.to()) {
            return;
        } else {
            part = split(a, s);
        }
        part.spilled = true;
        part.reg = null;
        int n = part.nextRegUse(g);
        if (n == Interval.INF) return;
        int tlo = Math.max(g + 4, ceil4(part.from())), thi = BlockOrder.floor4(n);
        if (tlo > thi) {
            throw new IllegalStateException("no reload position for " + part + " before its use at " + n);
        }
        int t = order.optimalSplit(tlo, thi);
        if (t <= part.from()) {
            part.spilled = false;
            unhandled.add(part);
            return;
        }
        unhandled.add(split(part, t));
    }

    private static int ceil4(int pos) {
        return (pos + 3) & ~3;
    }

    private String whereMsg(int pos) {
        int inst = order.instAt(pos);
        return inst >= 0 ? "inst " + inst : "block " + order.linear[order.linearBlockAt(pos)] + " entry";
    }
}
