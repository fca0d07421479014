package org.pyjit.ir.text;

import java.util.ArrayList;
import java.util.List;
import org.pyjit.ir.text.Token.Kind;

/**
 * Splits IR text into tokens. Comments ({@code ;} to end of line) vanish; runs of line ends
 * become one {@link Kind#NEWLINE} token, so the parser can insist on one item per line.
 */
final class Lexer {
    private final String src;
    private int pos;
    private int line = 1;
    private int lineStart;
    private final List<Token> out = new ArrayList<>();

    private Lexer(String src) {
        this.src = src;
    }

    static List<Token> tokenize(String src) {
        Lexer lx = new Lexer(src);
        lx.run();
        return lx.out;
    }

    private void run() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                newline();
            } else if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == ';') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (isIdentStart(c)) {
                int start = pos;
                while (pos < src.length() && isIdentPart(src.charAt(pos))) {
                    pos++;
                }
                add(Kind.IDENT, src.substring(start, pos), start);
            } else if (isDigit(c) || (c == '-' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1)))) {
                number();
            } else if (c == '%') {
                funcName();
            } else if (c == '-' && pos + 1 < src.length() && src.charAt(pos + 1) == '>') {
                add(Kind.PUNCT, "->", pos);
                pos += 2;
            } else if ("(){}[],:=+-.".indexOf(c) >= 0) {
                add(Kind.PUNCT, String.valueOf(c), pos);
                pos++;
            } else {
                throw new IrParseException(line, pos - lineStart + 1, "unexpected character " + quoteChar(c));
            }
        }
        out.add(new Token(Kind.EOF, "", line, pos - lineStart + 1));
    }

    private void newline() {
        if (!out.isEmpty() && out.get(out.size() - 1).kind() != Kind.NEWLINE) {
            add(Kind.NEWLINE, "\n", pos);
        }
        pos++;
        line++;
        lineStart = pos;
    }

    private void number() {
        int start = pos;
        if (src.charAt(pos) == '-') {
            pos++;
        }
        boolean hex = src.startsWith("0x", pos) || src.startsWith("0X", pos);
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (isIdentPart(c) || c == '.') {
                pos++;
            } else if (!hex && (c == '+' || c == '-') && (src.charAt(pos - 1) == 'e' || src.charAt(pos - 1) == 'E')) {
                pos++;
            } else {
                break;
            }
        }
        add(Kind.NUMBER, src.substring(start, pos), start);
    }

    private void funcName() {
        int start = pos;
        pos++;
        if (pos < src.length() && src.charAt(pos) == '"') {
            pos++;
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos >= src.length() || src.charAt(pos) == '\n') {
                    throw new IrParseException(line, start - lineStart + 1, "unterminated quoted function name");
                }
                char c = src.charAt(pos++);
                if (c == '"') {
                    break;
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = pos < src.length() ? src.charAt(pos++) : '?';
                switch (e) {
                    case '"', '\\' -> sb.append(e);
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        String hexDigits = pos + 4 <= src.length() ? src.substring(pos, pos + 4) : "";
                        if (!hexDigits.matches("[0-9a-fA-F]{4}")) {
                            throw new IrParseException(line, pos - lineStart, "bad \\u escape in function name");
                        }
                        sb.append((char) Integer.parseInt(hexDigits, 16));
                        pos += 4;
                    }
                    default -> throw new IrParseException(line, pos - lineStart, "bad escape \\" + e + " in function name");
                }
            }
            add(Kind.FUNC_NAME, sb.toString(), start);
            return;
        }
        int nameStart = pos;
        while (pos < src.length() && (isIdentPart(src.charAt(pos)) || src.charAt(pos) == '.' || src.charAt(pos) == '$')) {
            pos++;
        }
        if (pos == nameStart) {
            throw new IrParseException(line, start - lineStart + 1, "expected a function name after '%'");
        }
        add(Kind.FUNC_NAME, src.substring(nameStart, pos), start);
    }

    private void add(Kind kind, String text, int start) {
        out.add(new Token(kind, text, line, start - lineStart + 1));
    }

    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String quoteChar(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
