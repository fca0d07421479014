package org.pyjit.regalloc;

/**
 * Counts of the moves the allocator inserted (edits and edge moves together).
 *
 * @param spills  register-to-slot moves
 * @param reloads slot-to-register moves
 * @param moves   register-to-register moves
 */
public record AllocStats(int spills, int reloads, int moves) {
}
