package org.pyjit.ir.verify;

/** The well-formedness rules the {@link Verifier} checks; each error names the one it broke. */
public enum Rule {
    /** An operand, result or immediate has a type the opcode does not accept, or a use's type differs from its definition's. */
    TYPE_MISMATCH,
    /** The instruction has the wrong number of value operands for its format. */
    OPERAND_COUNT,
    /** The instruction defines the wrong number of results. */
    RESULT_COUNT,
    /** The immediate is of the wrong kind for the format (e.g. an offset on {@code iadd}). */
    IMMEDIATE_KIND,
    /** The immediate is outside its range: a non-canonical integer, f32 bits beyond 32, a stack offset outside the slot. */
    IMMEDIATE_RANGE,
    /** A branch has the wrong number of targets, or a non-branch has targets. */
    TARGET_COUNT,
    /** A block is empty or its last instruction is not a terminator. */
    MISSING_TERMINATOR,
    /** A terminator is followed by more instructions. */
    TERMINATOR_NOT_LAST,
    /** A branch passes a different number of arguments than the target block has parameters. */
    BRANCH_ARG_COUNT,
    /** A branch argument's type differs from the target parameter's. */
    BRANCH_ARG_TYPE,
    /** A branch targets a block the function does not have. */
    UNKNOWN_BLOCK,
    /** A value is used but defined nowhere in the function. */
    UNDEFINED_VALUE,
    /** A value number is defined by more than one parameter or result. */
    VALUE_DEFINED_TWICE,
    /** A use is not dominated by its value's definition. */
    NOT_DOMINATED,
    /** The entry block's parameters differ from the signature's parameters. */
    ENTRY_PARAMS,
    /** Some branch targets the entry block. */
    ENTRY_HAS_PREDECESSORS,
    /** The entry block is marked cold (it runs at every call). */
    COLD_ENTRY,
    /** {@code call} or {@code func_addr} names a function the module does not have. */
    UNKNOWN_FUNCTION,
    /** A call's arguments or results do not match the callee's signature. */
    CALL_SIGNATURE,
    /** A {@code return}'s values do not match the function's return types. */
    RETURN_TYPES,
    /** {@code stack_addr} names a slot the function does not have. */
    UNKNOWN_STACK_SLOT,
    /** A signature (of the function or of a {@code call_indirect}) has more than one return type. */
    TOO_MANY_RETURNS
}
