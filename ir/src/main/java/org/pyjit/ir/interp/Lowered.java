package org.pyjit.ir.interp;

import java.util.List;
import org.pyjit.ir.BasicBlock;
import org.pyjit.ir.BlockCall;
import org.pyjit.ir.Imm;
import org.pyjit.ir.Inst;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Signature;
import org.pyjit.ir.StackSlot;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;

/**
 * A function prepared for interpretation: blocks indexed by block number, instructions as
 * {@link Step}s with value numbers in int arrays (register indices of the frame) and the
 * immediate decoded once. Built lazily, the first time a function is called.
 */
final class Lowered {
    /** One branch target: the block's index and the registers to copy into its parameters. */
    record Target(int block, int[] args) {
    }

    /** One block: the registers of its parameters and its instructions, terminator last. */
    record BlockCode(int[] params, Step[] steps) {
    }

    /** One instruction with everything the interpreter loop needs at hand. */
    static final class Step {
        final Inst inst;
        final Opcode op;
        /** The operation's type: the first argument's type, or the result's when there is none. */
        final Type type;
        /** The first result's type (conversions, loads), or null. */
        final Type resultType;
        final int[] args;
        final int[] results;
        /** The integer immediate, float bits, offset or trap code, whichever the format has. */
        final long imm;
        final Target[] targets;
        /** Callee index in the module for {@code call} and {@code func_addr}, else -1. */
        int callee = -1;

        Step(Inst inst, int[] blockIndex) {
            this.inst = inst;
            this.op = inst.opcode();
            this.args = registers(inst.args());
            this.results = registers(inst.results());
            this.resultType = inst.results().isEmpty() ? null : inst.results().get(0).type();
            this.type = !inst.args().isEmpty() ? inst.arg(0).type() : resultType;
            this.imm = immediate(inst.imm(), resultType);
            this.targets = new Target[inst.targets().size()];
            for (int i = 0; i < targets.length; i++) {
                BlockCall t = inst.targets().get(i);
                int id = t.block().id();
                if (id >= blockIndex.length || blockIndex[id] < 0) {
                    throw new IllegalStateException("branch to undefined " + t.block() + ": the function does not verify");
                }
                targets[i] = new Target(blockIndex[id], registers(t.args()));
            }
        }
    }

    /** The immediate as one long (Java 17 has no pattern switch over the sealed {@link Imm}). */
    private static long immediate(Imm imm, Type resultType) {
        if (imm instanceof Imm.Int i) {
            return i.value();
        } else if (imm instanceof Imm.IntCondImm c) {
            return c.value();
        } else if (imm instanceof Imm.FloatBits f) {
            return Bits.normalize(f.bits(), resultType == null ? Type.F64 : resultType);
        } else if (imm instanceof Imm.Offset o) {
            return o.offset();
        } else if (imm instanceof Imm.SlotRef s) {
            return s.offset();
        } else if (imm instanceof Imm.Trap t) {
            return t.code().code();
        }
        return 0; // None, conditions, callees and signatures are read from the Inst
    }

    final IrFunction function;
    final BlockCode[] blocks;
    final int registerCount;

    Lowered(IrFunction function) {
        this.function = function;
        List<BasicBlock> bbs = function.blocks();
        int[] blockIndex = new int[function.blockBound()];
        java.util.Arrays.fill(blockIndex, -1);
        for (int i = 0; i < bbs.size(); i++) {
            blockIndex[bbs.get(i).block().id()] = i;
        }
        blocks = new BlockCode[bbs.size()];
        for (int i = 0; i < bbs.size(); i++) {
            BasicBlock bb = bbs.get(i);
            if (bb.terminator() == null || !bb.terminator().isTerminator()) {
                throw new IllegalStateException("%" + function.name() + ": " + bb.block()
                        + " does not end with a terminator: the function does not verify");
            }
            Step[] steps = new Step[bb.insts().size()];
            for (int j = 0; j < steps.length; j++) {
                steps[j] = new Step(bb.insts().get(j), blockIndex);
            }
            blocks[i] = new BlockCode(registers(bb.params()), steps);
        }
        if (blocks[0].params().length != function.signature().params().size()) {
            throw new IllegalStateException("%" + function.name() + ": entry block parameters do not match the signature");
        }
        registerCount = function.valueBound();
    }

    Signature signature() {
        return function.signature();
    }

    List<StackSlot> slots() {
        return function.stackSlots();
    }

    private static int[] registers(List<Value> values) {
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).id();
        }
        return out;
    }
}
