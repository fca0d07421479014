package org.pyjit.regalloc;

/** Side of an instruction at which an edit executes. */
public enum InstPosition {
    /** Before the instruction reads its operands. */
    BEFORE,
    /** After the instruction wrote its defs. */
    AFTER
}
