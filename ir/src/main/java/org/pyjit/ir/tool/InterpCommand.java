package org.pyjit.ir.tool;

import java.util.List;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;

/**
 * {@code jitc interp FILE.jir %func ARG...}: verifies the file, calls the function in the
 * interpreter and prints the outcome in run-line notation: a value, {@code void} or
 * {@code trap <code>} (a trap is an answer, exit status 0).
 */
public final class InterpCommand implements JitcCommand {
    /** Creates the command. */
    public InterpCommand() {
    }

    @Override
    public String name() {
        return "interp";
    }

    @Override
    public String synopsis() {
        return "FILE.jir %func [ARG...]";
    }

    @Override
    public String summary() {
        return "run a function in the reference interpreter; print its result or trap";
    }

    @Override
    public int run(List<String> args, JitcContext ctx) {
        if (args.size() < 2) {
            throw new JitcException("interp needs a file and a function", JitcException.USAGE);
        }
        IrModule module = ctx.loadVerified(args.get(0));
        String name = args.get(1).startsWith("%") ? args.get(1).substring(1) : args.get(1);
        IrFunction f = module.function(name);
        if (f == null) {
            throw new JitcException(args.get(0) + ": no function %" + name, JitcException.INPUT);
        }
        RunLine call = new RunLine(0, name, args.subList(2, args.size()), new Expectation.NoTrap());
        long[] bits;
        try {
            bits = call.arguments(f.signature());
        } catch (RunLineException e) {
            throw new JitcException(e.getMessage().replaceFirst("^line 0: ", ""), JitcException.USAGE);
        }
        ctx.out().println(Executor.interpreter().outcome(module, name, bits).text(f.signature()));
        return 0;
    }
}
