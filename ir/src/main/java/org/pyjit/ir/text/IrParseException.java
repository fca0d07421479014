package org.pyjit.ir.text;

/**
 * A syntax or resolution error in IR text. The message starts with the 1-based position:
 * {@code line 4, column 12: unknown opcode 'iadd3'}.
 */
public final class IrParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;
    private final String detail;

    /**
     * An error at a position.
     *
     * @param line   1-based line
     * @param column 1-based column
     * @param detail what is wrong, without the position
     */
    public IrParseException(int line, int column, String detail) {
        super("line " + line + ", column " + column + ": " + detail);
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    /** The 1-based line of the error. */
    public int line() {
        return line;
    }

    /** The 1-based column of the error. */
    public int column() {
        return column;
    }

    /** The message without the position. */
    public String detail() {
        return detail;
    }
}
