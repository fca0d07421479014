package org.pyjit.python.launch;

/**
 * A start-up failure that pyjit reports as one line on stderr before exiting with status 2
 * (the status CPython uses for command-line errors).
 */
public final class LaunchException extends Exception {

    /** The exit status of every launch failure. */
    public static final int EXIT_STATUS = 2;

    /**
     * Creates the failure.
     *
     * @param message one line, without the {@code pyjit: } prefix
     */
    public LaunchException(String message) {
        super(message);
    }

    /**
     * Creates the failure with its cause.
     *
     * @param message one line, without the {@code pyjit: } prefix
     * @param cause what went wrong underneath
     */
    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The line printed on stderr. */
    public String line() {
        return "pyjit: " + getMessage();
    }
}
