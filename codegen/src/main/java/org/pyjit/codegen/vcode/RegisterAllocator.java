package org.pyjit.codegen.vcode;

import org.pyjit.regalloc.MachineEnv;
import org.pyjit.regalloc.RegAllocFunction;
import org.pyjit.regalloc.RegAllocResult;

/**
 * A register allocator as the backends call it: the seam between lowering and emission, so a
 * backend can run the production allocator, wrap it with the checker, or swap in another one.
 */
@FunctionalInterface
public interface RegisterAllocator {
    /**
     * Allocates {@code function} for the machine {@code env}.
     *
     * @param function the lowered function
     * @param env      allocatable, callee-saved and scratch registers
     * @return where every operand lives and the moves to insert
     */
    RegAllocResult allocate(RegAllocFunction function, MachineEnv env);
}
