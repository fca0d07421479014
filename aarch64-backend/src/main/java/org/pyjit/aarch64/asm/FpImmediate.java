package org.pyjit.aarch64.asm;

import java.util.OptionalInt;

/**
 * The 8-bit floating-point immediates of FMOV (scalar, immediate) (DDI 0487 C7.2 "FMOV (scalar,
 * immediate)", pseudocode {@code VFPExpandImm}): {@code ±(16 + m)/16 × 2^e}, {@code m} in 0..15,
 * {@code e} in -3..4. Zero is not among them.
 */
public final class FpImmediate {
    private FpImmediate() {
    }

    /** The raw bits {@code VFPExpandImm(imm8)} gives at precision {@code w}. */
    public static long expand(int imm8, FpWidth w) {
        long sign = (imm8 >>> 7) & 1;
        long b = (imm8 >>> 6) & 1;
        long cd = (imm8 >>> 4) & 3;
        long frac = imm8 & 0xF;
        if (w == FpWidth.D) {
            // exponent = NOT(b) : Replicate(b, 8) : cd (11 bits), fraction = efgh : Zeros(48)
            long exp = (b ^ 1) << 10 | (b == 1 ? 0xFFL : 0) << 2 | cd;
            return sign << 63 | exp << 52 | frac << 48;
        }
        // exponent = NOT(b) : Replicate(b, 5) : cd (8 bits), fraction = efgh : Zeros(19)
        long exp = (b ^ 1) << 7 | (b == 1 ? 0x1FL : 0) << 2 | cd;
        return sign << 31 | exp << 23 | frac << 19;
    }

    /** The imm8 whose expansion is exactly {@code bits} (raw float bits in the low 32 for S). */
    public static OptionalInt encode(long bits, FpWidth w) {
        for (int imm8 = 0; imm8 < 256; imm8++) {
            if (expand(imm8, w) == bits) {
                return OptionalInt.of(imm8);
            }
        }
        return OptionalInt.empty();
    }
}
