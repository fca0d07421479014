package org.pyjit.regalloc;

/**
 * A virtual register: an SSA value, defined exactly once (by an instruction operand or as a block
 * parameter), with a fixed register class.
 *
 * @param index dense index in {@code 0 .. RegAllocFunction.numVRegs()-1}
 * @param cls   register class
 */
public record VReg(int index, RegClass cls) {
    /** Validates the index. */
    public VReg {
        if (index < 0) throw new IllegalArgumentException("negative vreg index " + index);
        if (cls == null) throw new IllegalArgumentException("register class is null");
    }

    @Override
    public String toString() {
        return "v" + index + (cls == RegClass.INT ? "i" : "f");
    }
}
