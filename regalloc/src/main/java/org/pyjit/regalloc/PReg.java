package org.pyjit.regalloc;

/**
 * A physical register: a register class and its hardware encoding within that class.
 * Human-readable names come from {@link MachineEnv#name(PReg)}.
 *
 * @param cls        register file
 * @param hwEncoding encoding of the register within its file (0..63)
 */
public record PReg(RegClass cls, int hwEncoding) implements Comparable<PReg> {
    /** Validates the encoding range. */
    public PReg {
        if (cls == null) throw new IllegalArgumentException("register class is null");
        if (hwEncoding < 0 || hwEncoding > 63) {
            throw new IllegalArgumentException("hardware encoding out of range 0..63: " + hwEncoding);
        }
    }

    /** Orders by class, then encoding; used wherever registers are iterated deterministically. */
    @Override
    public int compareTo(PReg o) {
        int c = cls.compareTo(o.cls);
        return c != 0 ? c : Integer.compare(hwEncoding, o.hwEncoding);
    }

    @Override
    public String toString() {
        return (cls == RegClass.INT ? "r" : "f") + hwEncoding;
    }
}
