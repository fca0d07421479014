package org.pyjit.regalloc;

/**
 * A move inserted by the allocator. Edits at the same point execute sequentially in list order.
 *
 * @param point where
 * @param move  what
 */
public record Edit(ProgramPoint point, Move move) {
}
