package org.pyjit.ir.tool;

import org.pyjit.ir.IrModule;
import org.pyjit.ir.TrapException;
import org.pyjit.ir.interp.Interpreter;

/**
 * Runs one function of a module on raw value patterns: the interpreter, or a backend's native
 * code. Golden files are run through this interface, so a backend's tests run the same
 * {@code ; run:} lines natively and must agree with the interpreter.
 */
@FunctionalInterface
public interface Executor {
    /**
     * Calls {@code function} with canonical raw argument patterns.
     *
     * @return the result patterns: empty or one value
     * @throws TrapException if the function traps
     */
    long[] call(IrModule module, String function, long[] args);

    /** Calls and turns a {@link TrapException} into {@link Outcome.Trapped}. */
    default Outcome outcome(IrModule module, String function, long[] args) {
        try {
            return new Outcome.Returned(call(module, function, args));
        } catch (TrapException e) {
            return new Outcome.Trapped(e.trapCode());
        }
    }

    /** The reference interpreter with default limits, a fresh {@link Interpreter} per call. */
    static Executor interpreter() {
        return (module, function, args) -> new Interpreter(module).call(function, args);
    }
}
