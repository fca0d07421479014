package org.pyjit.regalloc.lsra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.pyjit.regalloc.Constraint;
import org.pyjit.regalloc.MachineEnv;
import org.pyjit.regalloc.Operand;
import org.pyjit.regalloc.OperandKind;
import org.pyjit.regalloc.OperandPos;
import org.pyjit.regalloc.PReg;
import org.pyjit.regalloc.RegAllocException;
import org.pyjit.regalloc.RegAllocFunction;
import org.pyjit.regalloc.RegClass;
import org.pyjit.regalloc.VReg;

/**
 * Step 3: lifetime intervals, walking blocks and instructions backwards (Wimmer &amp; Franz).
 *
 * <p>Constrained operands get a private copy family so that the vreg itself is never forced
 * into a register over more than the instruction: a FIXED or STACK use of {@code v} at an
 * instruction with unit base P is a copy interval {@code [P, use+1)} loaded by a gap move
 * {@code v@P-1 -> copy} before the instruction; a FIXED or STACK def is a copy interval ending at
 * {@code P+4}, moved into {@code v} before the next instruction; a REUSE def and its input share
 * one copy interval {@code [P, P+4)} that must get a register for its whole life. Fixed copies and
 * clobbers ({@code [P+2, P+3)}) become blocked ranges of their register; two of them overlapping
 * is a contradictory instruction and is reported.
 */
final class IntervalBuilder {
    /** Where operand k of an instruction lives: the family's location at a position. */
    record OperandRef(Family family, int pos) {
    }

    /** A move at the gap entering {@code gapPos}: src family at srcPos to dst family at dstPos. */
    record GapMove(Family src, int srcPos, Family dst, int dstPos) {
    }

    private final RegAllocFunction fn;
    private final MachineEnv env;
    private final BlockOrder order;
    private final LivenessAnalysis live;
    final List<Family> families;
    final Family[] vregFamily;
    final OperandRef[][] operandRefs;
    final List<List<GapMove>> gapMoves;
    /** Per class, per allocatable register index: blocked ranges as sorted disjoint pairs. */
    final int[][][] fixedRanges;
    private final int[][][] fixedRaw;
    private final int[][] fixedRawLen;
    private final int[][] regIndex;
    int nextIntervalId;
    /** Per vreg: the instruction whose constrained def writes it through a copy, else -1. */
    private final int[] copyDefInst;
    private final Family[] copyDefFamily;

    IntervalBuilder(RegAllocFunction fn, MachineEnv env, BlockOrder order, LivenessAnalysis live) {
        this.fn = fn;
        this.env = env;
        this.order = order;
        this.live = live;
        this.vregFamily = new Family[fn.numVRegs()];
        this.families = new ArrayList<>(fn.numVRegs() + fn.numInsts() / 2);
        this.operandRefs = new OperandRef[fn.numInsts()][];
        this.copyDefInst = new int[fn.numVRegs()];
        this.copyDefFamily = new Family[fn.numVRegs()];
        Arrays.fill(copyDefInst, -1);
        for (int i = 0; i < fn.numInsts(); i++) {
            List<Operand> ops = fn.operands(i);
            for (int k = 0, n = ops.size(); k < n; k++) {
                Operand op = ops.get(k);
                if (op.kind() == OperandKind.DEF && op.constraint().kind() != org.pyjit.regalloc.ConstraintKind.ANY_REG) copyDefInst[op.vreg().index()] = i;
            }
        }
        this.gapMoves = new ArrayList<>(fn.numInsts());
        for (int i = 0; i < fn.numInsts(); i++) gapMoves.add(null);
        int nc = RegClass.values().length;
        regIndex = new int[nc][64];
        fixedRanges = new int[nc][][];
        fixedRaw = new int[nc][][];
        fixedRawLen = new int[nc][];
        for (RegClass c : RegClass.values()) {
            Arrays.fill(regIndex[c.ordinal()], -1);
            List<PReg> regs = env.allocatable(c);
            for (int k = 0; k < regs.size(); k++) regIndex[c.ordinal()][regs.get(k).hwEncoding()] = k;
            fixedRaw[c.ordinal()] = new int[regs.size()][6];
            fixedRawLen[c.ordinal()] = new int[regs.size()];
        }
    }

    int regIndex(PReg r) {
        return regIndex[r.cls().ordinal()][r.hwEncoding()];
    }

    void build() {
        for (int k = order.linear.length - 1; k >= 0; k--) buildBlock(order.linear[k]);
        for (Family f : families) {
            f.parent().seal();
            f.sealUses();
        }
        for (RegClass c : RegClass.values()) sealFixed(c);
        addParamHints();
    }

    private Family vfam(VReg v) {
        return vfam(v.index(), v.cls());
    }

    private Family vfam(int v, RegClass cls) {
        Family f = vregFamily[v];
        if (f == null) {
            f = newFamily(Family.Kind.VREG, v, cls, null);
            vregFamily[v] = f;
        }
        return f;
    }

    private boolean isLive(VReg v) {
        Family f = vregFamily[v.index()];
        return f != null && !f.parent().isEmpty();
    }

    private Family newFamily(Family.Kind kind, int vreg, RegClass cls, PReg fixed) {
        Family f = new Family(families.size(), kind, vreg, cls, fixed);
        f.children.add(new Interval(f, nextIntervalId++, 1));
        families.add(f);
        return f;
    }

    private void gap(int inst, GapMove m) {
        List<GapMove> l = gapMoves.get(inst);
        if (l == null) {
            l = new ArrayList<>(2);
            gapMoves.set(inst, l);
        }
        l.add(m);
    }

    private void block(PReg r, int from, int to, int inst) {
        int c = r.cls().ordinal(), k = regIndex(r);
        int[] raw = fixedRaw[c][k];
        int len = fixedRawLen[c][k];
        if (len + 3 > raw.length) fixedRaw[c][k] = raw = Arrays.copyOf(raw, raw.length * 2);
        raw[len] = from;
        raw[len + 1] = to;
        raw[len + 2] = inst;
        fixedRawLen[c][k] = len + 3;
    }

    private void buildBlock(int b) {
        int bFrom = order.labelPos[b], bTo = order.endPos[b];
        List<Integer> succs = fn.successors(b);
        for (int j = 0; j < succs.size(); j++) {
            for (int v : live.liveIn[succs.get(j)]) vfam(v, fn.vregClass(v)).parent().addRangeReversed(bFrom, bTo);
            List<VReg> args = fn.branchArgs(b, j);
            for (int q = 0, na = args.size(); q < na; q++) vfam(args.get(q)).parent().addRangeReversed(bFrom, bTo);
        }
        for (int i = fn.blockEndInst(b) - 1; i >= fn.blockFirstInst(b); i--) buildInst(i, bFrom);
        List<VReg> params = fn.blockParams(b);
        for (int q = 0, np = params.size(); q < np; q++) {
            VReg p = params.get(q);
            if (isLive(p)) vfam(p).parent().setFromReversed(bFrom);
        }
    }

    private void buildInst(int i, int bFrom) {
        int p = order.instPos[i];
        List<Operand> ops = fn.operands(i);
        OperandRef[] refs = new OperandRef[ops.size()];
        operandRefs[i] = refs;
        List<Family> fixedUseCopies = new ArrayList<>(0);
        // Indexed loops below: this runs once per instruction on large functions.
        for (int k = 0; k < ops.size(); k++) {
            Operand op = ops.get(k);
            if (op.kind() != OperandKind.DEF) continue;
            VReg v = op.vreg();
            int defPos = op.pos() == OperandPos.EARLY ? p + 1 : p + 3;
            switch (op.constraint().kind()) {
                case ANY_REG -> {
                    Family f = vfam(v);
                    // A temp lives through the whole instruction, so it clashes with every def.
                    if (op.pos() == OperandPos.EARLY && f.parent().isEmpty()) f.parent().addRangeReversed(defPos, p + 4);
                    f.parent().setFromReversed(defPos);
                    f.addRegUse(defPos);
                    refs[k] = new OperandRef(f, defPos);
                }
                case FIXED_REG, STACK -> {
                    PReg r = op.constraint() instanceof Constraint.Fixed fx ? fx.reg() : null;
                    Family c = copyDef(v, r != null ? Family.Kind.FIXED_COPY : Family.Kind.STACK_COPY, r);
                    if (r != null) block(r, defPos, p + 4, i);
                    c.parent().addRangeReversed(defPos, p + 4);
                    refs[k] = new OperandRef(c, defPos);
                    defineFromCopy(v, c, defPos, p, i);
                }
                case REUSE -> {
                    int in = ((Constraint.Reuse) op.constraint()).input();
                    Operand src = ops.get(in);
                    Family c;
                    if (src.constraint() instanceof Constraint.Fixed fx) {
                        c = copyDef(v, Family.Kind.FIXED_COPY, fx.reg());
                        block(fx.reg(), p, p + 4, i);
                        fixedUseCopies.add(c);
                    } else {
                        c = copyDef(v, Family.Kind.REUSE_COPY, null);
                        c.addRegUse(p + 1);
                        c.addRegUse(p + 3);
                    }
                    c.parent().addRangeReversed(p, p + 4);
                    refs[k] = new OperandRef(c, p + 3);
                    refs[in] = new OperandRef(c, p + 1);
                    defineFromCopy(v, c, p + 3, p, i);
                    Family u = source(src.vreg(), i, p, bFrom);
                    gap(i, new GapMove(u, p - 1, c, p));
                    if (c.fixedReg == null) c.hintFamily = u;
                }
            }
        }
        for (int k = 0; k < ops.size(); k++) {
            Operand op = ops.get(k);
            if (op.kind() != OperandKind.USE || refs[k] != null) continue;
            VReg v = op.vreg();
            int usePos = op.pos() == OperandPos.EARLY ? p + 1 : p + 3;
            switch (op.constraint().kind()) {
                case ANY_REG -> {
                    Family f = vfam(v);
                    f.parent().addRangeReversed(bFrom, usePos + 1);
                    f.addRegUse(usePos);
                    refs[k] = new OperandRef(f, usePos);
                }
                case FIXED_REG, STACK -> {
                    PReg r = op.constraint() instanceof Constraint.Fixed fx ? fx.reg() : null;
                    Family c = null;
                    for (int q = 0, nq = fixedUseCopies.size(); q < nq; q++) {
                        Family e = fixedUseCopies.get(q);
                        if (e.vreg == v.index() && java.util.Objects.equals(e.fixedReg, r) && e.parent().covers(usePos)) c = e;
                    }
                    if (c == null) {
                        c = newFamily(r != null ? Family.Kind.FIXED_COPY : Family.Kind.STACK_COPY, v.index(), v.cls(), r);
                        c.parent().addRangeReversed(p, usePos + 1);
                        if (r != null) block(r, p, usePos + 1, i);
                        fixedUseCopies.add(c);
                        Family f = source(v, i, p, bFrom);
                        gap(i, new GapMove(f, p - 1, c, p));
                        if (r != null && f.hintReg == null && f.hintFamily == null) f.hintReg = r;
                    }
                    refs[k] = new OperandRef(c, usePos);
                }
                case REUSE -> throw new RegAllocException("inst " + i + " operand " + k + ": reuse constraint on a use");
            }
        }
        java.util.Set<PReg> clobbers = fn.clobbers(i);
        if (!clobbers.isEmpty()) {
            for (PReg r : clobbers) if (env.isAllocatable(r)) block(r, p + 2, p + 3, i);
        }
    }

    /** The copy family through which constrained def of {@code v} writes it. */
    private Family copyDef(VReg v, Family.Kind kind, PReg r) {
        Family c = copyDefFamily[v.index()];
        if (c == null) {
            c = newFamily(kind, v.index(), v.cls(), r);
            copyDefFamily[v.index()] = c;
        }
        return c;
    }

    /**
     * The family holding {@code v} at {@code p-1}, read by a gap move before instruction
     * {@code i}. If the previous instruction defined {@code v} through a copy, {@code v} itself
     * only starts at {@code p} (that copy's own gap move), so the copy is read instead.
     */
    private Family source(VReg v, int i, int p, int bFrom) {
        if (copyDefInst[v.index()] == i - 1 && i > 0) {
            Operand def = null;
            for (Operand op : fn.operands(i - 1)) if (op.kind() == OperandKind.DEF && op.vreg().equals(v)) def = op;
            if (def.constraint() instanceof Constraint.Reuse ru) {
                Operand in = fn.operands(i - 1).get(ru.input());
                return in.constraint() instanceof Constraint.Fixed fx ? copyDef(v, Family.Kind.FIXED_COPY, fx.reg()) : copyDef(v, Family.Kind.REUSE_COPY, null);
            }
            PReg r = def.constraint() instanceof Constraint.Fixed fx ? fx.reg() : null;
            return copyDef(v, r != null ? Family.Kind.FIXED_COPY : Family.Kind.STACK_COPY, r);
        }
        Family f = vfam(v);
        f.parent().addRangeReversed(bFrom, p);
        return f;
    }

    private void defineFromCopy(VReg v, Family copy, int defPos, int p, int i) {
        if (!isLive(v)) return;
        Family f = vfam(v);
        f.parent().setFromReversed(p + 4);
        gap(i + 1, new GapMove(copy, defPos, f, p + 4));
        if (copy.fixedReg != null) f.hintReg = copy.fixedReg; else if (copy.kind == Family.Kind.REUSE_COPY) f.hintFamily = copy;
    }

    private void sealFixed(RegClass cls) {
        int c = cls.ordinal();
        List<PReg> regs = env.allocatable(cls);
        fixedRanges[c] = new int[regs.size()][];
        for (int k = 0; k < regs.size(); k++) {
            int len = fixedRawLen[c][k] / 3;
            int[] raw = fixedRaw[c][k];
            Integer[] idx = new Integer[len];
            for (int q = 0; q < len; q++) idx[q] = q;
            Arrays.sort(idx, (x, y) -> Integer.compare(raw[3 * x], raw[3 * y]));
            int[] out = new int[2 * len];
            int n = 0;
            for (int q = 0; q < len; q++) {
                int f = raw[3 * idx[q]], t = raw[3 * idx[q] + 1];
                if (n > 0 && out[2 * n - 1] > f) {
                    throw new RegAllocException("inst " + raw[3 * idx[q] + 2] + ": register " + env.name(regs.get(k))
                            + " is required by two operands at once, or by an operand and a clobber of the same instruction");
                }
                if (n > 0 && out[2 * n - 1] == f) {
                    out[2 * n - 1] = t;
                } else {
                    out[2 * n] = f;
                    out[2 * n + 1] = t;
                    n++;
                }
            }
            fixedRanges[c][k] = Arrays.copyOf(out, 2 * n);
        }
    }

    private void addParamHints() {
        for (int b = 0; b < fn.numBlocks(); b++) {
            List<VReg> params = fn.blockParams(b);
            if (params.isEmpty() || fn.predecessors(b).isEmpty()) continue;
            int pred = fn.predecessors(b).get(0);
            int j = fn.successors(pred).indexOf(b);
            List<VReg> args = fn.branchArgs(pred, j);
            for (int q = 0; q < params.size(); q++) {
                Family fp = vregFamily[params.get(q).index()], fa = vregFamily[args.get(q).index()];
                if (fp == null || fa == null) continue;
                if (fp.hintReg == null && fp.hintFamily == null) fp.hintFamily = fa;
                if (fa.hintReg == null && fa.hintFamily == null) fa.hintFamily = fp;
            }
        }
    }
}
