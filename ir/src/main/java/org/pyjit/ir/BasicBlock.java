package org.pyjit.ir;

import java.util.List;

/**
 * The contents of a block: its parameters and instructions. A well-formed block ends with exactly
 * one terminator and has none elsewhere.
 *
 * @param block  the block's reference
 * @param params the block parameters (SSA values defined on entry)
 * @param insts  the instructions in order
 */
public record BasicBlock(Block block, List<Value> params, List<Inst> insts) {
    /** Copies the lists. */
    public BasicBlock {
        params = List.copyOf(params);
        insts = List.copyOf(insts);
    }

    /** The last instruction (the terminator, in a well-formed block); null if empty. */
    public Inst terminator() {
        return insts.isEmpty() ? null : insts.get(insts.size() - 1);
    }

    /** The blocks this block branches to, in target order (duplicates kept). */
    public List<Block> successors() {
        Inst t = terminator();
        return t == null ? List.of() : t.targets().stream().map(BlockCall::block).toList();
    }
}
