package org.pyjit.python.launch;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        rows.stream().sorted(Comparator.comparingLong((Row r) -> r.calls() + r.backEdges()).reversed()).forEach(r -> {
            List<String> lines = r.state().lines().toList();
            out.printf(format, r.name(), r.calls(), r.backEdges(), lines.isEmpty() ? "" : lines.get(0));
            lines.stream().skip(1).forEach(l -> out.println("    " + l));
        });
        out.printf(format, "total (" + rows.size() + " hot, "
                + rows.stream().filter(r -> r.state().startsWith("hot, compiled")).count() + " compiled)",
                rows.stream().mapToLong(Row::calls).sum(), rows.stream().mapToLong(Row::backEdges).sum(), "");
        printCompiledTotals(out);
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

    /**
     * Totals over the compiled bodies' report lines (see the compiler's report format): entries,
     * instructions run compiled, compile time, and exits by reason, most frequent first.
     */
    private void printCompiledTotals(PrintStream out) {
        Map<String, Long> exits = new HashMap<>();
        long entries = 0;
        long instructions = 0;
        double compileMs = 0;
        int bodies = 0;
        for (Row r : rows) {
            for (String line : r.state().lines().skip(1).toList()) {
                Matcher body = BODY_LINE.matcher(line);
                Matcher exit = EXIT_LINE.matcher(line);
                if (body.matches()) {
                    bodies++;
                    compileMs += Double.parseDouble(body.group(1));
                    entries += Long.parseLong(body.group(2));
                    instructions += Long.parseLong(body.group(3));
                } else if (exit.matches()) {
                    exits.merge(exit.group(1), Long.parseLong(exit.group(2)), Long::sum);
                }
            }
        }
        if (bodies == 0) {
            return;
        }
        out.printf(Locale.ROOT,
                "compiled code: %d bodies compiled in %.2f ms, %d entries, %d bytecode instructions run compiled%n",
                bodies, compileMs, entries, instructions);
        exits.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.printf("  exits %-60s %12d%n", e.getKey(), e.getValue()));
    }

    private static final Pattern BODY_LINE =
            Pattern.compile("compiled in ([0-9.]+) ms: .*entries (\\d+), instructions (\\d+)");
    private static final Pattern EXIT_LINE = Pattern.compile("(.*) @\\d+: (\\d+)");

    private static String ms(long nanos) {
        return String.format("%.2f", nanos / 1e6);
    }
}
