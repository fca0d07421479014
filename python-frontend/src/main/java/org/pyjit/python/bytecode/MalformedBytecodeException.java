package org.pyjit.python.bytecode;

/** Bytecode, an exception table or a stack layout that CPython could not have produced. */
public final class MalformedBytecodeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * An error at a code unit.
     *
     * @param unit the code-unit index where decoding failed, or -1 when no unit applies
     * @param message what is wrong
     */
    public MalformedBytecodeException(int unit, String message) {
        super(unit < 0 ? message : "code unit " + unit + " (byte offset " + 2 * unit + "): " + message);
    }
}
