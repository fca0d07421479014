package org.pyjit.regalloc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.pyjit.regalloc.checker.AllocationCheckException;
import org.pyjit.regalloc.checker.AllocationChecker;
import org.pyjit.regalloc.checker.Violation;
import org.pyjit.regalloc.checker.ViolationKind;

import static org.junit.jupiter.api.Assertions.*;
import static org.pyjit.regalloc.TestMachines.*;

/** Corrupted allocations: the checker must name the first broken rule precisely. */
class CheckerTest {
    private static final MachineEnv SMALL = TestMachines.small();

    private static Violation violation(RegAllocFunction fn, RegAllocResult r) {
        Optional<Violation> v = AllocationChecker.verify(fn, SMALL, r);
        assertTrue(v.isPresent(), "the checker accepted a corrupted allocation");
        return v.get();
    }

    /** v0 = def; v1 = def; v2 = v0 + v1 (reuse); call; ret v2 in r0. */
    private static RegAllocInput straightLine(VReg[] out) {
        return RegAllocInput.build(f -> {
            for (int k = 0; k < 3; k++) out[k] = f.vreg(RegClass.INT);
            f.fill(f.block(), b -> b
                    .inst(Operand.def(out[0]), Operand.def(out[1]))
                    .inst(Operand.use(out[0]), Operand.use(out[1]), Operand.reuseDef(out[2], 0))
                    .call(CALL_CLOBBERS)
                    .ret(Operand.fixedUse(out[2], R0)));
        });
    }

    @Test
    void acceptsTheAllocatorsOutput() {
        VReg[] v = new VReg[3];
        RegAllocInput fn = straightLine(v);
        assertEquals(Optional.empty(), AllocationChecker.verify(fn, SMALL, LinearScan.allocate(fn, SMALL)));
    }

    @Test
    void wrongRegisterForAUse() {
        VReg[] v = new VReg[3];
        RegAllocInput fn = straightLine(v);
        RegAllocResult good = LinearScan.allocate(fn, SMALL);
        Allocation v0 = good.allocation(1, 0), v1 = good.allocation(1, 1);
        RegAllocResult bad = Results.withAllocation(good, 1, 1, v0);
        Violation x = violation(fn, bad);
        assertEquals(ViolationKind.WRONG_VALUE, x.kind());
        assertEquals(1, x.inst());
        assertEquals(1, x.operand());
        assertEquals(v[1], x.expected());
        assertEquals("{v" + v[0].index() + "}", x.found());
        assertNotEquals(v0, v1);
    }

    @Test
    void valueClobberedByACall() {
        VReg[] v = new VReg[3];
        RegAllocInput fn = straightLine(v);
        // Hand-made: everything in r0 / r1, nothing saved across the call that clobbers them.
        List<List<Allocation>> al = List.of(
                List.of(Results.reg(R0), Results.reg(R1)),
                List.of(Results.reg(R0), Results.reg(R1), Results.reg(R0)),
                List.of(),
                List.of(Results.reg(R0)));
        RegAllocResult bad = new RegAllocResult(al, List.of(), new TreeMap<>(), 0, new TreeSet<>(Set.of(R0, R1)), new AllocStats(0, 0, 0));
        Violation x = violation(fn, bad);
        assertEquals(ViolationKind.WRONG_VALUE, x.kind());
        assertEquals(3, x.inst());
        assertEquals(0, x.operand());
        assertEquals(v[2], x.expected());
        assertEquals("nothing known", x.found());
        assertTrue(x.message().contains("r0"), x.message());
    }

    @Test
    void removedReload() {
        List<VReg> vs = new ArrayList<>();
        RegAllocInput fn = RegAllocInput.build(f -> {
            for (int k = 0; k < 7; k++) vs.add(f.vreg(RegClass.INT));
            f.fill(f.block(), b -> {
                for (VReg v : vs) b.inst(Operand.def(v));
                for (VReg v : vs) b.inst(Operand.use(v));
                b.ret();
            });
        });
        RegAllocResult good = LinearScan.allocate(fn, SMALL);
        AllocationChecker.check(fn, SMALL, good);
        int reload = -1;
        for (int k = 0; k < good.edits().size(); k++) {
            Move m = good.edits().get(k).move();
            if (!m.from().isReg() && m.to().isReg()) reload = k;
        }
        assertTrue(reload >= 0, "7 values in 4 registers must reload");
        Edit removed = good.edits().get(reload);
        List<Edit> edits = new ArrayList<>(good.edits());
        edits.remove(reload);
        Violation x = violation(fn, Results.withEdits(good, edits));
        assertEquals(ViolationKind.WRONG_VALUE, x.kind());
        assertEquals(removed.point().inst(), x.inst(), "reported at the use the reload fed");
        assertEquals(fn.operands(x.inst()).get(x.operand()).vreg(), x.expected());
    }

    @Test
    void swappedEdgeMovesBreakTheBlockParameters() {
        RegAllocInput fn = AllocatorTest.swapLoop();
        RegAllocResult good = LinearScan.allocate(fn, SMALL);
        List<Move> stub = new ArrayList<>(good.edgeMoves(1, 0));
        assertEquals(3, stub.size());
        // Run the cycle in the wrong order: the rotation no longer swaps.
        List<Move> broken = List.of(stub.get(1), stub.get(0), stub.get(2));
        Violation x = violation(fn, Results.withEdgeMoves(good, new Edge(1, 0), broken));
        assertEquals(ViolationKind.WRONG_VALUE, x.kind());
        assertEquals(fn.blockFirstInst(1), x.inst(), "the loop header's first use sees the wrong parameter");
        assertEquals(fn.blockParams(1).get(x.operand()), x.expected());
    }

    @Test
    void droppedEdgeMoves() {
        RegAllocInput fn = AllocatorTest.swapLoop();
        RegAllocResult good = LinearScan.allocate(fn, SMALL);
        Violation x = violation(fn, Results.withEdgeMoves(good, new Edge(1, 0), List.of()));
        assertEquals(ViolationKind.WRONG_VALUE, x.kind());
        assertEquals(fn.blockFirstInst(1), x.inst());
    }

    @Test
    void edgeMovesOnANonCriticalEdgeBreakTheContract() {
        RegAllocInput fn = AllocatorTest.swapLoop();
        RegAllocResult good = LinearScan.allocate(fn, SMALL);
        Violation x = violation(fn, Results.withEdgeMoves(good, new Edge(0, 0), List.of(new Move(Results.reg(R0), Results.reg(R2), RegClass.INT))));
        assertEquals(ViolationKind.EDGE_MOVES, x.kind());
        assertEquals(fn.blockEndInst(0) - 1, x.inst());
    }

    @Test
    void fixedAndReuseConstraintsAreChecked() {
        VReg[] v = new VReg[3];
        RegAllocInput fn = straightLine(v);
        RegAllocResult good = LinearScan.allocate(fn, SMALL);
        Violation fixed = violation(fn, Results.withAllocation(good, 3, 0, Results.reg(R1)));
        assertEquals(ViolationKind.CONSTRAINT, fixed.kind());
        assertEquals(3, fixed.inst());
        Allocation other = good.allocation(1, 0).equals(Results.reg(R3)) ? Results.reg(R2) : Results.reg(R3);
        Violation reuse = violation(fn, Results.withAllocation(good, 1, 2, other));
        assertEquals(ViolationKind.CONSTRAINT, reuse.kind());
        assertEquals(1, reuse.inst());
        assertEquals(2, reuse.operand());
    }

    @Test
    void scratchRegisterIsNeverAnOperandAndWrittenRegistersMustBeReported() {
        VReg[] v = new VReg[3];
        RegAllocInput fn = straightLine(v);
        RegAllocResult good = LinearScan.allocate(fn, SMALL);
        Violation scratch = violation(fn, Results.withAllocation(good, 0, 0, Results.reg(SMALL.scratch(RegClass.INT))));
        assertEquals(ViolationKind.BAD_LOCATION, scratch.kind());
        assertEquals(0, scratch.inst());
        RegAllocResult unreported = new RegAllocResult(good.allocations(), good.edits(), good.edgeMoves(), good.numSpillSlots(), new TreeSet<>(), good.stats());
        assertEquals(ViolationKind.UNREPORTED_REGISTER, violation(fn, unreported).kind());
    }

    @Test
    void checkThrowsWithTheViolation() {
        VReg[] v = new VReg[3];
        RegAllocInput fn = straightLine(v);
        RegAllocResult bad = Results.withAllocation(LinearScan.allocate(fn, SMALL), 3, 0, Results.reg(R1));
        AllocationCheckException e = assertThrows(AllocationCheckException.class, () -> AllocationChecker.check(fn, SMALL, bad));
        assertEquals(3, e.violation().inst());
        assertTrue(e.getMessage().startsWith("CONSTRAINT at inst 3 operand 0"), e.getMessage());
    }
}
