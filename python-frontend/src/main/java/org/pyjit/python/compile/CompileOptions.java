package org.pyjit.python.compile;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.pyjit.python.launch.JitOptions;

/**
 * How bodies are compiled beyond what they do.
 *
 * @param countInstructions compiled code counts what it executes: bytecode instructions, entries,
 *     guards held or failed, fast paths and direct calls taken ({@code PYJIT_STATS=1}; costs one
 *     memory add per block and per site); exits are counted either way
 * @param dumpDirectory where each body's IR and disassembly go ({@code PYJIT_DUMP=DIR}), if anywhere
 * @param entries which entries monitoring events take ({@code PYJIT_ENTER})
 * @param perfMap whether every body and helper is listed in {@code /tmp/perf-PID.map}, where
 *     {@code perf report} finds the names of JIT code ({@code PYJIT_PERFMAP=1})
 */
public record CompileOptions(boolean countInstructions, Optional<Path> dumpDirectory, EntryPolicy entries,
                             boolean perfMap) {

    /** Which of a body's entries the {@code PY_START} and {@code PY_RESUME} callbacks take. */
    public enum EntryPolicy {
        /** Every entry whose first instruction is compiled. */
        EVERY_ENTRY,
        /**
         * Only entries from which a loop can be reached before the frame leaves ({@link LoopReach}):
         * the callback's cost is not recovered by straight-line code. A function's body whose
         * entry does not pay is still compiled, for direct calls from compiled code.
         */
        ENTRIES_REACHING_LOOPS
    }

    /**
     * The options of an environment.
     *
     * @param env the process environment
     * @return the options
     */
    public static CompileOptions fromEnvironment(Map<String, String> env) {
        return new CompileOptions(JitOptions.statsRequested(env), JitOptions.dumpDirectory(env),
                JitOptions.enterEverywhere(env) ? EntryPolicy.EVERY_ENTRY : EntryPolicy.ENTRIES_REACHING_LOOPS,
                JitOptions.perfMapRequested(env));
    }
}
