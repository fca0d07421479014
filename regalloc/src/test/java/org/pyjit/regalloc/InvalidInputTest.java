package org.pyjit.regalloc;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;
import static org.pyjit.regalloc.TestMachines.*;

/** Bad input is rejected with a message naming the instruction or block. */
class InvalidInputTest {
    private static String reject(RegAllocFunction fn) {
        return assertThrows(RegAllocException.class, () -> LinearScan.allocate(fn, TestMachines.small())).getMessage();
    }

    @Test
    void useBeforeDefinitionOnSomePath() {
        String msg = reject(RegAllocInput.build(f -> {
            VReg c = f.vreg(RegClass.INT), x = f.vreg(RegClass.INT);
            int b0 = f.block(), b1 = f.block(), b2 = f.block();
            f.fill(b0, b -> b.inst(Operand.def(c)).branch(List.of(Operand.use(c)), new RegAllocInput.Target(b1), new RegAllocInput.Target(b2)));
            f.fill(b1, b -> b.inst(Operand.def(x)).jump(b2));
            f.fill(b2, b -> b.inst(Operand.use(x)).ret());
        }));
        assertTrue(msg.contains("inst 4") && msg.contains("v1"), msg);
    }

    @Test
    void useOfAnUndefinedVReg() {
        String msg = reject(RegAllocInput.build(f -> {
            VReg x = f.vreg(RegClass.INT);
            f.fill(f.block(), b -> b.inst(Operand.use(x)).ret());
        }));
        assertTrue(msg.contains("inst 0") && msg.contains("never defined"), msg);
    }

    @Test
    void jumpWithOperandsBreaksTheEdgeMoveContract() {
        String msg = reject(RegAllocInput.build(f -> {
            VReg x = f.vreg(RegClass.INT);
            int b0 = f.block(), b1 = f.block();
            f.fill(b0, b -> b.inst(Operand.def(x)).branch(List.of(Operand.use(x)), new RegAllocInput.Target(b1)));
            f.fill(b1, b -> b.ret());
        }));
        assertTrue(msg.contains("inst 1") && msg.contains("single successor"), msg);
    }

    @Test
    void fixedRegisterOfTheWrongClassOrTheScratchRegister() {
        String wrongClass = reject(RegAllocInput.build(f -> {
            VReg x = f.vreg(RegClass.INT);
            f.fill(f.block(), b -> b.inst(Operand.fixedDef(x, F0)).ret());
        }));
        assertTrue(wrongClass.contains("inst 0 operand 0") && wrongClass.contains("wrong class"), wrongClass);
        String scratch = reject(RegAllocInput.build(f -> {
            VReg x = f.vreg(RegClass.INT);
            f.fill(f.block(), b -> b.inst(Operand.fixedDef(x, new PReg(RegClass.INT, 15))).ret());
        }));
        assertTrue(scratch.contains("r15") && scratch.contains("not allocatable"), scratch);
    }

    @Test
    void twoValuesFixedToOneRegisterAtOnce() {
        String msg = reject(RegAllocInput.build(f -> {
            VReg x = f.vreg(RegClass.INT), y = f.vreg(RegClass.INT);
            f.fill(f.block(), b -> b.inst(Operand.def(x), Operand.def(y)).inst(Operand.fixedUse(x, R0), Operand.fixedUse(y, R0)).ret());
        }));
        assertTrue(msg.contains("inst 1") && msg.contains("r0"), msg);
    }

    @Test
    void reuseOfAStackOperand() {
        String msg = reject(RegAllocInput.build(f -> {
            VReg x = f.vreg(RegClass.INT), y = f.vreg(RegClass.INT);
            f.fill(f.block(), b -> b.inst(Operand.def(x)).inst(Operand.stackUse(x), Operand.reuseDef(y, 0)).ret());
        }));
        assertTrue(msg.contains("inst 1 operand 1"), msg);
    }

    @Test
    void entryBlockParametersAndUnreachableBlocks() {
        String params = reject(RegAllocInput.build(f -> {
            VReg x = f.vreg(RegClass.INT);
            f.fill(f.block(x), b -> b.ret(Operand.use(x)));
        }));
        assertTrue(params.contains("entry block"), params);
        String unreachable = reject(RegAllocInput.build(f -> {
            f.fill(f.block(), b -> b.ret());
            f.fill(f.block(), b -> b.ret());
        }));
        assertTrue(unreachable.contains("block 1") && unreachable.contains("unreachable"), unreachable);
    }

    @Test
    void doubleDefinition() {
        String msg = reject(RegAllocInput.build(f -> {
            VReg x = f.vreg(RegClass.INT);
            f.fill(f.block(), b -> b.inst(Operand.def(x)).inst(Operand.def(x)).ret());
        }));
        assertTrue(msg.contains("inst 1") && msg.contains("redefines"), msg);
    }
}
