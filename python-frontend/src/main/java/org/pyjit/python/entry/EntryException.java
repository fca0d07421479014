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
        this(message, false);
    }

    private final boolean interrupted;

    private EntryException(String message, boolean interrupted) {
        super(message);
        this.interrupted = interrupted;
    }

    /**
     * Installation ran Python code that a signal handler interrupted ({@code KeyboardInterrupt},
     * or whatever the program's handler raised): the exception is left set for the program.
     *
     * @param what the step that was interrupted
     * @return the failure
     */
    static EntryException interrupted(String what) {
        return new EntryException(what + " was interrupted by a signal handler's exception", true);
    }

    /** Whether the Python exception that stopped installation is still set, for the program. */
    public boolean interrupted() {
        return interrupted;
    }
}
