package org.pyjit.x86;

import java.util.List;
import org.pyjit.codegen.CompiledModule;
import org.pyjit.codegen.Jit;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.TrapException;
import org.pyjit.ir.tool.Expectation;
import org.pyjit.ir.tool.JitcCommand;
import org.pyjit.ir.tool.JitcContext;
import org.pyjit.ir.tool.JitcException;
import org.pyjit.ir.tool.Outcome;
import org.pyjit.ir.tool.RunLine;
import org.pyjit.ir.tool.RunLineException;

/** {@code jitc run FILE.jir %func ARG...}: compiles the module for this machine and runs a function natively. */
public final class RunCommand implements JitcCommand {
    /** Creates the command. */
    public RunCommand() {
    }

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String synopsis() {
        return "FILE.jir %func [ARG...]";
    }

    @Override
    public String summary() {
        return "compile to native code for this machine and run a function; print its result or trap";
    }

    @Override
    public int run(List<String> args, JitcContext ctx) {
        if (args.size() < 2) {
            throw new JitcException("run needs a file and a function", JitcException.USAGE);
        }
        IrModule module = ctx.loadVerified(args.get(0));
        String name = args.get(1).startsWith("%") ? args.get(1).substring(1) : args.get(1);
        IrFunction f = module.function(name);
        if (f == null) {
            throw new JitcException(args.get(0) + ": no function %" + name, JitcException.INPUT);
        }
        long[] bits;
        try {
            bits = new RunLine(0, name, args.subList(2, args.size()), new Expectation.NoTrap()).arguments(f.signature());
        } catch (RunLineException e) {
            throw new JitcException(e.getMessage().replaceFirst("^line 0: ", ""), JitcException.USAGE);
        }
        Outcome outcome;
        try (CompiledModule m = Jit.host().compile(module)) {
            long r = m.function(name).call(bits);
            outcome = new Outcome.Returned(f.signature().returns().isEmpty() ? new long[0] : new long[] {r});
        } catch (TrapException e) {
            outcome = new Outcome.Trapped(e.trapCode());
        }
        ctx.out().println(outcome.text(f.signature()));
        return 0;
    }
}
