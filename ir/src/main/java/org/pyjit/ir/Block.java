package org.pyjit.ir;

/**
 * A reference to a basic block of a function ({@code block3}). The block's contents are a
 * {@link BasicBlock}, looked up through {@link IrFunction#block(Block)}.
 *
 * @param id the block number, unique within its function
 */
public record Block(int id) {
    /** Validates the number. */
    public Block {
        if (id < 0) {
            throw new IllegalArgumentException("negative block number " + id);
        }
    }

    @Override
    public String toString() {
        return "block" + id;
    }
}
