package org.pyjit.regalloc.checker;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.pyjit.regalloc.Allocation;
import org.pyjit.regalloc.Constraint;
import org.pyjit.regalloc.Edge;
import org.pyjit.regalloc.Edit;
import org.pyjit.regalloc.InstPosition;
import org.pyjit.regalloc.MachineEnv;
import org.pyjit.regalloc.Move;
import org.pyjit.regalloc.Operand;
import org.pyjit.regalloc.OperandKind;
import org.pyjit.regalloc.OperandPos;
import org.pyjit.regalloc.PReg;
import org.pyjit.regalloc.ProgramPoint;
import org.pyjit.regalloc.RegAllocFunction;
import org.pyjit.regalloc.RegAllocResult;
import org.pyjit.regalloc.VReg;

/**
 * Proves an allocation correct from the input function, the machine and the result alone, by
 * abstract interpretation (after regalloc2's checker).
 *
 * <p>The abstract state maps every location (register or slot) to the set of vregs whose current
 * value it certainly holds. Moves copy sets; a def of {@code v} removes {@code v} everywhere and
 * puts {@code {v}} in its location; clobbers empty their registers; on an edge, after the edge
 * moves, each block parameter is removed everywhere and added wherever its argument is. States
 * meet by intersection at block entries; the fixpoint is computed first, then one pass in
 * instruction order reports the first violation. Instruction semantics: edits before, then uses
 * read (and constraints checked), early defs written, clobbers applied, late defs written, then
 * edits after.
 */
public final class AllocationChecker {
    private final RegAllocFunction fn;
    private final MachineEnv env;
    private final RegAllocResult res;
    private Violation first;

    private AllocationChecker(RegAllocFunction fn, MachineEnv env, RegAllocResult res) {
        this.fn = fn;
        this.env = env;
        this.res = res;
    }

    /** The first violation of {@code result} as an allocation of {@code fn} on {@code env}, if any. */
    public static Optional<Violation> verify(RegAllocFunction fn, MachineEnv env, RegAllocResult result) {
        return Optional.ofNullable(new AllocationChecker(fn, env, result).run());
    }

    /** Throws {@link AllocationCheckException} with the first violation, if any. */
    public static void check(RegAllocFunction fn, MachineEnv env, RegAllocResult result) {
        verify(fn, env, result).ifPresent(v -> {
            throw new AllocationCheckException(v);
        });
    }

    private Violation run() {
        if (res.allocations().size() != fn.numInsts()) {
            return new Violation(ViolationKind.MISSING_ALLOCATION, 0, -1, null, res.allocations().size() + " instructions",
                    "the result has allocations for " + res.allocations().size() + " instructions, the function has " + fn.numInsts());
        }
        for (int i = 0; i < fn.numInsts(); i++) {
            if (res.allocations().get(i).size() != fn.operands(i).size()) {
                return new Violation(ViolationKind.MISSING_ALLOCATION, i, -1, null, res.allocations().get(i).size() + " allocations",
                        "inst " + i + " has " + fn.operands(i).size() + " operands but " + res.allocations().get(i).size() + " allocations");
            }
        }
        for (Edge e : res.edgeMoves().keySet()) {
            if (e.pred() < 0 || e.pred() >= fn.numBlocks() || e.succIndex() < 0 || e.succIndex() >= fn.successors(e.pred()).size()) {
                return new Violation(ViolationKind.EDGE_MOVES, 0, -1, null, e.toString(), "edge moves for a nonexistent edge " + e);
            }
        }
        int nb = fn.numBlocks();
        List<Map<Allocation, BitSet>> in = new ArrayList<>();
        for (int b = 0; b < nb; b++) in.add(null);
        in.set(fn.entryBlock(), new HashMap<>());
        TreeSet<Integer> work = new TreeSet<>();
        work.add(fn.entryBlock());
        while (!work.isEmpty()) {
            int b = work.pollFirst();
            List<Map<Allocation, BitSet>> outs = runBlock(b, copy(in.get(b)), false);
            List<Integer> succs = fn.successors(b);
            for (int j = 0; j < succs.size(); j++) {
                int s = succs.get(j);
                Map<Allocation, BitSet> old = in.get(s);
                Map<Allocation, BitSet> met = old == null ? outs.get(j) : meet(old, outs.get(j));
                if (old == null || !old.equals(met)) {
                    in.set(s, met);
                    work.add(s);
                }
            }
        }
        Integer[] blocks = new Integer[nb];
        for (int b = 0; b < nb; b++) blocks[b] = b;
        java.util.Arrays.sort(blocks, Comparator.comparingInt(fn::blockFirstInst));
        for (int b : blocks) {
            if (in.get(b) == null) continue;
            runBlock(b, copy(in.get(b)), true);
            if (first != null) return first;
        }
        return null;
    }

    private static Map<Allocation, BitSet> copy(Map<Allocation, BitSet> m) {
        Map<Allocation, BitSet> c = new HashMap<>();
        m.forEach((k, v) -> c.put(k, (BitSet) v.clone()));
        return c;
    }

    private static Map<Allocation, BitSet> meet(Map<Allocation, BitSet> a, Map<Allocation, BitSet> b) {
        Map<Allocation, BitSet> r = new HashMap<>();
        a.forEach((k, v) -> {
            BitSet o = b.get(k);
            if (o == null) return;
            BitSet x = (BitSet) v.clone();
            x.and(o);
            if (!x.isEmpty()) r.put(k, x);
        });
        return r;
    }

    private void fail(boolean report, ViolationKind kind, int inst, int operand, VReg expected, String found, String msg) {
        if (report && first == null) first = new Violation(kind, inst, operand, expected, found, msg);
    }

    private String describe(Map<Allocation, BitSet> st, Allocation a) {
        BitSet s = st.get(a);
        if (s == null || s.isEmpty()) return "nothing known";
        StringBuilder sb = new StringBuilder();
        s.stream().forEach(v -> sb.append(sb.length() == 0 ? "" : ",").append('v').append(v));
        return "{" + sb + "}";
    }

    private String name(Allocation a) {
        return a instanceof Allocation.Reg r ? env.name(r.reg()) : a.toString();
    }

    private List<Map<Allocation, BitSet>> runBlock(int b, Map<Allocation, BitSet> st, boolean report) {
        int end = fn.blockEndInst(b);
        for (int i = fn.blockFirstInst(b); i < end; i++) {
            applyEdits(st, i, InstPosition.BEFORE, report);
            runInst(st, i, report);
            applyEdits(st, i, InstPosition.AFTER, report);
        }
        List<Integer> succs = fn.successors(b);
        List<Map<Allocation, BitSet>> outs = new ArrayList<>(succs.size());
        for (int j = 0; j < succs.size(); j++) {
            int s = succs.get(j);
            Map<Allocation, BitSet> o = copy(st);
            List<Move> em = res.edgeMoves(b, j);
            boolean critical = succs.size() > 1 && fn.predecessors(s).size() > 1;
            if (!em.isEmpty() && !critical) {
                fail(report, ViolationKind.EDGE_MOVES, end - 1, -1, null, em.toString(),
                        "edge " + b + "->" + s + " is not critical but has edge moves " + em);
            }
            for (Move m : em) applyMove(o, m, end - 1, report);
            List<VReg> params = fn.blockParams(s), args = fn.branchArgs(b, j);
            Map<Allocation, BitSet> before = copy(o);
            for (VReg p : params) for (BitSet set : o.values()) set.clear(p.index());
            for (int q = 0; q < params.size(); q++) {
                int a = args.get(q).index(), p = params.get(q).index();
                before.forEach((loc, set) -> {
                    if (set.get(a)) o.computeIfAbsent(loc, k -> new BitSet()).set(p);
                });
            }
            o.values().removeIf(BitSet::isEmpty);
            outs.add(o);
        }
        return outs;
    }

    private void applyEdits(Map<Allocation, BitSet> st, int inst, InstPosition pos, boolean report) {
        for (Edit e : res.editsAt(new ProgramPoint(inst, pos))) applyMove(st, e.move(), inst, report);
    }

    private void applyMove(Map<Allocation, BitSet> st, Move m, int inst, boolean report) {
        for (Allocation a : List.of(m.from(), m.to())) {
            if (a instanceof Allocation.Reg r) {
                if (r.reg().cls() != m.cls() || !(env.isAllocatable(r.reg()) || r.reg().equals(env.scratch(r.reg().cls())))) {
                    fail(report, ViolationKind.BAD_LOCATION, inst, -1, null, name(a), "move " + m + " before/after inst " + inst + " uses register " + name(a) + " of the wrong class or not allocatable");
                }
            } else if (((Allocation.Slot) a).index() >= res.numSpillSlots() || ((Allocation.Slot) a).index() < 0) {
                fail(report, ViolationKind.BAD_LOCATION, inst, -1, null, a.toString(), "move " + m + " at inst " + inst + " uses a slot beyond the " + res.numSpillSlots() + " reported");
            }
        }
        if (!m.from().isReg() && !m.to().isReg()) {
            fail(report, ViolationKind.BAD_LOCATION, inst, -1, null, m.toString(), "slot-to-slot move " + m + " at inst " + inst);
        }
        if (m.to() instanceof Allocation.Reg r && !res.usedRegisters().contains(r.reg())) {
            fail(report, ViolationKind.UNREPORTED_REGISTER, inst, -1, null, name(m.to()), "move at inst " + inst + " writes " + name(m.to()) + " which is not in usedRegisters");
        }
        BitSet v = st.get(m.from());
        if (v == null) st.remove(m.to()); else st.put(m.to(), (BitSet) v.clone());
    }

    private void runInst(Map<Allocation, BitSet> st, int i, boolean report) {
        List<Operand> ops = fn.operands(i);
        List<Allocation> al = res.allocations().get(i);
        for (int k = 0; k < ops.size(); k++) {
            Operand op = ops.get(k);
            Allocation a = al.get(k);
            if (a == null) {
                fail(report, ViolationKind.MISSING_ALLOCATION, i, k, op.vreg(), "null", "inst " + i + " operand " + k + " has no allocation");
                return;
            }
            checkLocation(op, a, i, k, report);
            switch (op.constraint().kind()) {
                case ANY_REG -> {
                    if (!a.isReg()) fail(report, ViolationKind.CONSTRAINT, i, k, op.vreg(), name(a), "inst " + i + " operand " + k + " (" + op + ") needs a register but got " + name(a));
                }
                case FIXED_REG -> {
                    PReg want = ((Constraint.Fixed) op.constraint()).reg();
                    if (!a.equals(new Allocation.Reg(want))) fail(report, ViolationKind.CONSTRAINT, i, k, op.vreg(), name(a), "inst " + i + " operand " + k + " (" + op + ") must be in " + env.name(want) + " but got " + name(a));
                }
                case STACK -> {
                    if (a.isReg()) fail(report, ViolationKind.CONSTRAINT, i, k, op.vreg(), name(a), "inst " + i + " operand " + k + " (" + op + ") must be in a slot but got " + name(a));
                }
                case REUSE -> {
                    int in = ((Constraint.Reuse) op.constraint()).input();
                    if (in >= al.size() || !a.equals(al.get(in))) fail(report, ViolationKind.CONSTRAINT, i, k, op.vreg(), name(a), "inst " + i + " operand " + k + " (" + op + ") must reuse the location of operand " + in + " but got " + name(a));
                }
            }
        }
        for (int k = 0; k < ops.size(); k++) {
            Operand op = ops.get(k);
            if (op.kind() != OperandKind.USE) continue;
            BitSet s = st.get(al.get(k));
            if (s == null || !s.get(op.vreg().index())) {
                fail(report, ViolationKind.WRONG_VALUE, i, k, op.vreg(), describe(st, al.get(k)),
                        "inst " + i + " operand " + k + " reads " + op.vreg() + " from " + name(al.get(k)) + " which holds " + describe(st, al.get(k)));
            }
        }
        for (int k = 0; k < ops.size(); k++) {
            Operand d = ops.get(k);
            if (d.kind() != OperandKind.DEF) continue;
            if (al.get(k) instanceof Allocation.Reg r && !res.usedRegisters().contains(r.reg())) {
                fail(report, ViolationKind.UNREPORTED_REGISTER, i, k, d.vreg(), name(al.get(k)), "inst " + i + " defines into " + name(al.get(k)) + " which is not in usedRegisters");
            }
            for (int q = 0; q < ops.size(); q++) {
                if (q == k || !al.get(q).equals(al.get(k))) continue;
                Operand o = ops.get(q);
                boolean reused = d.constraint() instanceof Constraint.Reuse ru && ru.input() == q;
                boolean clash = o.kind() == OperandKind.DEF || d.pos() == OperandPos.EARLY || o.pos() == OperandPos.LATE;
                if (clash && !reused) {
                    fail(report, ViolationKind.CONFLICT, i, k, d.vreg(), name(al.get(k)), "inst " + i + " operand " + k + " (" + d + ") shares " + name(al.get(k)) + " with operand " + q + " (" + o + ")");
                }
            }
        }
        define(st, ops, al, OperandPos.EARLY);
        for (PReg r : fn.clobbers(i)) st.remove(new Allocation.Reg(r));
        define(st, ops, al, OperandPos.LATE);
    }

    private static void define(Map<Allocation, BitSet> st, List<Operand> ops, List<Allocation> al, OperandPos pos) {
        for (int k = 0; k < ops.size(); k++) {
            Operand d = ops.get(k);
            if (d.kind() != OperandKind.DEF || d.pos() != pos) continue;
            for (BitSet s : st.values()) s.clear(d.vreg().index());
            BitSet n = new BitSet();
            n.set(d.vreg().index());
            st.put(al.get(k), n);
        }
        st.values().removeIf(BitSet::isEmpty);
    }

    private void checkLocation(Operand op, Allocation a, int i, int k, boolean report) {
        if (a instanceof Allocation.Reg r) {
            if (r.reg().cls() != op.vreg().cls()) fail(report, ViolationKind.BAD_LOCATION, i, k, op.vreg(), name(a), "inst " + i + " operand " + k + " (" + op + ") is in " + name(a) + " of the wrong class");
            else if (!env.isAllocatable(r.reg())) fail(report, ViolationKind.BAD_LOCATION, i, k, op.vreg(), name(a), "inst " + i + " operand " + k + " (" + op + ") is in " + name(a) + " which is not allocatable");
        } else {
            int s = ((Allocation.Slot) a).index();
            if (s < 0 || s >= res.numSpillSlots()) fail(report, ViolationKind.BAD_LOCATION, i, k, op.vreg(), name(a), "inst " + i + " operand " + k + " is in " + a + " beyond the " + res.numSpillSlots() + " slots");
        }
    }

}
