package org.pyjit.ir.text;

import java.math.BigInteger;
import java.util.List;
import org.pyjit.ir.Imm;
import org.pyjit.ir.IntCC;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Signature;
import org.pyjit.ir.Type;

/**
 * The parse tree: what the text says, with positions, before names are resolved and result types
 * inferred (values may be used above their definition, so typing waits for the whole function).
 */
final class Syntax {
    private Syntax() {
    }

    /** A 1-based source position. */
    record Pos(int line, int column) {
        static Pos of(Token t) {
            return new Pos(t.line(), t.column());
        }

        IrParseException error(String detail) {
            return new IrParseException(line, column, detail);
        }
    }

    record Function(String name, Pos pos, Signature signature, List<Slot> slots, List<Block> blocks) {
    }

    record Slot(int index, int size, int align, Pos pos) {
    }

    record Block(int id, Pos pos, List<Param> params, List<Inst> insts, boolean cold) {
    }

    record Param(int id, Pos pos, Type type) {
    }

    record ValueRef(int id, Pos pos) {
    }

    record Target(int block, Pos pos, List<ValueRef> args) {
    }

    /**
     * One instruction.
     *
     * @param typeSuffix the {@code .T} of typed formats, else null
     */
    record Inst(Opcode opcode, Pos pos, List<ValueRef> results, Type typeSuffix, List<ValueRef> args,
                ImmSyntax imm, List<Target> targets) {
    }

    /** An immediate as written; some need the operand's type or a name lookup to become an {@link Imm}. */
    sealed interface ImmSyntax {
    }

    /** An immediate that is complete as written. */
    record Ready(Imm imm) implements ImmSyntax {
    }

    /** The integer of a {@code _imm} form, canonicalised once the operand's type is known. */
    record IntLiteral(BigInteger value, Pos pos) implements ImmSyntax {
    }

    /** The condition and integer of {@code icmp_imm}. */
    record CondIntLiteral(IntCC cc, BigInteger value, Pos pos) implements ImmSyntax {
    }

    /** {@code ssN+off}. */
    record SlotLiteral(int slot, int offset, Pos pos) implements ImmSyntax {
    }

    /** {@code %name} of {@code call} and {@code func_addr}. */
    record CalleeName(String name, Pos pos) implements ImmSyntax {
    }
}
