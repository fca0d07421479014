package org.pyjit.python.compile;

import java.util.Optional;
import org.pyjit.python.layout.Opcode;

/**
 * The base opcodes the translator compiles; at any other opcode the compiled code leaves through a
 * deoptimisation exit and the interpreter executes it.
 */
enum SupportedOpcode {
    RESUME, NOP, LOAD_FAST, LOAD_FAST_CHECK, LOAD_FAST_AND_CLEAR, STORE_FAST, LOAD_CONST, POP_TOP, PUSH_NULL, COPY,
    SWAP, RETURN_VALUE, RETURN_CONST, BINARY_OP, COMPARE_OP, IS_OP, CONTAINS_OP, UNARY_NOT, UNARY_NEGATIVE,
    UNARY_INVERT, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE, JUMP_FORWARD,
    JUMP_BACKWARD, LOAD_GLOBAL, KW_NAMES, CALL, LOAD_ATTR, STORE_ATTR, BINARY_SUBSCR, STORE_SUBSCR, BINARY_SLICE,
    GET_ITER, FOR_ITER, END_FOR, BUILD_TUPLE, BUILD_LIST, LIST_APPEND, BUILD_MAP, LOAD_DEREF, STORE_DEREF,
    UNPACK_SEQUENCE, STORE_GLOBAL, LOAD_CLOSURE, DELETE_SUBSCR, BUILD_SLICE, LIST_EXTEND, BUILD_SET,
    BUILD_CONST_KEY_MAP, FORMAT_VALUE, BUILD_STRING, MAKE_FUNCTION, LOAD_SUPER_ATTR, BEFORE_WITH, YIELD_VALUE,
    GET_YIELD_FROM_ITER, SEND, END_SEND, JUMP_BACKWARD_NO_INTERRUPT, GET_AWAITABLE, LOAD_NAME, STORE_NAME,
    DELETE_NAME, LOAD_LOCALS, LOAD_FROM_DICT_OR_GLOBALS, LOAD_BUILD_CLASS, IMPORT_NAME, IMPORT_FROM, STORE_SLICE,
    CALL_INTRINSIC_1, DICT_UPDATE, DICT_MERGE, MAP_ADD, SET_ADD, SET_UPDATE, CALL_FUNCTION_EX,
    SETUP_ANNOTATIONS, DELETE_FAST, RAISE_VARARGS, PUSH_EXC_INFO, POP_EXCEPT, CHECK_EXC_MATCH;

    /** The supported opcode of a base opcode, or empty. */
    static Optional<SupportedOpcode> of(Opcode base) {
        try {
            return Optional.of(valueOf(base.name()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
