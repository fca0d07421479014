package org.pyjit.regalloc.lsra;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Step 5: one spill slot per family that has a spilled child, shared between families whose
 * stack lifetimes do not overlap. A family's stack lifetime is the hull of its spilled children:
 * every entry into a spilled child stores the value (split move or edge move), so the slot only
 * has to hold the value while some spilled child is live. Greedy colouring of hulls by start
 * position, lowest free slot first, is optimal for intervals and deterministic.
 *
 * <p>Hulls are sorted as packed {@code (start << 32 | family id)} longs, slots in use sit in a
 * min-heap of packed {@code (end << 32 | slot)}, free slots in a bit set: no boxing.
 */
final class SpillSlotAssigner {
    int numSlots;

    void assign(List<Family> families) {
        long[] hulls = new long[families.size()];
        int[] hullEnd = new int[families.size()];
        int nh = 0;
        for (int id = 0, nf = families.size(); id < nf; id++) {
            Family f = families.get(id);
            int lo = Interval.INF, hi = -1;
            for (int k = 0, nc = f.children.size(); k < nc; k++) {
                Interval c = f.children.get(k);
                if (c.spilled) {
                    lo = Math.min(lo, c.from());
                    hi = Math.max(hi, c.to());
                }
            }
            if (hi >= 0) {
                hulls[nh++] = (long) lo << 32 | id;
                hullEnd[id] = hi;
            }
        }
        Arrays.sort(hulls, 0, nh);
        // busy: (end << 32 | slot) of slots in use, a min-heap; free: slots whose hull ended.
        LongHeap busy = new LongHeap();
        BitSet free = new BitSet();
        for (int q = 0; q < nh; q++) {
            int start = (int) (hulls[q] >>> 32), id = (int) hulls[q];
            while (busy.size > 0 && (int) (busy.peek() >>> 32) <= start) free.set((int) busy.poll());
            int slot = free.nextSetBit(0);
            if (slot < 0) slot = numSlots++; else free.clear(slot);
            busy.add((long) hullEnd[id] << 32 | slot);
            families.get(id).slot = slot;
        }
    }

    /** A fresh slot beyond the shared ones (for the move resolver's cycle breaking). */
    int extraSlot() {
        return numSlots++;
    }

    /** A binary min-heap of longs (no boxing). */
    private static final class LongHeap {
        private long[] a = new long[16];
        private int size;

        long peek() {
            return a[0];
        }

        void add(long x) {
            if (size == a.length) a = Arrays.copyOf(a, size * 2);
            int k = size++;
            while (k > 0 && a[(k - 1) >> 1] > x) {
                a[k] = a[(k - 1) >> 1];
                k = (k - 1) >> 1;
            }
            a[k] = x;
        }

        long poll() {
            long top = a[0], x = a[--size];
            int k = 0;
            while (2 * k + 1 < size) {
                int c = 2 * k + 1;
                if (c + 1 < size && a[c + 1] < a[c]) c++;
                if (a[c] >= x) break;
                a[k] = a[c];
                k = c;
            }
            a[k] = x;
            return top;
        }
    }
}
