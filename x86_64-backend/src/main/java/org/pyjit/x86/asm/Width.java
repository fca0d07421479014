package org.pyjit.x86.asm;

/** Operand size of an integer instruction. */
public enum Width {
    /** 8 bits (byte registers al..r15b, including spl/bpl/sil/dil). */
    B8,
    /** 16 bits. */
    B16,
    /** 32 bits (writes zero the upper half of the 64-bit register). */
    B32,
    /** 64 bits. */
    B64;

    /** @return the size in bytes */
    public int bytes() {
        return switch (this) {
            case B8 -> 1;
            case B16 -> 2;
            case B32 -> 4;
            case B64 -> 8;
        };
    }

    /** @return the size in bits */
    public int bits() {
        return bytes() * 8;
    }

    /** @return the smallest value an immediate of this width may have (signed view) */
    long minImmediate() {
        return switch (this) {
            case B8 -> Byte.MIN_VALUE;
            case B16 -> Short.MIN_VALUE;
            case B32, B64 -> Integer.MIN_VALUE;
        };
    }

    /** @return the largest value an immediate of this width may have (unsigned view; B64: int32) */
    long maxImmediate() {
        return switch (this) {
            case B8 -> 0xFFL;
            case B16 -> 0xFFFFL;
            case B32 -> 0xFFFF_FFFFL;
            case B64 -> Integer.MAX_VALUE;
        };
    }

    /** Sign-extends the low {@link #bits()} of {@code v}. */
    long signExtend(long v) {
        return switch (this) {
            case B8 -> (byte) v;
            case B16 -> (short) v;
            case B32 -> (int) v;
            case B64 -> v;
        };
    }
}
