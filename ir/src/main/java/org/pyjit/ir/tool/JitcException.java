package org.pyjit.ir.tool;

/**
 * A user error in {@code jitc}: bad arguments, an unreadable file, IR that does not parse or
 * verify. {@link Jitc} prints the message as one line on stderr and exits with {@link #status()};
 * never a stack trace.
 */
public final class JitcException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Exit status for wrong usage. */
    public static final int USAGE = 2;
    /** Exit status for bad input (unreadable, unparsable or invalid files and arguments). */
    public static final int INPUT = 1;

    private final int status;

    /** An error with a message (possibly several lines, each printed as is) and an exit status. */
    public JitcException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The exit status. */
    public int status() {
        return status;
    }
}
