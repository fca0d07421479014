package org.pyjit.regalloc;

/** Where a value lives: a physical register or a spill slot. */
public sealed interface Allocation {
    /**
     * In a physical register.
     *
     * @param reg the register
     */
    record Reg(PReg reg) implements Allocation {
        @Override
        public String toString() {
            return reg.toString();
        }
    }

    /**
     * In spill slot {@code index}: 8 bytes at frame offset {@code 8 * index} of the spill area.
     *
     * @param index slot number, {@code 0 .. numSpillSlots()-1}
     */
    record Slot(int index) implements Allocation {
        @Override
        public String toString() {
            return "slot" + index;
        }
    }

    /** Whether this is a register. */
    default boolean isReg() {
        return this instanceof Reg;
    }
}
