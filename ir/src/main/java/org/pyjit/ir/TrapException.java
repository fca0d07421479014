package org.pyjit.ir;

/** A trap that ended a function, as seen from Java (interpreter or compiled code). */
public final class TrapException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient TrapCode trapCode;

    /** A trap with the given code. */
    public TrapException(TrapCode code) {
        super("trap " + code.text());
        this.trapCode = code;
    }

    /** The trap's code. */
    public TrapCode trapCode() {
        return trapCode;
    }
}
