package org.pyjit.ir.tool;

import java.util.Arrays;
import org.pyjit.ir.Signature;
import org.pyjit.ir.TrapCode;

/** What a call ended with: values returned, or a trap. */
public sealed interface Outcome {

    /**
     * A normal return.
     *
     * @param bits the returned raw value patterns (empty or one)
     */
    record Returned(long[] bits) implements Outcome {
        /** Copies the array. */
        public Returned {
            bits = bits.clone();
        }

        @Override
        public long[] bits() {
            return bits.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Returned r && Arrays.equals(bits, r.bits);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bits);
        }

        @Override
        public String toString() {
            return "Returned" + Arrays.toString(bits);
        }
    }

    /**
     * A trap.
     *
     * @param code the trap code
     */
    record Trapped(TrapCode code) implements Outcome {
    }

    /**
     * The outcome in run-line notation for a function of signature {@code sig}: a value
     * ({@link ValueText}), {@code void}, or {@code trap <code>}.
     */
    default String text(Signature sig) {
        if (this instanceof Trapped t) {
            return "trap " + t.code().text();
        }
        long[] bits = ((Returned) this).bits;
        if (bits.length == 0 || sig.returns().isEmpty()) {
            return "void";
        }
        return ValueText.format(bits[0], sig.returns().get(0));
    }
}
