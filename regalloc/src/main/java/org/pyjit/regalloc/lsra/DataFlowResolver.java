package org.pyjit.regalloc.lsra;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.pyjit.regalloc.Allocation;
import org.pyjit.regalloc.Edge;
import org.pyjit.regalloc.Move;
import org.pyjit.regalloc.RegAllocFunction;
import org.pyjit.regalloc.VReg;

/**
 * Step 6: moves on CFG edges. For edge {@code p -> s}, every vreg live into {@code s} moves from
 * its location at the end of {@code p} to its location at the start of {@code s}, and every live
 * block parameter of {@code s} receives its argument's location at the end of {@code p}; all of
 * it is one parallel move. Placement: a critical edge gets {@link #edgeMoves}; otherwise the moves
 * go before the terminator of {@code p} if it has one successor, else before the first
 * instruction of {@code s} (which then has one predecessor).
 */
final class DataFlowResolver {
    /** Parallel moves run before instruction i, ahead of its gap moves (successor side). */
    final List<List<Move>> atBlockStart;
    /** Parallel moves run before instruction i, after its gap moves (predecessor side). */
    final List<List<Move>> atBlockEnd;
    final SortedMap<Edge, List<Move>> edgeMoves = new TreeMap<>();

    DataFlowResolver(RegAllocFunction fn, BlockOrder order, LivenessAnalysis live, IntervalBuilder ib, Locator loc) {
        atBlockStart = new ArrayList<>(fn.numInsts());
        atBlockEnd = new ArrayList<>(fn.numInsts());
        for (int i = 0; i < fn.numInsts(); i++) {
            atBlockStart.add(null);
            atBlockEnd.add(null);
        }
        for (int p = 0; p < fn.numBlocks(); p++) {
            List<Integer> succs = fn.successors(p);
            int endPos = order.endPos[p] - 1;
            for (int j = 0; j < succs.size(); j++) {
                int s = succs.get(j);
                int startPos = order.labelPos[s];
                List<Move> moves = new ArrayList<>();
                for (int v : live.liveIn[s]) {
                    Family f = ib.vregFamily[v];
                    // An unsplit value is in the same place everywhere.
                    if (f.children.size() > 1) add(moves, loc.at(f, endPos), loc.at(f, startPos), f);
                }
                List<VReg> params = fn.blockParams(s), args = fn.branchArgs(p, j);
                for (int q = 0; q < params.size(); q++) {
                    Family fp = ib.vregFamily[params.get(q).index()];
                    if (fp == null || fp.childAt(startPos) == null) continue;
                    add(moves, loc.at(ib.vregFamily[args.get(q).index()], endPos), loc.at(fp, startPos), fp);
                }
                if (moves.isEmpty()) continue;
                if (succs.size() > 1 && fn.predecessors(s).size() > 1) {
                    edgeMoves.put(new Edge(p, j), moves);
                } else if (succs.size() == 1) {
                    atBlockEnd.set(fn.blockEndInst(p) - 1, moves);
                } else {
                    atBlockStart.set(fn.blockFirstInst(s), moves);
                }
            }
        }
    }

    private static void add(List<Move> moves, Allocation from, Allocation to, Family f) {
        if (!from.equals(to)) moves.add(new Move(from, to, f.cls));
    }

    /** Location of a family at a position, after allocation and slot assignment. */
    interface Locator {
        Allocation at(Family f, int pos);
    }
}
