package org.pyjit.fuzz.mutate;

/** The structural mutations {@link Mutator} applies to IR. */
public enum MutationKind {
    /** Swap two operands of one instruction. */
    SWAP_OPERANDS,
    /** Replace an operand with any value of the function (any type, dominating or not). */
    REPLACE_OPERAND,
    /** Give a value another type, everywhere it occurs. */
    CHANGE_TYPE,
    /** Delete a non-terminator instruction. */
    DELETE_INSTRUCTION,
    /** Move an instruction to another position in its block. */
    MOVE_INSTRUCTION,
    /** Point one target of a branch at another block, keeping the arguments. */
    RETARGET_BRANCH,
    /** Add or drop one argument of a branch target. */
    CHANGE_BLOCK_ARGS,
    /** Change an immediate: integer, offset, condition, float bits, callee, slot offset, trap code. */
    CHANGE_IMMEDIATE,
    /** Replace the opcode with another of the same format. */
    CHANGE_OPCODE
}
