package org.pyjit.fuzz.gen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;

/**
 * The values an instruction may use at the current position, per type, in definition order.
 *
 * <p>Invariant: every value in the pool dominates the current position. A nested region (then,
 * else, case, loop body) {@link #enter enters} a scope and {@link #leave leaves} it before the
 * code after the region is emitted, dropping every value defined inside; what survives a merge
 * does so through variables (block parameters).
 */
final class ValuePool {
    private final Map<Type, List<Value>> byType = new EnumMap<>(Type.class);
    private final Deque<Map<Type, Integer>> marks = new ArrayDeque<>();

    ValuePool() {
        for (Type t : Type.values()) {
            byType.put(t, new ArrayList<>());
        }
    }

    void add(Value v) {
        byType.get(v.type()).add(v);
    }

    /** The number of visible values of {@code type}. */
    int size(Type type) {
        return byType.get(type).size();
    }

    /**
     * The visible value of {@code type} chosen by {@code selector}: 0 is the most recent value, 1
     * the one before and so on, wrapping around; null if there is none.
     */
    Value pick(Type type, int selector) {
        List<Value> vs = byType.get(type);
        if (vs.isEmpty()) {
            return null;
        }
        return vs.get(vs.size() - 1 - Math.floorMod(selector, vs.size()));
    }

    void enter() {
        Map<Type, Integer> mark = new EnumMap<>(Type.class);
        byType.forEach((t, vs) -> mark.put(t, vs.size()));
        marks.push(mark);
    }

    void leave() {
        Map<Type, Integer> mark = marks.pop();
        byType.forEach((t, vs) -> vs.subList(mark.get(t), vs.size()).clear());
    }
}
