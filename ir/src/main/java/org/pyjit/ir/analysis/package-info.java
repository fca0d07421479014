/**
 * Analyses of a function's control flow: {@link org.pyjit.ir.analysis.ControlFlowGraph},
 * {@link org.pyjit.ir.analysis.DominatorTree} and {@link org.pyjit.ir.analysis.LoopNest}.
 *
 * <p>Invariants: every analysis is an immutable snapshot of the function it was computed from
 * and is not updated when code changes. Analyses accept malformed functions (the verifier runs
 * them before it knows the function is well formed): edges come from each block's last
 * instruction and edges to unknown blocks are dropped. Only blocks reachable from the entry
 * take part in dominance and loops; unreachable blocks have no immediate dominator, are
 * dominated by every block and belong to no loop.
 */
package org.pyjit.ir.analysis;
