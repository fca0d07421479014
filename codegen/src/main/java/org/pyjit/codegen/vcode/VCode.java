package org.pyjit.codegen.vcode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.pyjit.regalloc.InstKind;
import org.pyjit.regalloc.Operand;
import org.pyjit.regalloc.PReg;
import org.pyjit.regalloc.RegAllocFunction;
import org.pyjit.regalloc.RegClass;
import org.pyjit.regalloc.VReg;

/**
 * A function lowered to machine instructions over virtual registers: the register allocator's
 * view of it ({@link RegAllocFunction}) and the emission driver's input.
 *
 * <p>Invariants (built by {@link Builder}): blocks are numbered in emission order, block 0 is the
 * entry and has no parameters; each block's instructions are a contiguous, non-empty range that
 * ends with its only terminator; predecessor lists hold one entry per incoming edge. Immutable.
 *
 * @param <I> the backend's machine instruction type
 */
public final class VCode<I extends MachInst> implements RegAllocFunction {

    /**
     * One block: its instruction range, parameters, successors and the arguments passed to each.
     *
     * @param first      index of its first instruction
     * @param end        one past its last instruction
     * @param params     the block parameters
     * @param succs      successor blocks in branch order
     * @param branchArgs per successor, the arguments for its parameters
     */
    public record VBlock(int first, int end, List<VReg> params, List<Integer> succs, List<List<VReg>> branchArgs) {
        /** Copies the lists. */
        public VBlock {
            params = List.copyOf(params);
            succs = List.copyOf(succs);
            branchArgs = branchArgs.stream().map(List::copyOf).toList();
        }
    }

    private final String name;
    private final List<I> insts;
    private final List<VBlock> blocks;
    private final List<List<Integer>> preds;
    private final List<RegClass> vregClasses;

    private VCode(String name, List<I> insts, List<VBlock> blocks, List<RegClass> vregClasses) {
        this.name = name;
        this.insts = List.copyOf(insts);
        this.blocks = List.copyOf(blocks);
        this.vregClasses = List.copyOf(vregClasses);
        List<List<Integer>> p = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            p.add(new ArrayList<>());
        }
        for (int b = 0; b < blocks.size(); b++) {
            for (int s : blocks.get(b).succs()) {
                p.get(s).add(b);
            }
        }
        this.preds = p.stream().map(List::copyOf).toList();
    }

    /** Builds a VCode by handing a builder to {@code body}. */
    public static <I extends MachInst> VCode<I> build(String name, Consumer<Builder<I>> body) {
        Builder<I> b = new Builder<>(name);
        body.accept(b);
        return b.finish();
    }

    /** The function's name (for messages). */
    public String name() {
        return name;
    }

    /** Instruction {@code i}. */
    public I inst(int i) {
        return insts.get(i);
    }

    /** All instructions in order. */
    public List<I> insts() {
        return insts;
    }

    /** Block {@code b}. */
    public VBlock block(int b) {
        return blocks.get(b);
    }

    @Override
    public int numInsts() {
        return insts.size();
    }

    @Override
    public int numBlocks() {
        return blocks.size();
    }

    @Override
    public int entryBlock() {
        return 0;
    }

    @Override
    public int blockFirstInst(int block) {
        return blocks.get(block).first();
    }

    @Override
    public int blockEndInst(int block) {
        return blocks.get(block).end();
    }

    @Override
    public List<Integer> successors(int block) {
        return blocks.get(block).succs();
    }

    @Override
    public List<Integer> predecessors(int block) {
        return preds.get(block);
    }

    @Override
    public List<VReg> blockParams(int block) {
        return blocks.get(block).params();
    }

    @Override
    public List<VReg> branchArgs(int block, int succIndex) {
        return blocks.get(block).branchArgs().get(succIndex);
    }

    @Override
    public InstKind instKind(int inst) {
        return insts.get(inst).kind();
    }

    @Override
    public List<Operand> operands(int inst) {
        return insts.get(inst).operands();
    }

    @Override
    public Set<PReg> clobbers(int inst) {
        return insts.get(inst).clobbers();
    }

    @Override
    public int numVRegs() {
        return vregClasses.size();
    }

    @Override
    public RegClass vregClass(int vreg) {
        return vregClasses.get(vreg);
    }

    /** A readable listing: blocks, parameters, instructions with operands, successors. */
    public String dump() {
        StringBuilder sb = new StringBuilder("vcode ").append(name).append('\n');
        for (int b = 0; b < blocks.size(); b++) {
            VBlock vb = blocks.get(b);
            sb.append("b").append(b).append(vb.params()).append(":\n");
            for (int i = vb.first(); i < vb.end(); i++) {
                sb.append("  ").append(i).append(": ").append(insts.get(i).text()).append("  ")
                        .append(insts.get(i).operands()).append('\n');
            }
            for (int s = 0; s < vb.succs().size(); s++) {
                sb.append("  -> b").append(vb.succs().get(s)).append(vb.branchArgs().get(s)).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * Appends blocks in emission order. Declare every block first ({@link #declareBlock}), then
     * fill them one after another with {@link #startBlock}, {@link #push} and {@link #endBlock}.
     *
     * @param <I> the backend's machine instruction type
     */
    public static final class Builder<I extends MachInst> {
        private final String name;
        private final List<I> insts = new ArrayList<>();
        private final List<RegClass> vregClasses = new ArrayList<>();
        private final List<List<VReg>> params = new ArrayList<>();
        private final List<VBlock> done = new ArrayList<>();
        private int current = -1;
        private int first;

        private Builder(String name) {
            this.name = name;
        }

        /** A fresh virtual register of class {@code cls}. */
        public VReg newVReg(RegClass cls) {
            vregClasses.add(cls);
            return new VReg(vregClasses.size() - 1, cls);
        }

        /** Declares the next block with its parameters; returns its number. */
        public int declareBlock(List<VReg> blockParams) {
            params.add(List.copyOf(blockParams));
            done.add(null);
            return params.size() - 1;
        }

        /** Starts filling block {@code b}, which must be the next unfilled block in order. */
        public void startBlock(int b) {
            if (current >= 0) {
                throw new IllegalStateException("block " + current + " is not ended");
            }
            if (b != filledCount()) {
                throw new IllegalStateException("blocks must be filled in order: expected " + filledCount() + ", got " + b);
            }
            current = b;
            first = insts.size();
        }

        /** The block being filled, or -1. */
        public int currentBlock() {
            return current;
        }

        /** Appends an instruction to the current block. */
        public void push(I inst) {
            if (current < 0) {
                throw new IllegalStateException("no current block");
            }
            insts.add(inst);
        }

        /**
         * Ends the current block, whose last pushed instruction must be its terminator.
         *
         * @param succs      successors in branch order
         * @param branchArgs arguments per successor
         */
        public void endBlock(List<Integer> succs, List<List<VReg>> branchArgs) {
            if (current < 0 || insts.size() == first) {
                throw new IllegalStateException("block " + current + " is empty");
            }
            if (succs.size() != branchArgs.size()) {
                throw new IllegalArgumentException("one argument list per successor");
            }
            done.set(current, new VBlock(first, insts.size(), params.get(current), succs, branchArgs));
            current = -1;
        }

        private int filledCount() {
            int n = 0;
            while (n < done.size() && done.get(n) != null) {
                n++;
            }
            return n;
        }

        private VCode<I> finish() {
            if (current >= 0 || done.contains(null)) {
                throw new IllegalStateException("function " + name + ": not every block was filled");
            }
            return new VCode<>(name, insts, done, vregClasses);
        }
    }
}
