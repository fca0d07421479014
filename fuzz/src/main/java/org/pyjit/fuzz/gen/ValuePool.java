package org.pyjit.fuzz.gen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;

/**
 * The values an instruction may use at the current position, per type and kind (computed or
 * constant), in definition order, and which computed values nothing has used yet.
 *
 * <p>Invariants: every value in the pool dominates the current position. A nested region (then,
 * else, case, loop body) {@link #enter enters} a scope and {@link #leave leaves} it before the
 * code after the region is emitted, dropping every value defined inside; what survives a merge
 * does so through variables (block parameters). A value is <em>pending</em> from its
 * {@link #add definition} until an operand {@link #pick} returns it; {@link #takePending} hands the
 * pending values of the current scope to the emitter, which folds them into the function's sink so
 * that no result goes unobserved.
 */
final class ValuePool {
    private final Map<Type, List<Value>> computed = new EnumMap<>(Type.class);
    private final Map<Type, List<Value>> constants = new EnumMap<>(Type.class);
    /** Pending values and the ordinal of their definition (scopes are ordinal ranges). */
    private final Map<Value, Integer> pending = new LinkedHashMap<>();
    private final Deque<Mark> marks = new ArrayDeque<>();
    private int ordinal;

    /** List sizes and the next ordinal when a scope was entered. */
    private record Mark(Map<Type, Integer> computed, Map<Type, Integer> constants, int ordinal) {
    }

    ValuePool() {
        for (Type t : Type.values()) {
            computed.put(t, new ArrayList<>());
            constants.put(t, new ArrayList<>());
        }
    }

    /** Adds a computed result; it is pending until something uses it. */
    void add(Value v) {
        computed.get(v.type()).add(v);
        pending.put(v, ordinal++);
    }

    /** Adds a computed value that is observable already (a parameter, a variable's value, an input). */
    void addObserved(Value v) {
        computed.get(v.type()).add(v);
        ordinal++;
    }

    /** Adds a constant; constants are picked only by selectors of {@link Stmt#CONSTANT_OPERAND} and up. */
    void addConstant(Value c) {
        constants.get(c.type()).add(c);
    }

    /** The number of visible computed values of {@code type}. */
    int computedCount(Type type) {
        return computed.get(type).size();
    }

    /**
     * The visible value of {@code type} chosen by {@code selector}, or null. Below
     * {@link Stmt#CONSTANT_OPERAND} the selector counts back over computed values (0 is the most
     * recent, wrapping around), falling back to constants when there are none; from there on it
     * counts over constants only (null if there are none, so the caller makes one). The chosen
     * value stops being pending.
     */
    Value pick(Type type, int selector) {
        return pickOther(type, selector, null);
    }

    /** As {@link #pick}, but skips to the next candidate when the choice is {@code other} and there is another. */
    Value pickOther(Type type, int selector, Value other) {
        boolean wantConstant = selector >= Stmt.CONSTANT_OPERAND;
        List<Value> vs = wantConstant ? constants.get(type) : computed.get(type);
        if (vs.isEmpty() && !wantConstant) {
            vs = constants.get(type);
        }
        if (vs.isEmpty()) {
            return null;
        }
        int k = Math.floorMod(selector, vs.size());
        Value v = vs.get(vs.size() - 1 - k);
        if (v.equals(other) && vs.size() > 1) {
            v = vs.get(vs.size() - 1 - (k + 1) % vs.size());
        }
        pending.remove(v);
        return v;
    }

    /**
     * As {@link #pick}, but a pending value stays pending: for an assignment to a variable, which a
     * later assignment may overwrite before anything reads it.
     */
    Value pickForVariable(Type type, int selector) {
        Integer ord = null;
        List<Value> vs = computed.get(type).isEmpty() || selector >= Stmt.CONSTANT_OPERAND ? List.of() : computed.get(type);
        if (!vs.isEmpty()) {
            ord = pending.get(vs.get(vs.size() - 1 - Math.floorMod(selector, vs.size())));
        }
        Value v = pick(type, selector);
        if (ord != null) {
            pending.put(v, ord);
        }
        return v;
    }

    /** Removes and returns, in definition order, the pending values defined in the current scope. */
    List<Value> takePending() {
        int from = marks.isEmpty() ? 0 : marks.peek().ordinal();
        List<Value> out = new ArrayList<>();
        pending.forEach((v, ord) -> {
            if (ord >= from) {
                out.add(v);
            }
        });
        out.forEach(pending::remove);
        return out;
    }

    void enter() {
        Map<Type, Integer> c = new EnumMap<>(Type.class);
        Map<Type, Integer> k = new EnumMap<>(Type.class);
        computed.forEach((t, vs) -> c.put(t, vs.size()));
        constants.forEach((t, vs) -> k.put(t, vs.size()));
        marks.push(new Mark(c, k, ordinal));
    }

    /** Leaves the scope, dropping its values (pending ones included: take them first). */
    void leave() {
        Mark mark = marks.pop();
        computed.forEach((t, vs) -> vs.subList(mark.computed().get(t), vs.size()).clear());
        constants.forEach((t, vs) -> vs.subList(mark.constants().get(t), vs.size()).clear());
        pending.values().removeIf(ord -> ord >= mark.ordinal());
    }
}
