package org.pyjit.regalloc.checker;

/** What rule an allocation breaks. */
public enum ViolationKind {
    /** An operand has no allocation, or the result's shape does not match the function. */
    MISSING_ALLOCATION,
    /** A location that does not exist: a register not allocatable (or the scratch register) as an operand, wrong class, slot out of range, slot-to-slot move. */
    BAD_LOCATION,
    /** An operand's location breaks its constraint (fixed register, stack, reuse). */
    CONSTRAINT,
    /** A use reads a location that does not hold its vreg on every path. */
    WRONG_VALUE,
    /** Two operands of one instruction share a location they may not share. */
    CONFLICT,
    /** Edge moves reported for an edge that is not critical. */
    EDGE_MOVES,
    /** A register written by the allocated code is missing from the used-register set. */
    UNREPORTED_REGISTER
}
