package org.pyjit.python.entry;

/**
 * The entry points could not be installed; the program then runs without the JIT and the message
 * goes to the {@code PYJIT_LOG} as one warning line.
 */
public final class EntryException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * A failure.
     *
     * @param message what went wrong
     */
    public EntryException(String message) {
        super(message);
    }
}
