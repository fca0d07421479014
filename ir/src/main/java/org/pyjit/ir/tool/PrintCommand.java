package org.pyjit.ir.tool;

import java.util.List;
import org.pyjit.ir.text.IrPrinter;

/** {@code jitc print FILE.jir}: prints the module in canonical text form. */
public final class PrintCommand implements JitcCommand {
    /** Creates the command. */
    public PrintCommand() {
    }

    @Override
    public String name() {
        return "print";
    }

    @Override
    public String synopsis() {
        return "FILE.jir";
    }

    @Override
    public String summary() {
        return "parse and print in canonical text form";
    }

    @Override
    public int run(List<String> args, JitcContext ctx) {
        if (args.size() != 1) {
            throw new JitcException("print takes one file", JitcException.USAGE);
        }
        ctx.out().print(IrPrinter.print(ctx.load(args.get(0))));
        return 0;
    }
}
