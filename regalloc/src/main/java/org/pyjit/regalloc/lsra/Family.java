package org.pyjit.regalloc.lsra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.pyjit.regalloc.PReg;
import org.pyjit.regalloc.RegClass;

/**
 * Everything derived from one value: a vreg's whole lifetime, or a copy made for a constrained
 * operand. Owns the register-requiring use positions (shared by all split children) and the
 * children themselves, sorted by start and pairwise disjoint.
 */
final class Family {
    /** What the family stands for. */
    enum Kind {
        /** A vreg; allocated and split freely. */
        VREG,
        /** The register shared by a reuse def and its input; never split. */
        REUSE_COPY,
        /** A fixed-register operand's copy; pre-coloured, only blocks its register. */
        FIXED_COPY,
        /** A stack-constrained operand's copy; lives in its own spill slot. */
        STACK_COPY
    }

    final int id;
    final Kind kind;
    final int vreg;
    final RegClass cls;
    final PReg fixedReg;
    final List<Interval> children = new ArrayList<>(1);
    private int[] regUses = new int[2];
    private int numRegUses;
    PReg hintReg;
    Family hintFamily;
    int slot = -1;
    /** The child that most recently received a register (hint source while walking). */
    Interval lastAllocated;
    private int[] starts;
    /** Index of the child found by the previous lookup (the finger of {@link #finger}). */
    private int lastFound;
    /** The sole child of an unsplit family (the common case), else null. */
    private Interval only;

    Family(int id, Kind kind, int vreg, RegClass cls, PReg fixedReg) {
        this.id = id;
        this.kind = kind;
        this.vreg = vreg;
        this.cls = cls;
        this.fixedReg = fixedReg;
    }

    Interval parent() {
        return children.get(0);
    }

    void addRegUse(int pos) {
        if (numRegUses == regUses.length) regUses = Arrays.copyOf(regUses, numRegUses * 2);
        regUses[numRegUses++] = pos;
    }

    /** Sorts and deduplicates the use positions once building is done. */
    void sealUses() {
        Arrays.sort(regUses, 0, numRegUses);
        int k = 0;
        for (int i = 0; i < numRegUses; i++) {
            if (k == 0 || regUses[k - 1] != regUses[i]) regUses[k++] = regUses[i];
        }
        numRegUses = k;
    }

    /** First register use at or after {@code pos} and before {@code limit}, else {@link Interval#INF}. */
    int nextRegUse(int pos, int limit) {
        int lo = 0, hi = numRegUses;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (regUses[mid] < pos) lo = mid + 1; else hi = mid;
        }
        return lo < numRegUses && regUses[lo] < limit ? regUses[lo] : Interval.INF;
    }

    /** Last register use before {@code pos} and at or after {@code floor}, else -1. */
    int lastRegUseBefore(int pos, int floor) {
        int lo = 0, hi = numRegUses;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (regUses[mid] < pos) lo = mid + 1; else hi = mid;
        }
        return lo > 0 && regUses[lo - 1] >= floor ? regUses[lo - 1] : -1;
    }

    /** The child covering {@code pos}, or null when the value is not live there. Needs {@link #sealChildren()}. */
    Interval childAt(int pos) {
        Interval c = childAtLive(pos);
        return c != null && c.covers(pos) ? c : null;
    }

    /**
     * The child that covers {@code pos} given that the value is live there (the last child
     * starting at or before it): no range search. Needs {@link #sealChildren()}.
     */
    Interval childAtLive(int pos) {
        if (only != null) return only;
        int k = finger(pos);
        return k < 0 ? null : children.get(k);
    }

    /**
     * Index of the last child starting at or before {@code pos}, else -1. Callers walk positions
     * roughly in order (the result is assembled in instruction and block order), so the search
     * gallops outwards from the previous answer: O(log distance) instead of O(log children),
     * and it stays in cache for the long split chains of values live across the whole function.
     */
    private int finger(int pos) {
        int[] s = starts;
        int n = s.length, f = lastFound;
        int lo, hi;
        if (s[f] <= pos) {
            // Answer in [f, n): gallop right until a start exceeds pos.
            int step = 1;
            lo = f;
            hi = f + 1;
            while (hi < n && s[hi] <= pos) {
                lo = hi;
                hi = Math.min(n, hi + step);
                step <<= 1;
            }
        } else {
            // Answer in [-1, f): gallop left until a start is at or before pos.
            if (s[0] > pos) return -1;
            int step = 1;
            hi = f;
            lo = f - 1;
            while (s[lo] > pos) {
                hi = lo;
                lo = Math.max(0, lo - step);
                step <<= 1;
            }
        }
        // Invariant: s[lo] <= pos, and hi == n or s[hi] > pos.
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] <= pos) lo = mid; else hi = mid;
        }
        lastFound = lo;
        return lo;
    }

    /**
     * While the walker runs, children form a linked list (splits insert in O(1)); afterwards the
     * list is frozen into {@link #children} with an array of start positions for lookups.
     */
    void sealChildren() {
        Interval first = children.get(0);
        children.clear();
        for (Interval c = first; c != null; c = c.next) children.add(c);
        only = children.size() == 1 ? first : null;
        if (only != null) return;
        starts = new int[children.size()];
        for (int k = 0; k < starts.length; k++) starts[k] = children.get(k).from();
    }

    void insertChildAfter(Interval existing, Interval child) {
        child.prev = existing;
        child.next = existing.next;
        if (existing.next != null) existing.next.prev = child;
        existing.next = child;
    }

    @Override
    public String toString() {
        return kind + "(v" + vreg + ")#" + id;
    }
}
