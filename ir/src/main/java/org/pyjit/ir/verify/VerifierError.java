package org.pyjit.ir.verify;

import java.util.Objects;
import org.pyjit.ir.Block;
import org.pyjit.ir.text.IrPrinter;

/**
 * One broken rule and where: {@code function %f, block3, inst 2 (v5 = iadd v3, v4): TYPE_MISMATCH:
 * iadd operands have types i64 and i32}.
 *
 * @param function  the function's name (without {@code %})
 * @param block     the block, or null for an error about the whole function
 * @param instIndex the instruction's index in its block, or -1 for an error about the block
 * @param instText  the printed instruction, or null when {@code instIndex} is -1
 * @param rule      the rule broken
 * @param message   what is wrong, specifically
 */
public record VerifierError(String function, Block block, int instIndex, String instText, Rule rule, String message) {
    /** Checks for nulls. */
    public VerifierError {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("function ").append(IrPrinter.functionName(function));
        if (block != null) {
            sb.append(", ").append(block);
        }
        if (instIndex >= 0) {
            sb.append(", inst ").append(instIndex).append(" (").append(instText).append(')');
        }
        return sb.append(": ").append(rule).append(": ").append(message).toString();
    }
}
