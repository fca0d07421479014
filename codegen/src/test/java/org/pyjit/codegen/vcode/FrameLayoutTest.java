package org.pyjit.codegen.vcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pyjit.ir.StackSlot;
import org.pyjit.regalloc.PReg;
import org.pyjit.regalloc.RegClass;

class FrameLayoutTest {
    @Test
    void areasDoNotOverlapAndRespectAlignment() {
        List<PReg> saved = List.of(new PReg(RegClass.INT, 3), new PReg(RegClass.INT, 12), new PReg(RegClass.INT, 13));
        List<StackSlot> slots = List.of(new StackSlot(0, 3, 1), new StackSlot(1, 16, 16), new StackSlot(2, 4, 4));
        FrameLayout f = FrameLayout.compute(saved, slots, 5, 24);
        assertEquals(-8, f.savedRegOffset(0));
        assertEquals(-24, f.savedRegOffset(2));
        assertEquals(-27, f.slotOffset(0));
        assertEquals(-48, f.slotOffset(1));
        assertEquals(0, f.slotOffset(1) % 16);
        assertEquals(-52, f.slotOffset(2));
        assertEquals(-24, f.slotAreaTop());
        assertEquals(-56, f.slotAreaBottom());
        assertEquals(-64, f.spillOffset(0));
        assertEquals(-96, f.spillOffset(4));
        assertTrue(f.frameSize() >= 96 + 24, "outgoing area below the spills");
        assertEquals(0, f.frameSize() % FrameLayout.STACK_ALIGNMENT);
        assertThrows(IllegalArgumentException.class, () -> f.spillOffset(5));
    }

    @Test
    void anEmptyFrameIsEmpty() {
        FrameLayout f = FrameLayout.compute(List.of(), List.of(), 0, 0);
        assertEquals(0, f.frameSize());
        assertEquals(16, FrameLayout.incomingArgOffset(0));
    }
}
