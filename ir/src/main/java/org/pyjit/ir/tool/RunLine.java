package org.pyjit.ir.tool;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.Signature;
import org.pyjit.ir.TrapCode;
import org.pyjit.ir.Type;

/**
 * One {@code ; run:} comment of a golden file: a call and its expected outcome.
 *
 * <pre>
 * ; run: %add(1, 2) == 3
 * ; run: %div(1, 0) == trap int_divz
 * ; run: %neg(0.0) == -0.0
 * ; run: %store(8)            (must not trap)
 * ; run: %store(8) == void
 * </pre>
 *
 * Arguments are read according to the parameter types ({@link ValueText}), so the same text
 * {@code 1} is an integer or a float depending on the callee.
 *
 * @param line     1-based line number in the file
 * @param function the callee's name, without {@code %}
 * @param args     the argument texts
 * @param expected the expected outcome
 */
public record RunLine(int line, String function, List<String> args, Expectation expected) {
    private static final Pattern RUN = Pattern.compile("^\\s*;\\s*run:(.*)$");
    private static final Pattern CALL = Pattern.compile(
            "\\s*%([A-Za-z_][A-Za-z0-9_.$]*)\\s*\\(([^()]*)\\)\\s*(?:==\\s*(\\S.*?))?\\s*");

    /** Copies the argument list. */
    public RunLine {
        args = List.copyOf(args);
    }

    /**
     * Finds and parses every run line of a golden file's text.
     *
     * @throws RunLineException for the first malformed run line
     */
    public static List<RunLine> parseAll(String source) {
        List<RunLine> out = new ArrayList<>();
        String[] lines = source.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = RUN.matcher(lines[i]);
            if (m.matches()) {
                out.add(parse(i + 1, m.group(1)));
            }
        }
        return out;
    }

    /**
     * Parses the text after {@code run:}.
     *
     * @param line the line number for messages
     * @throws RunLineException if the text is not {@code %name(args) [== expectation]}
     */
    public static RunLine parse(int line, String text) {
        Matcher m = CALL.matcher(text);
        if (!m.matches()) {
            throw new RunLineException(line, "expected '%name(arg, ...)' optionally followed by '== value', "
                    + "'== void' or '== trap <code>': " + text.strip());
        }
        List<String> args = new ArrayList<>();
        String argText = m.group(2).strip();
        if (!argText.isEmpty()) {
            for (String a : argText.split(",", -1)) {
                if (a.isBlank()) {
                    throw new RunLineException(line, "empty argument in (" + argText + ")");
                }
                args.add(a.strip());
            }
        }
        return new RunLine(line, m.group(1), args, expectation(line, m.group(3)));
    }

    private static Expectation expectation(int line, String text) {
        if (text == null) {
            return new Expectation.NoTrap();
        }
        if (text.equals("void")) {
            return new Expectation.Void();
        }
        if (text.startsWith("trap")) {
            String name = text.substring(4).strip();
            TrapCode code = TrapCode.fromText(name);
            if (code == null) {
                throw new RunLineException(line, "unknown trap code '" + name + "'");
            }
            return new Expectation.Trap(code);
        }
        if (text.contains(" ")) {
            throw new RunLineException(line, "expected one value after '==': " + text);
        }
        return new Expectation.Value(text);
    }

    /**
     * The callee in {@code module}.
     *
     * @throws RunLineException if the module has no such function
     */
    public IrFunction callee(IrModule module) {
        IrFunction f = module.function(function);
        if (f == null) {
            throw new RunLineException(line, "no function %" + function + " in the file");
        }
        return f;
    }

    /**
     * The arguments as raw value patterns for the parameters of {@code sig}.
     *
     * @throws RunLineException if their number or a text does not fit
     */
    public long[] arguments(Signature sig) {
        List<Type> params = sig.params();
        if (params.size() != args.size()) {
            throw new RunLineException(line, "%" + function + " takes " + params.size() + " arguments, the run line gives "
                    + args.size());
        }
        long[] out = new long[args.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = ValueText.parse(args.get(i), params.get(i));
            } catch (IllegalArgumentException e) {
                throw new RunLineException(line, "argument " + (i + 1) + ": " + e.getMessage());
            }
        }
        return out;
    }

    /**
     * Runs this line with {@code executor} against {@code module} and compares the outcome.
     *
     * @throws RunLineException if the line does not fit the module (unknown function, bad
     *                          arguments or expected value)
     */
    public RunResult run(IrModule module, Executor executor) {
        Signature sig = callee(module).signature();
        Outcome actual = executor.outcome(module, function, arguments(sig));
        String mismatch;
        try {
            mismatch = expected.mismatch(sig, actual);
        } catch (IllegalArgumentException e) {
            throw new RunLineException(line, e.getMessage());
        }
        return new RunResult(this, actual.text(sig), mismatch);
    }

    /** The line as written after {@code run:}, normalised: {@code %f(1, 2) == 3}. */
    public String text() {
        String call = "%" + function + "(" + String.join(", ", args) + ")";
        return expected instanceof Expectation.NoTrap ? call : call + " == " + expected.text();
    }

    @Override
    public String toString() {
        return text();
    }
}
