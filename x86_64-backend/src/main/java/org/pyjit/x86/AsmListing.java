package org.pyjit.x86;

import java.util.List;
import org.pyjit.codegen.MachineCode;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.text.IrPrinter;

/**
 * A module's IR followed by the disassembly of each function body (thunks, trap handler and
 * constant pool are left out: they carry process-specific addresses). Used by {@code jitc asm}
 * and the compile golden files.
 */
public final class AsmListing {
    private AsmListing() {
    }

    /** The listing of {@code module} compiled to {@code code}: per function its IR, then its code. */
    public static String of(IrModule module, MachineCode code) {
        StringBuilder sb = new StringBuilder();
        for (IrFunction f : module.functions()) {
            for (String l : IrPrinter.print(f).strip().split("\n")) {
                sb.append("; ").append(l).append('\n');
            }
            int start = code.entries().get(f.name());
            List<String> lines = Disassembler.disassemble(code.code(), start, start + code.sizes().get(f.name()));
            sb.append(IrPrinter.functionName(f.name())).append(":\n");
            for (String l : lines) {
                sb.append(l).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
