package org.pyjit.aarch64;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.pyjit.aarch64.asm.A64Assembler;
import org.pyjit.aarch64.asm.AssembledCode;
import org.pyjit.aarch64.asm.Label;
import org.pyjit.codegen.Backend;
import org.pyjit.codegen.CodegenException;
import org.pyjit.codegen.MachineCode;
import org.pyjit.codegen.TrapSupport;
import org.pyjit.codegen.vcode.RegisterAllocator;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.regalloc.LinearScan;
import org.pyjit.regalloc.RegAllocResult;
import org.pyjit.regalloc.checker.AllocationChecker;

/**
 * The AArch64 (AAPCS64) backend. A module becomes one code image: per function its C entry and
 * its body (internal entry: stack limit in x28), one Java entry thunk per function, the shared
 * unwind sequence and the trap handler, then the constant pool. IR calls ({@code bl}) go to the
 * internal entry, {@code func_addr} ({@code adr}) is the C entry; those and constants
 * ({@code ldr} literal) are PC-relative, so the image runs at any 16-byte aligned address; the
 * only absolute addresses are the trap handler's calls of {@code pthread_getspecific} and
 * {@code abort}, and the pthread key and {@code pthread_getspecific} in the pool for the C
 * entries.
 *
 * <p>Found by {@link org.pyjit.codegen.Jit#host()} through {@code META-INF/services} on
 * {@code os.arch = aarch64}. Uses linear scan; with Java assertions on, every allocation is also
 * verified by the allocation checker.
 */
public final class A64Backend implements Backend {
    private final RegisterAllocator allocator;

    /** The backend with the production allocator (checked when assertions are on). */
    public A64Backend() {
        this(standardAllocator());
    }

    /** The backend with a given allocator. */
    public A64Backend(RegisterAllocator allocator) {
        this.allocator = Objects.requireNonNull(allocator, "allocator");
    }

    private static RegisterAllocator standardAllocator() {
        boolean assertions = false;
        assert assertions = true;
        if (!assertions) {
            return LinearScan::allocate;
        }
        return (fn, env) -> {
            RegAllocResult r = LinearScan.allocate(fn, env);
            AllocationChecker.check(fn, env, r);
            return r;
        };
    }

    @Override
    public String name() {
        return "aarch64";
    }

    @Override
    public boolean runsOn(String osArch) {
        return osArch.equals("aarch64") || osArch.equals("arm64");
    }

    @Override
    public String objdumpMachine() {
        return "aarch64";
    }

    @Override
    public MachineCode compile(IrModule module, TrapSupport traps) {
        A64Assembler asm = new A64Assembler();
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
        AssembledCode code;
        try {
            code = asm.finish();
        } catch (RuntimeException e) {
            throw new CodegenException("cannot assemble module: " + e.getMessage(), e);
        }
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
