package org.pyjit.python.bytecode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Basic blocks of a code object with normal and exception edges.
 *
 * <p>Invariants: block 0 starts at unit 0; blocks partition the instructions in code order; a
 * block starts at every jump or handler target and at every exception-range boundary, so all of
 * a block's instructions share one {@link BasicBlock#handler() handler}; only a block's last
 * instruction can branch, jump or leave the frame.
 *
 * @param blocks the blocks in code order, {@code blocks.get(i).id() == i}
 */
public record ControlFlowGraph(List<BasicBlock> blocks) {

    /**
     * A maximal straight-line run of instructions.
     *
     * @param id index in {@link ControlFlowGraph#blocks()}
     * @param instructions the instructions, in order, non-empty
     * @param handler the exception-table entry covering every instruction, if any
     * @param successors outgoing edges: normal flow (as {@link Bytecode#successors} of the last
     *     instruction) then the exception edge, if any
     */
    public record BasicBlock(int id, List<Instruction> instructions, Optional<ExceptionTable.Entry> handler,
                             List<Edge> successors) {
        /** Copies the lists. */
        public BasicBlock {
            instructions = List.copyOf(instructions);
            successors = List.copyOf(successors);
        }

        /** The unit where the block starts. */
        public int start() {
            return instructions.get(0).start();
        }

        /** The last instruction. */
        public Instruction last() {
            return instructions.get(instructions.size() - 1);
        }
    }

    /** An edge between blocks. */
    public sealed interface Edge {
        /** The target block's id. */
        int target();

        /**
         * Normal control flow.
         *
         * @param kind why control goes there
         * @param target the target block's id
         * @param stackDelta depth at the target minus depth before the block's last instruction
         */
        record Flow(Successor.Kind kind, int target, int stackDelta) implements Edge { }

        /**
         * Unwinding to a handler from any instruction of the block.
         *
         * @param entry the covering table entry (the handler starts at depth
         *     {@link ExceptionTable.Entry#handlerDepth()})
         * @param target the handler block's id
         */
        record Unwind(ExceptionTable.Entry entry, int target) implements Edge { }
    }

    /** Copies the list. */
    public ControlFlowGraph {
        blocks = List.copyOf(blocks);
    }

    /**
     * Builds the graph.
     *
     * @param code the decoded instructions
     * @param table their exception table, already {@link ExceptionTable#checkAgainst checked}
     * @return the graph
     */
    public static ControlFlowGraph build(Bytecode code, ExceptionTable table) {
        List<Instruction> insns = code.instructions();
        if (insns.isEmpty()) {
            return new ControlFlowGraph(List.of());
        }
        TreeSet<Integer> leaders = new TreeSet<>();
        leaders.add(0);
        for (Instruction insn : insns) {
            List<Successor> succ = code.successors(insn);
            boolean plain = succ.size() == 1 && succ.get(0).kind() == Successor.Kind.NEXT;
            if (!plain && insn.next() < code.units().length()) {
                leaders.add(insn.next());
            }
            for (Successor s : succ) {
                if (s.kind() != Successor.Kind.NEXT) {
                    leaders.add(s.target());
                }
            }
        }
        for (ExceptionTable.Entry e : table.entries()) {
            leaders.add(e.start());
            leaders.add(e.target());
            if (e.end() < code.units().length()) {
                leaders.add(e.end());
            }
        }
        List<Integer> starts = new ArrayList<>(leaders);
        List<List<Instruction>> runs = new ArrayList<>();
        for (int b = 0; b < starts.size(); b++) {
            int from = code.positionOf(starts.get(b));
            int to = b + 1 < starts.size() ? code.positionOf(starts.get(b + 1)) : insns.size();
            runs.add(insns.subList(from, to));
        }
        List<BasicBlock> blocks = new ArrayList<>();
        for (int b = 0; b < runs.size(); b++) {
            List<Instruction> run = runs.get(b);
            Instruction last = run.get(run.size() - 1);
            List<Edge> edges = new ArrayList<>();
            for (Successor s : code.successors(last)) {
                edges.add(new Edge.Flow(s.kind(), Collections.binarySearch(starts, s.target()), s.stackDelta()));
            }
            Optional<ExceptionTable.Entry> handler = table.handlerFor(run.get(0).index());
            handler.ifPresent(e -> edges.add(new Edge.Unwind(e, Collections.binarySearch(starts, e.target()))));
            blocks.add(new BasicBlock(b, run, handler, edges));
        }
        return new ControlFlowGraph(blocks);
    }

    /**
     * The block containing a code unit.
     *
     * @param unit a unit index inside the code
     * @return its block
     */
    public BasicBlock blockAt(int unit) {
        int lo = 0;
        int hi = blocks.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (blocks.get(mid).start() <= unit) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        BasicBlock b = blocks.get(lo);
        if (unit < b.start() || unit >= b.last().next()) {
            throw new IndexOutOfBoundsException("code unit " + unit + " is in no block");
        }
        return b;
    }

    /**
     * The ids of the blocks with an edge to a block.
     *
     * @param id a block id
     * @return predecessor ids in ascending order, each once
     */
    public List<Integer> predecessors(int id) {
        List<Integer> out = new ArrayList<>();
        for (BasicBlock b : blocks) {
            if (b.successors().stream().anyMatch(e -> e.target() == id)) {
                out.add(b.id());
            }
        }
        return out;
    }
}
