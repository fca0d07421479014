package org.pyjit.ir;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of functions that may call each other by name. The unit of parsing, verification,
 * interpretation and compilation.
 */
public final class IrModule {
    private final List<IrFunction> functions;
    private final Map<String, IrFunction> byName;

    /** Creates a module; function names must be unique. */
    public IrModule(List<IrFunction> functions) {
        this.functions = List.copyOf(functions);
        Map<String, IrFunction> map = new LinkedHashMap<>();
        for (IrFunction f : this.functions) {
            if (map.put(f.name(), f) != null) {
                throw new IllegalArgumentException("function %" + f.name() + " defined twice");
            }
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    /** A module of the given functions. */
    public static IrModule of(IrFunction... functions) {
        return new IrModule(List.of(functions));
    }

    /** The functions in order. */
    public List<IrFunction> functions() {
        return functions;
    }

    /** The function named {@code name} (without {@code %}), or null. */
    public IrFunction function(String name) {
        return byName.get(name);
    }
}
