package org.pyjit.python.compile;

/** A code object the translator does not handle; the message says why (shown in the statistics). */
public final class CompileRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param reason why, e.g. {@code unsupported opcode LOAD_GLOBAL at offset 12}
     */
    public CompileRefusedException(String reason) {
        super(reason);
    }
}
