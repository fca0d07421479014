/**
 * Register-allocator benchmark: {@link org.pyjit.bench.regalloc.RegAllocBench} allocates
 * synthetic functions of 10^2..10^5 instructions (loops, calls, two-address and fixed-register
 * operands on an x86-64-like machine) and prints the time per instruction.
 *
 * <p>Invariants: the generated functions are deterministic (fixed seed) and valid SSA; every
 * result is verified by the checker once, outside the timed region.
 */
package org.pyjit.bench.regalloc;
