package org.pyjit.ir.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.Signature;

/**
 * Reads the text format written by {@link IrPrinter}; the grammar is in {@code docs/ir.md}.
 * Value, block and stack-slot numbers are kept as written. Parsing checks syntax and names
 * (every value, block, slot and callee must exist; nothing is defined twice) and infers result
 * types; whether the IR is well formed beyond that is the verifier's question.
 *
 * <pre>{@code
 * IrModule m = IrParser.parseModule(text);
 * String again = IrPrinter.print(m);   // equals text when text was printed by IrPrinter
 * }</pre>
 */
public final class IrParser {
    private IrParser() {
    }

    /**
     * Parses a module: any number of functions. Calls resolve by name within the module.
     *
     * @throws IrParseException on the first error, with its line and column
     */
    public static IrModule parseModule(String text) {
        List<Syntax.Function> parsed = SyntaxParser.parse(text);
        Map<String, Signature> signatures = new HashMap<>();
        Map<String, Syntax.Function> byName = new HashMap<>();
        for (Syntax.Function f : parsed) {
            Syntax.Function first = byName.putIfAbsent(f.name(), f);
            if (first != null) {
                throw f.pos().error("function " + IrPrinter.functionName(f.name()) + " defined twice (first at line "
                        + first.pos().line() + ")");
            }
            signatures.put(f.name(), f.signature());
        }
        List<IrFunction> functions = new ArrayList<>();
        for (Syntax.Function f : parsed) {
            functions.add(FunctionResolver.resolve(f, signatures));
        }
        return new IrModule(functions);
    }

    /**
     * Parses exactly one function. It may call itself; calls to other functions are errors (parse
     * a module for those).
     *
     * @throws IrParseException on the first error, with its line and column
     */
    public static IrFunction parseFunction(String text) {
        List<Syntax.Function> parsed = SyntaxParser.parse(text);
        if (parsed.isEmpty()) {
            throw new IrParseException(1, 1, "expected a function but the text has none");
        }
        if (parsed.size() > 1) {
            throw parsed.get(1).pos().error("expected exactly one function; use parseModule for several");
        }
        Syntax.Function f = parsed.get(0);
        return FunctionResolver.resolve(f, Map.of(f.name(), f.signature()));
    }
}
