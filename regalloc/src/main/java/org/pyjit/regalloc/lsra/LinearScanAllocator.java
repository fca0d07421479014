package org.pyjit.regalloc.lsra;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.pyjit.regalloc.AllocStats;
import org.pyjit.regalloc.Allocation;
import org.pyjit.regalloc.Edge;
import org.pyjit.regalloc.Edit;
import org.pyjit.regalloc.InstPosition;
import org.pyjit.regalloc.MachineEnv;
import org.pyjit.regalloc.Move;
import org.pyjit.regalloc.PReg;
import org.pyjit.regalloc.ProgramPoint;
import org.pyjit.regalloc.RegAllocFunction;
import org.pyjit.regalloc.RegAllocResult;
import org.pyjit.regalloc.RegClass;

/**
 * The pipeline: {@link InputValidator}, {@link BlockOrder}, {@link LivenessAnalysis},
 * {@link IntervalBuilder}, {@link LinearScanWalker} per class, {@link SpillSlotAssigner},
 * {@link DataFlowResolver}, then gap moves (splits and constrained-operand copies) and edge moves
 * sequenced by the {@link MoveResolver} into the {@link RegAllocResult}. Use it through
 * {@link org.pyjit.regalloc.LinearScan#allocate}.
 */
public final class LinearScanAllocator {
    private LinearScanAllocator() {
    }

    /**
     * Allocates registers for {@code fn} on machine {@code env}.
     *
     * @throws org.pyjit.regalloc.RegAllocException if the input breaks the interface contract
     */
    public static RegAllocResult allocate(RegAllocFunction fn, MachineEnv env) {
        new InputValidator(fn, env).validate();
        BlockOrder order = new BlockOrder(fn);
        LivenessAnalysis live = new LivenessAnalysis(fn);
        IntervalBuilder ib = new IntervalBuilder(fn, env, order, live);
        ib.build();

        List<List<Interval>> byClass = new ArrayList<>();
        for (RegClass c : RegClass.values()) byClass.add(new ArrayList<>());
        for (Family f : ib.families) {
            switch (f.kind) {
                case FIXED_COPY -> f.parent().reg = f.fixedReg;
                case STACK_COPY -> f.parent().spilled = true;
                case VREG, REUSE_COPY -> byClass.get(f.cls.ordinal()).add(f.parent());
            }
        }
        List<Interval> splits = new ArrayList<>();
        for (RegClass c : RegClass.values()) {
            LinearScanWalker walker = new LinearScanWalker(c, env, order, ib, fn);
            walker.run(byClass.get(c.ordinal()));
            splits.addAll(walker.splits);
        }
        for (Family f : ib.families) f.sealChildren();
        SpillSlotAssigner slots = new SpillSlotAssigner();
        slots.assign(ib.families);

        Locations cache = new Locations(slots.numSlots);
        DataFlowResolver.Locator loc = cache::at;
        int n = fn.numInsts();
        List<List<Allocation>> allocations = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            IntervalBuilder.OperandRef[] refs = ib.operandRefs[i];
            Allocation[] l = new Allocation[refs.length];
            for (int k = 0; k < refs.length; k++) l[k] = loc.at(refs[k].family(), refs[k].pos());
            allocations.add(List.of(l));
        }

        List<List<Move>> gap = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<IntervalBuilder.GapMove> g = ib.gapMoves.get(i);
            List<Move> moves = null;
            if (g != null) {
                for (IntervalBuilder.GapMove m : g) {
                    Allocation from = loc.at(m.src(), m.srcPos()), to = loc.at(m.dst(), m.dstPos());
                    if (!from.equals(to)) {
                        if (moves == null) moves = new ArrayList<>(2);
                        moves.add(new Move(from, to, m.dst().cls));
                    }
                }
            }
            gap.add(moves);
        }
        // Split moves inside blocks: only split children are entered by one, so visit just those
        // (their order within a gap does not matter: each gap's moves are sorted by destination).
        for (int q = 0, ns = splits.size(); q < ns; q++) {
            Interval child = splits.get(q), prev = child.prev;
            int s = child.from();
            int inst = order.instAt(s);
            if (inst < 0 || (s & 3) != 0) continue;
            if (!prev.covers(s - 1)) throw new IllegalStateException("split child " + child + " starts inside a block after a hole");
            Allocation from = cache.of(prev), to = cache.of(child);
            if (!from.equals(to)) {
                if (gap.get(inst) == null) gap.set(inst, new ArrayList<>(2));
                gap.get(inst).add(new Move(from, to, child.family.cls));
            }
        }
        DataFlowResolver flow = new DataFlowResolver(fn, order, live, ib, loc);

        MoveResolver resolver = new MoveResolver(env, slots::extraSlot);
        List<Edit> edits = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Move> start = flow.atBlockStart.get(i), mid = gap.get(i), end = flow.atBlockEnd.get(i);
            if (start == null && mid == null && end == null) continue;
            ProgramPoint before = new ProgramPoint(i, InstPosition.BEFORE);
            addEdits(edits, before, start, resolver);
            addEdits(edits, before, mid, resolver);
            addEdits(edits, before, end, resolver);
        }
        SortedMap<Edge, List<Move>> edgeMoves = new TreeMap<>();
        flow.edgeMoves.forEach((e, moves) -> edgeMoves.put(e, resolver.sequence(sorted(moves))));

        TreeSet<PReg> used = new TreeSet<>();
        boolean[][] seen = new boolean[RegClass.values().length][64];
        for (List<Allocation> l : allocations) {
            for (int k = 0, nk = l.size(); k < nk; k++) {
                if (l.get(k) instanceof Allocation.Reg r && !seen[r.reg().cls().ordinal()][r.reg().hwEncoding()]) {
                    seen[r.reg().cls().ordinal()][r.reg().hwEncoding()] = true;
                    used.add(r.reg());
                }
            }
        }
        int[] counts = new int[3];
        for (Edit e : edits) count(e.move(), used, counts);
        for (List<Move> l : edgeMoves.values()) for (Move m : l) count(m, used, counts);
        return new RegAllocResult(allocations, edits, edgeMoves, slots.numSlots, used, new AllocStats(counts[0], counts[1], counts[2]));
    }

    private static void addEdits(List<Edit> edits, ProgramPoint at, List<Move> parallel, MoveResolver resolver) {
        if (parallel == null) return;
        List<Move> seq = resolver.sequence(sorted(parallel));
        for (int k = 0, n = seq.size(); k < n; k++) edits.add(new Edit(at, seq.get(k)));
    }

    private static void count(Move m, TreeSet<PReg> used, int[] counts) {
        if (m.to() instanceof Allocation.Reg r) used.add(r.reg());
        counts[m.from().isReg() ? (m.to().isReg() ? 2 : 0) : 1]++;
    }

    /** Orders a parallel move by destination so that the sequence is reproducible. */
    private static List<Move> sorted(List<Move> moves) {
        if (moves.size() < 2) return moves;
        List<Move> l = new ArrayList<>(moves);
        l.sort((a, b) -> Integer.compare(key(a.to()), key(b.to())));
        return l;
    }

    private static int key(Allocation a) {
        if (a instanceof Allocation.Reg r) return r.reg().cls().ordinal() * 64 + r.reg().hwEncoding();
        return 1000 + ((Allocation.Slot) a).index();
    }

    /** Location lookups with one shared {@link Allocation} object per register and slot. */
    private static final class Locations {
        private final Allocation[][] regs = new Allocation[RegClass.values().length][64];
        private final Allocation[] slots;

        Locations(int numSlots) {
            for (RegClass c : RegClass.values()) {
                for (int hw = 0; hw < 64; hw++) regs[c.ordinal()][hw] = new Allocation.Reg(new PReg(c, hw));
            }
            slots = new Allocation[numSlots];
            for (int k = 0; k < numSlots; k++) slots[k] = new Allocation.Slot(k);
        }

        /** Location of {@code f} at {@code pos}, where the builder guarantees it is live. */
        Allocation at(Family f, int pos) {
            Interval c = f.childAtLive(pos);
            if (c == null) throw new IllegalStateException(f + " is not live at position " + pos);
            assert c.covers(pos) : f + " is not live at position " + pos;
            return of(c);
        }

        Allocation of(Interval c) {
            if (c.reg != null) return regs[c.reg.cls().ordinal()][c.reg.hwEncoding()];
            if (!c.spilled || c.family.slot < 0) throw new IllegalStateException("interval " + c + " was never allocated");
            return slots[c.family.slot];
        }
    }
}
