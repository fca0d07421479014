package org.pyjit.regalloc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pyjit.regalloc.checker.AllocationChecker;

import static org.junit.jupiter.api.Assertions.*;
import static org.pyjit.regalloc.TestMachines.*;

/** Hard cases, each checked by the checker and by concrete facts about the allocation. */
class AllocatorTest {
    private static final MachineEnv SMALL = TestMachines.small();
    private static final MachineEnv X86 = TestMachines.x86Like();
    private static final PReg RAX = new PReg(RegClass.INT, 0), RCX = new PReg(RegClass.INT, 1), RDX = new PReg(RegClass.INT, 2);
    private static final PReg RDI = new PReg(RegClass.INT, 7), RSI = new PReg(RegClass.INT, 6), R11 = new PReg(RegClass.INT, 11);
    private static final PReg XMM0 = new PReg(RegClass.FLOAT, 0);
    private static final Set<PReg> X86_CALL_CLOBBERS = x86CallerSaved();

    private static Set<PReg> x86CallerSaved() {
        Set<PReg> s = new java.util.TreeSet<>();
        for (int r : new int[] {0, 1, 2, 6, 7, 8, 9, 10}) s.add(new PReg(RegClass.INT, r));
        for (int x = 0; x < 15; x++) s.add(new PReg(RegClass.FLOAT, x));
        return s;
    }

    private static RegAllocResult allocateAndCheck(RegAllocFunction fn, MachineEnv env) {
        RegAllocResult r = LinearScan.allocate(fn, env);
        AllocationChecker.check(fn, env, r);
        return r;
    }

    @Test
    void moreLiveValuesThanRegistersSpillsAndReloads() {
        List<VReg> vs = new ArrayList<>();
        RegAllocInput fn = RegAllocInput.build(f -> {
            for (int k = 0; k < 8; k++) vs.add(f.vreg(RegClass.INT));
            VReg sum = f.vreg(RegClass.INT);
            int b0 = f.block();
            f.fill(b0, b -> {
                for (VReg v : vs) b.inst(Operand.def(v));
                // Use them in reverse order so the earliest-defined are needed last.
                VReg acc = vs.get(7);
                for (int k = 6; k >= 0; k--) b.inst(Operand.use(acc), Operand.use(vs.get(k)));
                b.inst(Operand.use(vs.get(0)), Operand.use(vs.get(1)), Operand.def(sum));
                b.ret(Operand.fixedUse(sum, R0));
            });
        });
        RegAllocResult r = allocateAndCheck(fn, SMALL);
        assertTrue(r.stats().spills() >= 4, "8 values in 4 registers need at least 4 spills: " + r.stats());
        assertTrue(r.stats().reloads() >= 4, r.stats().toString());
        assertTrue(r.numSpillSlots() >= 4 && r.numSpillSlots() <= 8, "slots " + r.numSpillSlots());
        assertEquals(new Allocation.Reg(R0), r.allocation(fn.numInsts() - 1, 0));
    }

    @Test
    void valueLiveAcrossACallLandsInACalleeSavedRegister() {
        VReg[] v = new VReg[3];
        RegAllocInput fn = RegAllocInput.build(f -> {
            v[0] = f.vreg(RegClass.INT);
            v[1] = f.vreg(RegClass.INT);
            v[2] = f.vreg(RegClass.INT);
            f.fill(f.block(), b -> b
                    .inst(Operand.fixedDef(v[0], RDI))
                    .call(X86_CALL_CLOBBERS, Operand.fixedDef(v[1], RAX))
                    .inst(Operand.use(v[0]), Operand.use(v[1]), Operand.def(v[2]))
                    .ret(Operand.fixedUse(v[2], RAX)));
        });
        RegAllocResult r = allocateAndCheck(fn, X86);
        Allocation after = r.allocation(2, 0);
        PReg reg = ((Allocation.Reg) after).reg();
        assertTrue(X86.isCalleeSaved(reg), "v0 crosses the call in " + X86.name(reg));
        assertTrue(r.usedRegisters().contains(reg));
        assertEquals(0, r.stats().spills());
        assertEquals(new Allocation.Reg(RAX), r.allocation(1, 0));
    }

    @Test
    void valueLiveAcrossManyCallsNeverSpillsWhenACalleeSavedRegisterIsFree() {
        RegAllocInput fn = RegAllocInput.build(f -> {
            VReg x = f.vreg(RegClass.INT);
            List<VReg> results = new ArrayList<>();
            for (int k = 0; k < 20; k++) results.add(f.vreg(RegClass.INT));
            f.fill(f.block(), b -> {
                b.inst(Operand.fixedDef(x, RDI));
                for (VReg res : results) b.call(X86_CALL_CLOBBERS, Operand.fixedUse(x, RDI), Operand.fixedDef(res, RAX));
                b.ret(Operand.fixedUse(x, RAX));
            });
        });
        RegAllocResult r = allocateAndCheck(fn, X86);
        assertEquals(0, r.stats().spills(), r.stats().toString());
        assertEquals(0, r.stats().reloads());
        // x leaves rdi for a callee-saved register at the first call (which still reads rdi),
        // is copied back into rdi for each of the 19 other calls, and into rax for the return.
        assertEquals(1 + 19 + 1, r.stats().moves(), r.stats().toString());
        assertTrue(r.usedRegisters().stream().anyMatch(X86::isCalleeSaved));
    }

    @Test
    void fixedRegisterNeededThatTheCallClobbersIsReloadedOrMovedAfterTheCall() {
        RegAllocInput fn = RegAllocInput.build(f -> {
            VReg a = f.vreg(RegClass.INT), b = f.vreg(RegClass.INT), q = f.vreg(RegClass.INT), rem = f.vreg(RegClass.INT);
            f.fill(f.block(), bb -> bb
                    .inst(Operand.fixedDef(a, R0), Operand.fixedDef(b, R1))
                    .call(CALL_CLOBBERS)
                    // division-like: dividend fixed in r0, result in r0, remainder in r1
                    .inst(Operand.fixedUse(a, R0), Operand.use(b), Operand.fixedDef(q, R0), Operand.fixedTemp(rem, R1))
                    .ret(Operand.fixedUse(q, R0)));
        });
        RegAllocResult r = allocateAndCheck(fn, SMALL);
        assertEquals(new Allocation.Reg(R0), r.allocation(2, 0));
        Allocation bLoc = r.allocation(2, 1);
        assertNotEquals(new Allocation.Reg(R0), bLoc);
        assertNotEquals(new Allocation.Reg(R1), bLoc);
        assertEquals(new Allocation.Reg(R1), r.allocation(2, 3));
        // a and b cross the call: neither may stay in r0/r1 (the only callee-saved are r2, r3).
        assertEquals(0, r.stats().spills(), r.stats().toString());
    }

    @Test
    void twoAddressReuseSharesTheInputRegisterAndCostsNothingWhenTheInputDies() {
        RegAllocInput fn = RegAllocInput.build(f -> {
            VReg a = f.vreg(RegClass.INT), b = f.vreg(RegClass.INT), c = f.vreg(RegClass.INT);
            f.fill(f.block(), bb -> bb
                    .inst(Operand.def(a), Operand.def(b))
                    .inst(Operand.use(a), Operand.use(b), Operand.reuseDef(c, 0))
                    .ret(Operand.use(c)));
        });
        RegAllocResult r = allocateAndCheck(fn, SMALL);
        assertEquals(r.allocation(1, 0), r.allocation(1, 2));
        assertEquals(0, r.stats().moves() + r.stats().spills() + r.stats().reloads(), r.stats().toString());
    }

    @Test
    void twoAddressReuseOfAnInputThatStaysLiveCopiesItFirst() {
        RegAllocInput fn = RegAllocInput.build(f -> {
            VReg a = f.vreg(RegClass.INT), b = f.vreg(RegClass.INT), c = f.vreg(RegClass.INT), d = f.vreg(RegClass.INT);
            f.fill(f.block(), bb -> bb
                    .inst(Operand.def(a), Operand.def(b))
                    .inst(Operand.use(a), Operand.use(b), Operand.reuseDef(c, 0))
                    .inst(Operand.use(a), Operand.use(c), Operand.def(d))
                    .ret(Operand.use(d)));
        });
        RegAllocResult r = allocateAndCheck(fn, SMALL);
        assertEquals(r.allocation(1, 0), r.allocation(1, 2));
        assertNotEquals(r.allocation(2, 0), r.allocation(1, 2), "a survives in another register");
        assertEquals(1, r.stats().moves(), r.stats().toString());
    }

    /** Loop header b1(p, q) receives (q, p) on its back edge: a swap on a critical edge. */
    static RegAllocInput swapLoop() {
        return RegAllocInput.build(f -> {
            VReg x = f.vreg(RegClass.INT), y = f.vreg(RegClass.INT), p = f.vreg(RegClass.INT), q = f.vreg(RegClass.INT), c = f.vreg(RegClass.INT);
            int b0 = f.block(), b1 = f.block(p, q), b2 = f.block();
            f.fill(b0, b -> b.inst(Operand.fixedDef(x, R0), Operand.fixedDef(y, R1)).jump(b1, x, y));
            f.fill(b1, b -> b
                    .inst(Operand.fixedUse(p, R0), Operand.fixedUse(q, R1), Operand.fixedDef(c, R0))
                    .branch(List.of(Operand.use(c)), new RegAllocInput.Target(b1, q, p), new RegAllocInput.Target(b2)));
            f.fill(b2, b -> b.ret(Operand.fixedUse(p, R0)));
        });
    }

    @Test
    void swapOnACriticalEdgeGoesThroughTheScratchRegisterInAnEdgeStub() {
        RegAllocInput fn = swapLoop();
        RegAllocResult r = allocateAndCheck(fn, SMALL);
        assertEquals(Set.of(new Edge(1, 0)), r.edgeMoves().keySet(), "only the back edge b1->b1 is critical and needs moves");
        List<Move> stub = r.edgeMoves(1, 0);
        Allocation scratch = new Allocation.Reg(SMALL.scratch(RegClass.INT));
        assertEquals(3, stub.size(), stub.toString());
        assertEquals(scratch, stub.get(0).to());
        assertEquals(scratch, stub.get(2).from());
        assertTrue(r.usedRegisters().contains(SMALL.scratch(RegClass.INT)));
    }

    @Test
    void threeWayRotationOfSpilledAndRegisterValues() {
        RegAllocInput fn = RegAllocInput.build(f -> {
            VReg[] in = new VReg[6], par = new VReg[6];
            for (int k = 0; k < 6; k++) in[k] = f.vreg(RegClass.INT);
            for (int k = 0; k < 6; k++) par[k] = f.vreg(RegClass.INT);
            VReg c = f.vreg(RegClass.INT);
            int b0 = f.block(), b1 = f.block(par), b2 = f.block();
            f.fill(b0, b -> {
                for (VReg v : in) b.inst(Operand.def(v));
                b.jump(b1, in);
            });
            f.fill(b1, b -> b
                    .inst(Operand.def(c))
                    .branch(List.of(Operand.use(c)),
                            new RegAllocInput.Target(b1, par[1], par[2], par[0], par[4], par[5], par[3]),
                            new RegAllocInput.Target(b2)));
            f.fill(b2, b -> {
                for (VReg v : par) b.inst(Operand.use(v));
                b.ret();
            });
        });
        RegAllocResult r = allocateAndCheck(fn, SMALL);
        assertFalse(r.edgeMoves(1, 0).isEmpty());
        for (Move m : r.edgeMoves(1, 0)) assertTrue(m.from().isReg() || m.to().isReg(), "no slot-to-slot move: " + m);
    }

    @Test
    void nonCriticalEdgesGetOrdinaryEditsAtTheRightEnd() {
        // b0 -> {b1, b2} (b1, b2 have one predecessor each) ; b1 -> b3, b2 -> b3 (one successor each).
        RegAllocInput fn = RegAllocInput.build(f -> {
            VReg x = f.vreg(RegClass.INT), c = f.vreg(RegClass.INT), y = f.vreg(RegClass.INT), z = f.vreg(RegClass.INT), p = f.vreg(RegClass.INT);
            int b0 = f.block(), b1 = f.block(), b2 = f.block(), b3 = f.block(p);
            f.fill(b0, b -> b.inst(Operand.fixedDef(x, R0), Operand.fixedDef(c, R1))
                    .branch(List.of(Operand.use(c)), new RegAllocInput.Target(b1), new RegAllocInput.Target(b2)));
            f.fill(b1, b -> b.inst(Operand.fixedDef(y, R2)).jump(b3, y));
            f.fill(b2, b -> b.inst(Operand.fixedDef(z, R3)).jump(b3, x));
            f.fill(b3, b -> b.ret(Operand.fixedUse(p, R1)));
        });
        RegAllocResult r = allocateAndCheck(fn, SMALL);
        assertTrue(r.edgeMoves().isEmpty(), "no critical edges");
        // The parameter lands in one place; at least one of the two jumps needs a move before it.
        int jumpMoves = r.editsAt(new ProgramPoint(fn.blockEndInst(1) - 1, InstPosition.BEFORE)).size()
                + r.editsAt(new ProgramPoint(fn.blockEndInst(2) - 1, InstPosition.BEFORE)).size();
        assertTrue(jumpMoves >= 1);
    }

    @Test
    void loopInvariantValueUnderPressureIsSpilledOutsideTheLoop() {
        RegAllocInput fn = RegAllocInput.build(f -> {
            VReg inv = f.vreg(RegClass.INT), i0 = f.vreg(RegClass.INT), i = f.vreg(RegClass.INT), i2 = f.vreg(RegClass.INT);
            VReg t1 = f.vreg(RegClass.INT), t2 = f.vreg(RegClass.INT), t3 = f.vreg(RegClass.INT), t4 = f.vreg(RegClass.INT), c = f.vreg(RegClass.INT);
            int b0 = f.block(), head = f.block(i), body = f.block(), exit = f.block();
            f.fill(b0, b -> b.inst(Operand.fixedDef(inv, R0), Operand.fixedDef(i0, R1)).jump(head, i0));
            f.fill(head, b -> b.inst(Operand.def(c), Operand.use(i))
                    .branch(List.of(Operand.use(c)), new RegAllocInput.Target(body), new RegAllocInput.Target(exit)));
            f.fill(body, b -> b
                    .inst(Operand.def(t1), Operand.def(t2))
                    .inst(Operand.def(t3), Operand.def(t4))
                    .inst(Operand.use(t1), Operand.use(t2), Operand.use(t3), Operand.use(t4))
                    .inst(Operand.use(i), Operand.def(i2))
                    .jump(head, i2));
            f.fill(exit, b -> b.ret(Operand.fixedUse(inv, R0)));
        });
        RegAllocResult r = allocateAndCheck(fn, SMALL);
        assertTrue(r.stats().spills() >= 1, r.stats().toString());
        int loopFirst = fn.blockFirstInst(1), loopEnd = fn.blockEndInst(2);
        // The invariant is stored once, before the loop, and reloaded only after it; the
        // loop-local pressure (4 temps + the counter in 4 registers) is handled inside the loop.
        List<Edit> storesOutside = r.edits().stream()
                .filter(e -> e.point().inst() < loopFirst)
                .filter(e -> e.move().from().isReg() && !e.move().to().isReg())
                .toList();
        assertEquals(1, storesOutside.size(), r.edits().toString());
        assertEquals(new Allocation.Reg(R0), storesOutside.get(0).move().from());
        Allocation invSlot = storesOutside.get(0).move().to();
        for (Edit e : r.edits()) {
            boolean inLoop = e.point().inst() >= loopFirst && e.point().inst() < loopEnd;
            if (inLoop) {
                assertNotEquals(invSlot, e.move().to(), "invariant slot rewritten in the loop: " + e);
                assertNotEquals(invSlot, e.move().from(), "invariant reloaded in the loop: " + e);
            }
        }
        assertEquals(new Allocation.Reg(R0), r.allocation(fn.numInsts() - 1, 0));
    }

    @Test
    void floatAndIntegerValuesUseTheirOwnRegisterFiles() {
        RegAllocInput fn = RegAllocInput.build(f -> {
            VReg n = f.vreg(RegClass.INT), x = f.vreg(RegClass.FLOAT), y = f.vreg(RegClass.FLOAT), k = f.vreg(RegClass.INT), z = f.vreg(RegClass.FLOAT);
            f.fill(f.block(), b -> b
                    .inst(Operand.fixedDef(n, RDI), Operand.fixedDef(x, XMM0))
                    .inst(Operand.use(n), Operand.def(y))
                    .call(X86_CALL_CLOBBERS, Operand.fixedUse(y, XMM0), Operand.fixedDef(k, RAX))
                    .inst(Operand.use(x), Operand.use(k), Operand.def(z))
                    .ret(Operand.fixedUse(z, XMM0)));
        });
        RegAllocResult r = allocateAndCheck(fn, X86);
        for (int i = 0; i < fn.numInsts(); i++) {
            for (int k = 0; k < fn.operands(i).size(); k++) {
                Allocation a = r.allocation(i, k);
                if (a instanceof Allocation.Reg reg) assertEquals(fn.operands(i).get(k).vreg().cls(), reg.reg().cls());
            }
        }
        // x crosses a call that clobbers every XMM: it must be in a slot then.
        assertEquals(1, r.stats().spills(), r.stats().toString());
        assertEquals(1, r.stats().reloads(), r.stats().toString());
    }

    @Test
    void x86PatternsShiftDivisionDuplicateUsesAndDeadDefs() {
        RegAllocInput fn = RegAllocInput.build(f -> {
            VReg a = f.vreg(RegClass.INT), b = f.vreg(RegClass.INT), sh = f.vreg(RegClass.INT), q = f.vreg(RegClass.INT),
                    rem = f.vreg(RegClass.INT), dead = f.vreg(RegClass.INT), r2 = f.vreg(RegClass.INT), hi = f.vreg(RegClass.INT);
            f.fill(f.block(), bb -> bb
                    .inst(Operand.fixedDef(a, RDI), Operand.fixedDef(b, RSI))
                    .inst(Operand.use(a), Operand.fixedUse(b, RCX), Operand.reuseDef(sh, 0))            // shl sh = a, cl
                    .inst(Operand.fixedDef(hi, RDX))                                                    // cqo-like
                    .inst(Operand.fixedUse(sh, RAX), Operand.fixedUse(hi, RDX), Operand.use(b),
                            Operand.fixedDef(q, RAX), Operand.fixedDef(rem, RDX))                        // idiv b
                    .inst(Operand.fixedUse(q, RDI), Operand.use(q), Operand.def(dead))                  // same vreg twice, dead def
                    .call(X86_CALL_CLOBBERS, Operand.fixedUse(rem, RDI), Operand.fixedUse(q, RSI), Operand.fixedDef(r2, RAX))
                    .ret(Operand.fixedUse(r2, RAX)));
        });
        RegAllocResult r = allocateAndCheck(fn, X86);
        assertEquals(new Allocation.Reg(RCX), r.allocation(1, 1));
        assertEquals(r.allocation(1, 0), r.allocation(1, 2));
        assertEquals(new Allocation.Reg(RAX), r.allocation(3, 0));
        assertEquals(new Allocation.Reg(RDX), r.allocation(3, 4));
        assertEquals(new Allocation.Reg(RDI), r.allocation(4, 0));
        assertTrue(r.allocation(4, 2).isReg());
        assertFalse(r.usedRegisters().contains(R11) && r.stats().moves() == 0);
    }

    @Test
    void sameInputGivesTheSameOutput() {
        RegAllocResult a = LinearScan.allocate(swapLoop(), SMALL);
        RegAllocResult b = LinearScan.allocate(swapLoop(), SMALL);
        assertEquals(a, b);
    }
}
