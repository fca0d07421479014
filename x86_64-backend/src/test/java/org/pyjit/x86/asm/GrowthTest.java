package org.pyjit.x86.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** jnr's buffer is fixed at 128 bytes (B2); ours grows. */
class GrowthTest {
    @Test
    void growsPast128Bytes() {
        X86Assembler a = new X86Assembler();
        for (int i = 0; i < 200; i++) {
            a.mov(Width.B64, Gpr.R12, Mem.of(Gpr.RSP, Gpr.R13, 8, 0x1000 + i));
        }
        byte[] code = a.finish().code();
        assertEquals(200 * 8, code.length);
    }

    @Test
    void growsPastOneMegabyteWithAJumpAcrossIt() {
        X86Assembler a = new X86Assembler();
        Label top = a.newLabel();
        Label end = a.newLabel();
        a.bind(top);
        a.jmp(end);
        for (int i = 0; i < 300_000; i++) {
            a.nop(4);
        }
        a.jcc(Cond.NE, top);
        a.bind(end);
        a.ret();
        AssembledCode done = a.finish();
        byte[] code = done.code();
        int n = 5 + 1_200_000;
        assertEquals(n + 6 + 1, code.length);
        assertEquals(0x0F, code[5] & 0xFF);
        assertEquals(0x1F, code[6] & 0xFF);
        assertEquals(0x85, code[n + 1] & 0xFF);
        assertEquals(n + 6, done.offsetOf(end));
    }
}
