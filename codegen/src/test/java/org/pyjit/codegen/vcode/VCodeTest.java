package org.pyjit.codegen.vcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pyjit.regalloc.Allocation;
import org.pyjit.regalloc.InstKind;
import org.pyjit.regalloc.LinearScan;
import org.pyjit.regalloc.MachineEnv;
import org.pyjit.regalloc.Move;
import org.pyjit.regalloc.Operand;
import org.pyjit.regalloc.PReg;
import org.pyjit.regalloc.RegAllocResult;
import org.pyjit.regalloc.RegClass;
import org.pyjit.regalloc.VReg;
import org.pyjit.regalloc.checker.AllocationChecker;

/** VCode as the allocator's input and the emission driver's walk, on a toy instruction set. */
class VCodeTest {
    record Toy(InstKind kind, List<Operand> operands, String text) implements MachInst {
        @Override
        public Set<PReg> clobbers() {
            return Set.of();
        }
    }

    static final MachineEnv ENV = MachineEnv.build(b -> b.reg(RegClass.INT, 0, "a").reg(RegClass.INT, 1, "b")
            .scratch(RegClass.INT, 2, "s").reg(RegClass.FLOAT, 0, "f0").scratch(RegClass.FLOAT, 1, "fs"));

    /** A diamond: b0 defines x, branches to b1/b2, which jump to b3(x or y) that returns. */
    static VCode<Toy> diamond() {
        return VCode.build("diamond", b -> {
            VReg x = b.newVReg(RegClass.INT);
            VReg y = b.newVReg(RegClass.INT);
            VReg p = b.newVReg(RegClass.INT);
            for (int i = 0; i < 3; i++) {
                b.declareBlock(List.of());
            }
            b.declareBlock(List.of(p));
            b.startBlock(0);
            b.push(new Toy(InstKind.OTHER, List.of(Operand.fixedDef(x, new PReg(RegClass.INT, 0))), "arg"));
            b.push(new Toy(InstKind.BRANCH, List.of(Operand.use(x)), "br"));
            b.endBlock(List.of(1, 2), List.of(List.of(), List.of()));
            b.startBlock(1);
            b.push(new Toy(InstKind.BRANCH, List.of(), "jmp"));
            b.endBlock(List.of(3), List.of(List.of(x)));
            b.startBlock(2);
            b.push(new Toy(InstKind.OTHER, List.of(Operand.def(y), Operand.use(x)), "inc"));
            b.push(new Toy(InstKind.BRANCH, List.of(), "jmp"));
            b.endBlock(List.of(3), List.of(List.of(y)));
            b.startBlock(3);
            b.push(new Toy(InstKind.RET, List.of(Operand.fixedUse(p, new PReg(RegClass.INT, 0))), "ret"));
            b.endBlock(List.of(), List.of());
        });
    }

    @Test
    void describesBlocksEdgesAndOperands() {
        VCode<Toy> v = diamond();
        assertEquals(4, v.numBlocks());
        assertEquals(6, v.numInsts());
        assertEquals(List.of(1, 2), v.successors(0));
        assertEquals(List.of(1, 2), v.predecessors(3));
        assertEquals(List.of(new VReg(1, RegClass.INT)), v.branchArgs(2, 0));
        assertEquals(InstKind.RET, v.instKind(5));
    }

    @Test
    void theDriverEmitsEveryInstructionInOrderWithItsAllocation() {
        VCode<Toy> v = diamond();
        RegAllocResult r = LinearScan.allocate(v, ENV);
        AllocationChecker.check(v, ENV, r);
        List<String> out = new ArrayList<>();
        EmissionDriver.emit(v, r, new MachineEmitter<Toy, String>() {
            int labels;

            @Override
            public String newLabel(String name) {
                return name + "#" + labels++;
            }

            @Override
            public void bind(String label) {
                out.add(label + ":");
            }

            @Override
            public void emit(Toy inst, List<Allocation> allocs, BranchTargets<String> targets) {
                out.add(inst.text() + allocs);
            }

            @Override
            public void move(Move m) {
                out.add("move " + m);
            }

            @Override
            public void jump(String target) {
                out.add("jump " + target);
            }
        });
        assertEquals(List.of("b0#0:", "arg[r0]", "br[r0]", "b1#1:"), out.subList(0, 4));
        assertEquals(6, out.stream().filter(s -> s.contains("[") && !s.startsWith("move")).count());
        assertEquals("ret[r0]", out.stream().filter(s -> s.startsWith("ret")).findFirst().orElseThrow());
    }

    @Test
    void blocksMustBeFilledInOrder() {
        assertThrows(IllegalStateException.class, () -> VCode.<Toy>build("bad", b -> {
            b.declareBlock(List.of());
            b.declareBlock(List.of());
            b.startBlock(1);
        }));
    }
}
