package org.pyjit.aarch64;

import java.util.List;
import java.util.Set;
import org.pyjit.codegen.vcode.MachInst;
import org.pyjit.regalloc.InstKind;
import org.pyjit.regalloc.Operand;
import org.pyjit.regalloc.PReg;

/**
 * One lowered AArch64 instruction or short fixed sequence (a division with its trap checks, a
 * compare with its {@code cset}): its allocator-visible operands and the encoder that writes it
 * once registers are known. The encoder refers to operands by index into {@link #operands()}.
 *
 * @param kind     control-flow role
 * @param operands operands with constraints
 * @param clobbers registers destroyed (calls)
 * @param text     mnemonic for dumps
 * @param encoding writes the machine code
 */
public record A64Inst(InstKind kind, List<Operand> operands, Set<PReg> clobbers, String text, Encoding encoding)
        implements MachInst {

    /** Copies the collections. */
    public A64Inst {
        operands = List.copyOf(operands);
        clobbers = Set.copyOf(clobbers);
    }

    /** Writes an instruction's words given the allocation of its operands. */
    @FunctionalInterface
    public interface Encoding {
        /** Encodes into {@code c.asm()}. */
        void encode(EmitContext c);
    }
}
