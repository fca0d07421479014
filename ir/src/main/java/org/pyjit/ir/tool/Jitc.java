package org.pyjit.ir.tool;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The {@code jitc} command line: {@code jitc COMMAND ARGS...}. Built-in commands are
 * {@code verify}, {@code interp}, {@code print} and {@code test}; others are found with
 * {@link ServiceLoader} as {@link JitcCommand}s (a contributed command may not take a built-in's
 * name). User errors print one line per problem on stderr, prefixed {@code jitc: } where no file
 * position applies, and exit non-zero; they never print a stack trace.
 */
public final class Jitc {
    private final Map<String, JitcCommand> commands = new LinkedHashMap<>();

    /** A command line with the built-in commands and those on the class path. */
    public Jitc() {
        for (JitcCommand c : List.of(new VerifyCommand(), new InterpCommand(), new PrintCommand(), new TestCommand())) {
            commands.put(c.name(), c);
        }
        try {
            for (JitcCommand c : ServiceLoader.load(JitcCommand.class)) {
                commands.putIfAbsent(c.name(), c);
            }
        } catch (ServiceConfigurationError e) {
            // A broken contribution must not take the built-in commands down with it.
            System.err.println("jitc: ignoring a command that failed to load: " + e.getMessage());
        }
    }

    /** The commands by name, built-ins first. */
    public Map<String, JitcCommand> commands() {
        return Map.copyOf(commands);
    }

    /** Entry point: runs and exits with the status. */
    public static void main(String[] args) {
        System.exit(new Jitc().run(args, System.out, System.err));
    }

    /**
     * Runs one command line.
     *
     * @return the exit status: 0 success, 1 negative answer or bad input, 2 wrong usage
     */
    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            usage(err);
            return JitcException.USAGE;
        }
        if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            usage(out);
            return 0;
        }
        JitcCommand command = commands.get(args[0]);
        if (command == null) {
            err.println("jitc: unknown command '" + args[0] + "' (try jitc --help)");
            return JitcException.USAGE;
        }
        JitcContext ctx = new JitcContext(out, err);
        try {
            return command.run(List.of(Arrays.copyOfRange(args, 1, args.length)), ctx);
        } catch (JitcException e) {
            String prefix = e.status() == JitcException.USAGE ? "jitc " + command.name() + ": " : "";
            for (String line : e.getMessage().split("\\R")) {
                err.println(prefix + line);
            }
            if (e.status() == JitcException.USAGE) {
                err.println("usage: jitc " + command.name() + " " + command.synopsis());
            }
            return e.status();
        } finally {
            out.flush();
            err.flush();
        }
    }

    private void usage(PrintStream s) {
        s.println("usage: jitc COMMAND ARGS...");
        s.println();
        int width = commands.values().stream().mapToInt(c -> (c.name() + " " + c.synopsis()).length()).max().orElse(0);
        for (JitcCommand c : commands.values()) {
            String head = c.name() + " " + c.synopsis();
            s.println("  " + head + " ".repeat(width - head.length() + 2) + c.summary());
        }
        s.println();
        s.println("Values are decimal or 0x hex integers, or floats (1.5, -0.0, inf, -inf, nan), read");
        s.println("according to the parameter types; results are printed the same way, or 'trap <code>'.");
    }
}
