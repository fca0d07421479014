package org.pyjit.regalloc.lsra;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * Step 5: one spill slot per family that has a spilled child, shared between families whose
 * stack lifetimes do not overlap. A family's stack lifetime is the hull of its spilled children:
 * every entry into a spilled child stores the value (split move or edge move), so the slot only
 * has to hold the value while some spilled child is live. Greedy colouring of hulls by start
 * position, lowest free slot first, is optimal for intervals and deterministic.
 */
final class SpillSlotAssigner {
    int numSlots;

    void assign(List<Family> families) {
        List<long[]> hulls = new ArrayList<>();
        for (Family f : families) {
            int lo = Interval.INF, hi = -1;
            for (Interval c : f.children) {
                if (c.spilled) {
                    lo = Math.min(lo, c.from());
                    hi = Math.max(hi, c.to());
                }
            }
            if (hi >= 0) hulls.add(new long[] {lo, hi, f.id});
        }
        hulls.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[2], b[2]));
        PriorityQueue<long[]> busy = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        TreeSet<Integer> free = new TreeSet<>();
        for (long[] h : hulls) {
            while (!busy.isEmpty() && busy.peek()[0] <= h[0]) free.add((int) busy.poll()[1]);
            int slot = free.isEmpty() ? numSlots++ : free.pollFirst();
            families.get((int) h[2]).slot = slot;
            busy.add(new long[] {h[1], slot});
        }
    }

    /** A fresh slot beyond the shared ones (for the move resolver's cycle breaking). */
    int extraSlot() {
        return numSlots++;
    }
}
