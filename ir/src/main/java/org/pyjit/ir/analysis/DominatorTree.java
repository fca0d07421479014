package org.pyjit.ir.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pyjit.ir.Block;

/**
 * The dominator tree of the reachable part of a {@link ControlFlowGraph}, computed with the
 * iterative algorithm of Cooper, Harvey and Kennedy, "A Simple, Fast Dominance Algorithm"
 * (Software Practice and Experience, 2001): immediate dominators are refined over the reverse
 * postorder until nothing changes, intersecting by walking up the tree with RPO numbers.
 *
 * <p>Queries on unreachable blocks follow the definition literally: no path from the entry
 * reaches them, so every block dominates an unreachable block, and an unreachable block
 * dominates nothing reachable. Unreachable blocks have no immediate dominator and depth -1.
 */
public final class DominatorTree {
    private final ControlFlowGraph cfg;
    private final Map<Block, Block> idom = new HashMap<>();
    private final Map<Block, List<Block>> children = new HashMap<>();
    private final Map<Block, Integer> depth = new HashMap<>();
    /** Pre- and post-order numbers of a walk of the tree: a dominates b iff a's interval holds b's. */
    private final Map<Block, int[]> interval = new HashMap<>();

    private DominatorTree(ControlFlowGraph cfg) {
        this.cfg = cfg;
        computeIdoms();
        for (Block b : cfg.reversePostorder()) {
            children.put(b, new ArrayList<>());
        }
        for (Block b : cfg.reversePostorder()) {
            Block d = idom.get(b);
            if (d != null) {
                children.get(d).add(b);
            }
        }
        numberTree();
    }

    /** The dominator tree of {@code cfg}. */
    public static DominatorTree of(ControlFlowGraph cfg) {
        return new DominatorTree(cfg);
    }

    private void computeIdoms() {
        List<Block> rpo = cfg.reversePostorder();
        int n = rpo.size();
        int[] doms = new int[n]; // by RPO index; -1 = not yet known
        java.util.Arrays.fill(doms, -1);
        doms[0] = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 1; i < n; i++) {
                int newIdom = -1;
                for (Block p : cfg.predecessors(rpo.get(i))) {
                    int pi = cfg.rpoIndex(p);
                    if (pi < 0 || doms[pi] < 0) {
                        continue; // unreachable or not processed yet
                    }
                    newIdom = newIdom < 0 ? pi : intersect(doms, pi, newIdom);
                }
                if (doms[i] != newIdom) {
                    doms[i] = newIdom;
                    changed = true;
                }
            }
        }
        for (int i = 1; i < n; i++) {
            idom.put(rpo.get(i), rpo.get(doms[i]));
        }
    }

    /** The nearest common dominator of two RPO indices: walk the deeper-numbered finger up. */
    private static int intersect(int[] doms, int a, int b) {
        while (a != b) {
            while (a > b) {
                a = doms[a];
            }
            while (b > a) {
                b = doms[b];
            }
        }
        return a;
    }

    private void numberTree() {
        int counter = 0;
        java.util.Deque<Block> stack = new java.util.ArrayDeque<>();
        java.util.Deque<Integer> next = new java.util.ArrayDeque<>();
        Block root = cfg.entry();
        stack.push(root);
        next.push(0);
        depth.put(root, 0);
        interval.put(root, new int[] {counter++, -1});
        while (!stack.isEmpty()) {
            Block b = stack.peek();
            int i = next.pop();
            List<Block> kids = children.get(b);
            if (i < kids.size()) {
                next.push(i + 1);
                Block c = kids.get(i);
                depth.put(c, depth.get(b) + 1);
                interval.put(c, new int[] {counter++, -1});
                stack.push(c);
                next.push(0);
            } else {
                interval.get(b)[1] = counter++;
                stack.pop();
            }
        }
    }

    /** The control-flow graph this tree was computed from. */
    public ControlFlowGraph cfg() {
        return cfg;
    }

    /** The immediate dominator of {@code block}; null for the entry and for unreachable blocks. */
    public Block idom(Block block) {
        return idom.get(block);
    }

    /** The blocks {@code block} immediately dominates, in reverse postorder; empty if unreachable. */
    public List<Block> children(Block block) {
        List<Block> c = children.get(block);
        return c == null ? List.of() : List.copyOf(c);
    }

    /** The depth of {@code block} in the tree: 0 for the entry, -1 for unreachable blocks. */
    public int depth(Block block) {
        return depth.getOrDefault(block, -1);
    }

    /**
     * True if every path from the entry to {@code b} passes through {@code a}. Reflexive; true
     * for every {@code a} when {@code b} is unreachable.
     */
    public boolean dominates(Block a, Block b) {
        int[] ib = interval.get(b);
        if (ib == null) {
            return true;
        }
        int[] ia = interval.get(a);
        return ia != null && ia[0] <= ib[0] && ib[1] <= ia[1];
    }

    /** {@link #dominates} and {@code a != b}. */
    public boolean strictlyDominates(Block a, Block b) {
        return !a.equals(b) && dominates(a, b);
    }
}
