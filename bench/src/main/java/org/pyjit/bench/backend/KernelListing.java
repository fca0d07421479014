package org.pyjit.bench.backend;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.pyjit.codegen.Jit;
import org.pyjit.codegen.MachineCode;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.text.IrPrinter;
import org.pyjit.x86.Disassembler;

/** Prints one kernel's IR, our machine code for it and gcc's, for reading side by side. */
final class KernelListing {
    private KernelListing() {
    }

    static void print(Jit jit, IrModule source, String name, Path sharedObject) throws IOException {
        Kernel kernel = KernelBench.byName(name);
        IrFunction f = source.function(kernel.symbol());
        MachineCode code = jit.generate(IrModule.of(f));
        int start = code.entries().get(f.name());
        int size = code.sizes().get(f.name());
        System.out.println(IrPrinter.print(f));
        System.out.printf("; pyjit %s: %d bytes%n", jit.backend().name(), size);
        Disassembler.disassemble(code.code(), start, start + size).forEach(System.out::println);
        System.out.println("; gcc -O2:");
        Process p = new ProcessBuilder("objdump", "-d", "--no-show-raw-insn", "-M", "intel",
                "--disassemble=" + kernel.symbol(), sharedObject.toString()).redirectErrorStream(true).start();
        try (InputStream in = p.getInputStream()) {
            String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int at = out.indexOf('<' + kernel.symbol() + ">:");
            System.out.print(at >= 0 ? out.substring(at) : out);
        }
    }
}
