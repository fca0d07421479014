package org.pyjit.regalloc;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.pyjit.regalloc.TestMachines.*;

/**
 * Random valid allocator inputs for {@link TestMachines#small()}: CFGs with loops, repeated and
 * critical edges, block parameters, calls with clobbers and fixed argument/return registers,
 * fixed-register operands, reuse (two-address) defs, stack operands, temps, late uses, the same
 * vreg used twice with different constraints, dead defs, and many long-lived values.
 */
final class RandomFunctions {
    private final Random rnd;
    private final int numBlocks;
    private final List<List<Integer>> succs = new ArrayList<>();
    private final List<VReg> vregs = new ArrayList<>();

    private record Inst(InstKind kind, List<Operand> ops, Set<PReg> clobbers) {
    }

    private RandomFunctions(long seed) {
        this.rnd = new Random(seed);
        this.numBlocks = 1 + rnd.nextInt(7);
    }

    static RegAllocInput generate(long seed) {
        return new RandomFunctions(seed).build();
    }

    private RegAllocInput build() {
        for (int b = 0; b < numBlocks; b++) {
            List<Integer> s = new ArrayList<>();
            if (b + 1 < numBlocks) {
                s.add(b + 1);
                if (rnd.nextInt(3) > 0) s.add(rnd.nextInt(numBlocks));
                else if (rnd.nextInt(4) == 0) s.add(1 + rnd.nextInt(numBlocks - 1));
            } else if (rnd.nextInt(3) == 0 && numBlocks > 1) {
                s.add(rnd.nextInt(numBlocks));
                s.add(rnd.nextInt(numBlocks));
            }
            succs.add(s);
        }
        // The last block may loop back; make sure something returns.
        if (!succs.get(numBlocks - 1).isEmpty()) {
            boolean anyRet = false;
            for (List<Integer> s : succs) anyRet |= s.isEmpty();
            if (!anyRet) succs.get(numBlocks - 1).clear();
        }
        int[] idom = dominators();
        return RegAllocInput.build(f -> {
            List<List<VReg>> params = new ArrayList<>();
            for (int b = 0; b < numBlocks; b++) {
                List<VReg> ps = new ArrayList<>();
                if (b > 0) for (int k = rnd.nextInt(3); k > 0; k--) ps.add(newVReg(f, cls()));
                params.add(ps);
                f.block(ps.toArray(new VReg[0]));
            }
            // Bodies in dominator-tree order (block index order dominates here since b-1 -> b).
            List<List<Inst>> bodies = new ArrayList<>();
            List<List<VReg>> availEnd = new ArrayList<>();
            for (int b = 0; b < numBlocks; b++) {
                List<VReg> avail = new ArrayList<>(b == 0 ? List.of() : availEnd.get(idom[b]));
                avail.addAll(params.get(b));
                List<Inst> body = new ArrayList<>();
                if (b == 0) {
                    VReg a0 = newVReg(f, RegClass.INT), a1 = newVReg(f, RegClass.INT), x0 = newVReg(f, RegClass.FLOAT);
                    body.add(new Inst(InstKind.OTHER, List.of(Operand.fixedDef(a0, R0), Operand.fixedDef(a1, R1), Operand.fixedDef(x0, F0)), Set.of()));
                    avail.addAll(List.of(a0, a1, x0));
                }
                for (int k = 1 + rnd.nextInt(6); k > 0; k--) body.add(randomInst(f, avail));
                bodies.add(body);
                availEnd.add(avail);
            }
            for (int b = 0; b < numBlocks; b++) {
                final int blk = b;
                List<VReg> avail = availEnd.get(b);
                f.fill(b, bb -> {
                    for (Inst in : bodies.get(blk)) {
                        if (in.clobbers().isEmpty()) bb.inst(in.ops().toArray(new Operand[0]));
                        else bb.call(in.clobbers(), in.ops().toArray(new Operand[0]));
                    }
                    List<Integer> s = succs.get(blk);
                    if (s.isEmpty()) {
                        VReg r = pick(avail, RegClass.INT);
                        if (r != null && rnd.nextBoolean()) bb.ret(Operand.fixedUse(r, R0));
                        else bb.ret();
                        return;
                    }
                    RegAllocInput.Target[] ts = new RegAllocInput.Target[s.size()];
                    for (int j = 0; j < s.size(); j++) {
                        List<VReg> args = new ArrayList<>();
                        for (VReg p : params.get(s.get(j))) args.add(pick(avail, p.cls()));
                        ts[j] = new RegAllocInput.Target(s.get(j), args);
                    }
                    List<Operand> ops = new ArrayList<>();
                    if (s.size() > 1) {
                        VReg c = pick(avail, RegClass.INT);
                        if (c != null) ops.add(Operand.use(c));
                    }
                    bb.branch(ops, ts);
                });
            }
        });
    }

    private VReg newVReg(RegAllocInput.Builder f, RegClass c) {
        VReg v = f.vreg(c);
        vregs.add(v);
        return v;
    }

    private RegClass cls() {
        return rnd.nextInt(3) == 0 ? RegClass.FLOAT : RegClass.INT;
    }

    /** A value of class {@code c} defined on every path to here; biased towards old values. */
    private VReg pick(List<VReg> avail, RegClass c) {
        List<VReg> of = new ArrayList<>();
        for (VReg v : avail) if (v.cls() == c) of.add(v);
        if (of.isEmpty()) return null;
        return rnd.nextBoolean() ? of.get(rnd.nextInt(of.size())) : of.get(rnd.nextInt(Math.min(3, of.size())));
    }

    private Inst randomInst(RegAllocInput.Builder f, List<VReg> avail) {
        RegClass c = cls();
        PReg z0 = c == RegClass.INT ? R0 : F0, z1 = c == RegClass.INT ? R1 : F1;
        VReg a = pick(avail, c), b = pick(avail, c);
        List<Operand> ops = new ArrayList<>();
        Set<PReg> clob = Set.of();
        VReg d = null;
        int kind = rnd.nextInt(10);
        if (a == null) kind = 0;
        switch (kind) {
            case 0 -> { // constant / plain def
                d = newVReg(f, c);
                ops.add(Operand.def(d));
            }
            case 1 -> { // binary op, three-address
                d = newVReg(f, c);
                ops.add(Operand.use(a));
                ops.add(Operand.use(b));
                ops.add(Operand.def(d));
            }
            case 2 -> { // two-address
                d = newVReg(f, c);
                ops.add(Operand.use(a));
                ops.add(Operand.use(b));
                ops.add(Operand.reuseDef(d, 0));
            }
            case 3 -> { // call: fixed args, clobbers, fixed return
                clob = CALL_CLOBBERS;
                ops.add(Operand.fixedUse(a, z0));
                if (b != null && !b.equals(a) && rnd.nextBoolean()) ops.add(Operand.fixedUse(b, z1));
                if (rnd.nextInt(4) > 0) {
                    d = newVReg(f, c);
                    ops.add(Operand.fixedDef(d, z0));
                }
            }
            case 4 -> { // division-like: fixed in, fixed out, fixed temp
                d = newVReg(f, c);
                ops.add(Operand.fixedUse(a, z0));
                ops.add(Operand.use(b));
                ops.add(Operand.fixedDef(d, z0));
                if (rnd.nextBoolean()) ops.add(Operand.fixedTemp(newVReg(f, c), z1));
            }
            case 5 -> { // memory operands
                d = newVReg(f, c);
                ops.add(Operand.stackUse(a));
                ops.add(rnd.nextBoolean() ? Operand.stackDef(d) : Operand.def(d));
            }
            case 6 -> { // same vreg, different constraints; late use; temp (needs 4 registers)
                c = RegClass.INT;
                z1 = R1;
                a = pick(avail, c);
                b = pick(avail, c);
                d = newVReg(f, c);
                ops.add(Operand.fixedUse(a, z1));
                ops.add(Operand.use(a));
                ops.add(Operand.lateUse(b));
                ops.add(Operand.temp(newVReg(f, c)));
                ops.add(Operand.def(d));
            }
            case 7 -> { // two-address with a fixed input (shift-like)
                d = newVReg(f, c);
                ops.add(Operand.fixedUse(a, z1));
                ops.add(Operand.use(b));
                ops.add(Operand.reuseDef(d, 0));
            }
            case 8 -> { // call without result
                clob = CALL_CLOBBERS;
                ops.add(Operand.use(a));
            }
            default -> { // dead def and a use
                ops.add(Operand.use(a));
                ops.add(Operand.def(newVReg(f, c)));
            }
        }
        if (d != null && rnd.nextInt(5) > 0) avail.add(d);
        return new Inst(InstKind.OTHER, ops, clob);
    }

    /** Immediate dominators by the iterative bit-set algorithm (tiny graphs). */
    private int[] dominators() {
        List<List<Integer>> preds = new ArrayList<>();
        for (int b = 0; b < numBlocks; b++) preds.add(new ArrayList<>());
        for (int b = 0; b < numBlocks; b++) for (int s : succs.get(b)) preds.get(s).add(b);
        BitSet[] dom = new BitSet[numBlocks];
        for (int b = 0; b < numBlocks; b++) {
            dom[b] = new BitSet();
            if (b == 0) dom[b].set(0); else dom[b].set(0, numBlocks);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int b = 1; b < numBlocks; b++) {
                BitSet n = new BitSet();
                n.set(0, numBlocks);
                for (int p : preds.get(b)) n.and(dom[p]);
                n.set(b);
                if (!n.equals(dom[b])) {
                    dom[b] = n;
                    changed = true;
                }
            }
        }
        int[] idom = new int[numBlocks];
        for (int b = 1; b < numBlocks; b++) {
            // The strict dominator with the most dominators itself.
            int best = 0;
            for (int d = dom[b].nextSetBit(0); d >= 0; d = dom[b].nextSetBit(d + 1)) {
                if (d != b && dom[d].cardinality() > dom[best].cardinality()) best = d;
            }
            idom[b] = best;
        }
        return idom;
    }
}
