package org.pyjit.aarch64;

import java.util.Objects;
import org.pyjit.codegen.Backend;
import org.pyjit.codegen.MachineCode;
import org.pyjit.codegen.TrapSupport;
import org.pyjit.codegen.lower.ModuleLayout;
import org.pyjit.codegen.vcode.RegisterAllocator;
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
        return ModuleLayout.assemble(name(), module, traps, new A64ModuleTarget(module, allocator));
    }
}
