package org.pyjit.aarch64;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pyjit.aarch64.asm.A64Assembler;
import org.pyjit.aarch64.asm.MemOp;
import org.pyjit.ir.BasicBlock;
import org.pyjit.ir.Block;
import org.pyjit.ir.BlockCall;
import org.pyjit.ir.Imm;
import org.pyjit.ir.Inst;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;

/**
 * What instruction selection needs to know about an IR function first: reachable blocks in
 * layout order, each value's definition and use count, which compares fuse into the branch that
 * follows them, and which address computations fold into every load and store using them (an
 * {@code iadd_imm} whose total offset is encodable for the access, or a {@code stack_addr}).
 */
final class A64Facts {
    final IrFunction function;
    final List<BasicBlock> reachable = new ArrayList<>();
    boolean entryTargeted;
    private final Map<Value, Inst> defs = new HashMap<>();
    private final Map<Value, Integer> uses = new HashMap<>();
    private final Set<Inst> fused = new HashSet<>();
    private final Map<Value, Integer> foldedUses = new HashMap<>();

    A64Facts(IrFunction f) {
        this.function = f;
        Block entry = f.entry().block();
        Set<Block> seen = new HashSet<>();
        Deque<Block> work = new ArrayDeque<>();
        work.add(entry);
        seen.add(entry);
        while (!work.isEmpty()) {
            for (Block s : f.block(work.poll()).successors()) {
                entryTargeted |= s.equals(entry);
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
                i.results().forEach(r -> defs.put(r, i));
                i.args().forEach(v -> uses.merge(v, 1, Integer::sum));
                for (BlockCall t : i.targets()) {
                    t.args().forEach(v -> uses.merge(v, 1, Integer::sum));
                }
            }
        }
        for (BasicBlock b : reachable) {
            List<Inst> insts = b.insts();
            Inst term = insts.get(insts.size() - 1);
            if (term.opcode() == Opcode.BRIF && insts.size() >= 2) {
                Inst prev = insts.get(insts.size() - 2);
                Opcode op = prev.opcode();
                boolean compare = op == Opcode.ICMP || op == Opcode.ICMP_IMM || op == Opcode.FCMP;
                if (compare && prev.result().equals(term.arg(0)) && useCount(prev.result()) == 1) {
                    fused.add(prev);
                }
            }
            for (Inst i : insts) {
                if (i.opcode() == Opcode.LOAD || i.opcode() == Opcode.STORE) {
                    Value addr = i.opcode() == Opcode.LOAD ? i.arg(0) : i.arg(1);
                    if (foldable(addr, ((Imm.Offset) i.imm()).offset(), memOp(i))) {
                        foldedUses.merge(addr, 1, Integer::sum);
                    }
                }
            }
        }
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

    /** The defining instruction of {@code v}, or null for block parameters. */
    Inst def(Value v) {
        return defs.get(v);
    }

    /** Reads of {@code v} (arguments and branch arguments). */
    int useCount(Value v) {
        return uses.getOrDefault(v, 0);
    }

    /** The integer constant {@code v} holds, or null. */
    Long constant(Value v) {
        Inst d = defs.get(v);
        return d != null && d.opcode() == Opcode.ICONST ? d.intImm() : null;
    }

    /** True if compare {@code i} is emitted as part of the following branch. */
    boolean isFused(Inst i) {
        return fused.contains(i);
    }

    /** True if the access {@code op [addr + off]} absorbs the computation of {@code addr}. */
    boolean foldable(Value addr, int off, MemOp op) {
        Inst d = defs.get(addr);
        if (d == null) {
            return false;
        }
        return switch (d.opcode()) {
            case IADD_IMM -> d.result().type() == Type.I64 && A64Assembler.isOffsetEncodable(op, d.intImm() + off);
            case STACK_ADDR -> true;
            default -> false;
        };
    }

    /**
     * True if {@code i} needs no code: constants (materialised at uses), fused compares, pure
     * instructions whose results are unused or folded into every use.
     */
    boolean isSkipped(Inst i) {
        Opcode op = i.opcode();
        if (op == Opcode.ICONST || op == Opcode.F32CONST || op == Opcode.F64CONST || fused.contains(i)) {
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
