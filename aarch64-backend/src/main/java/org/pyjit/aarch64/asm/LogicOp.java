package org.pyjit.aarch64.asm;

/** Logical operations: {@code opc} (bits 30..29) and, in shifted-register forms, {@code N} (bit 21). */
public enum LogicOp {
    /** And. */
    AND(0, 0),
    /** And with inverted operand (register forms only). */
    BIC(0, 1),
    /** Or. */
    ORR(1, 0),
    /** Or with inverted operand (register forms only). */
    ORN(1, 1),
    /** Exclusive or. */
    EOR(2, 0),
    /** Exclusive or with inverted operand (register forms only). */
    EON(2, 1),
    /** And, setting flags. */
    ANDS(3, 0),
    /** And with inverted operand, setting flags (register forms only). */
    BICS(3, 1);

    private final int opc;
    private final int n;

    LogicOp(int opc, int n) {
        this.opc = opc;
        this.n = n;
    }

    int opc() {
        return opc;
    }

    /** True for the inverting forms, which have no immediate encoding. */
    public boolean inverts() {
        return n == 1;
    }

    int n() {
        return n;
    }

    /** The lower-case mnemonic. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
