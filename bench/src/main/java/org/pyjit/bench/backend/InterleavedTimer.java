package org.pyjit.bench.backend;

import java.util.ArrayList;
import java.util.List;

/**
 * Times kernel pairs side by side. Per kernel, a calibration picks how many call pairs fill the
 * time budget; one unrecorded warm-up round follows; then each round makes that many pairs of
 * calls, alternating which side goes first (IR C, C IR, …) so drift and frequency changes hit
 * both sides alike, and records each side's median wall and CPU time per call. Kernels take turns
 * within a round.
 */
final class InterleavedTimer {
    /**
     * A kernel's measurements over all rounds (each statistic over the per-round medians).
     *
     * @param kernel        the kernel
     * @param irCpu         IR call CPU times (ns)
     * @param cCpu          C call CPU times (ns)
     * @param ratioCpu      ratios IR / C of CPU time
     * @param ratioWall     ratios IR / C of wall-clock time
     * @param callsPerRound calls of each side per round
     */
    record Result(Kernel kernel, Stats irCpu, Stats cCpu, Stats ratioCpu, Stats ratioWall, int callsPerRound) {
    }

    private final List<KernelPair> pairs;
    private final long budgetNanos;

    InterleavedTimer(List<KernelPair> pairs, long budgetNanos) {
        this.pairs = List.copyOf(pairs);
        this.budgetNanos = budgetNanos;
    }

    /** Measures {@code rounds} rounds (at least 1) and prints one progress line per round. */
    List<Result> run(int rounds) {
        int n = pairs.size();
        int[] reps = new int[n];
        for (int k = 0; k < n; k++) {
            KernelPair p = pairs.get(k);
            // CPU time: a wall-clock spike during calibration would shrink the sample for good
            long pairNanos = Math.max(1_000, p.timedCall(Side.IR).cpuNanos() + p.timedCall(Side.C).cpuNanos());
            reps[k] = (int) Math.max(5, Math.min(100_000, budgetNanos / pairNanos));
        }
        for (int k = 0; k < n; k++) {
            round(pairs.get(k), Math.max(3, reps[k] / 2));
        }
        double[][] irCpu = new double[n][rounds], cCpu = new double[n][rounds];
        double[][] ratioCpu = new double[n][rounds], ratioWall = new double[n][rounds];
        for (int r = 0; r < rounds; r++) {
            StringBuilder line = new StringBuilder("round " + (r + 1) + " IR/C cpu (wall):");
            for (int k = 0; k < n; k++) {
                double[] m = round(pairs.get(k), reps[k]);
                irCpu[k][r] = m[2];
                cCpu[k][r] = m[3];
                ratioWall[k][r] = m[0] / m[1];
                ratioCpu[k][r] = m[2] / m[3];
                line.append(String.format(" %s %.2f (%.2f)", pairs.get(k).kernel().symbol(), ratioCpu[k][r], ratioWall[k][r]));
            }
            System.out.println(line);
        }
        List<Result> results = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            results.add(new Result(pairs.get(k).kernel(), Stats.of(irCpu[k]), Stats.of(cCpu[k]), Stats.of(ratioCpu[k]),
                    Stats.of(ratioWall[k]), reps[k]));
        }
        return results;
    }

    /** {@code reps} interleaved call pairs; returns the medians IR wall, C wall, IR CPU, C CPU. */
    private static double[] round(KernelPair p, int reps) {
        double[] irWall = new double[reps], cWall = new double[reps], irCpu = new double[reps], cCpu = new double[reps];
        for (int i = 0; i < reps; i++) {
            KernelPair.Timing ir, c;
            if (i % 2 == 0) {
                ir = p.timedCall(Side.IR);
                c = p.timedCall(Side.C);
            } else {
                c = p.timedCall(Side.C);
                ir = p.timedCall(Side.IR);
            }
            irWall[i] = ir.wallNanos();
            cWall[i] = c.wallNanos();
            irCpu[i] = ir.cpuNanos();
            cCpu[i] = c.cpuNanos();
        }
        return new double[] {Stats.of(irWall).median(), Stats.of(cWall).median(), Stats.of(irCpu).median(), Stats.of(cCpu).median()};
    }
}
