package org.pyjit.ir;

/**
 * A region of the function's stack frame ({@code ss0 = stack_slot 16, align 8}). Its address is
 * taken with {@code stack_addr}; it lives until the function returns. Contents start undefined
 * (the interpreter and backends zero it, but programs must not rely on that).
 *
 * @param index the slot number within the function
 * @param size  size in bytes, 1..2^24
 * @param align alignment in bytes: a power of two from 1 to 16
 */
public record StackSlot(int index, int size, int align) {
    /** Largest slot size. */
    public static final int MAX_SIZE = 1 << 24;

    /** Validates the fields. */
    public StackSlot {
        if (index < 0) {
            throw new IllegalArgumentException("negative stack slot number " + index);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("stack slot size must be 1.." + MAX_SIZE + ": " + size);
        }
        if (align < 1 || align > 16 || Integer.bitCount(align) != 1) {
            throw new IllegalArgumentException("stack slot alignment must be 1, 2, 4, 8 or 16: " + align);
        }
    }

    @Override
    public String toString() {
        return "ss" + index;
    }
}
