package org.pyjit.x86;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.pyjit.codegen.Backend;
import org.pyjit.codegen.CodegenException;
import org.pyjit.codegen.MachineCode;
import org.pyjit.codegen.TrapSupport;
import org.pyjit.codegen.vcode.RegisterAllocator;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.x86.asm.AssembledCode;
import org.pyjit.x86.asm.Label;
import org.pyjit.x86.asm.X86Assembler;

/**
 * The x86-64 (System V) backend. A module becomes one code image: per function its C entry and
 * its body (internal entry: stack limit in r15), then one Java entry thunk per function, the
 * shared thunk unwind sequence and the trap handler, then the constant pool. IR calls go to the
 * internal entry, {@code func_addr} is the C entry; both are rel32/RIP-relative to labels in the
 * image, so it runs at any address.
 *
 * <p>Found by {@link org.pyjit.codegen.Jit#host()} through {@code META-INF/services}. Uses the
 * linear-scan allocator; when Java assertions are enabled every allocation is also verified by
 * the allocation checker.
 */
public final class X86Backend implements Backend {
    private final RegisterAllocator allocator;

    /** The backend with the production allocator (checked when assertions are on). */
    public X86Backend() {
        this(Allocators.standard());
    }

    /** The backend with a given allocator (tests wrap it with checks). */
    public X86Backend(RegisterAllocator allocator) {
        this.allocator = Objects.requireNonNull(allocator, "allocator");
    }

    @Override
    public String name() {
        return "x86_64";
    }

    @Override
    public boolean runsOn(String osArch) {
        return osArch.equals("amd64") || osArch.equals("x86_64");
    }

    @Override
    public String objdumpMachine() {
        return "i386:x86-64";
    }

    @Override
    public MachineCode compile(IrModule module, TrapSupport traps) {
        X86Assembler asm = new X86Assembler();
        Map<String, Label> entries = new LinkedHashMap<>();
        Map<String, Label> bodies = new LinkedHashMap<>();
        Map<String, Label> ends = new HashMap<>();
        Map<String, Label> thunks = new LinkedHashMap<>();
        for (IrFunction f : module.functions()) {
            entries.put(f.name(), asm.newLabel(f.name()));
            bodies.put(f.name(), asm.newLabel(f.name() + "_body"));
        }
        Label trapHandler = asm.newLabel("trap_handler");
        Label unwind = asm.newLabel("thunk_unwind");
        for (IrFunction f : module.functions()) {
            asm.align(16);
            asm.bind(entries.get(f.name()));
            try {
                Thunks.cEntry(asm, f.signature(), traps, bodies.get(f.name()));
                FunctionCompiler.compile(module, f, asm, bodies, entries, trapHandler, allocator);
            } catch (CodegenException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new CodegenException("cannot compile %" + f.name() + ": " + e.getMessage(), e);
            }
            Label end = asm.newLabel(f.name() + "_end");
            asm.bind(end);
            ends.put(f.name(), end);
        }
        for (IrFunction f : module.functions()) {
            asm.align(16);
            Label t = asm.newLabel(f.name() + "_thunk");
            asm.bind(t);
            thunks.put(f.name(), t);
            Thunks.thunk(asm, f.signature(), bodies.get(f.name()), unwind);
        }
        asm.align(16);
        asm.bind(unwind);
        Thunks.unwind(asm);
        asm.bind(trapHandler);
        Thunks.trapHandler(asm, traps, unwind);
        AssembledCode code = asm.finish();
        Map<String, Integer> entryOffsets = new LinkedHashMap<>();
        Map<String, Integer> thunkOffsets = new LinkedHashMap<>();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (IrFunction f : module.functions()) {
            int start = code.offsetOf(entries.get(f.name()));
            entryOffsets.put(f.name(), start);
            thunkOffsets.put(f.name(), code.offsetOf(thunks.get(f.name())));
            sizes.put(f.name(), code.offsetOf(ends.get(f.name())) - start);
        }
        return new MachineCode(name(), code.code(), entryOffsets, thunkOffsets, sizes);
    }
}
