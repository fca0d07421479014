package org.pyjit.x86.asm;

/** One-operand integer instructions (group 3, {@code F6/F7 /2../7}). */
public enum UnaryOp {
    /** Bitwise complement. */
    NOT,
    /** Two's complement negation. */
    NEG,
    /** Unsigned rdx:rax = rax * src. */
    MUL,
    /** Signed rdx:rax = rax * src. */
    IMUL,
    /** Unsigned rax, rdx = rdx:rax / src, rdx:rax % src (faults on zero or overflow). */
    DIV,
    /** Signed rax, rdx = rdx:rax / src, rdx:rax % src (faults on zero or overflow). */
    IDIV;

    /** @return the mnemonic */
    public String mnemonic() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
