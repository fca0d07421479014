package org.pyjit.x86;

import org.pyjit.ir.Imm;
import org.pyjit.ir.Inst;
import org.pyjit.ir.Type;

/**
 * Which address computations an x86-64 load or store absorbs into its
 * {@code [base + index + disp32]} operand (the machine-specific half of
 * {@link org.pyjit.codegen.lower.IrFacts}).
 */
final class X86Addressing {
    private X86Addressing() {
    }

    /**
     * True if {@code [addr + off]} can be a single x86 address, {@code addr} being computed by
     * {@code d}: an {@code iadd_imm}, {@code iadd} of i64 or {@code stack_addr} whose constant
     * fits disp32. The access's width does not matter.
     */
    static boolean absorbs(Inst d, int off, Inst access) {
        return switch (d.opcode()) {
            case IADD_IMM -> d.result().type() == Type.I64 && fitsInt(d.intImm() + off);
            case IADD -> d.result().type() == Type.I64;
            case STACK_ADDR -> fitsInt((long) ((Imm.SlotRef) d.imm()).offset() + off);
            default -> false;
        };
    }

    static boolean fitsInt(long v) {
        return v == (int) v;
    }
}
