package org.pyjit.ir.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pyjit.ir.Block;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.text.IrParser;

class AnalysisTest {

    private static Block b(int id) {
        return new Block(id);
    }

    /** A graph from "0>1,2 1>3 …": each item is a block and its successors. */
    private static ControlFlowGraph graph(int blocks, String edges) {
        List<Block> all = new ArrayList<>();
        for (int i = 0; i < blocks; i++) {
            all.add(b(i));
        }
        Map<Block, List<Block>> succ = new HashMap<>();
        for (String item : edges.split(" ")) {
            String[] parts = item.split(">");
            succ.put(b(Integer.parseInt(parts[0])),
                    java.util.Arrays.stream(parts[1].split(",")).map(s -> b(Integer.parseInt(s))).toList());
        }
        return ControlFlowGraph.of(all, succ);
    }

    /** Two nested loops, a loop exit through the inner loop, and an unreachable block. */
    static final String NESTED = """
            function %nested(i64) -> i64 {
            block0(v0: i64):
                jump block1(v0)
            block1(v1: i64):
                brif v1, block2, block5
            block2:
                jump block3
            block3:
                brif v1, block3, block4
            block4:
                brif v1, block1(v1), block5
            block5:
                return v1
            block6:
                jump block1(v0)
            }
            """;

    @Test
    void cfgOfParsedFunction() {
        IrFunction f = IrParser.parseFunction(NESTED);
        ControlFlowGraph cfg = ControlFlowGraph.of(f);
        assertEquals(List.of(b(2), b(5)), cfg.successors(b(1)));
        assertEquals(List.of(b(0), b(4), b(6)), cfg.predecessors(b(1)));
        assertEquals(List.of(b(3)), cfg.successors(b(3)).subList(0, 1)); // self loop kept once
        assertEquals(List.of(b(2), b(3)), cfg.predecessors(b(3)));
        assertEquals(List.of(b(0), b(1), b(2), b(3), b(4), b(5)), cfg.reversePostorder());
        assertFalse(cfg.isReachable(b(6)));
        assertEquals(-1, cfg.rpoIndex(b(6)));
        assertThrows(IllegalArgumentException.class, () -> cfg.successors(b(9)));
    }

    @Test
    void dominatorsOfNestedLoops() {
        DominatorTree dom = DominatorTree.of(ControlFlowGraph.of(IrParser.parseFunction(NESTED)));
        assertNull(dom.idom(b(0)));
        assertEquals(b(0), dom.idom(b(1)));
        assertEquals(b(1), dom.idom(b(2)));
        assertEquals(b(2), dom.idom(b(3)));
        assertEquals(b(3), dom.idom(b(4)));
        assertEquals(b(1), dom.idom(b(5)));
        assertEquals(List.of(b(2), b(5)), dom.children(b(1)));
        assertEquals(4, dom.depth(b(4)));
        assertTrue(dom.dominates(b(1), b(4)));
        assertTrue(dom.dominates(b(4), b(4)));
        assertFalse(dom.strictlyDominates(b(4), b(4)));
        assertFalse(dom.dominates(b(4), b(5)));
        assertFalse(dom.dominates(b(2), b(5)));
        // Unreachable block6: dominated by everything, dominates nothing reachable.
        assertNull(dom.idom(b(6)));
        assertEquals(-1, dom.depth(b(6)));
        assertTrue(dom.dominates(b(4), b(6)));
        assertFalse(dom.dominates(b(6), b(1)));
    }

    @Test
    void loopNestOfNestedLoops() {
        DominatorTree dom = DominatorTree.of(ControlFlowGraph.of(IrParser.parseFunction(NESTED)));
        LoopNest loops = LoopNest.of(dom);
        assertEquals(2, loops.loops().size());
        LoopNest.Loop outer = loops.loop(b(1));
        LoopNest.Loop inner = loops.loop(b(3));
        assertEquals(List.of(b(1), b(2), b(3), b(4)), outer.blocks());
        assertEquals(List.of(b(4)), outer.latches());
        assertNull(outer.parent());
        assertEquals(List.of(b(3)), inner.blocks());
        assertEquals(b(1), inner.parent());
        assertEquals(2, inner.depth());
        assertEquals(List.of(0, 1, 1, 2, 1, 0, 0),
                List.of(0, 1, 2, 3, 4, 5, 6).stream().map(i -> loops.depth(b(i))).toList());
        assertTrue(loops.isHeader(b(3)));
        assertFalse(loops.isHeader(b(2)));
        assertEquals(inner, loops.innermostLoop(b(3)));
        assertEquals(outer, loops.innermostLoop(b(4)));
        assertTrue(loops.irreducibleEdges().isEmpty());
    }

    @Test
    void irreducibleCycleIsNoLoop() {
        // 0 branches into both 1 and 2, which branch to each other: a cycle with two entries.
        ControlFlowGraph cfg = graph(4, "0>1,2 1>2,3 2>1");
        DominatorTree dom = DominatorTree.of(cfg);
        assertEquals(b(0), dom.idom(b(1)));
        assertEquals(b(0), dom.idom(b(2)));
        assertEquals(b(1), dom.idom(b(3)));
        LoopNest loops = LoopNest.of(dom);
        assertTrue(loops.loops().isEmpty());
        assertEquals(0, loops.depth(b(1)));
        assertEquals(1, loops.irreducibleEdges().size());
        LoopNest.Edge e = loops.irreducibleEdges().get(0);
        assertTrue(Set.of(new LoopNest.Edge(b(1), b(2)), new LoopNest.Edge(b(2), b(1))).contains(e), e.toString());
    }

    @Test
    void irreducibleRegionInsideAReducibleLoop() {
        // Loop 1..5 with header 1; inside, 2 and 3 form a two-entry cycle entered from 1 and 4.
        ControlFlowGraph cfg = graph(7, "0>1 1>2,4 2>3 3>2,5 4>3 5>1,6");
        DominatorTree dom = DominatorTree.of(cfg);
        assertEquals(b(1), dom.idom(b(3)));
        assertEquals(b(3), dom.idom(b(5)));
        LoopNest loops = LoopNest.of(dom);
        assertEquals(1, loops.loops().size());
        assertEquals(List.of(b(1), b(4), b(2), b(3), b(5)).size(), loops.loop(b(1)).blocks().size());
        assertEquals(Set.of(b(1), b(2), b(3), b(4), b(5)), Set.copyOf(loops.loop(b(1)).blocks()));
        assertEquals(1, loops.irreducibleEdges().size());
    }

    @Test
    void twoBackEdgesToOneHeaderFormOneLoop() {
        ControlFlowGraph cfg = graph(5, "0>1 1>2,3 2>1 3>1,4");
        LoopNest loops = LoopNest.of(DominatorTree.of(cfg));
        assertEquals(1, loops.loops().size());
        assertEquals(List.of(b(2), b(3)), loops.loop(b(1)).latches().stream().sorted(
                java.util.Comparator.comparingInt(Block::id)).toList());
        assertEquals(0, loops.depth(b(4)));
    }

    /** The fast algorithm agrees with the definition (remove a, see whether b is still reachable). */
    @Test
    void dominanceAgreesWithDefinitionOnRandomGraphs() {
        Random rnd = new Random(7);
        for (int round = 0; round < 200; round++) {
            int n = 1 + rnd.nextInt(9);
            List<Block> all = new ArrayList<>();
            Map<Block, List<Block>> succ = new HashMap<>();
            for (int i = 0; i < n; i++) {
                all.add(b(i));
            }
            for (int i = 0; i < n; i++) {
                List<Block> s = new ArrayList<>();
                for (int k = rnd.nextInt(3); k > 0; k--) {
                    s.add(b(rnd.nextInt(n)));
                }
                succ.put(b(i), s);
            }
            ControlFlowGraph cfg = ControlFlowGraph.of(all, succ);
            DominatorTree dom = DominatorTree.of(cfg);
            for (Block a : all) {
                for (Block t : all) {
                    boolean expected = !cfg.isReachable(t) || (cfg.isReachable(a) && !reachableAvoiding(succ, t, a));
                    assertEquals(expected, dom.dominates(a, t), a + " dom " + t + " in " + succ);
                }
            }
        }
    }

    private static boolean reachableAvoiding(Map<Block, List<Block>> succ, Block target, Block avoid) {
        if (avoid.equals(b(0))) {
            return false;
        }
        java.util.Deque<Block> work = new java.util.ArrayDeque<>(List.of(b(0)));
        java.util.Set<Block> seen = new java.util.HashSet<>(work);
        while (!work.isEmpty()) {
            Block x = work.pop();
            if (x.equals(target)) {
                return true;
            }
            for (Block s : succ.get(x)) {
                if (!s.equals(avoid) && seen.add(s)) {
                    work.push(s);
                }
            }
        }
        return false;
    }
}
