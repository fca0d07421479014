package org.pyjit.codegen.vcode;

import java.util.ArrayList;
import java.util.List;
import org.pyjit.regalloc.Edge;
import org.pyjit.regalloc.Edit;
import org.pyjit.regalloc.InstKind;
import org.pyjit.regalloc.InstPosition;
import org.pyjit.regalloc.Move;
import org.pyjit.regalloc.ProgramPoint;
import org.pyjit.regalloc.RegAllocResult;

/**
 * Walks an allocated {@link VCode} in block order and emits it through a {@link MachineEmitter}:
 * per instruction the edits before it, the instruction with its allocations, the edits after it;
 * then one stub per critical edge that has moves (the branch targets the stub, which performs the
 * moves in order and jumps to the successor). Backend-neutral; the caller emits the prologue
 * before and any out-of-line code after.
 *
 * <p>Jump threading: a block that only jumps on (one operand-less branch to its single successor,
 * no moves before or after it, none on the edge) is still emitted, but branches to it go straight
 * to where its chain of such blocks ends, so a slow path or a merge point costs one jump instead
 * of several.
 */
public final class EmissionDriver {
    private EmissionDriver() {
    }

    /**
     * Emits the function body.
     *
     * @param vcode   the lowered function
     * @param alloc   its allocation
     * @param emitter the backend's encoder
     * @param <I>     the instruction type
     * @param <L>     the label type
     * @return the label bound at each block's start, by block number
     */
    public static <I extends MachInst, L> List<L> emit(VCode<I> vcode, RegAllocResult alloc, MachineEmitter<I, L> emitter) {
        int n = vcode.numBlocks();
        List<L> blockLabels = new ArrayList<>(n);
        for (int b = 0; b < n; b++) {
            blockLabels.add(emitter.newLabel("b" + b));
        }
        List<L>[] stubLabels = stubLabels(vcode, alloc, emitter);
        int[] threaded = threadedTargets(vcode, alloc, stubLabels);
        for (int b = 0; b < n; b++) {
            emitter.bind(blockLabels.get(b));
            int block = b;
            MachineEmitter.BranchTargets<L> targets = new MachineEmitter.BranchTargets<>() {
                @Override
                public L target(int succIndex) {
                    L stub = stubLabels[block].get(succIndex);
                    return stub != null ? stub : blockLabels.get(threaded[vcode.successors(block).get(succIndex)]);
                }

                @Override
                public boolean fallsThrough(int succIndex) {
                    int succ = vcode.successors(block).get(succIndex);
                    return stubLabels[block].get(succIndex) == null
                            && (succ == block + 1 || threaded[succ] == block + 1);
                }
            };
            for (int i = vcode.blockFirstInst(b); i < vcode.blockEndInst(b); i++) {
                moves(alloc.editsAt(new ProgramPoint(i, InstPosition.BEFORE)), emitter);
                emitter.emit(vcode.inst(i), alloc.allocations().get(i), targets);
                moves(alloc.editsAt(new ProgramPoint(i, InstPosition.AFTER)), emitter);
            }
        }
        for (int b = 0; b < n; b++) {
            for (int s = 0; s < stubLabels[b].size(); s++) {
                L stub = stubLabels[b].get(s);
                if (stub != null) {
                    emitter.bind(stub);
                    for (Move m : alloc.edgeMoves(b, s)) {
                        emitter.move(m);
                    }
                    emitter.jump(blockLabels.get(threaded[vcode.successors(b).get(s)]));
                }
            }
        }
        return blockLabels;
    }

    /**
     * For each block, the block a branch to it may go to instead: itself, or the end of its chain
     * of blocks that only jump on. A chain that runs into a cycle of such blocks keeps its first
     * block (an empty infinite loop stays one).
     */
    private static <I extends MachInst, L> int[] threadedTargets(VCode<I> vcode, RegAllocResult alloc,
                                                                 List<L>[] stubLabels) {
        int n = vcode.numBlocks();
        int[] next = new int[n];
        for (int b = 0; b < n; b++) {
            next[b] = onlyJumps(vcode, alloc, stubLabels, b) ? vcode.successors(b).get(0) : b;
        }
        int[] out = new int[n];
        for (int b = 0; b < n; b++) {
            int at = b;
            int steps = 0;
            while (next[at] != at && steps <= n) {
                at = next[at];
                steps++;
            }
            out[b] = steps > n ? b : at;
        }
        return out;
    }

    private static <I extends MachInst, L> boolean onlyJumps(VCode<I> vcode, RegAllocResult alloc,
                                                             List<L>[] stubLabels, int b) {
        int first = vcode.blockFirstInst(b);
        if (b == 0 || vcode.blockEndInst(b) - first != 1 || vcode.successors(b).size() != 1
                || stubLabels[b].get(0) != null) {
            return false;
        }
        I inst = vcode.inst(first);
        return inst.kind() == InstKind.BRANCH && inst.operands().isEmpty() && inst.clobbers().isEmpty()
                && alloc.editsAt(new ProgramPoint(first, InstPosition.BEFORE)).isEmpty()
                && alloc.editsAt(new ProgramPoint(first, InstPosition.AFTER)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static <I extends MachInst, L> List<L>[] stubLabels(VCode<I> vcode, RegAllocResult alloc,
                                                               MachineEmitter<I, L> emitter) {
        List<L>[] out = new List[vcode.numBlocks()];
        for (int b = 0; b < vcode.numBlocks(); b++) {
            List<L> labels = new ArrayList<>();
            for (int s = 0; s < vcode.successors(b).size(); s++) {
                boolean needs = !alloc.edgeMoves().getOrDefault(new Edge(b, s), List.of()).isEmpty();
                labels.add(needs ? emitter.newLabel("edge_b" + b + "_" + s) : null);
            }
            out[b] = labels;
        }
        return out;
    }

    private static <I extends MachInst, L> void moves(List<Edit> edits, MachineEmitter<I, L> emitter) {
        for (Edit e : edits) {
            emitter.move(e.move());
        }
    }
}
