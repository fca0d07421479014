package org.pyjit.ir.interp;

/**
 * A Java model of a native (C) function, registered with
 * {@link Interpreter#registerNative(long, NativeHandler)} and reached through
 * {@code call_indirect}. It sees and returns raw value patterns ({@link Bits}); a handler that
 * needs memory closes over the interpreter's {@link Memory}. It may throw
 * {@link org.pyjit.ir.TrapException} to model a trap, and may call back into the interpreter.
 */
@FunctionalInterface
public interface NativeHandler {
    /**
     * Runs the function.
     *
     * @param args the argument patterns, canonical for the {@code call_indirect}'s signature
     * @return the result pattern (normalised to the signature's return type by the caller);
     *         ignored for functions returning nothing
     */
    long invoke(long[] args);
}
