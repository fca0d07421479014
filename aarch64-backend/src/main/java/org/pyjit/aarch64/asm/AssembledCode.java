package org.pyjit.aarch64.asm;

/**
 * Finished, position-independent code: instructions followed by the constant pool.
 *
 * @param code     the bytes (little-endian instructions)
 * @param codeSize bytes of instructions before the constant pool
 */
public record AssembledCode(byte[] code, int codeSize) {
    /** The bound offset of {@code label}. */
    public int offsetOf(Label label) {
        return label.position();
    }
}
