package org.pyjit.aarch64.asm;

/**
 * A general-purpose register. Encoding 31 names two different registers depending on the
 * instruction: the zero register ({@link #ZR}) or the stack pointer ({@link #SP}). Each
 * encoder method states which one its register fields accept and rejects the other, so an
 * instruction can never silently mean {@code sp} when {@code xzr} was written (or vice versa).
 */
public enum Gp {
    R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11, R12, R13, R14, R15,
    R16, R17, R18, R19, R20, R21, R22, R23, R24, R25, R26, R27, R28, R29, R30,
    /** The zero register: reads as 0, writes are discarded ({@code xzr}/{@code wzr}). */
    ZR,
    /** The stack pointer ({@code sp}/{@code wsp}). */
    SP;

    /** The frame pointer by AAPCS64 convention. */
    public static final Gp FP = R29;
    /** The link register. */
    public static final Gp LR = R30;

    /** The 5-bit register field value. */
    public int encoding() {
        return this == SP ? 31 : ordinal();
    }

    /** Register {@code n} (0..30). */
    public static Gp of(int n) {
        if (n < 0 || n > 30) {
            throw new IllegalArgumentException("general register number out of 0..30: " + n);
        }
        return values()[n];
    }

    /** The assembler name at width {@code w}: {@code x3}, {@code w3}, {@code xzr}, {@code wsp}. */
    public String name(Width w) {
        String p = w == Width.X ? "x" : "w";
        return switch (this) {
            case ZR -> p + "zr";
            case SP -> w == Width.X ? "sp" : "wsp";
            default -> p + ordinal();
        };
    }
}
