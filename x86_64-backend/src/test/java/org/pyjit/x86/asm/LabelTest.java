package org.pyjit.x86.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LabelTest {
    private static int rel32(byte[] code, int at) {
        return (code[at] & 0xFF) | (code[at + 1] & 0xFF) << 8 | (code[at + 2] & 0xFF) << 16 | code[at + 3] << 24;
    }

    @Test
    void forwardJumpIsRel32AndPatched() {
        X86Assembler a = new X86Assembler();
        Label l = a.newLabel("end");
        a.jmp(l);
        a.nop();
        a.bind(l);
        a.ret();
        byte[] code = a.finish().code();
        assertEquals(0xE9, code[0] & 0xFF);
        assertEquals(1, rel32(code, 1));
    }

    @Test
    void nearBackwardJumpIsRel8FarOneRel32() {
        X86Assembler a = new X86Assembler();
        Label top = a.newLabel("top");
        a.bind(top);
        a.nop();
        a.jcc(Cond.NE, top);
        for (int i = 0; i < 200; i++) {
            a.nop();
        }
        int far = a.offset();
        a.jcc(Cond.E, top);
        byte[] code = a.finish().code();
        assertEquals(0x75, code[1] & 0xFF);
        assertEquals(-3, code[2]);
        assertEquals(0x0F, code[far] & 0xFF);
        assertEquals(0x84, code[far + 1] & 0xFF);
        assertEquals(-(far + 6), rel32(code, far + 2));
    }

    @Test
    void manyFixupsToOneLabel() {
        X86Assembler a = new X86Assembler();
        Label target = a.newLabel();
        int[] ends = new int[5000];
        for (int i = 0; i < ends.length; i++) {
            switch (i % 3) {
                case 0 -> a.jmp(target);
                case 1 -> a.jcc(Cond.values()[i % 16], target);
                default -> a.call(target);
            }
            ends[i] = a.offset();
        }
        a.bind(target);
        a.ret();
        AssembledCode done = a.finish();
        byte[] code = done.code();
        int t = done.offsetOf(target);
        for (int end : ends) {
            assertEquals(t, end + rel32(code, end - 4));
        }
    }

    @Test
    void callToAFunctionBoundLaterInTheSameBuffer() {
        X86Assembler a = new X86Assembler();
        Label f = a.newLabel("f");
        Label g = a.newLabel("g");
        a.bind(f);
        a.call(g);
        a.ret();
        a.bind(g);
        a.ret();
        AssembledCode done = a.finish();
        assertEquals(0, done.offsetOf(f));
        assertEquals(6, done.offsetOf(g));
        assertEquals(6 - 5, rel32(done.code(), 1));
    }

    @Test
    void unboundLabelThrowsAtFinish() {
        X86Assembler a = new X86Assembler();
        Label nowhere = a.newLabel("nowhere");
        a.jcc(Cond.L, nowhere);
        IllegalStateException e = assertThrows(IllegalStateException.class, a::finish);
        assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
    }

    @Test
    void labelMisuseThrows() {
        X86Assembler a = new X86Assembler();
        Label l = a.newLabel();
        a.bind(l);
        assertThrows(IllegalStateException.class, () -> a.bind(l));
        X86Assembler other = new X86Assembler();
        assertThrows(IllegalArgumentException.class, () -> other.jmp(l));
        assertThrows(IllegalArgumentException.class, () -> other.movsd(Xmm.XMM0, RipRel.of(l)));
        AssembledCode done = a.finish();
        assertThrows(IllegalArgumentException.class, () -> done.offsetOf(other.newLabel()));
        assertThrows(IllegalStateException.class, a::ret);
        assertThrows(IllegalStateException.class, a::finish);
    }

    @Test
    void constantsAreDeduplicatedByBitPattern() {
        X86Assembler a = new X86Assembler();
        RipRel one = a.constant(1.0);
        assertEquals(one, a.constant(1.0));
        assertEquals(one.target(), a.constantLabel(Double.doubleToRawLongBits(1.0)));
        assertTrue(a.constant(0.0).target() != a.constant(-0.0).target());
        a.movsd(Xmm.XMM0, one);
        a.ret();
        AssembledCode done = a.finish();
        assertEquals(16, done.constantPoolOffset());
        assertEquals(16 + 3 * 8, done.size());
    }
}
