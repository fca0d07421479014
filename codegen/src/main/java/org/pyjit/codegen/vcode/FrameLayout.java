package org.pyjit.codegen.vcode;

import java.util.ArrayList;
import java.util.List;
import org.pyjit.ir.StackSlot;
import org.pyjit.regalloc.PReg;

/**
 * The stack frame of one compiled function, addressed from the frame pointer (which the
 * prologue sets to the 16-byte aligned address where the caller's frame pointer is saved).
 *
 * <pre>
 *   fp + 16 + 8k        incoming stack argument k
 *   fp + 8              return address (x86-64) / saved link register (AArch64)
 *   fp + 0              saved frame pointer
 *   fp - 8 .. -8n       callee-saved registers the function writes, in {@link #savedRegs()} order
 *   ...                 IR stack slots, each at its own alignment (at most 16)
 *   ...                 spill slots, 8 bytes each
 *   sp + 0 .. outgoing  outgoing stack arguments of calls
 * </pre>
 *
 * {@link #frameSize()} (what the prologue subtracts below the saved frame pointer) is a multiple
 * of 16, so the stack pointer stays 16-byte aligned at every call inside the function.
 *
 * @param savedRegs      callee-saved registers to save, in save order
 * @param slotOffsets    per IR stack slot, its offset from the frame pointer (negative)
 * @param slotAreaTop    offset of the first byte above the IR slot area (negative or zero)
 * @param slotAreaBottom offset of the lowest byte of the IR slot area (8-byte aligned)
 * @param spillBase      offset of spill slot 0 (spill i lives at {@code spillBase - 8i})
 * @param numSpills      number of 8-byte spill slots
 * @param outgoingBytes  size of the outgoing argument area at the stack pointer
 * @param frameSize      bytes between the saved frame pointer and the stack pointer
 */
public record FrameLayout(List<PReg> savedRegs, List<Integer> slotOffsets, int slotAreaTop, int slotAreaBottom,
                          int spillBase, int numSpills, int outgoingBytes, int frameSize) {
    /** Stack alignment at calls on every supported ABI. */
    public static final int STACK_ALIGNMENT = 16;
    /** Size of a saved register or spill slot. */
    public static final int WORD = 8;

    /** Copies the lists. */
    public FrameLayout {
        savedRegs = List.copyOf(savedRegs);
        slotOffsets = List.copyOf(slotOffsets);
    }

    /**
     * Lays out a frame.
     *
     * @param savedRegs     callee-saved registers the function writes
     * @param slots         the IR stack slots
     * @param numSpills     spill slots the allocator used
     * @param outgoingBytes largest outgoing stack-argument area of any call (multiple of 8)
     * @return the layout
     */
    public static FrameLayout compute(List<PReg> savedRegs, List<StackSlot> slots, int numSpills, int outgoingBytes) {
        long depth = (long) WORD * savedRegs.size();
        int top = (int) -depth;
        List<Integer> offsets = new ArrayList<>();
        for (StackSlot s : slots) {
            depth = alignUp(depth + s.size(), s.align());
            offsets.add((int) -depth);
        }
        depth = alignUp(depth, WORD);
        int bottom = (int) -depth;
        int spillBase = (int) -(depth + WORD);
        depth += (long) WORD * numSpills;
        depth += alignUp(outgoingBytes, WORD);
        depth = alignUp(depth, STACK_ALIGNMENT);
        if (depth > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("stack frame too large: " + depth + " bytes");
        }
        return new FrameLayout(savedRegs, offsets, top, bottom, spillBase, numSpills, outgoingBytes, (int) depth);
    }

    /** Frame-pointer offset of the save slot of {@code savedRegs().get(i)}. */
    public int savedRegOffset(int i) {
        return -WORD * (i + 1);
    }

    /** Frame-pointer offset of spill slot {@code index}. */
    public int spillOffset(int index) {
        if (index < 0 || index >= numSpills) {
            throw new IllegalArgumentException("spill slot " + index + " outside 0.." + (numSpills - 1));
        }
        return spillBase - WORD * index;
    }

    /** Frame-pointer offset of IR stack slot {@code index}. */
    public int slotOffset(int index) {
        return slotOffsets.get(index);
    }

    /** Frame-pointer offset of incoming stack argument {@code k} (above the return address). */
    public static int incomingArgOffset(int k) {
        return 2 * WORD + WORD * k;
    }

    private static long alignUp(long n, int align) {
        return (n + align - 1) & -(long) align;
    }
}
