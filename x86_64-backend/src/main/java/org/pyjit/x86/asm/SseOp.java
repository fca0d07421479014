package org.pyjit.x86.asm;

/**
 * SSE/SSE2 instructions of the form {@code op xmm, xmm/m}. Scalar forms read 32 or 64 bits of
 * memory; packed forms read 16 bytes, which must be 16-byte aligned.
 */
public enum SseOp {
    /** Scalar double add. */ ADDSD(8),
    /** Scalar double subtract. */ SUBSD(8),
    /** Scalar double multiply. */ MULSD(8),
    /** Scalar double divide. */ DIVSD(8),
    /** Scalar double square root. */ SQRTSD(8),
    /** Scalar double minimum (returns the second operand on NaN or equal). */ MINSD(8),
    /** Scalar double maximum (returns the second operand on NaN or equal). */ MAXSD(8),
    /** Scalar float add. */ ADDSS(4),
    /** Scalar float subtract. */ SUBSS(4),
    /** Scalar float multiply. */ MULSS(4),
    /** Scalar float divide. */ DIVSS(4),
    /** Scalar float square root. */ SQRTSS(4),
    /** Scalar float minimum. */ MINSS(4),
    /** Scalar float maximum. */ MAXSS(4),
    /** Unordered compare of doubles, sets ZF/PF/CF. */ UCOMISD(8),
    /** Unordered compare of floats, sets ZF/PF/CF. */ UCOMISS(4),
    /** Packed double and. */ ANDPD(16),
    /** Packed double and-not (~dst &amp; src). */ ANDNPD(16),
    /** Packed double or. */ ORPD(16),
    /** Packed double xor. */ XORPD(16),
    /** Packed float and. */ ANDPS(16),
    /** Packed float and-not. */ ANDNPS(16),
    /** Packed float or. */ ORPS(16),
    /** Packed float xor. */ XORPS(16),
    /** Double to float. */ CVTSD2SS(8),
    /** Float to double. */ CVTSS2SD(4);

    private final int memoryBytes;

    SseOp(int memoryBytes) {
        this.memoryBytes = memoryBytes;
    }

    /** @return how many bytes the memory form reads */
    public int memoryBytes() {
        return memoryBytes;
    }

    /** @return the mnemonic */
    public String mnemonic() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
