package org.pyjit.x86.asm;

import java.util.Objects;

/**
 * A register-based memory operand {@code [base + index*scale + disp]}.
 *
 * @param base the base register (required; any of the 16, rsp/r12 get a SIB byte, rbp/r13 a
 *     displacement byte)
 * @param index the index register, or {@code null}; never {@link Gpr#RSP}
 * @param scale the index multiplier 1, 2, 4 or 8 (a scale, not a shift: B11); 1 without index
 * @param disp the signed 32-bit displacement
 */
public record Mem(Gpr base, Gpr index, int scale, int disp) implements Address {
    /** Validates the operand. */
    public Mem {
        Objects.requireNonNull(base, "base register is required (absolute addresses are not supported)");
        if (index == Gpr.RSP) {
            throw new IllegalArgumentException("rsp cannot be an index register");
        }
        if (scale != 1 && scale != 2 && scale != 4 && scale != 8) {
            throw new IllegalArgumentException("scale must be 1, 2, 4 or 8, not " + scale);
        }
        if (index == null && scale != 1) {
            throw new IllegalArgumentException("a scale needs an index register");
        }
    }

    /**
     * {@code [base + disp]}.
     *
     * @param base the base register
     * @param disp the displacement
     * @return the operand
     */
    public static Mem of(Gpr base, int disp) {
        return new Mem(base, null, 1, disp);
    }

    /**
     * {@code [base]}.
     *
     * @param base the base register
     * @return the operand
     */
    public static Mem of(Gpr base) {
        return new Mem(base, null, 1, 0);
    }

    /**
     * {@code [base + index*scale + disp]}.
     *
     * @param base the base register
     * @param index the index register (not rsp)
     * @param scale 1, 2, 4 or 8
     * @param disp the displacement
     * @return the operand
     */
    public static Mem of(Gpr base, Gpr index, int scale, int disp) {
        return new Mem(base, Objects.requireNonNull(index, "index"), scale, disp);
    }

    /** @return log2 of the scale (the SIB encoding) */
    int shift() {
        return Integer.numberOfTrailingZeros(scale);
    }
}
