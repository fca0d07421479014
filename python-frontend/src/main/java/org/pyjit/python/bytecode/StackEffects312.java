package org.pyjit.python.bytecode;

import org.pyjit.python.layout.Opcode;

/**
 * Fall-through stack effects of CPython 3.12's base instructions, from the stack comments
 * {@code (inputs -- outputs)} of {@code Python/bytecodes.c} on the 3.12 branch (the same numbers
 * as {@code _PyOpcode_num_popped}/{@code _PyOpcode_num_pushed}; the corpus test compares them with
 * {@code dis.stack_effect}).
 *
 * <p>One deliberate difference: {@code RETURN_GENERATOR} pushes one entry here. The interpreter
 * returns the new generator to the caller and, on the first {@code send}, resumes the frame at
 * the next instruction with the sent value pushed ({@code gen_send_ex2}); the compiler counts 0
 * and balances the following {@code POP_TOP} outside its depth computation.
 */
final class StackEffects312 {

    private StackEffects312() {
    }

    /** {@code FVS_MASK} / {@code FVS_HAVE_SPEC} of FORMAT_VALUE's oparg. */
    private static final int FORMAT_HAS_SPEC = 0x4;

    /**
     * The effect of a base instruction on its fall-through path.
     *
     * @param op a 3.12 base opcode
     * @param oparg its folded argument
     * @return popped and pushed counts
     * @throws IllegalArgumentException for a specialised, instrumented or non-3.12 opcode
     */
    static StackEffect of(Opcode op, int oparg) {
        return switch (op) {
            case NOP, RESUME, RETURN_CONST, DELETE_NAME, DELETE_GLOBAL, DELETE_FAST, MAKE_CELL, DELETE_DEREF,
                 COPY_FREE_VARS, SETUP_ANNOTATIONS, JUMP_FORWARD, JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT,
                 KW_NAMES, EXTENDED_ARG, SWAP, CACHE, RESERVED -> effect(0, 0);
            case LOAD_CLOSURE, LOAD_FAST_CHECK, LOAD_FAST, LOAD_FAST_AND_CLEAR, LOAD_CONST, PUSH_NULL,
                 LOAD_ASSERTION_ERROR, LOAD_BUILD_CLASS, LOAD_LOCALS, LOAD_NAME, LOAD_DEREF -> effect(0, 1);
            case RETURN_GENERATOR -> effect(0, 1);
            case STORE_FAST, POP_TOP, INTERPRETER_EXIT, RETURN_VALUE, POP_EXCEPT, STORE_NAME, DELETE_ATTR,
                 STORE_GLOBAL, STORE_DEREF, DICT_UPDATE, DICT_MERGE, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE,
                 POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE -> effect(1, 0);
            case UNARY_NEGATIVE, UNARY_NOT, UNARY_INVERT, CALL_INTRINSIC_1, GET_AITER, GET_AWAITABLE,
                 YIELD_VALUE, LOAD_FROM_DICT_OR_GLOBALS, LOAD_FROM_DICT_OR_DEREF, GET_ITER,
                 GET_YIELD_FROM_ITER -> effect(1, 1);
            case GET_ANEXT, IMPORT_FROM, GET_LEN, MATCH_MAPPING, MATCH_SEQUENCE, BEFORE_ASYNC_WITH, BEFORE_WITH,
                 PUSH_EXC_INFO -> effect(1, 2);
            case FOR_ITER -> effect(1, 2);
            case END_FOR, DELETE_SUBSCR, STORE_ATTR, END_ASYNC_FOR, MAP_ADD -> effect(2, 0);
            case END_SEND, BINARY_OP, BINARY_SUBSCR, CALL_INTRINSIC_2, COMPARE_OP, IS_OP, CONTAINS_OP,
                 IMPORT_NAME -> effect(2, 1);
            case SEND, CHECK_EG_MATCH, CHECK_EXC_MATCH -> effect(2, 2);
            case MATCH_KEYS -> effect(2, 3);
            case BINARY_SLICE, MATCH_CLASS -> effect(3, 1);
            case STORE_SUBSCR -> effect(3, 0);
            case CLEANUP_THROW -> effect(3, 2);
            case STORE_SLICE -> effect(4, 0);
            case WITH_EXCEPT_START -> effect(4, 5);
            // (list, unused[oparg-1], v -- list, unused[oparg-1]) and friends: one popped net.
            case LIST_APPEND, SET_ADD, LIST_EXTEND, SET_UPDATE -> effect(oparg + 1, oparg);
            case RAISE_VARARGS -> effect(oparg, 0);
            case RERAISE -> effect(oparg + 1, oparg);
            case UNPACK_SEQUENCE -> effect(1, oparg);
            case UNPACK_EX -> effect(1, (oparg & 0xFF) + (oparg >> 8) + 1);
            case LOAD_GLOBAL -> effect(0, 1 + (oparg & 1));
            case LOAD_ATTR -> effect(1, 1 + (oparg & 1));
            case LOAD_SUPER_ATTR -> effect(3, 1 + (oparg & 1));
            case BUILD_STRING, BUILD_TUPLE, BUILD_LIST, BUILD_SET -> effect(oparg, 1);
            case BUILD_MAP -> effect(2 * oparg, 1);
            case BUILD_CONST_KEY_MAP -> effect(oparg + 1, 1);
            case BUILD_SLICE -> effect(oparg == 3 ? 3 : 2, 1);
            case FORMAT_VALUE -> effect((oparg & FORMAT_HAS_SPEC) == FORMAT_HAS_SPEC ? 2 : 1, 1);
            case COPY -> effect(oparg, oparg + 1);
            case CALL -> effect(oparg + 2, 1);
            case CALL_FUNCTION_EX -> effect(3 + (oparg & 1), 1);
            case MAKE_FUNCTION -> effect(1 + Integer.bitCount(oparg & 0xF), 1);
            default -> throw new IllegalArgumentException(op + " is not a CPython 3.12 base opcode");
        };
    }

    private static StackEffect effect(int popped, int pushed) {
        return new StackEffect(popped, pushed);
    }
}
