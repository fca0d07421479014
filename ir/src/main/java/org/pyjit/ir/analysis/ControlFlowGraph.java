package org.pyjit.ir.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pyjit.ir.BasicBlock;
import org.pyjit.ir.Block;
import org.pyjit.ir.IrFunction;

/**
 * The control-flow graph of a function: successors and predecessors of each block, the blocks
 * reachable from the entry and their reverse postorder.
 *
 * <p>Edges come from each block's last instruction's targets, whether or not it is a
 * terminator (the verifier reports that separately); targets naming no block of the function
 * are ignored. A successor or predecessor appears once even if several targets name it.
 */
public final class ControlFlowGraph {
    private final Block entry;
    private final List<Block> blocks;
    private final Map<Block, List<Block>> succs = new HashMap<>();
    private final Map<Block, List<Block>> preds = new HashMap<>();
    private final List<Block> rpo;
    private final Map<Block, Integer> rpoIndex = new HashMap<>();

    private ControlFlowGraph(Block entry, List<Block> blocks, Map<Block, List<Block>> succs) {
        this.entry = entry;
        this.blocks = List.copyOf(blocks);
        Map<Block, Set<Block>> predSets = new HashMap<>();
        for (Block b : blocks) {
            predSets.put(b, new LinkedHashSet<>());
        }
        for (Block b : blocks) {
            List<Block> s = List.copyOf(new LinkedHashSet<>(succs.get(b)));
            this.succs.put(b, s);
            for (Block t : s) {
                predSets.get(t).add(b);
            }
        }
        for (Block b : blocks) {
            preds.put(b, List.copyOf(predSets.get(b)));
        }
        this.rpo = reversePostorderFrom(entry);
        for (int i = 0; i < rpo.size(); i++) {
            rpoIndex.put(rpo.get(i), i);
        }
    }

    /** The CFG of {@code function}. */
    public static ControlFlowGraph of(IrFunction function) {
        Map<Block, List<Block>> succs = new HashMap<>();
        List<Block> blocks = new ArrayList<>();
        for (BasicBlock b : function.blocks()) {
            blocks.add(b.block());
        }
        for (BasicBlock b : function.blocks()) {
            succs.put(b.block(), b.successors().stream().filter(t -> function.block(t) != null).toList());
        }
        return new ControlFlowGraph(function.entry().block(), blocks, succs);
    }

    /**
     * A CFG given as an edge list (for tests and for clients with their own block structure).
     *
     * @param blocks     every block, the entry first
     * @param successors the successors of each block; a missing key means none
     * @throws IllegalArgumentException if an edge names a block not in {@code blocks}
     */
    public static ControlFlowGraph of(List<Block> blocks, Map<Block, List<Block>> successors) {
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("a control-flow graph needs an entry block");
        }
        Set<Block> known = new LinkedHashSet<>(blocks);
        if (known.size() != blocks.size()) {
            throw new IllegalArgumentException("duplicate block in " + blocks);
        }
        Map<Block, List<Block>> succs = new HashMap<>();
        for (Block b : blocks) {
            List<Block> s = successors.getOrDefault(b, List.of());
            for (Block t : s) {
                if (!known.contains(t)) {
                    throw new IllegalArgumentException("edge " + b + " -> " + t + " leaves the graph");
                }
            }
            succs.put(b, s);
        }
        for (Block b : successors.keySet()) {
            if (!known.contains(b)) {
                throw new IllegalArgumentException("successors given for unknown " + b);
            }
        }
        return new ControlFlowGraph(blocks.get(0), blocks, succs);
    }

    /** Iterative depth-first search; successors are visited in target order. */
    private List<Block> reversePostorderFrom(Block start) {
        List<Block> post = new ArrayList<>();
        Set<Block> seen = new java.util.HashSet<>();
        Deque<Block> stack = new ArrayDeque<>();
        Deque<Integer> nextChild = new ArrayDeque<>();
        stack.push(start);
        nextChild.push(0);
        seen.add(start);
        while (!stack.isEmpty()) {
            Block b = stack.peek();
            int i = nextChild.pop();
            List<Block> s = succs.get(b);
            if (i < s.size()) {
                nextChild.push(i + 1);
                Block t = s.get(i);
                if (seen.add(t)) {
                    stack.push(t);
                    nextChild.push(0);
                }
            } else {
                stack.pop();
                post.add(b);
            }
        }
        Collections.reverse(post);
        return List.copyOf(post);
    }

    /** The entry block. */
    public Block entry() {
        return entry;
    }

    /** Every block of the function in layout order, reachable or not. */
    public List<Block> blocks() {
        return blocks;
    }

    /** The distinct successors of {@code block}, in the order its targets first name them. */
    public List<Block> successors(Block block) {
        return lookup(succs, block);
    }

    /** The distinct predecessors of {@code block}, in layout order of the branching blocks. */
    public List<Block> predecessors(Block block) {
        return lookup(preds, block);
    }

    /** The blocks reachable from the entry in reverse postorder (the entry first). */
    public List<Block> reversePostorder() {
        return rpo;
    }

    /** True if {@code block} is reachable from the entry. */
    public boolean isReachable(Block block) {
        return rpoIndex.containsKey(block);
    }

    /** The position of {@code block} in {@link #reversePostorder()}, or -1 if it is unreachable. */
    public int rpoIndex(Block block) {
        return rpoIndex.getOrDefault(block, -1);
    }

    private List<Block> lookup(Map<Block, List<Block>> map, Block block) {
        List<Block> r = map.get(block);
        if (r == null) {
            throw new IllegalArgumentException(block + " is not in this graph");
        }
        return r;
    }
}
