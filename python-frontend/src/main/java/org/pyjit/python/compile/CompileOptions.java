package org.pyjit.python.compile;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.pyjit.python.launch.JitOptions;

/**
 * How bodies are compiled beyond what they do.
 *
 * @param countInstructions compiled blocks count the bytecode instructions they execute
 *     ({@code PYJIT_STATS=1}; costs one memory add per block)
 * @param dumpDirectory where each body's IR and disassembly go ({@code PYJIT_DUMP=DIR}), if anywhere
 */
public record CompileOptions(boolean countInstructions, Optional<Path> dumpDirectory) {

    /**
     * The options of an environment.
     *
     * @param env the process environment
     * @return the options
     */
    public static CompileOptions fromEnvironment(Map<String, String> env) {
        return new CompileOptions(JitOptions.statsRequested(env), JitOptions.dumpDirectory(env));
    }
}
