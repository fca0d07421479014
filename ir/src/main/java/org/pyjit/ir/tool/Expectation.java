package org.pyjit.ir.tool;

import org.pyjit.ir.Signature;
import org.pyjit.ir.TrapCode;
import org.pyjit.ir.Type;
import org.pyjit.ir.interp.Bits;

/** The right-hand side of a run line: what the call must end with. */
public sealed interface Expectation {

    /** No {@code ==}: the call must return (anything) without trapping. */
    record NoTrap() implements Expectation {
    }

    /** {@code == void}: the call must return without a value. */
    record Void() implements Expectation {
    }

    /**
     * {@code == trap <code>}.
     *
     * @param code the expected trap
     */
    record Trap(TrapCode code) implements Expectation {
    }

    /**
     * {@code == <value>}: the one returned value must be this one. Integers compare by value at
     * the return type; floats by their exact bits (so {@code -0.0} differs from {@code 0.0}),
     * except that {@code nan} matches every NaN.
     *
     * @param text the value's text ({@link ValueText}), read with the function's return type
     */
    record Value(String text) implements Expectation {
    }

    /**
     * Checks {@code actual} against this expectation for a function of signature {@code sig}.
     *
     * @return null if it matches, else a one-line description of the mismatch
     * @throws IllegalArgumentException if the expected value is not a value of the return type
     */
    default String mismatch(Signature sig, Outcome actual) {
        String got = actual.text(sig);
        if (this instanceof NoTrap) {
            return actual instanceof Outcome.Trapped ? "expected no trap, got " + got : null;
        }
        if (this instanceof Void) {
            return actual instanceof Outcome.Returned r && r.bits().length == 0 ? null : "expected void, got " + got;
        }
        if (this instanceof Trap t) {
            return actual instanceof Outcome.Trapped tr && tr.code().equals(t.code()) ? null
                    : "expected trap " + t.code().text() + ", got " + got;
        }
        Value v = (Value) this;
        if (sig.returns().isEmpty()) {
            throw new IllegalArgumentException("expected " + v.text() + " but the function returns nothing");
        }
        Type type = sig.returns().get(0);
        long expected = ValueText.parse(v.text(), type);
        boolean ok = actual instanceof Outcome.Returned r && r.bits().length == 1
                && (type.isFloat() && ValueText.isAnyNaN(v.text())
                        ? Bits.isNaN(r.bits()[0], type)
                        : Bits.normalize(r.bits()[0], type) == expected);
        return ok ? null : "expected " + v.text() + ", got " + got;
    }

    /** The expectation's text as written after {@code ==} (empty for {@link NoTrap}). */
    default String text() {
        if (this instanceof NoTrap) {
            return "";
        } else if (this instanceof Void) {
            return "void";
        } else if (this instanceof Trap t) {
            return "trap " + t.code().text();
        }
        return ((Value) this).text();
    }
}
