package org.pyjit.ir;

import java.util.List;

/**
 * A branch target with the arguments passed to the target's block parameters, in order.
 *
 * @param block the target block
 * @param args  one value per parameter of the target
 */
public record BlockCall(Block block, List<Value> args) {
    /** Copies the argument list. */
    public BlockCall {
        args = List.copyOf(args);
    }

    /** A target with no arguments. */
    public static BlockCall of(Block block, Value... args) {
        return new BlockCall(block, List.of(args));
    }
}
