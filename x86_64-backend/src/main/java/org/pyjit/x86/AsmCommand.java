package org.pyjit.x86;

import java.util.List;
import org.pyjit.codegen.MachineCode;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.tool.JitcCommand;
import org.pyjit.ir.tool.JitcContext;
import org.pyjit.ir.tool.JitcException;

/** {@code jitc asm FILE.jir}: prints each function's IR and the x86-64 code it compiles to. */
public final class AsmCommand implements JitcCommand {
    /** Creates the command. */
    public AsmCommand() {
    }

    @Override
    public String name() {
        return "asm";
    }

    @Override
    public String synopsis() {
        return "FILE.jir";
    }

    @Override
    public String summary() {
        return "compile for x86-64 and print each function's IR and disassembly (objdump, Intel syntax)";
    }

    @Override
    public int run(List<String> args, JitcContext ctx) {
        if (args.size() != 1) {
            throw new JitcException("asm needs exactly one file", JitcException.USAGE);
        }
        IrModule module = ctx.loadVerified(args.get(0));
        MachineCode code = new X86Backend().compile(module, org.pyjit.codegen.TrapSupport.host());
        ctx.out().print(AsmListing.of(module, code));
        return 0;
    }
}
