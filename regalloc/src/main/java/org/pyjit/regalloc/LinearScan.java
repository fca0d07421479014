package org.pyjit.regalloc;

import org.pyjit.regalloc.lsra.LinearScanAllocator;

/** Entry point of the register allocator: linear scan on SSA with interval splitting. */
public final class LinearScan {
    private LinearScan() {
    }

    /**
     * Allocates registers for {@code fn} on machine {@code env}. Deterministic: the same input
     * gives the same result.
     *
     * @throws RegAllocException if {@code fn} breaks the {@link RegAllocFunction} contract or an
     *                           instruction needs more registers at once than {@code env} has
     */
    public static RegAllocResult allocate(RegAllocFunction fn, MachineEnv env) {
        return LinearScanAllocator.allocate(fn, env);
    }
}
