package org.pyjit.codegen.lower;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pyjit.codegen.vcode.MachInst;
import org.pyjit.codegen.vcode.VCode;
import org.pyjit.ir.BasicBlock;
import org.pyjit.ir.Block;
import org.pyjit.ir.Inst;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;
import org.pyjit.regalloc.RegClass;
import org.pyjit.regalloc.VReg;

/**
 * The machine-independent skeleton of instruction selection: numbers the reachable IR blocks as
 * VCode blocks, gives each IR value one virtual register, and walks the blocks handing each
 * instruction to the backend ({@link #terminator} or {@link #lower}, skipping what
 * {@link IrFacts#isSkipped} says needs no code).
 *
 * <p>VCode's entry block has no parameters, so the function's arguments are defined by the
 * backend's {@link #entryArgs} pseudo-instruction at the top of the entry. If the IR entry block
 * is itself a branch target, a parameterless pseudo-entry (VCode block 0) defines the arguments
 * into fresh registers and jumps to the IR entry (block 1) passing them as block arguments.
 *
 * @param <I> the backend's machine instruction type
 */
public abstract class BlockLowering<I extends MachInst> {
    /** The pre-pass over the function being lowered. */
    protected final IrFacts facts;
    /** The VCode under construction. */
    protected final VCode.Builder<I> b;
    private final Map<Value, VReg> vregs = new HashMap<>();
    private final Map<Block, Integer> blockIndex = new HashMap<>();

    /** Lowers the function {@code facts} describes into {@code b}. */
    protected BlockLowering(IrFacts facts, VCode.Builder<I> b) {
        this.facts = facts;
        this.b = b;
    }

    /** The register class holding values of type {@code t}. */
    public static RegClass cls(Type t) {
        return t.isFloat() ? RegClass.FLOAT : RegClass.INT;
    }

    /** The virtual register of IR value {@code v} (created on first request). */
    public final VReg vreg(Value v) {
        return vregs.computeIfAbsent(v, k -> b.newVReg(cls(k.type())));
    }

    /** The VCode block number of reachable IR block {@code block}. */
    protected final int blockIndex(Block block) {
        return blockIndex.get(block);
    }

    /**
     * Declares every block, then lowers them in layout order, cold blocks ({@link BasicBlock#cold})
     * after all others but the entry (each group keeping its layout order), so that the code that
     * runs is contiguous. Call once, from the builder's body.
     */
    protected final void lowerBlocks() {
        IrFunction f = facts.function();
        List<BasicBlock> reachable = new ArrayList<>(facts.reachable());
        reachable.subList(1, reachable.size()).sort(Comparator.comparing(BasicBlock::cold));
        boolean pseudoEntry = facts.entryTargeted();
        int base = pseudoEntry ? 1 : 0;
        for (int i = 0; i < reachable.size(); i++) {
            blockIndex.put(reachable.get(i).block(), base + i);
        }
        if (pseudoEntry) {
            b.declareBlock(List.of());
        }
        for (BasicBlock bb : reachable) {
            boolean entry = bb.block().equals(f.entry().block());
            b.declareBlock(entry && !pseudoEntry ? List.of() : bb.params().stream().map(this::vreg).toList());
        }
        if (pseudoEntry) {
            b.startBlock(0);
            List<VReg> args = new ArrayList<>();
            for (Value p : f.entry().params()) {
                args.add(b.newVReg(cls(p.type())));
            }
            entryArgs(args, f.entry().params());
            b.push(jumpToOnlySuccessor());
            b.endBlock(List.of(1), List.of(args));
        }
        for (BasicBlock bb : reachable) {
            b.startBlock(blockIndex(bb.block()));
            if (bb.block().equals(f.entry().block()) && !pseudoEntry) {
                entryArgs(bb.params().stream().map(this::vreg).toList(), bb.params());
            }
            for (Inst i : bb.insts()) {
                if (i.isTerminator()) {
                    terminator(i);
                } else if (!facts.isSkipped(i)) {
                    lower(i);
                }
            }
        }
    }

    /**
     * Pushes the pseudo-instruction defining {@code dsts} (one per entry parameter in
     * {@code params}) where the calling convention passes the function's arguments.
     */
    protected abstract void entryArgs(List<VReg> dsts, List<Value> params);

    /** An unconditional branch to the current block's only successor (successor 0). */
    protected abstract I jumpToOnlySuccessor();

    /** Lowers terminator {@code i}, ending the current block. */
    protected abstract void terminator(Inst i);

    /** Lowers non-terminator {@code i}, which {@link IrFacts#isSkipped} said needs code. */
    protected abstract void lower(Inst i);
}
