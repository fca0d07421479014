package org.pyjit.ir.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pyjit.ir.Block;

/**
 * The natural loops of a function and how they nest. A back edge is an edge {@code t -> h}
 * whose target {@code h} dominates its source; the natural loop of {@code h} is {@code h} plus
 * every block that reaches a back-edge source of {@code h} without passing through {@code h}.
 * Back edges to one header form one loop. Two natural loops are disjoint or nested, so they form
 * a forest.
 *
 * <p>Irreducible cycles (entered at more than one block) have no back edge and are not loops
 * here; their retreating edges (to a block earlier in reverse postorder that does not dominate
 * the source) are listed by {@link #irreducibleEdges()}.
 */
public final class LoopNest {

    /**
     * One natural loop.
     *
     * @param header  the loop header, which dominates every block of the loop
     * @param blocks  the blocks of the loop (header included) in reverse postorder
     * @param latches the sources of the back edges to the header
     * @param parent  the innermost enclosing loop's header, or null for an outermost loop
     * @param depth   1 for an outermost loop, 2 for a loop inside it, …
     */
    public record Loop(Block header, List<Block> blocks, List<Block> latches, Block parent, int depth) {
        /** Copies the lists. */
        public Loop {
            blocks = List.copyOf(blocks);
            latches = List.copyOf(latches);
        }

        /** True if {@code block} belongs to this loop (or to a loop nested in it). */
        public boolean contains(Block block) {
            return blocks.contains(block);
        }
    }

    /**
     * An edge of the control-flow graph.
     *
     * @param from the branching block
     * @param to   the target block
     */
    public record Edge(Block from, Block to) {
    }

    private final Map<Block, Loop> byHeader = new LinkedHashMap<>();
    private final Map<Block, Loop> innermost = new HashMap<>();
    private final List<Edge> irreducible = new ArrayList<>();

    private LoopNest(DominatorTree dom) {
        ControlFlowGraph cfg = dom.cfg();
        Map<Block, List<Block>> latchesOf = new LinkedHashMap<>();
        for (Block b : cfg.reversePostorder()) {
            for (Block s : cfg.successors(b)) {
                if (dom.dominates(s, b)) {
                    latchesOf.computeIfAbsent(s, k -> new ArrayList<>()).add(b);
                } else if (cfg.rpoIndex(s) <= cfg.rpoIndex(b)) {
                    irreducible.add(new Edge(b, s));
                }
            }
        }
        Map<Block, Set<Block>> bodies = new LinkedHashMap<>();
        for (var e : latchesOf.entrySet()) {
            bodies.put(e.getKey(), body(cfg, e.getKey(), e.getValue()));
        }
        // Outer loops are strictly larger than the loops nested in them: visit large to small,
        // so each loop's parent (the smallest earlier loop holding its header) is already built.
        List<Block> headers = new ArrayList<>(bodies.keySet());
        headers.sort(Comparator.comparingInt((Block h) -> -bodies.get(h).size()).thenComparingInt(cfg::rpoIndex));
        for (Block h : headers) {
            Loop parent = null;
            for (Loop candidate : byHeader.values()) {
                if (bodies.get(candidate.header()).contains(h)
                        && (parent == null || candidate.blocks().size() < parent.blocks().size())) {
                    parent = candidate;
                }
            }
            List<Block> blocks = bodies.get(h).stream().sorted(Comparator.comparingInt(cfg::rpoIndex)).toList();
            Loop loop = new Loop(h, blocks, latchesOf.get(h), parent == null ? null : parent.header(),
                    parent == null ? 1 : parent.depth() + 1);
            byHeader.put(h, loop);
            for (Block b : blocks) {
                innermost.put(b, loop); // later (smaller, inner) loops overwrite
            }
        }
    }

    /** The loop nest of the function whose dominator tree is {@code dom}. */
    public static LoopNest of(DominatorTree dom) {
        return new LoopNest(dom);
    }

    /** Walks predecessors backwards from the latches, stopping at the header. */
    private static Set<Block> body(ControlFlowGraph cfg, Block header, List<Block> latches) {
        Set<Block> body = new LinkedHashSet<>();
        body.add(header);
        Deque<Block> work = new ArrayDeque<>();
        for (Block l : latches) {
            if (body.add(l)) {
                work.push(l);
            }
        }
        while (!work.isEmpty()) {
            for (Block p : cfg.predecessors(work.pop())) {
                if (cfg.isReachable(p) && body.add(p)) {
                    work.push(p);
                }
            }
        }
        return body;
    }

    /** Every loop, outer loops before the loops nested in them. */
    public List<Loop> loops() {
        return List.copyOf(byHeader.values());
    }

    /** The loop headed by {@code block}, or null if it is no loop header. */
    public Loop loop(Block header) {
        return byHeader.get(header);
    }

    /** True if {@code block} is a loop header. */
    public boolean isHeader(Block block) {
        return byHeader.containsKey(block);
    }

    /** The innermost loop containing {@code block}, or null if it is in no loop. */
    public Loop innermostLoop(Block block) {
        return innermost.get(block);
    }

    /** How many loops contain {@code block}: 0 outside every loop. */
    public int depth(Block block) {
        Loop l = innermost.get(block);
        return l == null ? 0 : l.depth();
    }

    /** Retreating edges that are not back edges: each marks an irreducible cycle. Empty if reducible. */
    public List<Edge> irreducibleEdges() {
        return List.copyOf(irreducible);
    }
}
