package org.pyjit.ir.tool;

import java.util.List;

/**
 * A {@code jitc} subcommand. The built-in ones live in this package; other modules contribute
 * more (e.g. {@code run}, {@code asm}) by listing implementations in
 * {@code META-INF/services/org.pyjit.ir.tool.JitcCommand} ({@link java.util.ServiceLoader}).
 * Implementations need a public no-argument constructor.
 */
public interface JitcCommand {
    /** The name typed after {@code jitc}, e.g. {@code interp}. */
    String name();

    /** The argument synopsis shown in the usage text, e.g. {@code FILE.jir %func ARG...}. */
    String synopsis();

    /** One line saying what the command does. */
    String summary();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command name
     * @param ctx  output streams and shared helpers
     * @return the exit status: 0 for success, 1 for a negative answer (errors found, tests failed)
     * @throws JitcException for user errors: a one-line message and an exit status
     */
    int run(List<String> args, JitcContext ctx);
}
