package org.pyjit.python.launch;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code PYJIT_STATS=1} table, printed on stderr at exit: one row per hot code object
 * (qualified name, calls and back edges counted, what became of it), a totals row, the entry
 * points' own figures and the runtime's costs.
 */
public final class JitStats {

    /**
     * One hot code object.
     *
     * @param name qualified name and first line, e.g. {@code fib (fib.py:1)}
     * @param calls calls counted
     * @param backEdges loop back edges counted
     * @param state its compile state, e.g. {@code hot, not compiled: no compiler yet}
     */
    public record Row(String name, long calls, long backEdges, String state) { }

    /**
     * The entry points' figures.
     *
     * @param installed whether they are installed (false: disabled or installation failed)
     * @param codeObjects code objects that ran since installation
     * @param codeBytes machine code of the callbacks
     * @param compileNanos time to generate it
     */
    public record Entry(boolean installed, long codeObjects, long codeBytes, long compileNanos) { }

    /**
     * Costs of the runtime itself.
     *
     * @param bootNanos JVM start to {@code Py_RunMain} entry
     * @param signalPolls polls of the signal bridge (0 if not running)
     * @param signalsForwarded signals re-sent to Python's main thread
     * @param signalCpuNanos CPU time of the signal bridge (-1 unknown)
     */
    public record Runtime(long bootNanos, long signalPolls, long signalsForwarded, long signalCpuNanos) { }

    private final List<Row> rows = new ArrayList<>();
    private final int threshold;
    private final boolean disabled;

    /**
     * An empty table.
     *
     * @param threshold the compile threshold in force
     * @param disabled whether the JIT is off
     */
    public JitStats(int threshold, boolean disabled) {
        this.threshold = threshold;
        this.disabled = disabled;
    }

    /**
     * Adds a hot code object.
     *
     * @param row its counters
     */
    public synchronized void add(Row row) {
        rows.add(row);
    }

    /**
     * Prints the table.
     *
     * @param out where (stderr)
     * @param entry the entry points' figures
     * @param runtime the runtime's costs
     */
    public synchronized void print(PrintStream out, Entry entry, Runtime runtime) {
        String format = "%-48s %12s %12s  %s%n";
        out.printf("pyjit statistics (%s, threshold %d)%n", disabled ? "JIT disabled" : "JIT enabled", threshold);
        out.printf(format, "code object", "calls", "back edges", "state");
        out.println("-".repeat(110));
        rows.stream().sorted(Comparator.comparingLong((Row r) -> r.calls() + r.backEdges()).reversed()).forEach(r ->
                out.printf(format, r.name(), r.calls(), r.backEdges(), r.state()));
        out.printf(format, "total (" + rows.size() + " hot, "
                + rows.stream().filter(r -> r.state().startsWith("hot, compiled")).count() + " compiled)",
                rows.stream().mapToLong(Row::calls).sum(), rows.stream().mapToLong(Row::backEdges).sum(), "");
        if (entry.installed()) {
            out.printf("entry points: %d code objects ran, %d bytes of machine code generated in %s ms%n",
                    entry.codeObjects(), entry.codeBytes(), ms(entry.compileNanos()));
        } else {
            out.println("entry points: not installed");
        }
        out.printf("boot %s ms; signal bridge: %d polls, %d forwarded, %s ms CPU%n",
                ms(runtime.bootNanos()), runtime.signalPolls(), runtime.signalsForwarded(),
                runtime.signalCpuNanos() < 0 ? "?" : ms(runtime.signalCpuNanos()));
        out.flush();
    }

    private static String ms(long nanos) {
        return String.format("%.2f", nanos / 1e6);
    }
}
