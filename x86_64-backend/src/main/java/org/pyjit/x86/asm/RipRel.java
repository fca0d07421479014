package org.pyjit.x86.asm;

import java.util.Objects;

/**
 * A RIP-relative memory operand {@code [rip + (label - end of instruction) + disp]}: the way to
 * reach constants in the pool ({@link X86Assembler#constant(double)}) and data placed in the same
 * buffer. The label may be bound before or after the use; the facade patches the disp32 itself
 * (jnr-x86asm gets backward references wrong, B5). Not allowed in forms that also carry an
 * immediate.
 *
 * @param target the label the address is relative to
 * @param disp an extra byte offset from the label
 */
public record RipRel(Label target, int disp) implements Address {
    /** Validates the operand. */
    public RipRel {
        Objects.requireNonNull(target, "target");
    }

    /**
     * {@code [rip + label]}.
     *
     * @param target the label
     * @return the operand
     */
    public static RipRel of(Label target) {
        return new RipRel(target, 0);
    }
}
