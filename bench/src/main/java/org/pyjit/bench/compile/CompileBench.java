package org.pyjit.bench.compile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link CompileThroughput} through JMH and reports compile throughput in IR instructions per
 * second: per benchmark and module, the median over all measured iterations (of all forks) and the
 * slowest..fastest iteration.
 *
 * <p>Options: {@code --forks N} (default 3), {@code --iterations N} (measurement and warm-up
 * iterations of 1 s each, default 5), {@code --shapes A,B} (default all). Not a test.
 */
public final class CompileBench {
    private CompileBench() {
    }

    /** Entry point; see the class comment for the options. */
    public static void main(String[] args) throws RunnerException {
        int forks = 3, iterations = 5;
        String shapes = null;
        for (int i = 0; i < args.length; i++) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--forks" -> forks = Integer.parseInt(args[++i]);
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--shapes" -> shapes = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --forks N, --iterations N, --shapes SMALL,LARGE_10K)");
            }
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(CompileThroughput.class.getName() + "\\.")
                .forks(forks)
                .warmupIterations(iterations)
                .measurementIterations(iterations);
        if (shapes != null) {
            options.param("shape", shapes.split(","));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        List<String> lines = new ArrayList<>();
        for (RunResult r : results) {
            String shape = r.getParams().getParam("shape");
            int insts = Shape.instructions(Shape.valueOf(shape).module());
            String bench = r.getParams().getBenchmark();
            Statistics s = r.getPrimaryResult().getStatistics();
            // the score is microseconds per module: a longer time is a lower throughput
            lines.add(String.format("%-18s %-10s %6d %10.1f %12.0f %12.0f..%-12.0f", bench.substring(bench.lastIndexOf('.') + 1),
                    shape, insts, s.getPercentile(50), insts / (s.getPercentile(50) * 1e-6), insts / (s.getMax() * 1e-6),
                    insts / (s.getMin() * 1e-6)));
        }
        System.out.printf("%n%-18s %-10s %6s %10s %12s %25s%n", "benchmark", "module", "insts", "us/module", "insts/s",
                "insts/s slowest..fastest");
        lines.forEach(System.out::println);
    }
}
