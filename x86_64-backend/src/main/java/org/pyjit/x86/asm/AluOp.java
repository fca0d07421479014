package org.pyjit.x86.asm;

/** Two-operand integer ALU instructions that set flags. */
public enum AluOp {
    /** dst += src. */
    ADD,
    /** dst |= src. */
    OR,
    /** dst += src + CF. */
    ADC,
    /** dst -= src + CF. */
    SBB,
    /** dst &amp;= src. */
    AND,
    /** dst -= src. */
    SUB,
    /** dst ^= src. */
    XOR,
    /** flags of dst - src. */
    CMP,
    /** flags of dst &amp; src (commutative: the r,[m] form encodes as [m],r). */
    TEST;

    /** @return the mnemonic */
    public String mnemonic() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
