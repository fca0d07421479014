package org.pyjit.regalloc;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Copies of a result with one thing changed, for corrupting allocations in tests. */
final class Results {
    private Results() {
    }

    static RegAllocResult withAllocation(RegAllocResult r, int inst, int operand, Allocation a) {
        List<List<Allocation>> all = new ArrayList<>();
        for (List<Allocation> l : r.allocations()) all.add(new ArrayList<>(l));
        all.get(inst).set(operand, a);
        return new RegAllocResult(all, r.edits(), r.edgeMoves(), r.numSpillSlots(), r.usedRegisters(), r.stats());
    }

    static RegAllocResult withEdits(RegAllocResult r, List<Edit> edits) {
        return new RegAllocResult(r.allocations(), edits, r.edgeMoves(), r.numSpillSlots(), r.usedRegisters(), r.stats());
    }

    static RegAllocResult withEdgeMoves(RegAllocResult r, Edge e, List<Move> moves) {
        SortedMap<Edge, List<Move>> m = new TreeMap<>(r.edgeMoves());
        m.put(e, moves);
        return new RegAllocResult(r.allocations(), r.edits(), m, r.numSpillSlots(), r.usedRegisters(), r.stats());
    }

    static Allocation reg(PReg p) {
        return new Allocation.Reg(p);
    }
}
