package org.pyjit.regalloc;

/** The control-flow role of an instruction. */
public enum InstKind {
    /** Returns from the function: a block terminator with no successors. */
    RET,
    /** Transfers control to the block's successors: a block terminator with at least one. */
    BRANCH,
    /** Anything else; never the last instruction of a block. */
    OTHER
}
