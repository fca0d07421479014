package org.pyjit.regalloc;

/**
 * When, within its instruction, an operand is accessed.
 *
 * <p>All EARLY uses are read before any def is written. A LATE def is written after all EARLY
 * uses are read and after the instruction's clobbers, so it may share a register with an EARLY
 * use that dies there. An EARLY def (a "temp") is written before the uses are read, so it never
 * shares a register with any use of the same instruction. A LATE use is still read while LATE defs
 * are written, so it never shares a register with them and must survive the clobbers.
 */
public enum OperandPos {
    /** Start of the instruction. */
    EARLY,
    /** End of the instruction. */
    LATE
}
