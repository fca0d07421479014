package org.pyjit.regalloc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The output of register allocation.
 *
 * <p>Contract for the client (code emission):
 * <ul>
 *   <li>{@link #allocations()}: for instruction i, operand k, the register or slot to encode.</li>
 *   <li>{@link #edits()}: moves to emit at program points, sorted by point; edits at one point run
 *       in list order. Moves for an edge that is <em>not</em> critical appear here: before the
 *       terminator of the predecessor when it has a single successor, otherwise before the first
 *       instruction of the successor (which then has a single predecessor).</li>
 *   <li>{@link #edgeMoves()}: moves for critical edges (predecessor with several successors,
 *       successor with several predecessors, counting repeated edges). The client branches to a
 *       stub for such an edge that performs the moves in order and jumps to the successor.
 *       Only edges that need moves are present.</li>
 *   <li>Slot-to-slot copies never appear: they go through the class's scratch register, which is
 *       also used to break cycles. When a cycle contains slots the allocator may use one extra
 *       spill slot, counted in {@link #numSpillSlots()}.</li>
 * </ul>
 *
 * @param allocations    per instruction, per operand index, its location
 * @param edits          moves at program points, sorted by point (stable within a point)
 * @param edgeMoves      moves per critical edge, in execution order
 * @param numSpillSlots  number of 8-byte spill slots used
 * @param usedRegisters  every register the allocated code writes (operands, move destinations,
 *                       scratch); the client saves the callee-saved ones among them
 * @param stats          move counts
 */
public record RegAllocResult(List<List<Allocation>> allocations, List<Edit> edits,
                             SortedMap<Edge, List<Move>> edgeMoves, int numSpillSlots,
                             SortedSet<PReg> usedRegisters, AllocStats stats) {
    /** Makes immutable copies of everything. */
    public RegAllocResult {
        List<List<Allocation>> a = new ArrayList<>(allocations.size());
        for (List<Allocation> l : allocations) a.add(List.copyOf(l));
        allocations = Collections.unmodifiableList(a);
        List<Edit> e = new ArrayList<>(edits);
        e.sort((x, y) -> x.point().compareTo(y.point()));
        edits = List.copyOf(e);
        TreeMap<Edge, List<Move>> m = new TreeMap<>();
        edgeMoves.forEach((k, v) -> m.put(k, List.copyOf(v)));
        edgeMoves = Collections.unmodifiableSortedMap(m);
        usedRegisters = Collections.unmodifiableSortedSet(new TreeSet<>(usedRegisters));
    }

    /** Location of operand {@code operand} of instruction {@code inst}. */
    public Allocation allocation(int inst, int operand) {
        return allocations.get(inst).get(operand);
    }

    /** Moves to run on the critical edge to successor number {@code succIndex} of {@code pred}. */
    public List<Move> edgeMoves(int pred, int succIndex) {
        return edgeMoves.getOrDefault(new Edge(pred, succIndex), List.of());
    }

    /** Edits at {@code point}, in execution order. */
    public List<Edit> editsAt(ProgramPoint point) {
        int lo = 0, hi = edits.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edits.get(mid).point().compareTo(point) < 0) lo = mid + 1; else hi = mid;
        }
        int end = lo;
        while (end < edits.size() && edits.get(end).point().equals(point)) end++;
        return edits.subList(lo, end);
    }
}
