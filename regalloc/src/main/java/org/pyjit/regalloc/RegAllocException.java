package org.pyjit.regalloc;

/** Invalid allocator input, or a function the machine cannot satisfy (too many fixed operands). */
public final class RegAllocException extends RuntimeException {
    /** Creates the exception with a message naming the offending instruction or block. */
    public RegAllocException(String message) {
        super(message);
    }
}
