package org.pyjit.x86.asm;

import java.util.Map;

/**
 * The result of {@link X86Assembler#finish()}: position-independent machine code relocated at
 * offset 0, followed by its constant pool.
 *
 * <p>Layout: {@code [0, codeSize)} instructions, {@code [codeSize, constantPoolOffset)} int3
 * padding, {@code [constantPoolOffset, bytes().length)} 16-byte constants then 8-byte constants.
 * The pool offset is 16-byte aligned, so the whole array must be placed at a 16-byte aligned
 * address for packed SSE operands to be aligned (the code cache does this).
 *
 * @param code the bytes (the accessor returns a copy)
 * @param codeSize bytes of instructions before the pool padding
 * @param constantPoolOffset where the constant pool starts (== length when there is none)
 * @param labelOffsets offsets of every bound label
 */
public record AssembledCode(byte[] code, int codeSize, int constantPoolOffset, Map<Label, Integer> labelOffsets) {
    /** Freezes the contents. */
    public AssembledCode {
        code = code.clone();
        labelOffsets = Map.copyOf(labelOffsets);
    }

    /** @return a copy of the bytes */
    @Override
    public byte[] code() {
        return code.clone();
    }

    /** @return the total length in bytes */
    public int size() {
        return code.length;
    }

    /**
     * @param label a label of the finished assembler
     * @return its offset from the start of the code
     * @throws IllegalArgumentException if the label was never bound in this code
     */
    public int offsetOf(Label label) {
        Integer at = labelOffsets.get(label);
        if (at == null) {
            throw new IllegalArgumentException("label " + label + " is not bound in this code");
        }
        return at;
    }
}
