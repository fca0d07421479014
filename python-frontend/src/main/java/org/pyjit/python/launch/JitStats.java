package org.pyjit.python.launch;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code PYJIT_STATS=1} table, printed on stderr at exit: one row per compiled code object
 * (calls, compile time, machine-code size, deoptimisations), a totals row, and the runtime's own
 * costs. Rows are added by the compiler as it works; until it exists the table has only totals.
 */
public final class JitStats {

    /**
     * One compiled code object.
     *
     * @param name qualified name and first line, e.g. {@code fib (fib.py:1)}
     * @param calls entries into the compiled code
     * @param compileNanos time spent compiling it
     * @param codeBytes machine-code size
     * @param deopts exits to the interpreter other than returns
     */
    public record Row(String name, long calls, long compileNanos, long codeBytes, long deopts) { }

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
     * Adds a compiled code object.
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
     * @param runtime the runtime's costs
     */
    public synchronized void print(PrintStream out, Runtime runtime) {
        String format = "%-44s %12s %12s %12s %8s%n";
        out.printf("pyjit statistics (%s, threshold %d)%n", disabled ? "JIT disabled" : "JIT enabled", threshold);
        out.printf(format, "code object", "calls", "compile ms", "code bytes", "deopts");
        out.println("-".repeat(92));
        rows.stream().sorted(Comparator.comparingLong(Row::calls).reversed()).forEach(r ->
                out.printf(format, r.name(), r.calls(), ms(r.compileNanos()), r.codeBytes(), r.deopts()));
        out.printf(format, "total (" + rows.size() + " compiled)",
                rows.stream().mapToLong(Row::calls).sum(),
                ms(rows.stream().mapToLong(Row::compileNanos).sum()),
                rows.stream().mapToLong(Row::codeBytes).sum(),
                rows.stream().mapToLong(Row::deopts).sum());
        out.printf("boot %s ms; signal bridge: %d polls, %d forwarded, %s ms CPU%n",
                ms(runtime.bootNanos()), runtime.signalPolls(), runtime.signalsForwarded(),
                runtime.signalCpuNanos() < 0 ? "?" : ms(runtime.signalCpuNanos()));
        out.flush();
    }

    private static String ms(long nanos) {
        return String.format("%.2f", nanos / 1e6);
    }
}
