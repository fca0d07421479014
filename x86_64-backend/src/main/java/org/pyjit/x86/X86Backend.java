package org.pyjit.x86;

import java.util.Objects;
import org.pyjit.codegen.Backend;
import org.pyjit.codegen.MachineCode;
import org.pyjit.codegen.TrapSupport;
import org.pyjit.codegen.lower.ModuleLayout;
import org.pyjit.codegen.vcode.RegisterAllocator;
import org.pyjit.ir.IrModule;

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
        return ModuleLayout.assemble(name(), module, traps, new X86ModuleTarget(module, allocator));
    }
}
