package org.pyjit.aarch64.asm;

/** A shift type: the {@code shift} field of shifted-register forms and the variable-shift opcodes. */
public enum Shift {
    /** Logical shift left. */
    LSL,
    /** Logical shift right. */
    LSR,
    /** Arithmetic shift right. */
    ASR,
    /** Rotate right (logical shifted-register forms and RORV only). */
    ROR;

    /** The 2-bit field value (also the low bits of the LSLV/LSRV/ASRV/RORV opcode). */
    int encoding() {
        return ordinal();
    }

    /** The lower-case mnemonic. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
