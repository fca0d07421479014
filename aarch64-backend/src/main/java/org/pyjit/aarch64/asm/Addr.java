package org.pyjit.aarch64.asm;

/**
 * A memory operand of a single-register load or store. The base may be {@link Gp#SP} but never
 * {@link Gp#ZR}.
 */
public sealed interface Addr {
    /** The base register. */
    Gp base();

    /**
     * {@code [base, #offset]}: encoded as an unsigned scaled 12-bit offset when it is a
     * non-negative multiple of the size in range, else as an unscaled signed 9-bit offset
     * (LDUR/STUR), else rejected.
     */
    record Offset(Gp base, long offset) implements Addr {
    }

    /** {@code [base, #offset]!}: writeback before the access, signed 9-bit offset. */
    record PreIndex(Gp base, int offset) implements Addr {
    }

    /** {@code [base], #offset}: writeback after the access, signed 9-bit offset. */
    record PostIndex(Gp base, int offset) implements Addr {
    }

    /**
     * {@code [base, index{, extend {#amount}}]}: the index extended by {@code extend} (UXTW, UXTX
     * i.e. LSL, SXTW, SXTX) and shifted left by the transfer size when {@code scaled}.
     */
    record RegOffset(Gp base, Gp index, Extend extend, boolean scaled) implements Addr {
    }

    /** {@code [base, #offset]}. */
    static Addr of(Gp base, long offset) {
        return new Offset(base, offset);
    }

    /** {@code [base, index]} (64-bit index, unscaled). */
    static Addr of(Gp base, Gp index) {
        return new RegOffset(base, index, Extend.UXTX, false);
    }
}
