package org.pyjit.x86.asm;

/** Shifts and rotates (group 2). The hardware masks the count to 5 bits (6 for 64-bit). */
public enum ShiftOp {
    /** Rotate left. */
    ROL,
    /** Rotate right. */
    ROR,
    /** Shift left. */
    SHL,
    /** Logical shift right. */
    SHR,
    /** Arithmetic shift right. */
    SAR;

    /** @return the mnemonic */
    public String mnemonic() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
