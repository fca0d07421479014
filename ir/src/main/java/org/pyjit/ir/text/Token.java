package org.pyjit.ir.text;

/**
 * A lexical token with its 1-based position.
 *
 * @param kind   the kind
 * @param text   the text ({@link Kind#FUNC_NAME}: the name without {@code %} and quotes)
 * @param line   1-based line
 * @param column 1-based column
 */
record Token(Kind kind, String text, int line, int column) {

    /** Token kinds. */
    enum Kind {
        /** A word: opcode, type, condition, {@code v3}, {@code block1}, {@code ss0}, … */
        IDENT,
        /** An integer or decimal number, possibly with a leading {@code -}. */
        NUMBER,
        /** {@code %name} or {@code %"quoted name"}. */
        FUNC_NAME,
        /** One of {@code ( ) { } [ ] , : = + - . ->}. */
        PUNCT,
        /** One or more line ends (comments included). */
        NEWLINE,
        /** End of the input. */
        EOF
    }

    boolean is(String punct) {
        return kind == Kind.PUNCT && text.equals(punct);
    }

    boolean isIdent(String word) {
        return kind == Kind.IDENT && text.equals(word);
    }

    /** How the token is quoted in error messages. */
    String describe() {
        return switch (kind) {
            case NEWLINE -> "end of line";
            case EOF -> "end of input";
            case FUNC_NAME -> "'" + IrPrinter.functionName(text) + "'";
            case IDENT, NUMBER, PUNCT -> "'" + text + "'";
        };
    }
}
