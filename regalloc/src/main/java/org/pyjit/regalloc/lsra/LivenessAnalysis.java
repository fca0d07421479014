package org.pyjit.regalloc.lsra;

import java.util.Arrays;
import java.util.List;

import org.pyjit.regalloc.Operand;
import org.pyjit.regalloc.OperandKind;
import org.pyjit.regalloc.RegAllocException;
import org.pyjit.regalloc.RegAllocFunction;
import org.pyjit.regalloc.VReg;

/**
 * Step 2: live-in sets per block, by exploring backwards from each use to the definition (SSA
 * "path exploration"), one vreg at a time, so each set comes out sorted and the cost is the total
 * size of the sets. Block parameters are defined at block entry; branch arguments are used at the
 * end of the predecessor. A vreg that would be live into the entry block is used before it is
 * defined on some path: that is reported naming the use.
 */
final class LivenessAnalysis {
    final int[][] liveIn;
    final int[] defBlock;

    LivenessAnalysis(RegAllocFunction fn) {
        int nb = fn.numBlocks(), nv = fn.numVRegs();
        defBlock = new int[nv];
        int[] defInst = new int[nv];
        Arrays.fill(defBlock, -1);
        for (int b = 0; b < nb; b++) {
            List<VReg> params = fn.blockParams(b);
            for (int q = 0, np = params.size(); q < np; q++) define(params.get(q).index(), b, -1, defInst);
            for (int i = fn.blockFirstInst(b); i < fn.blockEndInst(b); i++) {
                List<Operand> ops = fn.operands(i);
                for (int k = 0, n = ops.size(); k < n; k++) {
                    Operand op = ops.get(k);
                    if (op.kind() == OperandKind.DEF) define(op.vreg().index(), b, i, defInst);
                }
            }
        }
        // Non-local uses as (vreg, block, inst) triples, bucketed by vreg.
        int[] count = new int[nv + 1];
        int total = 0;
        for (int pass = 0; pass < 2; pass++) {
            int[] fill = pass == 1 ? prefix(count) : null;
            if (pass == 1) {
                sortedB = new int[total];
                sortedI = new int[total];
            }
            for (int b = 0; b < nb; b++) {
                int end = fn.blockEndInst(b);
                for (int i = fn.blockFirstInst(b); i < end; i++) {
                    List<Operand> ops = fn.operands(i);
                    for (int q = 0, n = ops.size(); q < n; q++) {
                        Operand op = ops.get(q);
                        if (op.kind() != OperandKind.USE) continue;
                        int v = op.vreg().index();
                        if (defBlock[v] < 0) throw new RegAllocException("inst " + i + " uses " + op.vreg() + " which is never defined");
                        if (defBlock[v] == b && defInst[v] < i) continue;
                        if (pass == 0) { count[v]++; total++; } else record(fill, v, b, i);
                    }
                }
                List<Integer> succs = fn.successors(b);
                for (int j = 0; j < succs.size(); j++) {
                    List<VReg> args = fn.branchArgs(b, j);
                    for (int q = 0, na = args.size(); q < na; q++) {
                        VReg a = args.get(q);
                        int v = a.index();
                        if (defBlock[v] < 0) throw new RegAllocException("inst " + (end - 1) + " passes " + a + " which is never defined");
                        if (defBlock[v] == b) continue;
                        if (pass == 0) { count[v]++; total++; } else record(fill, v, b, end - 1);
                    }
                }
            }
        }
        int[] start = prefix(count);
        int[][] lists = new int[nb][];
        int[] sizes = new int[nb];
        for (int b = 0; b < nb; b++) lists[b] = new int[4];
        int[] stamp = new int[nb];
        Arrays.fill(stamp, -1);
        int[] work = new int[nb];
        int entry = fn.entryBlock();
        for (int v = 0; v < nv; v++) {
            for (int u = start[v]; u < start[v + 1]; u++) {
                int wp = 0;
                int b0 = sortedB[u];
                if (stamp[b0] == v) continue;
                stamp[b0] = v;
                work[wp++] = b0;
                while (wp > 0) {
                    int b = work[--wp];
                    if (sizes[b] == lists[b].length) lists[b] = Arrays.copyOf(lists[b], sizes[b] * 2);
                    lists[b][sizes[b]++] = v;
                    if (b == entry) {
                        throw new RegAllocException("inst " + sortedI[u] + " uses v" + v + " but its definition (block " + defBlock[v]
                                + ") does not reach it on every path from the entry");
                    }
                    List<Integer> preds = fn.predecessors(b);
                    for (int q = 0, np = preds.size(); q < np; q++) {
                        int p = preds.get(q);
                        if (p != defBlock[v] && stamp[p] != v) {
                            stamp[p] = v;
                            work[wp++] = p;
                        }
                    }
                }
            }
        }
        liveIn = new int[nb][];
        for (int b = 0; b < nb; b++) liveIn[b] = Arrays.copyOf(lists[b], sizes[b]);
    }

    private int[] sortedB = new int[0];
    private int[] sortedI = new int[0];

    private static int[] prefix(int[] count) {
        int[] s = new int[count.length];
        int acc = 0;
        for (int v = 0; v < count.length; v++) {
            s[v] = acc;
            acc += count[v];
        }
        return s;
    }

    private void record(int[] fill, int v, int b, int i) {
        int k = fill[v]++;
        sortedB[k] = b;
        sortedI[k] = i;
    }

    private void define(int v, int b, int i, int[] defInst) {
        if (defBlock[v] >= 0) {
            throw new RegAllocException((i < 0 ? "param of block " + b : "inst " + i) + " redefines v" + v + " (SSA: one definition per vreg)");
        }
        defBlock[v] = b;
        defInst[v] = i;
    }
}
