package org.pyjit.regalloc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * An immutable, ready-made {@link RegAllocFunction} assembled through a builder: tests,
 * benchmarks and fuzzers use it; a backend may implement the interface directly instead.
 * The builder checks only its own bookkeeping (every declared block filled once, in any order);
 * the allocator validates the semantics, so invalid functions can be built to test that.
 */
public final class RegAllocInput implements RegAllocFunction {
    private final int[] blockFirst;
    private final int[] blockEnd;
    private final List<List<Integer>> succs;
    private final List<List<Integer>> preds;
    private final List<List<VReg>> params;
    private final List<List<List<VReg>>> branchArgs;
    private final List<InstKind> kinds;
    private final List<List<Operand>> operands;
    private final List<Set<PReg>> clobbers;
    private final List<RegClass> vregClasses;

    private RegAllocInput(Builder b) {
        int n = b.blocks.size();
        blockFirst = new int[n];
        blockEnd = new int[n];
        List<List<Integer>> s = new ArrayList<>(), p = new ArrayList<>();
        List<List<VReg>> par = new ArrayList<>();
        List<List<List<VReg>>> args = new ArrayList<>();
        for (int i = 0; i < n; i++) p.add(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            BlockBuilder bb = b.blocks.get(i);
            if (bb.first < 0) throw new IllegalStateException("block " + i + " was declared but never filled");
            blockFirst[i] = bb.first;
            blockEnd[i] = bb.end;
            List<Integer> ts = new ArrayList<>();
            List<List<VReg>> as = new ArrayList<>();
            for (Target t : bb.targets) {
                if (t.block() < 0 || t.block() >= n) throw new IllegalStateException("block " + i + " branches to unknown block " + t.block());
                ts.add(t.block());
                as.add(List.copyOf(t.args()));
                p.get(t.block()).add(i);
            }
            s.add(List.copyOf(ts));
            args.add(List.copyOf(as));
            par.add(List.copyOf(bb.params));
        }
        List<List<Integer>> pp = new ArrayList<>();
        for (List<Integer> l : p) pp.add(List.copyOf(l));
        succs = List.copyOf(s);
        preds = List.copyOf(pp);
        params = List.copyOf(par);
        branchArgs = List.copyOf(args);
        kinds = List.copyOf(b.kinds);
        operands = List.copyOf(b.operands);
        clobbers = List.copyOf(b.clobbers);
        vregClasses = List.copyOf(b.vregClasses);
    }

    /** Builds a function by handing a builder to {@code spec}; block 0 is the entry. */
    public static RegAllocInput build(Consumer<Builder> spec) {
        Builder b = new Builder();
        spec.accept(b);
        return new RegAllocInput(b);
    }

    @Override
    public int numInsts() {
        return kinds.size();
    }

    @Override
    public int numBlocks() {
        return blockFirst.length;
    }

    @Override
    public int entryBlock() {
        return 0;
    }

    @Override
    public int blockFirstInst(int block) {
        return blockFirst[block];
    }

    @Override
    public int blockEndInst(int block) {
        return blockEnd[block];
    }

    @Override
    public List<Integer> successors(int block) {
        return succs.get(block);
    }

    @Override
    public List<Integer> predecessors(int block) {
        return preds.get(block);
    }

    @Override
    public List<VReg> blockParams(int block) {
        return params.get(block);
    }

    @Override
    public List<VReg> branchArgs(int block, int succIndex) {
        return branchArgs.get(block).get(succIndex);
    }

    @Override
    public InstKind instKind(int inst) {
        return kinds.get(inst);
    }

    @Override
    public List<Operand> operands(int inst) {
        return operands.get(inst);
    }

    @Override
    public Set<PReg> clobbers(int inst) {
        return clobbers.get(inst);
    }

    @Override
    public int numVRegs() {
        return vregClasses.size();
    }

    @Override
    public RegClass vregClass(int vreg) {
        return vregClasses.get(vreg);
    }

    /**
     * A branch target with the arguments for its block parameters.
     *
     * @param block target block
     * @param args  arguments, one per parameter
     */
    public record Target(int block, List<VReg> args) {
        /** Convenience constructor. */
        public Target(int block, VReg... args) {
            this(block, List.of(args));
        }
    }

    /** Declares vregs and blocks, then fills blocks with instructions. */
    public static final class Builder {
        private final List<BlockBuilder> blocks = new ArrayList<>();
        private final List<InstKind> kinds = new ArrayList<>();
        private final List<List<Operand>> operands = new ArrayList<>();
        private final List<Set<PReg>> clobbers = new ArrayList<>();
        private final List<RegClass> vregClasses = new ArrayList<>();

        private Builder() {
        }

        /** A new vreg of class {@code cls}. */
        public VReg vreg(RegClass cls) {
            vregClasses.add(cls);
            return new VReg(vregClasses.size() - 1, cls);
        }

        /** Declares a block with parameters and returns its index (the first one is the entry). */
        public int block(VReg... params) {
            blocks.add(new BlockBuilder(this, List.of(params)));
            return blocks.size() - 1;
        }

        /** Appends the instructions of {@code block} (contiguously, from the next free index). */
        public Builder fill(int block, Consumer<BlockBuilder> body) {
            BlockBuilder bb = blocks.get(block);
            if (bb.first >= 0) throw new IllegalStateException("block " + block + " filled twice");
            bb.first = kinds.size();
            body.accept(bb);
            bb.end = kinds.size();
            if (bb.end == bb.first) throw new IllegalStateException("block " + block + " is empty");
            return this;
        }

        private void add(InstKind k, List<Operand> ops, Set<PReg> clob) {
            kinds.add(k);
            operands.add(List.copyOf(ops));
            clobbers.add(Collections.unmodifiableSet(new TreeSet<>(clob)));
        }
    }

    /** Appends instructions to one block; the last one added must be a terminator. */
    public static final class BlockBuilder {
        private final Builder owner;
        private final List<VReg> params;
        private final List<Target> targets = new ArrayList<>();
        private int first = -1;
        private int end = -1;

        private BlockBuilder(Builder owner, List<VReg> params) {
            this.owner = owner;
            this.params = params;
        }

        /** An ordinary instruction. */
        public BlockBuilder inst(Operand... ops) {
            owner.add(InstKind.OTHER, Arrays.asList(ops), Set.of());
            return this;
        }

        /** An ordinary instruction that clobbers {@code clobbers} (a call). */
        public BlockBuilder call(Set<PReg> clobbers, Operand... ops) {
            owner.add(InstKind.OTHER, Arrays.asList(ops), clobbers);
            return this;
        }

        /** A return. */
        public BlockBuilder ret(Operand... ops) {
            owner.add(InstKind.RET, Arrays.asList(ops), Set.of());
            return this;
        }

        /** An unconditional jump passing {@code args} to the target's parameters. */
        public BlockBuilder jump(int target, VReg... args) {
            return branch(List.of(), new Target(target, args));
        }

        /** A branch with operands (e.g. a condition) and one or more targets. */
        public BlockBuilder branch(List<Operand> ops, Target... ts) {
            owner.add(InstKind.BRANCH, ops, Set.of());
            targets.addAll(Arrays.asList(ts));
            return this;
        }
    }
}
