package org.pyjit.fuzz.gen;

/**
 * The memory every generated function may touch, addressed from its first parameter
 * ({@code base}, an {@code i64}):
 * <pre>
 *   base + 0   .. base + 255   data: loads and stores at (index &amp; {@value #INDEX_MASK}) + offset,
 *                              offset in 0..{@value #MAX_OFFSET}, so every access of up to 8 bytes
 *                              stays inside
 *   base + 256 .. base + 256 + 8n   table of native function addresses (read only by convention)
 * </pre>
 * Harnesses map exactly this range into the interpreter's memory at the same numeric address as
 * the native buffer, so both executions see the same addresses and bytes.
 */
public final class BufferLayout {
    /** Size of the data area in bytes. */
    public static final int DATA_SIZE = 256;
    /** Mask applied to a dynamic index before adding it to the base. */
    public static final int INDEX_MASK = 127;
    /** Largest static offset of a data access. */
    public static final int MAX_OFFSET = DATA_SIZE - INDEX_MASK - 1 - 8;
    /** Offset of the table of native function addresses. */
    public static final int TABLE_OFFSET = DATA_SIZE;
    /** Total bytes: data and table. */
    public static final int SIZE = TABLE_OFFSET + 8 * NativeFunction.values().length;
    /** Where the epilogue of every function stores its variables (one 8-byte cell each). */
    public static final int EPILOGUE_OFFSET = 0;

    private BufferLayout() {
    }

    /** The offset of {@code fn}'s address in the table. */
    public static int tableOffset(NativeFunction fn) {
        return TABLE_OFFSET + 8 * fn.ordinal();
    }
}
