package org.pyjit.python.compile;

import java.util.Optional;
import org.pyjit.ir.FloatCC;
import org.pyjit.ir.IntCC;
import org.pyjit.ir.Opcode;

/**
 * The BINARY_OP and COMPARE_OP arguments with an inline fast path for two compact ints
 * ({@code |v| < 2^30}, so sums, differences and products fit in 64 bits) or two floats (true
 * division: floats only); every other operand pair takes the generic C-API call.
 */
final class FastArithmetic {

    private FastArithmetic() {
    }

    /**
     * An arithmetic operation: its float IR opcode and, where two compact ints give an int, its
     * integer opcodes (true division of ints gives a float, so it has no integer path here).
     */
    enum Arith {
        ADD(Opcode.IADD, Opcode.FADD),
        SUBTRACT(Opcode.ISUB, Opcode.FSUB),
        MULTIPLY(Opcode.IMUL, Opcode.FMUL),
        /** Two floats only, and only with a nonzero divisor (else Python raises ZeroDivisionError). */
        TRUE_DIVIDE(null, Opcode.FDIV);

        private final Opcode integer;
        private final Opcode real;

        Arith(Opcode integer, Opcode real) {
            this.integer = integer;
            this.real = real;
        }

        /** The integer opcode of two compact ints, if ints have a path. */
        Optional<Opcode> integer() {
            return Optional.ofNullable(integer);
        }

        Opcode real() {
            return real;
        }

        /** Whether a zero divisor must take the generic path (it raises there). */
        boolean divides() {
            return this == TRUE_DIVIDE;
        }

        /** The fast operation of a BINARY_OP argument (in-place forms included: ints and floats are immutable). */
        static Optional<Arith> of(NumberOp op) {
            return switch (op) {
                case ADD, INPLACE_ADD -> Optional.of(ADD);
                case SUBTRACT, INPLACE_SUBTRACT -> Optional.of(SUBTRACT);
                case MULTIPLY, INPLACE_MULTIPLY -> Optional.of(MULTIPLY);
                case TRUE_DIVIDE, INPLACE_TRUE_DIVIDE -> Optional.of(TRUE_DIVIDE);
                default -> Optional.empty();
            };
        }
    }

    /**
     * A rich comparison ({@code oparg >> 4} of COMPARE_OP, {@code Py_LT..Py_GE}): signed integer
     * and float conditions with Python's NaN rules (only {@code !=} holds for a NaN).
     */
    enum Comparison {
        LT(IntCC.SLT, FloatCC.LT),
        LE(IntCC.SLE, FloatCC.LE),
        EQ(IntCC.EQ, FloatCC.EQ),
        NE(IntCC.NE, FloatCC.NE),
        GT(IntCC.SGT, FloatCC.GT),
        GE(IntCC.SGE, FloatCC.GE);

        private final IntCC integer;
        private final FloatCC real;

        Comparison(IntCC integer, FloatCC real) {
            this.integer = integer;
            this.real = real;
        }

        IntCC integer() {
            return integer;
        }

        FloatCC real() {
            return real;
        }

        static Optional<Comparison> of(int op) {
            Comparison[] all = values();
            return op >= 0 && op < all.length ? Optional.of(all[op]) : Optional.empty();
        }
    }
}
