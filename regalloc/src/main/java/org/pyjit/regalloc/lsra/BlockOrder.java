package org.pyjit.regalloc.lsra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.pyjit.regalloc.RegAllocException;
import org.pyjit.regalloc.RegAllocFunction;

/**
 * Step 1: the linear block order (reverse postorder with every loop's blocks contiguous, header
 * first), loop depths, and the numbering of positions.
 *
 * <p>Loops are found from the CFG alone: a DFS back edge {@code x -> h} makes {@code h} a header
 * whose body is everything reaching {@code x} backwards without passing {@code h}, restricted to
 * the DFS subtree of {@code h} (so irreducible regions get an approximate but harmless body).
 * A block's sort key is the RPO numbers of its enclosing headers, outermost first, then its own;
 * sorting keys lexicographically keeps loops contiguous and respects forward edges.
 *
 * <p>Positions: each block starts with a <em>label unit</em>, then one unit per instruction;
 * a unit is 4 positions. For an instruction at unit base P: {@code P} is the gap before it
 * (moves entering P run there), {@code P+1} early operands, {@code P+2} its clobbers, {@code P+3}
 * late operands. Block parameters are defined at the label position.
 */
final class BlockOrder {
    final int[] linear;
    final int[] linearIndex;
    final int[] depth;
    final int[] labelPos;
    final int[] endPos;
    final int[] instPos;
    private final int[] unitBlock;
    private final int[] unitInst;
    private final int[][] sparse;

    BlockOrder(RegAllocFunction fn) {
        int nb = fn.numBlocks();
        int entry = fn.entryBlock();
        int[] pre = new int[nb], last = new int[nb], post = new int[nb];
        Arrays.fill(pre, -1);
        boolean[] onStack = new boolean[nb];
        List<int[]> backEdges = new ArrayList<>();
        int[] stackB = new int[nb], stackI = new int[nb];
        int sp = 0, preCount = 0, postCount = 0;
        stackB[sp] = entry;
        stackI[sp++] = 0;
        pre[entry] = preCount++;
        onStack[entry] = true;
        while (sp > 0) {
            int b = stackB[sp - 1];
            List<Integer> succs = fn.successors(b);
            if (stackI[sp - 1] < succs.size()) {
                int s = succs.get(stackI[sp - 1]++);
                if (pre[s] < 0) {
                    pre[s] = preCount++;
                    onStack[s] = true;
                    stackB[sp] = s;
                    stackI[sp++] = 0;
                } else if (onStack[s]) {
                    backEdges.add(new int[] {b, s});
                }
            } else {
                sp--;
                onStack[b] = false;
                last[b] = preCount - 1;
                post[b] = postCount++;
            }
        }
        for (int b = 0; b < nb; b++) {
            if (pre[b] < 0) throw new RegAllocException("block " + b + " is unreachable from the entry block");
        }
        int[] rpo = new int[nb];
        for (int b = 0; b < nb; b++) rpo[b] = nb - 1 - post[b];

        // Loop bodies, headers in increasing preorder (outer loops first).
        backEdges.sort((x, y) -> x[1] != y[1] ? Integer.compare(pre[x[1]], pre[y[1]]) : Integer.compare(pre[x[0]], pre[y[0]]));
        int[][] keys = new int[nb][];
        int[] keyLen = new int[nb];
        for (int b = 0; b < nb; b++) keys[b] = new int[2];
        int[] mark = new int[nb];
        Arrays.fill(mark, -1);
        int[] work = new int[nb];
        for (int e = 0; e < backEdges.size(); ) {
            int h = backEdges.get(e)[1];
            int wp = 0;
            mark[h] = h;
            for (; e < backEdges.size() && backEdges.get(e)[1] == h; e++) {
                int x = backEdges.get(e)[0];
                if (mark[x] != h) {
                    mark[x] = h;
                    work[wp++] = x;
                }
            }
            List<Integer> body = new ArrayList<>();
            body.add(h);
            while (wp > 0) {
                int x = work[--wp];
                body.add(x);
                for (int p : fn.predecessors(x)) {
                    if (mark[p] != h && pre[p] >= pre[h] && pre[p] <= last[h]) {
                        mark[p] = h;
                        work[wp++] = p;
                    }
                }
            }
            for (int x : body) {
                if (keyLen[x] + 1 >= keys[x].length) keys[x] = Arrays.copyOf(keys[x], keys[x].length * 2);
                keys[x][keyLen[x]++] = rpo[h];
            }
            for (int x : body) mark[x] = -1;
        }
        depth = new int[nb];
        Integer[] sorted = new Integer[nb];
        for (int b = 0; b < nb; b++) {
            depth[b] = keyLen[b];
            keys[b][keyLen[b]++] = rpo[b];
            sorted[b] = b;
        }
        Arrays.sort(sorted, (x, y) -> {
            int[] kx = keys[x], ky = keys[y];
            int m = Math.min(keyLen[x], keyLen[y]);
            for (int i = 0; i < m; i++) if (kx[i] != ky[i]) return Integer.compare(kx[i], ky[i]);
            return Integer.compare(keyLen[x], keyLen[y]);
        });
        linear = new int[nb];
        linearIndex = new int[nb];
        for (int k = 0; k < nb; k++) {
            linear[k] = sorted[k];
            linearIndex[sorted[k]] = k;
        }

        int units = nb + fn.numInsts();
        unitBlock = new int[units];
        unitInst = new int[units];
        labelPos = new int[nb];
        endPos = new int[nb];
        instPos = new int[fn.numInsts()];
        int u = 0;
        for (int k = 0; k < nb; k++) {
            int b = linear[k];
            labelPos[b] = 4 * u;
            unitBlock[u] = k;
            unitInst[u++] = -1;
            for (int i = fn.blockFirstInst(b); i < fn.blockEndInst(b); i++) {
                instPos[i] = 4 * u;
                unitBlock[u] = k;
                unitInst[u++] = i;
            }
            endPos[b] = 4 * u;
        }

        // Sparse table over block boundaries (boundary k = start of linear block k): min of
        // (depth of the shallower side, later boundary first).
        int levels = 1;
        while ((1 << levels) <= nb) levels++;
        sparse = new int[levels][];
        sparse[0] = new int[nb];
        for (int k = 0; k < nb; k++) {
            int d = k == 0 ? depth[linear[0]] : Math.min(depth[linear[k - 1]], depth[linear[k]]);
            sparse[0][k] = d * (nb + 1) + (nb - k);
        }
        for (int l = 1; l < levels; l++) {
            int len = nb - (1 << l) + 1;
            sparse[l] = new int[Math.max(len, 0)];
            for (int k = 0; k < len; k++) sparse[l][k] = Math.min(sparse[l - 1][k], sparse[l - 1][k + (1 << (l - 1))]);
        }
    }

    int numPositions() {
        return 4 * unitBlock.length;
    }

    /** Linear index of the block containing position {@code pos}. */
    int linearBlockAt(int pos) {
        return unitBlock[pos >> 2];
    }

    /** The instruction whose unit contains {@code pos}, or -1 for a label unit. */
    int instAt(int pos) {
        return unitInst[pos >> 2];
    }

    static int floor4(int pos) {
        return pos & ~3;
    }

    /**
     * Best split position among the unit starts in {@code [lo, hi]} (both multiples of 4,
     * lo &lt;= hi): {@code hi}, unless a block boundary in between touches a shallower loop level
     * than hi's block, in which case the latest such shallowest boundary. The moves of a split at
     * a boundary go on the edges into that block, so a spill store moves to the loop entry and a
     * reload to the loop exit or entry rather than staying inside the loop.
     */
    int optimalSplit(int lo, int hi) {
        int bl = linearBlockAt(lo), bh = linearBlockAt(hi);
        if (bl == bh) return hi;
        int from = bl + 1, to = bh;
        int l = 31 - Integer.numberOfLeadingZeros(to - from + 1);
        int best = Math.min(sparse[l][from], sparse[l][to - (1 << l) + 1]);
        int nb = linear.length;
        int k = nb - best % (nb + 1);
        int bestDepth = best / (nb + 1);
        if (bestDepth < depth[linear[bh]]) return labelPos[linear[k]];
        return hi;
    }
}
