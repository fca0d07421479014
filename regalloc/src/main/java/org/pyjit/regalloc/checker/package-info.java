/**
 * The allocation checker: {@link org.pyjit.regalloc.checker.AllocationChecker} proves a
 * {@link org.pyjit.regalloc.RegAllocResult} correct for a
 * {@link org.pyjit.regalloc.RegAllocFunction} and {@link org.pyjit.regalloc.MachineEnv} by abstract
 * interpretation, and reports the first {@link org.pyjit.regalloc.checker.Violation}.
 *
 * <p>Invariants: it uses only the interface types of {@code org.pyjit.regalloc} and shares no
 * code with the allocator; it never trusts the allocator's placement decisions, only the
 * operand allocations, edits and edge moves it was given; the abstract state maps each location
 * to the set of vregs it certainly holds, meets by intersection, and reaches a fixpoint before
 * anything is reported, so the violation reported is the first in instruction order.
 */
package org.pyjit.regalloc.checker;
