/**
 * Register allocation: the interface the allocator sees ({@link org.pyjit.regalloc.RegAllocFunction},
 * {@link org.pyjit.regalloc.MachineEnv}), its result ({@link org.pyjit.regalloc.RegAllocResult})
 * and the entry point {@link org.pyjit.regalloc.LinearScan}.
 *
 * <p>Invariants of the model:
 * <ul>
 *   <li>All types here are immutable; registers, classes, kinds and positions are enums or
 *       records, constraints and allocations are sealed.</li>
 *   <li>Input is SSA over blocks with parameters: one definition per vreg, dominating its uses;
 *       the entry block has no parameters; every block is reachable and ends in its only
 *       terminator; terminators define nothing, and a single-successor branch has no operands.</li>
 *   <li>Within an instruction: edits before, then early uses are read and early defs written,
 *       then clobbers, then late defs written (late uses still read), then edits after.</li>
 *   <li>Output moves never go slot to slot and never touch a location an instruction operand
 *       of the same point still needs; the per-class scratch register is used only by moves.</li>
 *   <li>Moves for a critical edge are only in {@link org.pyjit.regalloc.RegAllocResult#edgeMoves()};
 *       moves for other edges are edits before the predecessor's terminator (one successor) or
 *       before the successor's first instruction (one predecessor).</li>
 *   <li>Same input, same output: nothing depends on hash iteration order.</li>
 * </ul>
 */
package org.pyjit.regalloc;
