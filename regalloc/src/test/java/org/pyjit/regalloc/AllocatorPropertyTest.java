package org.pyjit.regalloc;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import org.pyjit.regalloc.checker.AllocationChecker;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Random functions under high register pressure: every allocation must pass the checker. */
class AllocatorPropertyTest {
    private static final MachineEnv SMALL = TestMachines.small();

    @Property(tries = 10000)
    void everyRandomAllocationPassesTheChecker(@ForAll long seed) {
        RegAllocInput fn = RandomFunctions.generate(seed);
        RegAllocResult r = LinearScan.allocate(fn, SMALL);
        AllocationChecker.check(fn, SMALL, r);
    }

    @Property(tries = 300)
    void allocationIsDeterministic(@ForAll long seed) {
        RegAllocResult a = LinearScan.allocate(RandomFunctions.generate(seed), SMALL);
        RegAllocResult b = LinearScan.allocate(RandomFunctions.generate(seed), SMALL);
        assertEquals(a, b);
    }
}
