package org.pyjit.bench.regalloc;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

import org.pyjit.regalloc.LinearScan;
import org.pyjit.regalloc.MachineEnv;
import org.pyjit.regalloc.RegAllocInput;
import org.pyjit.regalloc.RegAllocResult;
import org.pyjit.regalloc.checker.AllocationChecker;

/**
 * Allocation time per instruction for synthetic functions of 10^2, 10^3, 10^4 and 10^5
 * instructions. A plain program (not a test, no timing assertions): warms up, then reports the
 * median and best of several timed runs per size, in thread CPU time (the machine is shared, so
 * wall time is noisy) after a collection, plus the median wall time.
 *
 * <p>Run: {@code java -cp <regalloc and bench classes> org.pyjit.bench.regalloc.RegAllocBench}
 * (see bench/README.md).
 */
public final class RegAllocBench {
    private RegAllocBench() {
    }

    /** Entry point; an optional argument scales the number of timed runs. */
    public static void main(String[] args) {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        MachineEnv env = SyntheticFunctions.x86();
        int[] sizes = {100, 1_000, 10_000, 100_000};
        RegAllocInput[] fns = new RegAllocInput[sizes.length];
        for (int k = 0; k < sizes.length; k++) {
            fns[k] = SyntheticFunctions.generate(sizes[k], 42);
            AllocationChecker.check(fns[k], env, LinearScan.allocate(fns[k], env));
        }
        // Warm-up: about 2 million instructions through every size.
        for (int k = 0; k < sizes.length; k++) {
            for (long done = 0; done < 2_000_000L; done += fns[k].numInsts()) LinearScan.allocate(fns[k], env);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf("%8s %8s %13s %11s %13s %7s %7s %7s %5s%n", "target", "insts", "median cpu/i", "best cpu/i", "median wall/i", "spills", "reloads", "moves", "slots");
        for (int k = 0; k < sizes.length; k++) {
            RegAllocInput fn = fns[k];
            int reps = (int) Math.max(5, Math.min(scale * 4_000_000L / fn.numInsts(), 200 * scale));
            double[] cpu = new double[reps], wall = new double[reps];
            RegAllocResult last = null;
            for (int r = 0; r < reps; r++) {
                if (fn.numInsts() >= 10_000) System.gc();
                long c0 = threads.getCurrentThreadCpuTime(), t0 = System.nanoTime();
                last = LinearScan.allocate(fn, env);
                wall[r] = (System.nanoTime() - t0) / (double) fn.numInsts();
                cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / (double) fn.numInsts();
            }
            Arrays.sort(cpu);
            Arrays.sort(wall);
            System.out.printf("%8d %8d %10.0f ns %8.0f ns %10.0f ns %7d %7d %7d %5d%n", sizes[k], fn.numInsts(), cpu[reps / 2], cpu[0], wall[reps / 2],
                    last.stats().spills(), last.stats().reloads(), last.stats().moves(), last.numSpillSlots());
        }
    }
}
