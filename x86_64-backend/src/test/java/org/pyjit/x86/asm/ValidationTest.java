package org.pyjit.x86.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Invalid operands throw before any byte is written (jnr emits nothing or garbage: B10, B11). */
class ValidationTest {
    private final X86Assembler a = new X86Assembler();

    private void rejects(Executable e) {
        int before = a.offset();
        assertThrows(IllegalArgumentException.class, e);
        assertEquals(before, a.offset(), "bytes written before rejection");
    }

    @Test
    void addressOperands() {
        assertThrows(IllegalArgumentException.class, () -> Mem.of(Gpr.RBX, Gpr.RSP, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Mem.of(Gpr.RBX, Gpr.RCX, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> new Mem(Gpr.RBX, null, 8, 0));
        assertThrows(NullPointerException.class, () -> Mem.of(null, 0));
    }

    @Test
    void immediates() {
        rejects(() -> a.alu(AluOp.ADD, Width.B64, Gpr.RBX, 0x8000_0000L));
        rejects(() -> a.alu(AluOp.CMP, Width.B64, Gpr.RBX, -0x8000_0001L));
        rejects(() -> a.alu(AluOp.AND, Width.B8, Gpr.RBX, 256));
        rejects(() -> a.alu(AluOp.OR, Width.B16, Mem.of(Gpr.RAX), 0x10000));
        rejects(() -> a.mov(Width.B64, Mem.of(Gpr.RAX), 0x8000_0000L));
        rejects(() -> a.mov(Width.B32, Gpr.RAX, 0x1_0000_0000L));
        rejects(() -> a.imul(Width.B64, Gpr.RAX, Gpr.RCX, 1L << 40));
        rejects(() -> a.roundsd(Xmm.XMM0, Xmm.XMM1, 16));
    }

    @Test
    void shifts() {
        rejects(() -> a.shift(ShiftOp.SHL, Width.B64, Gpr.RAX, Gpr.RDX));
        rejects(() -> a.shift(ShiftOp.SAR, Width.B64, Gpr.RAX, 64));
        rejects(() -> a.shift(ShiftOp.SHR, Width.B32, Gpr.RAX, 32));
        rejects(() -> a.shift(ShiftOp.ROL, Width.B8, Gpr.RAX, -1));
    }

    @Test
    void widths() {
        rejects(() -> a.movzx(Width.B32, Gpr.RAX, Width.B32, Gpr.RCX));
        rejects(() -> a.movsx(Width.B16, Gpr.RAX, Width.B16, Gpr.RCX));
        rejects(() -> a.movzx(Width.B8, Gpr.RAX, Width.B8, Mem.of(Gpr.RCX)));
        rejects(() -> a.lea(Width.B8, Gpr.RAX, Mem.of(Gpr.RCX)));
        rejects(() -> a.cmov(Cond.E, Width.B8, Gpr.RAX, Gpr.RCX));
        rejects(() -> a.imul(Width.B16, Gpr.RAX, Gpr.RCX));
        rejects(() -> a.cvtsi2sd(Xmm.XMM0, Width.B16, Gpr.RAX));
        rejects(() -> a.cvttsd2si(Width.B8, Gpr.RAX, Xmm.XMM0));
    }

    @Test
    void ripRelativeWithImmediateIsRejected() {
        RipRel c = a.constant(1.0);
        rejects(() -> a.mov(Width.B64, c, 1));
        rejects(() -> a.alu(AluOp.CMP, Width.B32, c, 1));
    }

    @Test
    void miscellaneous() {
        rejects(() -> a.bytes(256));
        rejects(() -> a.align(3));
        rejects(() -> a.nop(10));
        rejects(() -> a.callAbsolute(0));
        assertThrows(NullPointerException.class, () -> a.mov(Width.B64, Gpr.RAX, (Gpr) null));
        assertThrows(NullPointerException.class, () -> a.alu(null, Width.B64, Gpr.RAX, Gpr.RAX));
    }

    @Test
    void condNegation() {
        for (Cond c : Cond.values()) {
            assertEquals(c, c.negate().negate());
            assertEquals(c.encoding() ^ 1, c.negate().encoding());
        }
        assertEquals(Cond.GE, Cond.L.negate());
        assertEquals(Cond.NP, Cond.P.negate());
    }

    @Test
    void alignPadsWithFewNops() {
        a.nop();
        a.align(16);
        assertEquals(16, a.offset());
        a.align(16);
        assertEquals(16, a.offset());
        a.ret();
        a.align(64);
        assertEquals(64, a.offset());
    }
}
