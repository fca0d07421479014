package org.pyjit.codegen.memory;

import java.util.List;
import java.util.Objects;

/**
 * The C-ABI signature of a native function: its return kind and parameter kinds, in order.
 *
 * @param returnKind what the function returns ({@link NativeKind#VOID} for nothing)
 * @param parameters the parameter kinds; never {@link NativeKind#VOID}
 */
public record NativeSignature(NativeKind returnKind, List<NativeKind> parameters) {
    /** Validates and freezes the parameter list. */
    public NativeSignature {
        Objects.requireNonNull(returnKind, "returnKind");
        parameters = List.copyOf(parameters);
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i) == NativeKind.VOID) {
                throw new IllegalArgumentException("parameter " + i + " cannot be VOID");
            }
        }
    }

    /**
     * Shorthand constructor.
     *
     * @param returnKind the return kind
     * @param parameters the parameter kinds
     * @return the signature
     */
    public static NativeSignature of(NativeKind returnKind, NativeKind... parameters) {
        return new NativeSignature(returnKind, List.of(parameters));
    }

    /** @return whether every parameter and the return value travel in integer registers (or void) */
    public boolean isAllInteger() {
        return (returnKind.isInteger() || returnKind == NativeKind.VOID)
                && parameters.stream().allMatch(NativeKind::isInteger);
    }

    @Override
    public String toString() {
        return parameters + " -> " + returnKind;
    }
}
