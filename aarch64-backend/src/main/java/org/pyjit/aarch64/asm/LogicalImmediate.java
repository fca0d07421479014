package org.pyjit.aarch64.asm;

import java.util.OptionalInt;

/**
 * The bitmask immediates of AND/ORR/EOR/ANDS (immediate) (DDI 0487 C6.2 "AND (immediate)", the
 * pseudocode function {@code DecodeBitMasks}). An encodable value is a 2, 4, 8, 16, 32 or 64-bit
 * element, replicated to the operand width, whose bits are a rotation of a run of {@code k}
 * ones with {@code 1 <= k < element size}. So 0 and all-ones are never encodable.
 *
 * <p>The 13-bit result is {@code N:immr:imms}: {@code N} = 1 only for a 64-bit element;
 * {@code imms} = the element-size prefix ({@code 0xxxxx} 32, {@code 10xxxx} 16, {@code 110xxx} 8,
 * {@code 1110xx} 4, {@code 11110x} 2) with {@code k - 1} in the low bits; {@code immr} = the
 * right-rotation that turns the low run of ones into the element.
 */
public final class LogicalImmediate {
    private LogicalImmediate() {
    }

    /**
     * Encodes {@code value} for an operation of width {@code w}.
     *
     * @return {@code N << 12 | immr << 6 | imms}, or empty if the value is not a bitmask immediate
     *         (for W, a value whose upper 32 bits are not all zero is not encodable either)
     */
    public static OptionalInt encode(long value, Width w) {
        if (w == Width.W) {
            if ((value >>> 32) != 0) {
                return OptionalInt.empty();
            }
            value = value | value << 32;
        }
        if (value == 0 || value == -1) {
            return OptionalInt.empty();
        }
        int size = 64;
        // Shrink the element while the value is a repetition of its lower half.
        while (size > 2) {
            int half = size / 2;
            long mask = (1L << half) - 1;
            if ((value & mask) != ((value >>> half) & mask)) {
                break;
            }
            size = half;
        }
        long emask = size == 64 ? -1L : (1L << size) - 1;
        long elem = value & emask;
        int ones = Long.bitCount(elem);
        long run = (1L << ones) - 1;
        for (int r = 0; r < size; r++) {
            if (rotateRight(run, r, size) == elem) {
                int n = size == 64 ? 1 : 0;
                int imms = (~(2 * size - 1) & 0x3F) | (ones - 1);
                return OptionalInt.of(n << 12 | r << 6 | imms);
            }
        }
        return OptionalInt.empty();
    }

    /** True if {@code value} is a bitmask immediate at width {@code w}. */
    public static boolean isEncodable(long value, Width w) {
        return encode(value, w).isPresent();
    }

    private static long rotateRight(long x, int r, int size) {
        if (r == 0) {
            return x;
        }
        long mask = size == 64 ? -1L : (1L << size) - 1;
        return ((x >>> r) | (x << (size - r))) & mask;
    }
}
