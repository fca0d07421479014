package org.pyjit.ir;

import java.util.List;

/**
 * The contents of a block: its parameters and instructions. A well-formed block ends with exactly
 * one terminator and has none elsewhere.
 *
 * <p>A <em>cold</em> block is one the producer expects to run rarely (an error path, a
 * deoptimisation exit, a slow path behind a guard). The flag changes no meaning: code generators
 * place cold blocks after all others, so the code that runs stays dense. The entry block is never
 * cold.
 *
 * @param block  the block's reference
 * @param params the block parameters (SSA values defined on entry)
 * @param insts  the instructions in order
 * @param cold   whether the block is expected to run rarely
 */
public record BasicBlock(Block block, List<Value> params, List<Inst> insts, boolean cold) {
    /** Copies the lists. */
    public BasicBlock {
        params = List.copyOf(params);
        insts = List.copyOf(insts);
    }

    /** A block that is not cold. */
    public BasicBlock(Block block, List<Value> params, List<Inst> insts) {
        this(block, params, insts, false);
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
