package org.pyjit.x86;

import java.util.concurrent.atomic.AtomicLong;
import org.pyjit.codegen.vcode.RegisterAllocator;
import org.pyjit.regalloc.LinearScan;
import org.pyjit.regalloc.RegAllocResult;
import org.pyjit.regalloc.checker.AllocationChecker;

/** The register allocators the backend runs. */
public final class Allocators {
    private static final AtomicLong CHECKED = new AtomicLong();

    private Allocators() {
    }

    /** Linear scan; verified by the allocation checker when Java assertions are enabled. */
    public static RegisterAllocator standard() {
        boolean assertions = false;
        assert assertions = true;
        return assertions ? checked() : LinearScan::allocate;
    }

    /** Linear scan, every result verified by the allocation checker (throws on a violation). */
    public static RegisterAllocator checked() {
        return (fn, env) -> {
            RegAllocResult r = LinearScan.allocate(fn, env);
            AllocationChecker.check(fn, env, r);
            CHECKED.incrementAndGet();
            return r;
        };
    }

    /** How many allocations {@link #checked()} allocators have verified in this process. */
    public static long checkedCount() {
        return CHECKED.get();
    }
}
