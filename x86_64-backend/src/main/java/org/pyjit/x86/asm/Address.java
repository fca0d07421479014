package org.pyjit.x86.asm;

/**
 * A memory operand: either register-based ({@link Mem}) or RIP-relative to a {@link Label}
 * ({@link RipRel}). There is no absolute form (jnr-x86asm gets it wrong, B6); materialise an
 * absolute address in a register instead.
 */
public sealed interface Address permits Mem, RipRel {
}
