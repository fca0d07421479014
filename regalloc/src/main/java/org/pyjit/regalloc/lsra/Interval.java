package org.pyjit.regalloc.lsra;

import java.util.Arrays;

import org.pyjit.regalloc.PReg;

/**
 * A lifetime interval: sorted, disjoint, non-adjacent half-open ranges {@code [from, to)} of
 * positions, and its location once allocated (a register, or the family's spill slot).
 *
 * <p>While {@link IntervalBuilder} works backwards, ranges are collected in reverse order;
 * {@link #seal()} puts them in ascending order.
 */
final class Interval {
    static final int INF = Integer.MAX_VALUE;

    final Family family;
    final int id;
    private int[] r;
    private int n;
    PReg reg;
    boolean spilled;
    /** Neighbouring split children of the same family, in position order. */
    Interval prev;
    Interval next;

    Interval(Family family, int id, int capacity) {
        this.family = family;
        this.id = id;
        this.r = new int[Math.max(2, capacity * 2)];
    }

    private Interval(Family family, int id, int[] r, int n) {
        this.family = family;
        this.id = id;
        this.r = r;
        this.n = n;
    }

    boolean isEmpty() {
        return n == 0;
    }

    int from() {
        return r[0];
    }

    int to() {
        return r[2 * n - 1];
    }

    int numRanges() {
        return n;
    }

    int rangeFrom(int k) {
        return r[2 * k];
    }

    int rangeTo(int k) {
        return r[2 * k + 1];
    }

    // ---- building (reverse order: index n-1 is the lowest range) ----

    /** Adds {@code [from, to)} in front of (or merged with) the lowest range so far. */
    void addRangeReversed(int from, int to) {
        if (n > 0) {
            int lf = r[2 * n - 2];
            int lt = r[2 * n - 1];
            if (to >= lf) {
                r[2 * n - 2] = Math.min(from, lf);
                r[2 * n - 1] = Math.max(to, lt);
                return;
            }
        }
        if (2 * n + 2 > r.length) r = Arrays.copyOf(r, r.length * 2);
        r[2 * n] = from;
        r[2 * n + 1] = to;
        n++;
    }

    /** Moves the start of the lowest range to the definition at {@code pos}. */
    void setFromReversed(int pos) {
        if (n == 0) {
            addRangeReversed(pos, pos + 1);
        } else {
            r[2 * n - 2] = pos;
        }
    }

    void seal() {
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            int f = r[2 * i], t = r[2 * i + 1];
            r[2 * i] = r[2 * j];
            r[2 * i + 1] = r[2 * j + 1];
            r[2 * j] = f;
            r[2 * j + 1] = t;
        }
    }

    // ---- queries ----

    /** Index of the first range ending after {@code pos}, or n. */
    int firstRangeEndingAfter(int pos) {
        int lo = 0, hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (r[2 * mid + 1] <= pos) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private int cursor;

    /**
     * {@link #covers} for a caller whose {@code pos} never decreases between calls (the walker):
     * amortised constant time.
     */
    boolean coversAscending(int pos) {
        if (cursor >= n) cursor = n - 1;
        while (cursor < n - 1 && r[2 * cursor + 1] <= pos) cursor++;
        return r[2 * cursor] <= pos && pos < r[2 * cursor + 1];
    }

    boolean covers(int pos) {
        int k = firstRangeEndingAfter(pos);
        return k < n && r[2 * k] <= pos;
    }

    /** First position at or after {@code pos} covered by both this and {@code o}, else INF. */
    int nextIntersection(Interval o, int pos) {
        return intersect(r, n, o.r, o.n, pos, firstRangeEndingAfter(pos), o.firstRangeEndingAfter(pos));
    }

    static int intersect(int[] a, int an, int[] b, int bn, int pos, int i, int j) {
        while (i < an && j < bn) {
            int af = Math.max(a[2 * i], pos), at = a[2 * i + 1];
            int bf = Math.max(b[2 * j], pos), bt = b[2 * j + 1];
            int lo = Math.max(af, bf);
            if (lo < Math.min(at, bt)) return lo;
            if (at <= bt) i++; else j++;
        }
        return INF;
    }

    int[] rawRanges() {
        return r;
    }

    /** First register use of this interval at or after {@code pos}. */
    int nextRegUse(int pos) {
        return family.nextRegUse(Math.max(pos, from()), to());
    }

    /**
     * Splits at {@code pos} (from &lt; pos &lt; to): this keeps the ranges before pos, the
     * returned child the rest; the child is registered in the family after this one.
     */
    Interval splitAt(int pos, int childId) {
        if (pos <= from() || pos >= to()) {
            throw new IllegalStateException("split of " + this + " at " + pos + " out of range");
        }
        int k = firstRangeEndingAfter(pos);
        int[] cr;
        int cn;
        if (r[2 * k] < pos) {
            cn = n - k;
            cr = new int[2 * cn];
            System.arraycopy(r, 2 * k, cr, 0, 2 * cn);
            cr[0] = pos;
            r[2 * k + 1] = pos;
            n = k + 1;
        } else {
            cn = n - k;
            cr = new int[2 * cn];
            System.arraycopy(r, 2 * k, cr, 0, 2 * cn);
            n = k;
        }
        Interval child = new Interval(family, childId, cr, cn);
        family.insertChildAfter(this, child);
        return child;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(family.toString()).append('.').append(id).append('[');
        for (int i = 0; i < n; i++) sb.append(i == 0 ? "" : ",").append(r[2 * i]).append('-').append(r[2 * i + 1]);
        return sb.append("]->").append(reg != null ? reg : spilled ? "stack" : "?").toString();
    }
}
