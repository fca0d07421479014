package org.pyjit.python.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JIT's options, read from {@code PYJIT_*} environment variables (the command line belongs
 * to CPython and is passed through untouched).
 *
 * @param disabled {@code PYJIT_DISABLE=1}: run plain CPython, install nothing
 * @param threshold {@code PYJIT_THRESHOLD=N}: calls or loop back edges before a code object is
 *     compiled; 1 compiles at first entry
 * @param stats {@code PYJIT_STATS=1}: print the statistics table on stderr at exit
 * @param log {@code PYJIT_LOG=FILE}: append JIT decisions (and boot facts) to this file
 * @param unknownVariables {@code PYJIT_*} variables pyjit does not know, sorted
 */
public record JitOptions(boolean disabled, int threshold, boolean stats, Optional<Path> log,
                         List<String> unknownVariables) {

    /** Calls or back edges before compiling when {@code PYJIT_THRESHOLD} is not set. */
    public static final int DEFAULT_THRESHOLD = 1000;

    /** The largest accepted threshold. */
    public static final int MAX_THRESHOLD = 1_000_000_000;

    /** The variable prefix; every variable with it must be known. */
    public static final String PREFIX = "PYJIT_";

    /**
     * Variables read by pyjit but not options of the JIT itself: the launcher's ({@code
     * PYJIT_PYTHON}, {@code PYJIT_JAVA_OPTS}) and the one {@code bin/pyjit} uses to tell the JVM
     * what it preloaded ({@code PYJIT_PRELOADED}).
     */
    public static final Set<String> LAUNCHER_VARIABLES = Set.of("PYJIT_PYTHON", "PYJIT_JAVA_OPTS",
            LaunchEnvironment.PRELOADED_VARIABLE);

    private static final Set<String> OPTION_VARIABLES = Set.of("PYJIT_DISABLE", "PYJIT_THRESHOLD",
            "PYJIT_STATS", "PYJIT_LOG", "PYJIT_COMPILE", "PYJIT_COMPILE_SYNC", "PYJIT_OSR", "PYJIT_DUMP",
            "PYJIT_ENTER", "PYJIT_PERFMAP");

    /** Validates and freezes. */
    public JitOptions {
        if (threshold < 1 || threshold > MAX_THRESHOLD) {
            throw new IllegalArgumentException("threshold out of range: " + threshold);
        }
        unknownVariables = List.copyOf(unknownVariables);
    }

    /**
     * Reads the options from an environment.
     *
     * @param env the process environment
     * @return the options
     * @throws LaunchException if a value is invalid
     */
    public static JitOptions fromEnvironment(Map<String, String> env) throws LaunchException {
        TreeSet<String> unknown = new TreeSet<>();
        for (String name : env.keySet()) {
            if (name.startsWith(PREFIX) && !OPTION_VARIABLES.contains(name) && !LAUNCHER_VARIABLES.contains(name)) {
                unknown.add(name);
            }
        }
        String enter = env.getOrDefault("PYJIT_ENTER", "");
        if (!enter.isEmpty() && !enter.equals("all") && !enter.equals("loops")) {
            throw new LaunchException("PYJIT_ENTER=" + enter + ": expected all or loops");
        }
        String log = env.getOrDefault("PYJIT_LOG", "");
        return new JitOptions(
                flag(env, "PYJIT_DISABLE"),
                threshold(env.get("PYJIT_THRESHOLD")),
                flag(env, "PYJIT_STATS"),
                log.isEmpty() ? Optional.empty() : Optional.of(Path.of(log)),
                List.copyOf(unknown));
    }

    /** The warning line for unknown variables, if there are any. */
    public Optional<String> unknownVariablesWarning() {
        if (unknownVariables.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("pyjit: warning: unknown environment variable" + (unknownVariables.size() > 1 ? "s " : " ")
                + String.join(", ", unknownVariables) + " (known: PYJIT_DISABLE, PYJIT_THRESHOLD, PYJIT_STATS,"
                + " PYJIT_LOG, PYJIT_COMPILE, PYJIT_COMPILE_SYNC, PYJIT_OSR, PYJIT_DUMP, PYJIT_ENTER, PYJIT_PERFMAP,"
                + " PYJIT_PYTHON,"
                + " PYJIT_JAVA_OPTS)");
    }

    /**
     * {@code PYJIT_COMPILE=1}: compile hot functions of the supported subset (off by default until
     * the whole test suite passes with it on).
     *
     * @param env the process environment
     * @return whether compilation is on ({@code false} for any value other than {@code 1})
     */
    public static boolean compileRequested(Map<String, String> env) {
        return "1".equals(env.get("PYJIT_COMPILE"));
    }

    /**
     * On-stack replacement with {@code PYJIT_COMPILE=1}: loops that get hot inside a running call
     * are compiled and entered from their back edge. On unless {@code PYJIT_OSR=0}.
     *
     * @param env the process environment
     * @return whether on-stack replacement is on
     */
    public static boolean osrRequested(Map<String, String> env) {
        return !"0".equals(env.get("PYJIT_OSR"));
    }

    /**
     * {@code PYJIT_COMPILE_SYNC=1}: compile in the hot upcall, on the Python thread, as with
     * {@code PYJIT_THRESHOLD=1} (otherwise hot bodies are compiled on a compiler thread and
     * installed when ready).
     *
     * @param env the process environment
     * @return whether compilation is synchronous at every threshold
     */
    public static boolean compileSynchronously(Map<String, String> env) {
        return "1".equals(env.get("PYJIT_COMPILE_SYNC"));
    }

    /**
     * {@code PYJIT_STATS=1}, read where the options record is not at hand (the compiler counts
     * executed instructions only then).
     *
     * @param env the process environment
     * @return whether statistics are on
     */
    public static boolean statsRequested(Map<String, String> env) {
        return "1".equals(env.get("PYJIT_STATS"));
    }

    /**
     * {@code PYJIT_DUMP=DIR}: the compiler writes each compiled body's IR and disassembly there.
     *
     * @param env the process environment
     * @return the directory, or empty when unset or empty
     */
    public static Optional<Path> dumpDirectory(Map<String, String> env) {
        String dir = env.getOrDefault("PYJIT_DUMP", "");
        return dir.isEmpty() ? Optional.empty() : Optional.of(Path.of(dir));
    }

    /**
     * {@code PYJIT_PERFMAP=1}: the compiler appends a line {@code START SIZE NAME} (hex start and
     * size) for each body and helper it installs to {@code /tmp/perf-PID.map}, the file
     * {@code perf report} reads to name samples in JIT code.
     *
     * @param env the process environment
     * @return whether the map is written ({@code false} for any value other than {@code 1})
     */
    public static boolean perfMapRequested(Map<String, String> env) {
        return "1".equals(env.get("PYJIT_PERFMAP"));
    }

    /**
     * {@code PYJIT_ENTER=all}: monitoring events enter every compiled body; {@code loops}: only
     * entries that can reach a loop before they leave (the others serve direct calls from compiled
     * code). Unset or any other value: {@code all} at {@code PYJIT_THRESHOLD=1} (everything
     * compiled and entered, as the tests want), {@code loops} otherwise (another value is refused
     * by {@link #fromEnvironment}).
     *
     * @param env the process environment
     * @return whether events enter loop-free bodies too
     */
    public static boolean enterEverywhere(Map<String, String> env) {
        return switch (env.getOrDefault("PYJIT_ENTER", "")) {
            case "all" -> true;
            case "loops" -> false;
            default -> {
                try { // an unset or empty PYJIT_ENTER
                    yield threshold(env.get("PYJIT_THRESHOLD")) == 1;
                } catch (LaunchException e) {
                    yield false; // reported by fromEnvironment
                }
            }
        };
    }

    private static boolean flag(Map<String, String> env, String name) throws LaunchException {
        String v = env.getOrDefault(name, "");
        return switch (v) {
            case "", "0" -> false;
            case "1" -> true;
            default -> throw new LaunchException(name + "=" + v + ": expected 0 or 1");
        };
    }

    private static int threshold(String value) throws LaunchException {
        if (value == null || value.isEmpty()) {
            return DEFAULT_THRESHOLD;
        }
        String problem = "PYJIT_THRESHOLD=" + value + ": expected an integer from 1 to " + MAX_THRESHOLD;
        if (!value.chars().allMatch(c -> c >= '0' && c <= '9') || value.length() > 10) {
            throw new LaunchException(problem);
        }
        long n = Long.parseLong(value);
        if (n < 1 || n > MAX_THRESHOLD) {
            throw new LaunchException(problem);
        }
        return (int) n;
    }
}
