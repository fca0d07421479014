package org.pyjit.codegen.vcode;

import java.util.List;
import org.pyjit.regalloc.Allocation;
import org.pyjit.regalloc.Move;

/**
 * What a backend supplies to {@link EmissionDriver}: labels, the encoding of its instructions and
 * of the allocator's moves, and an unconditional jump.
 *
 * @param <I> the machine instruction type
 * @param <L> the assembler's label type
 */
public interface MachineEmitter<I extends MachInst, L> {
    /** A fresh unbound label. */
    L newLabel(String name);

    /** Binds {@code label} at the current position. */
    void bind(L label);

    /**
     * Encodes one instruction.
     *
     * @param inst    the instruction
     * @param allocs  where each of its operands lives, by operand index
     * @param targets for branches, where each successor is reached
     */
    void emit(I inst, List<Allocation> allocs, BranchTargets<L> targets);

    /** Encodes one move inserted by the allocator. */
    void move(Move move);

    /** An unconditional jump (the end of an edge stub). */
    void jump(L target);

    /**
     * Where the successors of a branch are reached: a block's label or the stub performing a
     * critical edge's moves.
     *
     * @param <L> the label type
     */
    interface BranchTargets<L> {
        /** The label to branch to for successor {@code succIndex}. */
        L target(int succIndex);

        /** True if successor {@code succIndex} starts right after this branch (no jump needed). */
        boolean fallsThrough(int succIndex);
    }
}
