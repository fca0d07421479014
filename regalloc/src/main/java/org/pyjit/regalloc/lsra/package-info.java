/**
 * Linear scan on SSA form with interval splitting (Wimmer &amp; Franz 2010, Wimmer &amp;
 * Mössenböck 2005), one class per step in the order they run: {@code InputValidator},
 * {@code BlockOrder}, {@code LivenessAnalysis}, {@code IntervalBuilder},
 * {@code LinearScanWalker}, {@code SpillSlotAssigner}, {@code DataFlowResolver},
 * {@code MoveResolver}, orchestrated by {@link org.pyjit.regalloc.lsra.LinearScanAllocator}.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Positions: each block has a label unit then one unit per instruction, 4 positions per
 *       unit: P (gap, moves entering P), P+1 early operands, P+2 clobbers, P+3 late operands.
 *       Block parameters are defined at the label position.</li>
 *   <li>Intervals are half-open range lists; within a block a value's range is one piece, so
 *       lifetime holes end only at block labels.</li>
 *   <li>Splits happen only at multiples of 4: at an instruction gap the split move is inserted
 *       there; at a block label the data-flow resolver inserts it on the incoming edges.</li>
 *   <li>Constrained operands (fixed register, stack, reuse) go through private copy intervals
 *       covering only their instruction; vregs themselves are never pinned to a register.</li>
 *   <li>All split children of a vreg share one spill slot; every entry into a spilled child is
 *       a store, so slots are shared between families whose spilled hulls do not overlap.</li>
 *   <li>All moves at one point form a parallel move sequenced by the move resolver.</li>
 * </ul>
 */
package org.pyjit.regalloc.lsra;
