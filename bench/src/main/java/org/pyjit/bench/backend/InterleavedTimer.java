package org.pyjit.bench.backend;

import java.util.ArrayList;
import java.util.List;

/**
 * Times kernel pairs side by side. Per kernel, a calibration picks how many call pairs fill the
 * time budget; one unrecorded warm-up round follows; then each round makes that many pairs of
 * calls, alternating which side goes first (IR C, C IR, …) so drift and frequency changes hit
 * both sides alike, and records each side's median call time. Kernels take turns within a round.
 */
final class InterleavedTimer {
    /**
     * A kernel's measurements over all rounds.
     *
     * @param kernel        the kernel
     * @param ir            the per-round median IR call times (ns)
     * @param c             the per-round median C call times (ns)
     * @param ratio         the per-round ratios IR / C
     * @param callsPerRound calls of each side per round
     */
    record Result(Kernel kernel, Stats ir, Stats c, Stats ratio, int callsPerRound) {
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
            long pairNanos = Math.max(1, p.timedCall(Side.IR) + p.timedCall(Side.C));
            reps[k] = (int) Math.max(3, Math.min(100_000, budgetNanos / pairNanos));
        }
        for (int k = 0; k < n; k++) {
            round(pairs.get(k), Math.max(3, reps[k] / 2));
        }
        double[][] ir = new double[n][rounds], c = new double[n][rounds], ratio = new double[n][rounds];
        for (int r = 0; r < rounds; r++) {
            StringBuilder line = new StringBuilder("round " + (r + 1) + ":");
            for (int k = 0; k < n; k++) {
                double[] medians = round(pairs.get(k), reps[k]);
                ir[k][r] = medians[0];
                c[k][r] = medians[1];
                ratio[k][r] = medians[0] / medians[1];
                line.append(String.format(" %s %.2f", pairs.get(k).kernel().symbol(), ratio[k][r]));
            }
            System.out.println(line);
        }
        List<Result> results = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            results.add(new Result(pairs.get(k).kernel(), Stats.of(ir[k]), Stats.of(c[k]), Stats.of(ratio[k]), reps[k]));
        }
        return results;
    }

    /** {@code reps} interleaved call pairs; returns the median IR and C call times. */
    private static double[] round(KernelPair p, int reps) {
        double[] ir = new double[reps], c = new double[reps];
        for (int i = 0; i < reps; i++) {
            if (i % 2 == 0) {
                ir[i] = p.timedCall(Side.IR);
                c[i] = p.timedCall(Side.C);
            } else {
                c[i] = p.timedCall(Side.C);
                ir[i] = p.timedCall(Side.IR);
            }
        }
        return new double[] {Stats.of(ir).median(), Stats.of(c).median()};
    }
}
