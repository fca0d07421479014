package org.pyjit.ir;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A function: a name, a signature, stack slots and blocks. The first block is the entry; its
 * parameters receive the function's arguments. Immutable; build one with {@link FunctionBuilder}
 * or parse it from text.
 */
public final class IrFunction {
    private final String name;
    private final Signature signature;
    private final List<StackSlot> stackSlots;
    private final List<BasicBlock> blocks;
    private final Map<Block, BasicBlock> byRef;
    private final int valueBound;

    /**
     * Creates a function. Checks only what the data structure needs (unique block numbers, at
     * least one block); everything else is the verifier's job.
     *
     * @param name       the name, without {@code %}
     * @param signature  the signature
     * @param stackSlots the stack slots, slot {@code i} at index {@code i}
     * @param blocks     the blocks in layout order, entry first
     */
    public IrFunction(String name, Signature signature, List<StackSlot> stackSlots, List<BasicBlock> blocks) {
        this.name = Objects.requireNonNull(name, "name");
        this.signature = Objects.requireNonNull(signature, "signature");
        this.stackSlots = List.copyOf(stackSlots);
        this.blocks = List.copyOf(blocks);
        if (this.blocks.isEmpty()) {
            throw new IllegalArgumentException("function %" + name + " has no blocks");
        }
        for (int i = 0; i < this.stackSlots.size(); i++) {
            if (this.stackSlots.get(i).index() != i) {
                throw new IllegalArgumentException("function %" + name + ": stack slot " + i + " is numbered "
                        + this.stackSlots.get(i).index());
            }
        }
        Map<Block, BasicBlock> map = new HashMap<>();
        int bound = 0;
        for (BasicBlock b : this.blocks) {
            if (map.put(b.block(), b) != null) {
                throw new IllegalArgumentException("function %" + name + ": " + b.block() + " defined twice");
            }
            for (Value v : b.params()) {
                bound = Math.max(bound, v.id() + 1);
            }
            for (Inst inst : b.insts()) {
                for (Value v : inst.results()) {
                    bound = Math.max(bound, v.id() + 1);
                }
            }
        }
        this.byRef = Collections.unmodifiableMap(map);
        this.valueBound = bound;
    }

    /** The function's name, without {@code %}. */
    public String name() {
        return name;
    }

    /** The signature. */
    public Signature signature() {
        return signature;
    }

    /** The stack slots. */
    public List<StackSlot> stackSlots() {
        return stackSlots;
    }

    /** The blocks in layout order; the first is the entry block. */
    public List<BasicBlock> blocks() {
        return blocks;
    }

    /** The entry block. */
    public BasicBlock entry() {
        return blocks.get(0);
    }

    /** The contents of {@code ref}, or null if the function has no such block. */
    public BasicBlock block(Block ref) {
        return byRef.get(ref);
    }

    /** One more than the largest value number defined (a bound for value-indexed arrays). */
    public int valueBound() {
        return valueBound;
    }

    /** One more than the largest block number. */
    public int blockBound() {
        int bound = 0;
        for (BasicBlock b : blocks) {
            bound = Math.max(bound, b.block().id() + 1);
        }
        return bound;
    }

    /** The number of instructions in all blocks. */
    public int instCount() {
        int n = 0;
        for (BasicBlock b : blocks) {
            n += b.insts().size();
        }
        return n;
    }

    @Override
    public String toString() {
        return "%" + name + signature.text();
    }
}
