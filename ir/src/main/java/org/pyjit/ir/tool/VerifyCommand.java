package org.pyjit.ir.tool;

import java.util.List;

/** {@code jitc verify FILE.jir...}: prints {@code ok} or the verifier's errors. */
public final class VerifyCommand implements JitcCommand {
    /** Creates the command. */
    public VerifyCommand() {
    }

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String synopsis() {
        return "FILE.jir...";
    }

    @Override
    public String summary() {
        return "parse and verify; print 'ok' or the errors (exit 1)";
    }

    @Override
    public int run(List<String> args, JitcContext ctx) {
        if (args.isEmpty()) {
            throw new JitcException("verify needs at least one file", JitcException.USAGE);
        }
        int status = 0;
        for (String file : args) {
            List<String> errors = ModuleChecker.errors(ctx.load(file));
            if (errors.isEmpty()) {
                ctx.out().println(args.size() == 1 ? "ok" : file + ": ok");
            } else {
                errors.forEach(e -> ctx.err().println(file + ": " + e));
                status = 1;
            }
        }
        return status;
    }
}
