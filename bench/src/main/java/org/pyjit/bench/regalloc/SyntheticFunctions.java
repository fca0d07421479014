package org.pyjit.bench.regalloc;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.pyjit.regalloc.MachineEnv;
import org.pyjit.regalloc.Operand;
import org.pyjit.regalloc.PReg;
import org.pyjit.regalloc.RegAllocInput;
import org.pyjit.regalloc.RegClass;
import org.pyjit.regalloc.VReg;

/**
 * Deterministic functions shaped like compiled loops: a chain of segments, each a straight
 * block, a loop (header with a counter parameter, body with a call, arithmetic and a division)
 * and an exit block. A few values defined at entry stay live across the whole function.
 */
final class SyntheticFunctions {
    static final PReg RAX = new PReg(RegClass.INT, 0), RCX = new PReg(RegClass.INT, 1), RDX = new PReg(RegClass.INT, 2);
    static final PReg RSI = new PReg(RegClass.INT, 6), RDI = new PReg(RegClass.INT, 7), XMM0 = new PReg(RegClass.FLOAT, 0);
    static final Set<PReg> CALL_CLOBBERS = callClobbers();

    private SyntheticFunctions() {
    }

    private static Set<PReg> callClobbers() {
        Set<PReg> s = new TreeSet<>();
        for (int r : new int[] {0, 1, 2, 6, 7, 8, 9, 10}) s.add(new PReg(RegClass.INT, r));
        for (int x = 0; x < 15; x++) s.add(new PReg(RegClass.FLOAT, x));
        return s;
    }

    /** x86-64 System V as the allocator sees it: r11 and xmm15 are the scratch registers. */
    static MachineEnv x86() {
        return MachineEnv.build(b -> {
            String[] names = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"};
            for (int r : new int[] {0, 1, 2, 6, 7, 8, 9, 10}) b.reg(RegClass.INT, r, names[r]);
            for (int r : new int[] {3, 12, 13, 14, 15}) b.calleeSaved(RegClass.INT, r, names[r]);
            b.scratch(RegClass.INT, 11, "r11");
            for (int x = 0; x < 15; x++) b.reg(RegClass.FLOAT, x, "xmm" + x);
            b.scratch(RegClass.FLOAT, 15, "xmm15");
        });
    }

    /** A function of roughly {@code targetInsts} instructions. */
    static RegAllocInput generate(int targetInsts, long seed) {
        Random rnd = new Random(seed);
        return RegAllocInput.build(f -> {
            int segments = Math.max(1, (targetInsts - 5) / 21);
            List<VReg> globals = new ArrayList<>();
            for (int k = 0; k < 4; k++) globals.add(f.vreg(RegClass.INT));
            VReg gx = f.vreg(RegClass.FLOAT);
            int entry = f.block();
            int[] straight = new int[segments], head = new int[segments], body = new int[segments], exit = new int[segments];
            VReg[] counter = new VReg[segments];
            for (int s = 0; s < segments; s++) {
                counter[s] = f.vreg(RegClass.INT);
                straight[s] = f.block();
                head[s] = f.block(counter[s]);
                body[s] = f.block();
                exit[s] = f.block();
            }
            int ret = f.block();
            f.fill(entry, b -> b
                    .inst(Operand.fixedDef(globals.get(0), RDI), Operand.fixedDef(globals.get(1), RSI), Operand.fixedDef(gx, XMM0))
                    .inst(Operand.def(globals.get(2)), Operand.def(globals.get(3)))
                    .jump(straight[0]));
            List<VReg> pool = new ArrayList<>(globals);
            for (int s = 0; s < segments; s++) {
                final int seg = s;
                List<VReg> local = new ArrayList<>(pool.subList(Math.max(0, pool.size() - 12), pool.size()));
                VReg start = f.vreg(RegClass.INT);
                f.fill(straight[s], b -> {
                    for (int k = 0; k < 5; k++) alu(f, b, rnd, local);
                    b.inst(Operand.use(pick(rnd, local)), Operand.def(start));
                    b.jump(head[seg], start);
                });
                VReg cond = f.vreg(RegClass.INT);
                f.fill(head[s], b -> b
                        .inst(Operand.use(counter[seg]), Operand.use(globals.get(seg % 4)), Operand.def(cond))
                        .branch(List.of(Operand.use(cond)), new RegAllocInput.Target(body[seg]), new RegAllocInput.Target(exit[seg])));
                VReg next = f.vreg(RegClass.INT);
                f.fill(body[s], b -> {
                    List<VReg> inner = new ArrayList<>(local);
                    inner.add(counter[seg]);
                    for (int k = 0; k < 4; k++) alu(f, b, rnd, inner);
                    VReg q = f.vreg(RegClass.INT), rem = f.vreg(RegClass.INT), hi = f.vreg(RegClass.INT), res = f.vreg(RegClass.INT);
                    b.inst(Operand.fixedDef(hi, RDX));
                    b.inst(Operand.fixedUse(pick(rnd, inner), RAX), Operand.fixedUse(hi, RDX), Operand.use(pick(rnd, inner)),
                            Operand.fixedDef(q, RAX), Operand.fixedDef(rem, RDX));
                    b.call(CALL_CLOBBERS, Operand.fixedUse(q, RDI), Operand.fixedUse(rem, RSI), Operand.fixedDef(res, RAX));
                    VReg fl = f.vreg(RegClass.FLOAT);
                    b.inst(Operand.use(gx), Operand.use(res), Operand.def(fl));
                    b.inst(Operand.use(counter[seg]), Operand.use(res), Operand.reuseDef(next, 0));
                    b.jump(head[seg], next);
                });
                VReg out = f.vreg(RegClass.INT);
                f.fill(exit[s], b -> {
                    b.inst(Operand.use(counter[seg]), Operand.use(pick(rnd, local)), Operand.reuseDef(out, 0));
                    b.jump(seg + 1 < segments ? straight[seg + 1] : ret);
                });
                pool.add(start);
                pool.add(counter[s]);
                pool.add(out);
                pool.addAll(local.subList(Math.max(0, local.size() - 4), local.size()));
            }
            f.fill(ret, b -> b.ret(Operand.fixedUse(pool.get(pool.size() - 1), RAX)));
        });
    }

    private static VReg pick(Random rnd, List<VReg> from) {
        return from.get(rnd.nextInt(from.size()) < 2 ? rnd.nextInt(from.size()) : from.size() - 1 - rnd.nextInt(Math.min(6, from.size())));
    }

    private static void alu(RegAllocInput.Builder f, RegAllocInput.BlockBuilder b, Random rnd, List<VReg> avail) {
        VReg d = f.vreg(RegClass.INT);
        switch (rnd.nextInt(4)) {
            case 0 -> b.inst(Operand.use(pick(rnd, avail)), Operand.use(pick(rnd, avail)), Operand.reuseDef(d, 0));
            case 1 -> b.inst(Operand.use(pick(rnd, avail)), Operand.fixedUse(pick(rnd, avail), RCX), Operand.reuseDef(d, 0));
            case 2 -> b.inst(Operand.use(pick(rnd, avail)), Operand.def(d));
            default -> b.inst(Operand.stackUse(pick(rnd, avail)), Operand.use(pick(rnd, avail)), Operand.def(d));
        }
        avail.add(d);
    }
}
