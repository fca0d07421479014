package org.pyjit.regalloc.lsra;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.pyjit.regalloc.Constraint;
import org.pyjit.regalloc.InstKind;
import org.pyjit.regalloc.MachineEnv;
import org.pyjit.regalloc.Operand;
import org.pyjit.regalloc.OperandKind;
import org.pyjit.regalloc.OperandPos;
import org.pyjit.regalloc.PReg;
import org.pyjit.regalloc.RegAllocException;
import org.pyjit.regalloc.RegAllocFunction;
import org.pyjit.regalloc.VReg;

/**
 * Step 0: rejects input that breaks the {@link RegAllocFunction} contract, with a message naming
 * the block or instruction. Dataflow facts (use before def) are checked by
 * {@link LivenessAnalysis}; conflicting fixed registers by {@link IntervalBuilder}.
 */
final class InputValidator {
    private final RegAllocFunction fn;
    private final MachineEnv env;

    InputValidator(RegAllocFunction fn, MachineEnv env) {
        this.fn = fn;
        this.env = env;
    }

    void validate() {
        int nb = fn.numBlocks(), ni = fn.numInsts();
        if (nb <= 0) throw new RegAllocException("function has no blocks");
        if (fn.entryBlock() < 0 || fn.entryBlock() >= nb) throw new RegAllocException("entry block " + fn.entryBlock() + " out of range");
        int[] owner = new int[ni];
        java.util.Arrays.fill(owner, -1);
        List<List<Integer>> expectPreds = new ArrayList<>();
        for (int b = 0; b < nb; b++) expectPreds.add(new ArrayList<>());
        for (int b = 0; b < nb; b++) {
            int first = fn.blockFirstInst(b), end = fn.blockEndInst(b);
            if (first < 0 || end > ni || first >= end) throw new RegAllocException("block " + b + " has an empty or out-of-range instruction range [" + first + ", " + end + ")");
            for (int i = first; i < end; i++) {
                if (owner[i] >= 0) throw new RegAllocException("inst " + i + " belongs to blocks " + owner[i] + " and " + b);
                owner[i] = b;
                InstKind k = fn.instKind(i);
                boolean last = i == end - 1;
                if (last && k == InstKind.OTHER) throw new RegAllocException("block " + b + " does not end in a terminator (inst " + i + ")");
                if (!last && k != InstKind.OTHER) throw new RegAllocException("inst " + i + " is a " + k + " in the middle of block " + b);
            }
            List<Integer> succs = fn.successors(b);
            InstKind term = fn.instKind(end - 1);
            if (term == InstKind.RET && !succs.isEmpty()) throw new RegAllocException("block " + b + " ends in RET (inst " + (end - 1) + ") but has successors");
            if (term == InstKind.BRANCH && succs.isEmpty()) throw new RegAllocException("block " + b + " ends in BRANCH (inst " + (end - 1) + ") without successors");
            for (int j = 0; j < succs.size(); j++) {
                int s = succs.get(j);
                if (s < 0 || s >= nb) throw new RegAllocException("block " + b + " has unknown successor " + s);
                expectPreds.get(s).add(b);
                List<VReg> args = fn.branchArgs(b, j), params = fn.blockParams(s);
                if (args.size() != params.size()) {
                    throw new RegAllocException("inst " + (end - 1) + " passes " + args.size() + " args to block " + s + " which has " + params.size() + " params");
                }
                for (int k = 0; k < args.size(); k++) {
                    checkVReg(args.get(k), end - 1, -1, -1);
                    if (args.get(k).cls() != params.get(k).cls()) throw new RegAllocException("inst " + (end - 1) + ": arg " + args.get(k) + " has a different class than param " + params.get(k) + " of block " + s);
                }
            }
            List<VReg> params = fn.blockParams(b);
            for (int q = 0, np = params.size(); q < np; q++) checkVReg(params.get(q), -1, -1, b);
            if (term == InstKind.BRANCH && succs.size() == 1 && !fn.operands(end - 1).isEmpty()) {
                throw new RegAllocException("inst " + (end - 1) + ": a branch with a single successor may not have operands (edge moves go right before it)");
            }
        }
        for (int i = 0; i < ni; i++) if (owner[i] < 0) throw new RegAllocException("inst " + i + " belongs to no block");
        for (int b = 0; b < nb; b++) {
            List<Integer> want = expectPreds.get(b), got = new ArrayList<>(fn.predecessors(b));
            Collections.sort(want);
            Collections.sort(got);
            if (!want.equals(got)) throw new RegAllocException("predecessors of block " + b + " are " + got + " but the successor lists imply " + want);
        }
        if (!fn.blockParams(fn.entryBlock()).isEmpty()) throw new RegAllocException("the entry block " + fn.entryBlock() + " has block parameters; define arguments with a pseudo-instruction");
        for (int i = 0; i < ni; i++) validateInst(i);
    }

    /** Checks a vreg's index and class; inst/operand or block only name it in the message. */
    private void checkVReg(VReg v, int inst, int operand, int block) {
        if (v.index() < fn.numVRegs() && fn.vregClass(v.index()) == v.cls()) return;
        String where = block >= 0 ? "param of block " + block : operand < 0 ? "branch arg of inst " + inst : "inst " + inst + " operand " + operand;
        if (v.index() >= fn.numVRegs()) throw new RegAllocException(where + ": " + v + " out of range (" + fn.numVRegs() + " vregs)");
        throw new RegAllocException(where + ": " + v + " has class " + v.cls() + " but the function says " + fn.vregClass(v.index()));
    }

    private void validateInst(int i) {
        List<Operand> ops = fn.operands(i);
        boolean terminator = fn.instKind(i) != InstKind.OTHER;
        Set<PReg> clobbers = fn.clobbers(i);
        if (!clobbers.isEmpty()) {
            for (PReg c : clobbers) {
                if (!env.isAllocatable(c) && !c.equals(env.scratch(c.cls()))) throw new RegAllocException("inst " + i + " clobbers unknown register " + env.name(c));
            }
        }
        for (int k = 0; k < ops.size(); k++) {
            Operand op = ops.get(k);
            checkVReg(op.vreg(), i, k, -1);
            if (terminator && op.kind() == OperandKind.DEF) throw new RegAllocException("inst " + i + " is a terminator and may not define " + op.vreg());
            switch (op.constraint().kind()) {
                case ANY_REG, STACK -> {
                }
                case FIXED_REG -> {
                    PReg r = ((Constraint.Fixed) op.constraint()).reg();
                    if (r.cls() != op.vreg().cls()) throw new RegAllocException("inst " + i + " operand " + k + ": fixed register " + env.name(r) + " has the wrong class for " + op.vreg());
                    if (!env.isAllocatable(r)) throw new RegAllocException("inst " + i + " operand " + k + ": fixed register " + env.name(r) + " is not allocatable");
                }
                case REUSE -> {
                    int in = ((Constraint.Reuse) op.constraint()).input();
                    if (in >= ops.size()) throw new RegAllocException("inst " + i + " operand " + k + ": reuse of missing operand " + in);
                    Operand src = ops.get(in);
                    if (src.kind() != OperandKind.USE || src.pos() != OperandPos.EARLY) throw new RegAllocException("inst " + i + " operand " + k + ": reused operand " + in + " is not an early use");
                    if (src.vreg().cls() != op.vreg().cls()) throw new RegAllocException("inst " + i + " operand " + k + ": reused operand " + in + " has another class");
                    if (src.constraint().kind() == org.pyjit.regalloc.ConstraintKind.STACK || src.constraint().kind() == org.pyjit.regalloc.ConstraintKind.REUSE) {
                        throw new RegAllocException("inst " + i + " operand " + k + ": reused operand " + in + " must be in a register");
                    }
                    for (int q = 0; q < ops.size(); q++) {
                        if (q != k && ops.get(q).constraint() instanceof Constraint.Reuse ru && ru.input() == in) {
                            throw new RegAllocException("inst " + i + ": operand " + in + " is reused by two defs");
                        }
                    }
                }
            }
        }
    }
}
