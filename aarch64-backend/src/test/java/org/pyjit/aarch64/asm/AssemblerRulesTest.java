package org.pyjit.aarch64.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Operand validation, label fix-ups and their ranges, the constant pool. */
class AssemblerRulesTest {

    @Test
    void stackPointerAndZeroRegisterAreNotInterchangeable() {
        A64Assembler a = new A64Assembler();
        assertThrows(IllegalArgumentException.class, () -> a.add(Width.X, Gp.SP, Gp.R1, Gp.R2), "shifted form has no sp");
        assertThrows(IllegalArgumentException.class, () -> a.addSubImm(AddSubOp.ADD, Width.X, Gp.R0, Gp.ZR, 1));
        assertThrows(IllegalArgumentException.class, () -> a.addSubImm(AddSubOp.SUBS, Width.X, Gp.SP, Gp.R0, 1));
        assertThrows(IllegalArgumentException.class, () -> a.mem(MemOp.LDR_X, Gp.R0, Addr.of(Gp.ZR, 0)));
        assertThrows(IllegalArgumentException.class, () -> a.mem(MemOp.LDR_X, Gp.SP, Addr.of(Gp.R1, 0)));
        assertThrows(IllegalArgumentException.class, () -> a.movImm(Width.X, Gp.SP, 5));
        assertEquals(0, a.position());
    }

    @Test
    void immediatesOutOfRangeAreRejected() {
        A64Assembler a = new A64Assembler();
        assertThrows(IllegalArgumentException.class, () -> a.addSubImm(AddSubOp.ADD, Width.X, Gp.R0, Gp.R1, 4097));
        assertThrows(IllegalArgumentException.class, () -> a.addSubImm(AddSubOp.ADD, Width.X, Gp.R0, Gp.R1, -1));
        assertThrows(IllegalArgumentException.class, () -> a.mem(MemOp.LDR_X, Gp.R0, Addr.of(Gp.R1, 4096 * 8)));
        assertThrows(IllegalArgumentException.class, () -> a.mem(MemOp.LDR_X, Gp.R0, Addr.of(Gp.R1, -257)));
        assertThrows(IllegalArgumentException.class, () -> a.mem(MemOp.LDR_X, Gp.R0, new Addr.PreIndex(Gp.R1, 256)));
        assertThrows(IllegalArgumentException.class, () -> a.pair(true, Width.X, Gp.R0, Gp.R1, Addr.of(Gp.SP, 4)));
        assertThrows(IllegalArgumentException.class, () -> a.pair(true, Width.X, Gp.R0, Gp.R1, Addr.of(Gp.SP, 512)));
        assertThrows(IllegalArgumentException.class, () -> a.movz(Width.W, Gp.R0, 1, 32));
        assertThrows(IllegalArgumentException.class, () -> a.shiftImm(Shift.LSL, Width.W, Gp.R0, Gp.R1, 32));
        assertThrows(IllegalArgumentException.class, () -> a.tbz(Gp.R0, 64, a.newLabel("x")));
        assertThrows(IllegalArgumentException.class, () -> a.mul(MulOp.SMULH, Width.W, Gp.R0, Gp.R1, Gp.R2, Gp.ZR));
        assertEquals(0, a.position());
    }

    @Test
    void forwardAndBackwardBranchesArePatched() {
        A64Assembler a = new A64Assembler();
        Label top = a.newLabel("top");
        Label end = a.newLabel("end");
        a.bind(top);
        a.cbz(Width.X, Gp.R0, end);
        a.b(top);
        a.bind(end);
        a.ret();
        byte[] c = a.finish().code();
        assertEquals(0xB4000040, word(c, 0), "cbz x0, +8");
        assertEquals(0x17FFFFFF, word(c, 4), "b -4");
    }

    @Test
    void branchRangesAreChecked() {
        A64Assembler a = new A64Assembler();
        Label far = a.newLabel("far");
        a.tbz(Gp.R0, 3, far);
        for (int i = 0; i < 8192; i++) {
            a.nop();
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.bind(far));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());

        A64Assembler b = new A64Assembler();
        Label back = b.newLabel("back");
        b.bind(back);
        for (int i = 0; i < (1 << 18) + 1; i++) {
            b.nop();
        }
        assertThrows(IllegalArgumentException.class, () -> b.bcond(Cond.EQ, back));
        b.b(back);
    }

    @Test
    void labelsAreBoundOnceAndMustBeBound() {
        A64Assembler a = new A64Assembler();
        Label l = a.newLabel("l");
        a.bind(l);
        assertThrows(IllegalStateException.class, () -> a.bind(l));
        Label never = a.newLabel("never");
        a.b(never);
        IllegalStateException e = assertThrows(IllegalStateException.class, a::finish);
        assertTrue(e.getMessage().contains("never"));
        A64Assembler other = new A64Assembler();
        assertThrows(IllegalArgumentException.class, () -> other.b(l));
    }

    @Test
    void constantPoolFollowsTheCodeAlignedAndShared() {
        A64Assembler a = new A64Assembler();
        a.ldrLiteral(MemOp.LDR_D, Fp.V0, a.constant(0x3FF0000000000000L));
        a.ldrLiteral(MemOp.LDR_X, Gp.R1, a.constant(0x3FF0000000000000L));
        a.ldrLiteral(MemOp.LDR_X, Gp.R1, a.constant(42));
        AssembledCode code = a.finish();
        assertEquals(16, code.codeSize(), "three instructions, padded to 8");
        assertEquals(32, code.code().length, "two distinct constants");
        assertEquals(0x3FF00000, word(code.code(), 20));
        assertEquals(42, word(code.code(), 24));
        assertEquals(0x5C000080, word(code.code(), 0), "ldr d0, +16");
        assertEquals(0x58000061, word(code.code(), 4), "ldr x1, +12");
    }

    @Test
    void bufferGrows() {
        A64Assembler a = new A64Assembler();
        for (int i = 0; i < 100_000; i++) {
            a.nop();
        }
        assertEquals(400_000, a.finish().code().length);
    }

    private static int word(byte[] c, int at) {
        return (c[at] & 0xFF) | (c[at + 1] & 0xFF) << 8 | (c[at + 2] & 0xFF) << 16 | (c[at + 3] & 0xFF) << 24;
    }
}
