package org.pyjit.ir;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Parameter and return types of a function, or of a native function called through
 * {@code call_indirect} (C calling convention). A function returns at most one value.
 *
 * @param params  parameter types in order
 * @param returns return types: empty or one type
 */
public record Signature(List<Type> params, List<Type> returns) {
    /** Copies the lists. */
    public Signature {
        params = List.copyOf(params);
        returns = List.copyOf(returns);
    }

    /** A signature returning {@code ret}. */
    public static Signature of(Type ret, Type... params) {
        return new Signature(List.of(params), List.of(ret));
    }

    /** A signature returning nothing. */
    public static Signature ofVoid(Type... params) {
        return new Signature(List.of(params), List.of());
    }

    /** The text form: {@code (i64, f64) -> i64}, with {@code -> …} omitted for no returns. */
    public String text() {
        String p = params.stream().map(Type::text).collect(Collectors.joining(", ", "(", ")"));
        if (returns.isEmpty()) {
            return p;
        }
        if (returns.size() == 1) {
            return p + " -> " + returns.get(0).text();
        }
        return p + " -> " + returns.stream().map(Type::text).collect(Collectors.joining(", ", "(", ")"));
    }

    @Override
    public String toString() {
        return text();
    }
}
