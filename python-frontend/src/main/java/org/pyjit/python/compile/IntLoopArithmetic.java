package org.pyjit.python.compile;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.IntCC;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;

/**
 * The operators an int loop runs on i64 values, with Python's semantics for ints: the result is
 * the exact value CPython computes whenever the loop stays in it; otherwise the operator leaves
 * the loop at its instruction with the operands boxed back, and the generic code computes it
 * (a big int) or raises (ZeroDivisionError, ValueError) with the interpreter's traceback.
 *
 * <p>Invariant: operands and results are any i64 (boxing back with {@code PyLong_FromLongLong} is
 * exact for all of them); an operator whose exact result is outside i64 leaves instead of wrapping.
 */
final class IntLoopArithmetic {

    /** Why an operator leaves the loop instead of producing its result. */
    enum Leave {
        /** The exact result is outside i64 ({@link ExitReason#INT_LOOP_OVERFLOW}). */
        OVERFLOW,
        /** Python raises for these operands: zero divisor, negative shift count ({@link ExitReason#INT_LOOP_RAISES}). */
        RAISES,
        /**
         * A list access the loop does not do itself ({@link ExitReason#INT_LOOP_ITEM}): an index
         * outside {@code 0 <= i < len}, an item that is not an int of two digits (or, tested for
         * truth, neither True nor False), a store that would free the item it replaces.
         */
        ITEM;

        ExitReason reason() {
            return switch (this) {
                case OVERFLOW -> ExitReason.INT_LOOP_OVERFLOW;
                case RAISES -> ExitReason.INT_LOOP_RAISES;
                case ITEM -> ExitReason.INT_LOOP_ITEM;
            };
        }
    }

    /** Emits the branch that leaves the loop at the current instruction when {@code condition} (i8) holds. */
    @FunctionalInterface
    interface Exits {
        void leaveIf(Value condition, Leave why);
    }

    /** A BINARY_OP argument an int loop runs (in-place forms are the same on immutable ints). */
    enum Binary {
        ADD, SUBTRACT, MULTIPLY, AND, OR, XOR, LSHIFT, RSHIFT, FLOOR_DIVIDE, REMAINDER;

        /** The int-loop operator of a BINARY_OP argument, or empty (true division, power, {@code @}). */
        static Optional<Binary> of(NumberOp op) {
            return switch (op) {
                case ADD, INPLACE_ADD -> Optional.of(ADD);
                case SUBTRACT, INPLACE_SUBTRACT -> Optional.of(SUBTRACT);
                case MULTIPLY, INPLACE_MULTIPLY -> Optional.of(MULTIPLY);
                case AND, INPLACE_AND -> Optional.of(AND);
                case OR, INPLACE_OR -> Optional.of(OR);
                case XOR, INPLACE_XOR -> Optional.of(XOR);
                case LSHIFT, INPLACE_LSHIFT -> Optional.of(LSHIFT);
                case RSHIFT, INPLACE_RSHIFT -> Optional.of(RSHIFT);
                case FLOOR_DIVIDE, INPLACE_FLOOR_DIVIDE -> Optional.of(FLOOR_DIVIDE);
                case REMAINDER, INPLACE_REMAINDER -> Optional.of(REMAINDER);
                // A float result, a possibly float or big result, and no int meaning.
                case TRUE_DIVIDE, INPLACE_TRUE_DIVIDE, POWER, INPLACE_POWER, MATRIX_MULTIPLY,
                     INPLACE_MATRIX_MULTIPLY -> Optional.empty();
            };
        }
    }

    /** A unary opcode an int loop runs. */
    enum Unary {
        NEGATIVE, INVERT;

        /** The int-loop operator of a bytecode opcode, or empty. */
        static Optional<Unary> of(org.pyjit.python.layout.Opcode op) {
            return switch (op) {
                case UNARY_NEGATIVE -> Optional.of(NEGATIVE);
                case UNARY_INVERT -> Optional.of(INVERT);
                default -> Optional.empty();
            };
        }
    }

    private final FunctionBuilder b;

    IntLoopArithmetic(FunctionBuilder b) {
        this.b = b;
    }

    /**
     * {@code l op r} on i64.
     *
     * @param op the operator
     * @param l the left operand
     * @param r the right operand
     * @param constantRight {@code r}'s value if it is a constant of the loop (checks and shifts fold)
     * @param exits where the operator leaves
     * @return the exact result
     */
    Value binary(Binary op, Value l, Value r, OptionalLong constantRight, Exits exits) {
        return switch (op) {
            case ADD -> checked(Opcode.IADD_OVERFLOW, l, r, exits);
            case SUBTRACT -> checked(Opcode.ISUB_OVERFLOW, l, r, exits);
            case MULTIPLY -> checked(Opcode.IMUL_OVERFLOW, l, r, exits);
            // Python's ints act as infinite two's complement: on values in i64 the bitwise
            // operators' results are the i64 results.
            case AND -> b.binary(Opcode.BAND, l, r);
            case OR -> b.binary(Opcode.BOR, l, r);
            case XOR -> b.binary(Opcode.BXOR, l, r);
            case RSHIFT -> rightShift(l, r, constantRight, exits);
            case LSHIFT -> leftShift(l, r, constantRight, exits);
            case FLOOR_DIVIDE -> floorDivide(l, r, constantRight, exits);
            case REMAINDER -> remainder(l, r, constantRight, exits);
        };
    }

    /** {@code -v} (leaves for {@code -INT64_MIN}) or {@code ~v} (always exact: {@code -v - 1}). */
    Value unary(Unary op, Value v, Exits exits) {
        return switch (op) {
            case NEGATIVE -> checked(Opcode.ISUB_OVERFLOW, b.iconst(Type.I64, 0), v, exits);
            case INVERT -> b.unary(Opcode.BNOT, v);
        };
    }

    private Value checked(Opcode overflowChecked, Value l, Value r, Exits exits) {
        List<Value> res = b.overflow(overflowChecked, l, r);
        exits.leaveIf(b.icmpImm(IntCC.NE, res.get(1), 0), Leave.OVERFLOW);
        return res.get(0);
    }

    /**
     * Python's {@code >>} is an arithmetic shift by any non-negative count: counts of 64 and more
     * give the sign (0 or -1), the same as a shift by 63. A negative count raises ValueError.
     */
    private Value rightShift(Value l, Value r, OptionalLong constantRight, Exits exits) {
        if (constantRight.isPresent() && constantRight.getAsLong() >= 0) {
            return b.binaryImm(Opcode.SSHR_IMM, l, Math.min(constantRight.getAsLong(), 63));
        }
        exits.leaveIf(b.icmpImm(IntCC.SLT, r, 0), Leave.RAISES);
        return b.binary(Opcode.SSHR, l, clampedCount(r));
    }

    /**
     * {@code l << r} while it fits: shifting back by the same count must give {@code l} again
     * ({@code -1 << 63} is INT64_MIN, which fits); a count of 64 and more fits only for 0.
     * A negative count raises ValueError.
     */
    private Value leftShift(Value l, Value r, OptionalLong constantRight, Exits exits) {
        if (constantRight.isPresent() && constantRight.getAsLong() >= 0 && constantRight.getAsLong() < 64) {
            long count = constantRight.getAsLong();
            Value shifted = b.binaryImm(Opcode.ISHL_IMM, l, count);
            exits.leaveIf(b.icmp(IntCC.NE, b.binaryImm(Opcode.SSHR_IMM, shifted, count), l), Leave.OVERFLOW);
            return shifted;
        }
        exits.leaveIf(b.icmpImm(IntCC.SLT, r, 0), Leave.RAISES);
        Value count = clampedCount(r);
        Value shifted = b.binary(Opcode.ISHL, l, count);
        // Non-zero iff bits were lost: the shifted-out bits for counts below 64, l itself above.
        Value lost = b.select(b.icmpImm(IntCC.ULT, r, 64),
                b.binary(Opcode.BXOR, b.binary(Opcode.SSHR, shifted, count), l), l);
        exits.leaveIf(b.icmpImm(IntCC.NE, lost, 0), Leave.OVERFLOW);
        return shifted;
    }

    /** A non-negative count, 63 for 64 and more (the hardware would take it modulo 64). */
    private Value clampedCount(Value r) {
        return b.select(b.icmpImm(IntCC.ULT, r, 64), r, b.iconst(Type.I64, 63));
    }

    /**
     * Python's floor division: the truncated quotient, one less when the remainder is non-zero
     * and its sign differs from the divisor's. A zero divisor raises ZeroDivisionError;
     * {@code INT64_MIN // -1 = 2^63} leaves i64 (and would fault in {@code idiv}). A power of two
     * {@code 2^k} as constant divisor is an arithmetic shift by {@code k} (floor by definition).
     */
    private Value floorDivide(Value l, Value r, OptionalLong constantRight, Exits exits) {
        long c = constantRight.orElse(0);
        if (c > 0 && Long.bitCount(c) == 1) {
            return b.binaryImm(Opcode.SSHR_IMM, l, Long.numberOfTrailingZeros(c));
        }
        divisorChecks(l, r, constantRight, exits, true);
        Value quotient = b.binary(Opcode.SDIV, l, r);
        Value rest = b.isub(l, b.imul(quotient, r));
        return b.iadd(quotient, floorAdjustment(rest, r));
    }

    /**
     * Python's {@code %}: the result has the divisor's sign: the truncated remainder plus the
     * divisor when both are non-zero with different signs. A zero divisor raises
     * ZeroDivisionError; {@code INT64_MIN % -1} is 0 (the IR's {@code srem} defines it, without
     * {@code idiv}). A power of two {@code 2^k} as constant divisor is a mask of the low {@code k}
     * bits (two's complement: already the non-negative floor remainder).
     */
    private Value remainder(Value l, Value r, OptionalLong constantRight, Exits exits) {
        long c = constantRight.orElse(0);
        if (c > 0 && Long.bitCount(c) == 1) {
            return b.binaryImm(Opcode.BAND_IMM, l, c - 1);
        }
        divisorChecks(l, r, constantRight, exits, false);
        Value rest = b.binary(Opcode.SREM, l, r);
        return b.iadd(rest, b.binary(Opcode.BAND, floorAdjustment(rest, r), r));
    }

    /** Leaves for a zero divisor and, for a quotient, for {@code INT64_MIN // -1}; checks a constant divisor at compile time. */
    private void divisorChecks(Value l, Value r, OptionalLong constantRight, Exits exits, boolean quotient) {
        if (constantRight.isEmpty() || constantRight.getAsLong() == 0) {
            exits.leaveIf(b.icmpImm(IntCC.EQ, r, 0), Leave.RAISES);
        }
        if (quotient && (constantRight.isEmpty() || constantRight.getAsLong() == -1)) {
            // l == MIN and r == -1 at once: (l ^ MIN) | ~r == 0.
            Value both = b.binary(Opcode.BOR, b.binaryImm(Opcode.BXOR_IMM, l, Long.MIN_VALUE), b.unary(Opcode.BNOT, r));
            exits.leaveIf(b.icmpImm(IntCC.EQ, both, 0), Leave.OVERFLOW);
        }
    }

    /** -1 when the truncated remainder is non-zero and its sign differs from the divisor's, else 0. */
    private Value floorAdjustment(Value rest, Value divisor) {
        Value signsDiffer = b.binaryImm(Opcode.SSHR_IMM, b.binary(Opcode.BXOR, rest, divisor), 63);
        return b.select(b.icmpImm(IntCC.NE, rest, 0), signsDiffer, b.iconst(Type.I64, 0));
    }
}
