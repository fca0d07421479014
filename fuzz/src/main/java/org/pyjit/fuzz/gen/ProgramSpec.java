package org.pyjit.fuzz.gen;

import java.util.List;

/**
 * A generated module before it is built: function {@code i} becomes {@code %f<i>} and may call
 * only functions with a larger index, so the call graph is acyclic. {@code %f0} is the entry.
 *
 * @param functions the functions, entry first; at least one
 */
public record ProgramSpec(List<FunctionSpec> functions) {
    /** Copies the list and checks it is not empty. */
    public ProgramSpec {
        functions = List.copyOf(functions);
        if (functions.isEmpty()) {
            throw new IllegalArgumentException("a program needs at least one function");
        }
    }

    /** The name of function {@code i}. */
    public static String name(int i) {
        return "f" + i;
    }

    /** The name of the entry function. */
    public static String entry() {
        return name(0);
    }
}
