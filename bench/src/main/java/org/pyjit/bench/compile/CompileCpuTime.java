package org.pyjit.bench.compile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.pyjit.codegen.CompiledModule;
import org.pyjit.codegen.Jit;
import org.pyjit.ir.IrModule;

/**
 * The compile-throughput measurement of {@link CompileThroughput} without JMH, in the compiling
 * thread's CPU time rather than wall-clock time, for machines so loaded that wall-clock times
 * mostly measure the scheduler. Per module: warm-up for about {@code 2 s} of CPU, then
 * {@code --reps} timed compilations of each kind; reports median and slowest..fastest in IR
 * instructions per second. Not a test.
 */
public final class CompileCpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CompileCpuTime() {
    }

    /** Entry point; {@code --reps N} (default 21). */
    public static void main(String[] args) {
        int reps = args.length == 2 && args[0].equals("--reps") ? Integer.parseInt(args[1]) : 21;
        Jit jit = Jit.host();
        System.out.printf("%-18s %-10s %6s %12s %12s %25s%n", "benchmark", "module", "insts", "cpu us/mod", "insts/s",
                "insts/s slowest..fastest");
        for (Shape shape : Shape.values()) {
            IrModule module = shape.module();
            int insts = Shape.instructions(module);
            long warmEnd = THREADS.getCurrentThreadCpuTime() + 2_000_000_000L;
            while (THREADS.getCurrentThreadCpuTime() < warmEnd) {
                jit.generate(module);
                jit.compile(module).close();
            }
            double[] generate = new double[reps], install = new double[reps];
            for (int r = 0; r < reps; r++) {
                long t0 = THREADS.getCurrentThreadCpuTime();
                jit.generate(module);
                long t1 = THREADS.getCurrentThreadCpuTime();
                try (CompiledModule m = jit.compile(module)) {
                    m.address();
                }
                long t2 = THREADS.getCurrentThreadCpuTime();
                generate[r] = t1 - t0;
                install[r] = t2 - t1;
            }
            report("generate", shape, insts, generate);
            report("compileAndInstall", shape, insts, install);
        }
    }

    private static void report(String what, Shape shape, int insts, double[] nanos) {
        double[] v = nanos.clone();
        Arrays.sort(v);
        double median = v[v.length / 2];
        System.out.printf("%-18s %-10s %6d %12.1f %12.0f %12.0f..%-12.0f%n", what, shape, insts, median / 1e3,
                insts / (median * 1e-9), insts / (v[v.length - 1] * 1e-9), insts / (v[0] * 1e-9));
    }
}
