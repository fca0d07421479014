package org.pyjit.ir.tool;

/** A malformed {@code ; run:} line; the message starts with its 1-based line number. */
public final class RunLineException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;

    /** An error in run line {@code line}. */
    public RunLineException(int line, String detail) {
        super("line " + line + ": " + detail);
        this.line = line;
    }

    /** The 1-based line of the run line. */
    public int line() {
        return line;
    }
}
