package org.pyjit.regalloc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The machine as the allocator sees it: allocatable registers per class in preference order,
 * which of them are callee-saved, one scratch register per class reserved for the move resolver
 * (never allocated, never a fixed constraint), and register names for messages.
 */
public final class MachineEnv {
    private final Map<RegClass, List<PReg>> allocatable;
    private final Set<PReg> calleeSaved;
    private final Map<RegClass, PReg> scratch;
    private final Map<PReg, String> names;
    private final boolean[][] allocatableSet = new boolean[RegClass.values().length][64];

    private MachineEnv(Builder b) {
        EnumMap<RegClass, List<PReg>> alloc = new EnumMap<>(RegClass.class);
        EnumMap<RegClass, PReg> scr = new EnumMap<>(RegClass.class);
        for (RegClass c : RegClass.values()) {
            List<PReg> regs = b.allocatable.getOrDefault(c, List.of());
            PReg s = b.scratch.get(c);
            if (s == null) throw new IllegalArgumentException("no scratch register for class " + c);
            if (regs.contains(s)) throw new IllegalArgumentException("scratch register " + b.names.get(s) + " is also allocatable");
            if (new TreeSet<>(regs).size() != regs.size()) throw new IllegalArgumentException("duplicate allocatable register in class " + c);
            alloc.put(c, List.copyOf(regs));
            scr.put(c, s);
        }
        for (PReg r : b.calleeSaved) {
            if (!alloc.get(r.cls()).contains(r)) throw new IllegalArgumentException("callee-saved register " + b.names.get(r) + " is not allocatable");
        }
        this.allocatable = Collections.unmodifiableMap(alloc);
        alloc.values().forEach(l -> l.forEach(r -> allocatableSet[r.cls().ordinal()][r.hwEncoding()] = true));
        this.calleeSaved = Collections.unmodifiableSet(new TreeSet<>(b.calleeSaved));
        this.scratch = Collections.unmodifiableMap(scr);
        this.names = Collections.unmodifiableMap(new TreeMap<>(b.names));
    }

    /** Builds an environment by handing a builder to {@code spec}. */
    public static MachineEnv build(Consumer<Builder> spec) {
        Builder b = new Builder();
        spec.accept(b);
        return new MachineEnv(b);
    }

    /** Allocatable registers of {@code cls}, most preferred first. */
    public List<PReg> allocatable(RegClass cls) {
        return allocatable.get(cls);
    }

    /** Whether {@code r} is allocatable. */
    public boolean isAllocatable(PReg r) {
        return allocatableSet[r.cls().ordinal()][r.hwEncoding()];
    }

    /** Callee-saved allocatable registers (sorted). */
    public Set<PReg> calleeSaved() {
        return calleeSaved;
    }

    /** Whether {@code r} is callee-saved. */
    public boolean isCalleeSaved(PReg r) {
        return calleeSaved.contains(r);
    }

    /** The scratch register of {@code cls} used only by the move resolver. */
    public PReg scratch(RegClass cls) {
        return scratch.get(cls);
    }

    /** The name of {@code r}, or its default rendering if the environment does not name it. */
    public String name(PReg r) {
        return names.getOrDefault(r, r.toString());
    }

    /** Collects registers; registers keep the order in which they are added. */
    public static final class Builder {
        private final Map<RegClass, List<PReg>> allocatable = new EnumMap<>(RegClass.class);
        private final Set<PReg> calleeSaved = new TreeSet<>();
        private final Map<RegClass, PReg> scratch = new EnumMap<>(RegClass.class);
        private final Map<PReg, String> names = new TreeMap<>();

        private Builder() {
        }

        /** Adds an allocatable caller-saved register. */
        public Builder reg(RegClass cls, int hw, String name) {
            PReg r = new PReg(cls, hw);
            allocatable.computeIfAbsent(cls, k -> new ArrayList<>()).add(r);
            names.put(r, name);
            return this;
        }

        /** Adds an allocatable callee-saved register. */
        public Builder calleeSaved(RegClass cls, int hw, String name) {
            reg(cls, hw, name);
            calleeSaved.add(new PReg(cls, hw));
            return this;
        }

        /** Sets the scratch register of {@code cls}. */
        public Builder scratch(RegClass cls, int hw, String name) {
            PReg r = new PReg(cls, hw);
            scratch.put(cls, r);
            names.put(r, name);
            return this;
        }
    }
}
