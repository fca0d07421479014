package org.pyjit.x86;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pyjit.ir.BasicBlock;
import org.pyjit.ir.Block;
import org.pyjit.ir.BlockCall;
import org.pyjit.ir.Inst;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;

/**
 * What instruction selection needs to know about an IR function before lowering it: the
 * reachable blocks in layout order, each value's defining instruction, use counts, which
 * compares fuse into the following branch, and which address computations fold into every
 * load and store that uses them (and so need no code of their own).
 */
final class IrFacts {
    final IrFunction function;
    final List<BasicBlock> reachable = new ArrayList<>();
    final Set<Block> entryTargeted = new HashSet<>();
    private final Map<Value, Inst> defs = new HashMap<>();
    private final Map<Value, Integer> uses = new HashMap<>();
    private final Set<Inst> fusedCompares = new HashSet<>();
    private final Map<Value, Integer> foldedUses = new HashMap<>();

    IrFacts(IrFunction f) {
        this.function = f;
        Set<Block> seen = new HashSet<>();
        Deque<Block> work = new ArrayDeque<>();
        work.add(f.entry().block());
        seen.add(f.entry().block());
        while (!work.isEmpty()) {
            BasicBlock b = f.block(work.poll());
            for (Block s : b.successors()) {
                if (s.equals(f.entry().block())) {
                    entryTargeted.add(s);
                }
                if (seen.add(s)) {
                    work.add(s);
                }
            }
        }
        for (BasicBlock b : f.blocks()) {
            if (seen.contains(b.block())) {
                reachable.add(b);
            }
        }
        for (BasicBlock b : reachable) {
            for (Inst i : b.insts()) {
                for (Value r : i.results()) {
                    defs.put(r, i);
                }
                i.args().forEach(this::countUse);
                for (BlockCall t : i.targets()) {
                    t.args().forEach(this::countUse);
                }
            }
        }
        for (BasicBlock b : reachable) {
            List<Inst> insts = b.insts();
            Inst term = insts.get(insts.size() - 1);
            if (term.opcode() == Opcode.BRIF && insts.size() >= 2) {
                Inst prev = insts.get(insts.size() - 2);
                boolean compare = prev.opcode() == Opcode.ICMP || prev.opcode() == Opcode.ICMP_IMM
                        || prev.opcode() == Opcode.FCMP;
                if (compare && prev.result().equals(term.arg(0)) && useCount(prev.result()) == 1) {
                    fusedCompares.add(prev);
                }
            }
            for (Inst i : insts) {
                if (i.opcode() == Opcode.LOAD || i.opcode() == Opcode.STORE) {
                    Value addr = i.opcode() == Opcode.LOAD ? i.arg(0) : i.arg(1);
                    int off = ((org.pyjit.ir.Imm.Offset) i.imm()).offset();
                    if (foldableAddress(addr, off)) {
                        foldedUses.merge(addr, 1, Integer::sum);
                    }
                }
            }
        }
    }

    private void countUse(Value v) {
        uses.merge(v, 1, Integer::sum);
    }

    /** The instruction defining {@code v}, or null for block parameters. */
    Inst def(Value v) {
        return defs.get(v);
    }

    /** How many times {@code v} is read (arguments and branch arguments). */
    int useCount(Value v) {
        return uses.getOrDefault(v, 0);
    }

    /** The integer constant {@code v} holds, or null if it is not an {@code iconst}. */
    Long constant(Value v) {
        Inst d = defs.get(v);
        return d != null && d.opcode() == Opcode.ICONST ? d.intImm() : null;
    }

    /** True if the compare {@code i} is emitted as part of the branch that follows it. */
    boolean isFused(Inst i) {
        return fusedCompares.contains(i);
    }

    /**
     * True if {@code addr + off} can be a single x86 address: {@code addr} is computed by an
     * {@code iadd_imm}, {@code iadd} of i64 or {@code stack_addr} whose constant fits disp32.
     */
    boolean foldableAddress(Value addr, int off) {
        Inst d = defs.get(addr);
        if (d == null) {
            return false;
        }
        return switch (d.opcode()) {
            case IADD_IMM -> d.result().type() == Type.I64 && fitsInt(d.intImm() + off);
            case IADD -> d.result().type() == Type.I64;
            case STACK_ADDR -> fitsInt((long) ((org.pyjit.ir.Imm.SlotRef) d.imm()).offset() + off);
            default -> false;
        };
    }

    /**
     * True if {@code i} needs no code: a pure instruction whose results are never read, a
     * constant (materialised at each use), a compare fused into its branch, or an address
     * computation folded into every memory access that uses it.
     */
    boolean isSkipped(Inst i) {
        Opcode op = i.opcode();
        if (op == Opcode.ICONST || op == Opcode.F32CONST || op == Opcode.F64CONST || fusedCompares.contains(i)) {
            return true;
        }
        if (!op.isPure() || i.results().isEmpty()) {
            return false;
        }
        boolean allFolded = true;
        for (Value r : i.results()) {
            int n = useCount(r);
            if (n != 0 && foldedUses.getOrDefault(r, 0) != n) {
                allFolded = false;
            }
        }
        return allFolded;
    }

    static boolean fitsInt(long v) {
        return v == (int) v;
    }
}
