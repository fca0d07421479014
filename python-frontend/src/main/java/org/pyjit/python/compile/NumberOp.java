package org.pyjit.python.compile;

/**
 * {@code BINARY_OP}'s argument ({@code NB_*}, Include/internal/pycore_opcode_utils.h / opcode.py
 * {@code _nb_ops}, 3.12) and the exported C-API function computing it.
 */
enum NumberOp {
    ADD("PyNumber_Add"),
    AND("PyNumber_And"),
    FLOOR_DIVIDE("PyNumber_FloorDivide"),
    LSHIFT("PyNumber_Lshift"),
    MATRIX_MULTIPLY("PyNumber_MatrixMultiply"),
    MULTIPLY("PyNumber_Multiply"),
    REMAINDER("PyNumber_Remainder"),
    OR("PyNumber_Or"),
    POWER("PyNumber_Power"),
    RSHIFT("PyNumber_Rshift"),
    SUBTRACT("PyNumber_Subtract"),
    TRUE_DIVIDE("PyNumber_TrueDivide"),
    XOR("PyNumber_Xor"),
    INPLACE_ADD("PyNumber_InPlaceAdd"),
    INPLACE_AND("PyNumber_InPlaceAnd"),
    INPLACE_FLOOR_DIVIDE("PyNumber_InPlaceFloorDivide"),
    INPLACE_LSHIFT("PyNumber_InPlaceLshift"),
    INPLACE_MATRIX_MULTIPLY("PyNumber_InPlaceMatrixMultiply"),
    INPLACE_MULTIPLY("PyNumber_InPlaceMultiply"),
    INPLACE_REMAINDER("PyNumber_InPlaceRemainder"),
    INPLACE_OR("PyNumber_InPlaceOr"),
    INPLACE_POWER("PyNumber_InPlacePower"),
    INPLACE_RSHIFT("PyNumber_InPlaceRshift"),
    INPLACE_SUBTRACT("PyNumber_InPlaceSubtract"),
    INPLACE_TRUE_DIVIDE("PyNumber_InPlaceTrueDivide"),
    INPLACE_XOR("PyNumber_InPlaceXor");

    private final String symbol;

    NumberOp(String symbol) {
        this.symbol = symbol;
    }

    /** The C function: {@code PyObject *f(a, b)}, or {@code f(a, b, Py_None)} for the powers. */
    String symbol() {
        return symbol;
    }

    /** Whether the function takes the third (modulo) argument. */
    boolean ternary() {
        return this == POWER || this == INPLACE_POWER;
    }

    /** The operation of an oparg, or empty. */
    static java.util.Optional<NumberOp> of(int oparg) {
        NumberOp[] all = values();
        return oparg >= 0 && oparg < all.length ? java.util.Optional.of(all[oparg]) : java.util.Optional.empty();
    }
}
