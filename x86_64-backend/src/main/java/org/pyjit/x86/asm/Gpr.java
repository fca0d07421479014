package org.pyjit.x86.asm;

/** The sixteen x86-64 general-purpose registers, in hardware encoding order. */
public enum Gpr {
    /** Accumulator; return value; implicit in mul/div and cdq/cqo. */
    RAX,
    /** Count register; its low byte CL is the only variable shift count. */
    RCX,
    /** Data register; high half of mul/div results. */
    RDX,
    /** Callee-saved. */
    RBX,
    /** Stack pointer; cannot be an index register. */
    RSP,
    /** Frame pointer; as a base it always needs a displacement byte. */
    RBP,
    /** Second integer argument. */
    RSI,
    /** First integer argument. */
    RDI,
    /** Fifth integer argument. */
    R8,
    /** Sixth integer argument. */
    R9,
    /** Caller-saved scratch (static chain). */
    R10,
    /** Caller-saved scratch; clobbered by {@link X86Assembler#callAbsolute(long)}. */
    R11,
    /** Callee-saved; as a base it needs a SIB byte. */
    R12,
    /** Callee-saved; as a base it always needs a displacement byte. */
    R13,
    /** Callee-saved. */
    R14,
    /** Callee-saved. */
    R15;

    private static final String[] LEGACY = {"ax", "cx", "dx", "bx", "sp", "bp", "si", "di"};
    private static final String[] LOW8 = {"al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil"};

    /** @return the 4-bit hardware encoding (0..15) */
    public int encoding() {
        return ordinal();
    }

    /** @return whether the encoding needs a REX extension bit (r8..r15) */
    public boolean isExtended() {
        return ordinal() >= 8;
    }

    /**
     * @return whether the low byte of this register is SPL, BPL, SIL or DIL, which exist only
     *     with a REX prefix (without one, encodings 4..7 mean AH, CH, DH, BH)
     */
    public boolean needsRexForByte() {
        return ordinal() >= 4 && ordinal() < 8;
    }

    /**
     * The Intel-syntax name of this register viewed at {@code width}, e.g. {@code sil},
     * {@code r9w}, {@code r10d}, {@code rbp}.
     *
     * @param width the operand size
     * @return the name, lower case
     */
    public String assemblyName(Width width) {
        int i = ordinal();
        if (i >= 8) {
            return "r" + i + switch (width) {
                case B8 -> "b";
                case B16 -> "w";
                case B32 -> "d";
                case B64 -> "";
            };
        }
        return switch (width) {
            case B8 -> LOW8[i];
            case B16 -> LEGACY[i];
            case B32 -> "e" + LEGACY[i];
            case B64 -> "r" + LEGACY[i];
        };
    }
}
