package org.pyjit.ir;

import java.util.List;
import java.util.Objects;

/**
 * One instruction: an opcode, the values it defines, the values it uses, its immediate and, for
 * branches, its targets. Instructions are immutable and may be malformed (the {@code Verifier}
 * says whether they are well formed); the {@link FunctionBuilder} produces well-formed ones.
 *
 * @param opcode  the operation
 * @param results values defined, in order (the controlling type of typed formats is the first
 *                result's type)
 * @param args    values used, in order (branch arguments are in {@code targets}, not here)
 * @param imm     the immediate, {@link Imm.None} if the format has none
 * @param targets branch targets ({@code br_table}: the default first)
 */
public record Inst(Opcode opcode, List<Value> results, List<Value> args, Imm imm, List<BlockCall> targets) {

    /** Copies the lists and checks for nulls. */
    public Inst {
        Objects.requireNonNull(opcode, "opcode");
        results = List.copyOf(results);
        args = List.copyOf(args);
        Objects.requireNonNull(imm, "imm");
        targets = List.copyOf(targets);
    }

    /** The single result; throws if the instruction does not have exactly one. */
    public Value result() {
        if (results.size() != 1) {
            throw new IllegalStateException(opcode + " has " + results.size() + " results");
        }
        return results.get(0);
    }

    /** Argument {@code i}. */
    public Value arg(int i) {
        return args.get(i);
    }

    /** True if this instruction ends a block. */
    public boolean isTerminator() {
        return opcode.isTerminator();
    }

    /** The integer immediate of {@code iconst} and the {@code _imm} forms. */
    public long intImm() {
        if (imm instanceof Imm.Int i) {
            return i.value();
        }
        if (imm instanceof Imm.IntCondImm c) {
            return c.value();
        }
        throw new IllegalStateException(opcode + " has no integer immediate");
    }
}
