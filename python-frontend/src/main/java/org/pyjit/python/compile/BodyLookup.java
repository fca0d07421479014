package org.pyjit.python.compile;

/**
 * Where a code object's compiled body is found at run time: {@code co_extra[extraIndex]} is
 * its state, whose word at {@code entryOffset} is the body (0: none) and at
 * {@code enteredOffset} counts entries.
 *
 * @param extraIndex the {@code co_extra} index the entry points own
 * @param entryOffset byte offset of the body's address in the state
 * @param enteredOffset byte offset of the entry counter in the state
 */
public record BodyLookup(long extraIndex, int entryOffset, int enteredOffset) {
    /** Checks the index. */
    public BodyLookup {
        if (extraIndex < 0 || extraIndex > 255) {
            throw new IllegalArgumentException("co_extra index out of range: " + extraIndex);
        }
    }
}
