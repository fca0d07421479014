package org.pyjit.aarch64;

import org.pyjit.aarch64.asm.A64Assembler;
import org.pyjit.aarch64.asm.MemOp;
import org.pyjit.ir.Inst;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Type;

/**
 * The transfer of each IR load and store, and which address computations it absorbs into its
 * {@code [base, #offset]} operand (the machine-specific half of
 * {@link org.pyjit.codegen.lower.IrFacts}).
 */
final class A64Addressing {
    private A64Addressing() {
    }

    /** The load or store instruction's transfer. */
    static MemOp memOp(Inst i) {
        boolean load = i.opcode() == Opcode.LOAD;
        Type t = load ? i.result().type() : i.arg(0).type();
        return switch (t) {
            case I8 -> load ? MemOp.LDRSB_W : MemOp.STRB;
            case I16 -> load ? MemOp.LDRSH_W : MemOp.STRH;
            case I32 -> load ? MemOp.LDR_W : MemOp.STR_W;
            case I64 -> load ? MemOp.LDR_X : MemOp.STR_X;
            case F32 -> load ? MemOp.LDR_S : MemOp.STR_S;
            case F64 -> load ? MemOp.LDR_D : MemOp.STR_D;
        };
    }

    /**
     * True if {@code access} at {@code [addr + off]} absorbs {@code d}, the computation of
     * {@code addr}: an i64 {@code iadd_imm} whose total offset the access can encode, or any
     * {@code stack_addr} (the emitter materialises a large frame offset itself).
     */
    static boolean absorbs(Inst d, int off, Inst access) {
        return switch (d.opcode()) {
            case IADD_IMM -> d.result().type() == Type.I64
                    && A64Assembler.isOffsetEncodable(memOp(access), d.intImm() + off);
            case STACK_ADDR -> true;
            default -> false;
        };
    }
}
