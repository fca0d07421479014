package org.pyjit.codegen.lower;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.pyjit.ir.BasicBlock;
import org.pyjit.ir.Block;
import org.pyjit.ir.BlockCall;
import org.pyjit.ir.Imm;
import org.pyjit.ir.Inst;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Value;

/**
 * What instruction selection needs to know about an IR function before lowering it: the
 * reachable blocks in layout order, whether the entry block is a branch target, each value's
 * defining instruction, use counts, which compares fuse into the following branch, and which
 * address computations fold into every load and store that uses them (and so need no code of
 * their own). Which address computations a memory access can absorb is the backend's
 * {@link AddressFolding}; everything else is machine-independent. Immutable once built.
 */
public final class IrFacts {

    /** The backend's addressing modes: whether a load or store absorbs its address computation. */
    @FunctionalInterface
    public interface AddressFolding {
        /**
         * True if {@code access} (a {@code load} or {@code store}) can address
         * {@code [result of addrDef + offset]} directly, reading the operands of {@code addrDef}.
         *
         * @param addrDef the instruction computing the address
         * @param offset  the access's own constant offset
         * @param access  the load or store
         */
        boolean absorbs(Inst addrDef, int offset, Inst access);
    }

    private final IrFunction function;
    private final AddressFolding folding;
    private final List<BasicBlock> reachable = new ArrayList<>();
    private final boolean entryTargeted;
    private final Map<Value, Inst> defs = new HashMap<>();
    private final Map<Value, Integer> uses = new HashMap<>();
    private final Set<Inst> fusedCompares = new HashSet<>();
    private final Map<Value, Integer> foldedUses = new HashMap<>();

    /** Analyses {@code f}, folding addresses as {@code folding} allows; compares fuse into branches only. */
    public IrFacts(IrFunction f, AddressFolding folding) {
        this(f, folding, false);
    }

    /**
     * Analyses {@code f}, folding addresses as {@code folding} allows.
     *
     * @param fuseIntoSelects also fuse an integer compare into the integer {@code select} of the
     *     same block that is its only use (the backend then emits compare + conditional move)
     */
    public IrFacts(IrFunction f, AddressFolding folding, boolean fuseIntoSelects) {
        this.function = Objects.requireNonNull(f, "function");
        this.folding = Objects.requireNonNull(folding, "folding");
        Block entry = f.entry().block();
        boolean targeted = false;
        Set<Block> seen = new HashSet<>();
        Deque<Block> work = new ArrayDeque<>();
        work.add(entry);
        seen.add(entry);
        while (!work.isEmpty()) {
            for (Block s : f.block(work.poll()).successors()) {
                targeted |= s.equals(entry);
                if (seen.add(s)) {
                    work.add(s);
                }
            }
        }
        this.entryTargeted = targeted;
        for (BasicBlock b : f.blocks()) {
            if (seen.contains(b.block())) {
                reachable.add(b);
            }
        }
        for (BasicBlock b : reachable) {
            for (Inst i : b.insts()) {
                i.results().forEach(r -> defs.put(r, i));
                i.args().forEach(this::countUse);
                for (BlockCall t : i.targets()) {
                    t.args().forEach(this::countUse);
                }
            }
        }
        // Needs every def and use count: fusion wants a single use, folding looks at the def.
        for (BasicBlock b : reachable) {
            List<Inst> insts = b.insts();
            Inst term = insts.get(insts.size() - 1);
            if (term.opcode() == Opcode.BRIF && insts.size() >= 2) {
                Inst prev = insts.get(insts.size() - 2);
                Opcode op = prev.opcode();
                boolean compare = op == Opcode.ICMP || op == Opcode.ICMP_IMM || op == Opcode.FCMP;
                if (compare && prev.result().equals(term.arg(0)) && useCount(prev.result()) == 1) {
                    fusedCompares.add(prev);
                }
            }
            // The compares met so far in this block (a select's own compare precedes it).
            Set<Inst> blockCompares = new HashSet<>();
            for (Inst i : insts) {
                if (fuseIntoSelects && (i.opcode() == Opcode.ICMP || i.opcode() == Opcode.ICMP_IMM)) {
                    blockCompares.add(i);
                }
                if (fuseIntoSelects && i.opcode() == Opcode.SELECT && !i.result().type().isFloat()) {
                    Inst cond = defs.get(i.arg(0));
                    if (cond != null && blockCompares.contains(cond) && useCount(cond.result()) == 1) {
                        fusedCompares.add(cond);
                    }
                }
                if (i.opcode() == Opcode.LOAD || i.opcode() == Opcode.STORE) {
                    Value addr = i.opcode() == Opcode.LOAD ? i.arg(0) : i.arg(1);
                    if (foldable(addr, ((Imm.Offset) i.imm()).offset(), i)) {
                        foldedUses.merge(addr, 1, Integer::sum);
                    }
                }
            }
        }
    }

    private void countUse(Value v) {
        uses.merge(v, 1, Integer::sum);
    }

    /** The analysed function. */
    public IrFunction function() {
        return function;
    }

    /** The blocks reachable from the entry, in the function's layout order (entry first). */
    public List<BasicBlock> reachable() {
        return List.copyOf(reachable);
    }

    /** True if some reachable branch targets the entry block (which then needs a pseudo-entry). */
    public boolean entryTargeted() {
        return entryTargeted;
    }

    /** The instruction defining {@code v}, or null for block parameters. */
    public Inst def(Value v) {
        return defs.get(v);
    }

    /** How many times {@code v} is read (arguments and branch arguments). */
    public int useCount(Value v) {
        return uses.getOrDefault(v, 0);
    }

    /** The integer constant {@code v} holds, or null if it is not an {@code iconst}. */
    public Long constant(Value v) {
        Inst d = defs.get(v);
        return d != null && d.opcode() == Opcode.ICONST ? d.intImm() : null;
    }

    /**
     * True if the compare {@code i} is emitted as part of its only user: the branch that follows
     * it or, when asked for, an integer {@code select} of its block.
     */
    public boolean isFused(Inst i) {
        return fusedCompares.contains(i);
    }

    /**
     * True if the load or store {@code access} of {@code [addr + off]} absorbs the instruction
     * computing {@code addr} (false for block parameters).
     */
    public boolean foldable(Value addr, int off, Inst access) {
        Inst d = defs.get(addr);
        return d != null && folding.absorbs(d, off, access);
    }

    /**
     * True if {@code i} needs no code: a constant (materialised at each use), a compare fused into
     * its branch, or a pure instruction whose results are unused or folded into every use.
     */
    public boolean isSkipped(Inst i) {
        Opcode op = i.opcode();
        if (op == Opcode.ICONST || op == Opcode.F32CONST || op == Opcode.F64CONST || fusedCompares.contains(i)) {
            return true;
        }
        if (!op.isPure() || i.results().isEmpty()) {
            return false;
        }
        for (Value r : i.results()) {
            int n = useCount(r);
            if (n != 0 && foldedUses.getOrDefault(r, 0) != n) {
                return false;
            }
        }
        return true;
    }
}
