package org.pyjit.codegen.lower;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The module-wide labels a function body may branch to: each function's internal entry (its body,
 * called by IR calls), each function's C entry (its {@code func_addr}) and the shared trap handler.
 *
 * @param bodies      internal entry per function name, in module order
 * @param cEntries    C entry per function name, in module order
 * @param trapHandler the module's trap handler
 * @param <L>         the backend's label type
 */
public record ModuleLabels<L>(Map<String, L> bodies, Map<String, L> cEntries, L trapHandler) {
    /** Freezes the maps, keeping module order. */
    public ModuleLabels {
        bodies = Collections.unmodifiableMap(new LinkedHashMap<>(bodies));
        cEntries = Collections.unmodifiableMap(new LinkedHashMap<>(cEntries));
        Objects.requireNonNull(trapHandler, "trapHandler");
    }

    /** The internal entry of function {@code name}, for IR calls. */
    public L body(String name) {
        return lookup(bodies, name);
    }

    /** The C entry of function {@code name}: its {@code func_addr}, safe for native callers. */
    public L cEntry(String name) {
        return lookup(cEntries, name);
    }

    private static <L> L lookup(Map<String, L> labels, String name) {
        L l = labels.get(name);
        if (l == null) {
            throw new IllegalStateException("no function %" + name + " in the module");
        }
        return l;
    }
}
