package org.pyjit.codegen.lower;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.pyjit.ir.TrapCode;

/**
 * The out-of-line trap stubs of one function: one label per trap code used, created on first use,
 * emitted after the body in first-use order.
 *
 * @param <L> the backend's label type
 */
public final class TrapStubs<L> {
    private final Function<String, L> newLabel;
    private final Map<Integer, L> stubs = new LinkedHashMap<>();

    /** Stubs whose labels come from {@code newLabel}. */
    public TrapStubs(Function<String, L> newLabel) {
        this.newLabel = newLabel;
    }

    /** The stub raising {@code code}. */
    public L stub(TrapCode code) {
        return stubs.computeIfAbsent(code.code(), k -> newLabel.apply("trap_" + code.text()));
    }

    /** Emits every stub used: {@code emit} receives its label (to bind) and its trap code number. */
    public void emit(BiConsumer<L, Integer> emit) {
        stubs.forEach((code, label) -> emit.accept(label, code));
    }
}
