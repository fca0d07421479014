package org.pyjit.fuzz.mutate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Type;

/**
 * Mutates IR text: whole lines (delete, duplicate, swap) and single tokens (numbers, value and
 * block names, types, opcodes, single characters). The result usually does not parse; the parser
 * must then reject it with {@code IrParseException} and nothing else.
 */
public final class TextMutator {
    private static final Pattern TOKEN = Pattern.compile("-?[0-9][0-9a-fA-Fx.]*|v[0-9]+|block[0-9]+|[a-z_][a-z0-9_]*|.",
            Pattern.DOTALL);
    private static final String[] NUMBERS = {"0", "1", "-1", "255", "256", "-129", "65536", "2147483648",
        "9223372036854775807", "-9223372036854775808", "18446744073709551616", "0x7f", "1.5", "nan", "inf"};
    private static final String[] PUNCTUATION = {",", "(", ")", ":", "=", "+", "-", "[", "]", "{", "}", "%", "\"",
        ";", "\n", " ", "\\"};

    private final SplittableRandom random;

    /** A mutator drawing its choices from {@code random}. */
    public TextMutator(SplittableRandom random) {
        this.random = random;
    }

    /** {@code text} with one random change. */
    public String mutate(String text) {
        return switch (random.nextInt(4)) {
            case 0 -> mutateLines(text);
            default -> mutateToken(text);
        };
    }

    private String mutateLines(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int a = random.nextInt(lines.size());
        int b = random.nextInt(lines.size());
        switch (random.nextInt(3)) {
            case 0 -> lines.remove(a);
            case 1 -> lines.add(b, lines.get(a));
            default -> {
                String t = lines.get(a);
                lines.set(a, lines.get(b));
                lines.set(b, t);
            }
        }
        return String.join("\n", lines);
    }

    private String mutateToken(String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return text + PUNCTUATION[random.nextInt(PUNCTUATION.length)];
        }
        int[] s = spans.get(random.nextInt(spans.size()));
        String token = text.substring(s[0], s[1]);
        return text.substring(0, s[0]) + replacement(token) + text.substring(s[1]);
    }

    private String replacement(String token) {
        if (random.nextInt(8) == 0) {
            return "";
        }
        char c = token.charAt(0);
        if (Character.isDigit(c) || c == '-') {
            return NUMBERS[random.nextInt(NUMBERS.length)];
        }
        if (token.matches("v[0-9]+")) {
            return "v" + random.nextInt(40);
        }
        if (token.matches("block[0-9]+")) {
            return "block" + random.nextInt(12);
        }
        if (Type.fromText(token) != null) {
            return Type.values()[random.nextInt(Type.values().length)].text();
        }
        if (Opcode.fromText(token) != null) {
            return Opcode.values()[random.nextInt(Opcode.values().length)].text();
        }
        return PUNCTUATION[random.nextInt(PUNCTUATION.length)];
    }
}
