package org.pyjit.fuzz.harness;

import java.util.Optional;
import org.pyjit.ir.TrapCode;
import org.pyjit.ir.Type;
import org.pyjit.ir.interp.Bits;
import org.pyjit.ir.text.IrPrinter;

/** How one call ended: a returned value or a trap. */
public sealed interface Outcome {

    /**
     * True if the two outcomes agree: the same trap code, or return values with the same bits —
     * except that any two NaNs of a float type agree, since the IR leaves NaN payloads and signs
     * unspecified.
     */
    boolean agreesWith(Outcome other);

    /**
     * A returned value.
     *
     * @param type the return type, or empty for a function returning nothing
     * @param bits the raw bits (canonical for the type)
     */
    record Returned(Optional<Type> type, long bits) implements Outcome {
        @Override
        public boolean agreesWith(Outcome other) {
            if (!(other instanceof Returned r) || !type.equals(r.type)) {
                return false;
            }
            if (type.isPresent() && type.get().isFloat()
                    && Bits.isNaN(bits, type.get()) && Bits.isNaN(r.bits, type.get())) {
                return true;
            }
            return bits == r.bits;
        }

        @Override
        public String toString() {
            if (type.isEmpty()) {
                return "returned nothing";
            }
            Type t = type.get();
            return "returned " + (t.isFloat() ? IrPrinter.floatText(t, bits) : Long.toString(bits))
                    + String.format(" (0x%x: %s)", bits, t);
        }
    }

    /**
     * A trap.
     *
     * @param code the trap code
     */
    record Trapped(TrapCode code) implements Outcome {
        @Override
        public boolean agreesWith(Outcome other) {
            return other instanceof Trapped t && t.code.equals(code);
        }

        @Override
        public String toString() {
            return "trapped " + code.text();
        }
    }
}
