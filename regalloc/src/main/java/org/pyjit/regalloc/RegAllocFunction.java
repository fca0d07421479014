package org.pyjit.regalloc;

import java.util.List;
import java.util.Set;

/**
 * The only view of a function the register allocator (and its checker) has.
 *
 * <p>Contract, checked by the allocator with a {@link RegAllocException} naming the offending
 * instruction or block:
 * <ul>
 *   <li>Blocks are contiguous, non-empty ranges of instruction indices that together partition
 *       {@code 0 .. numInsts()-1}. Every block is reachable from {@link #entryBlock()}.</li>
 *   <li>The last instruction of a block is its terminator: {@link InstKind#RET} (no successors)
 *       or {@link InstKind#BRANCH} (one or more successors, possibly repeated); no other
 *       instruction is RET or BRANCH. Terminators define nothing; a BRANCH with a single
 *       successor has no operands at all (the moves for that edge go right before it).</li>
 *   <li>{@link #predecessors(int)} lists each edge once per occurrence in the predecessor's
 *       successor list (the same multiset of edges).</li>
 *   <li>The entry block has no block parameters; function arguments are defs (typically
 *       {@link Constraint.Fixed}) of a pseudo-instruction at the start of the entry block.</li>
 *   <li>SSA: every vreg is defined exactly once (by one DEF operand or as one block parameter),
 *       and that definition reaches each of its uses on every path from the entry.
 *       Branch arguments are read on the edge, after the terminator.</li>
 * </ul>
 */
public interface RegAllocFunction {
    /** Number of instructions; instruction indices are {@code 0 .. numInsts()-1}. */
    int numInsts();

    /** Number of blocks; block indices are {@code 0 .. numBlocks()-1}. */
    int numBlocks();

    /** The entry block. */
    int entryBlock();

    /** Index of the first instruction of block {@code block}. */
    int blockFirstInst(int block);

    /** Index one past the last instruction of block {@code block}. */
    int blockEndInst(int block);

    /** Successor blocks in branch order; {@code edgeMoves(pred, i)} refers to position i here. */
    List<Integer> successors(int block);

    /** Predecessor blocks, one entry per incoming edge. */
    List<Integer> predecessors(int block);

    /** Block parameters of {@code block}, defined on entry from the branch arguments. */
    List<VReg> blockParams(int block);

    /**
     * Arguments passed by the terminator of {@code block} to the parameters of its successor
     * number {@code succIndex}; same length and classes as that successor's parameters.
     */
    List<VReg> branchArgs(int block, int succIndex);

    /** Control-flow role of instruction {@code inst}. */
    InstKind instKind(int inst);

    /** Operands of instruction {@code inst}; allocations are reported per index in this list. */
    List<Operand> operands(int inst);

    /**
     * Registers whose contents instruction {@code inst} destroys (a call's caller-saved set).
     * Values live across the instruction are never kept there; LATE defs may be placed there.
     */
    Set<PReg> clobbers(int inst);

    /** Number of vregs; vreg indices are {@code 0 .. numVRegs()-1}. */
    int numVRegs();

    /** Register class of vreg number {@code vreg}. */
    RegClass vregClass(int vreg);
}
