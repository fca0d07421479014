package org.pyjit.ir;

/**
 * The value types of the IR. Integers carry no signedness: operations choose how to read them.
 * Pointers are {@link #I64}. Comparisons produce {@link #I8} holding 0 or 1.
 */
public enum Type {
    /** 8-bit integer. */
    I8(8, false),
    /** 16-bit integer. */
    I16(16, false),
    /** 32-bit integer. */
    I32(32, false),
    /** 64-bit integer; also the pointer type. */
    I64(64, false),
    /** IEEE 754 binary32. */
    F32(32, true),
    /** IEEE 754 binary64. */
    F64(64, true);

    private final int bits;
    private final boolean isFloat;

    Type(int bits, boolean isFloat) {
        this.bits = bits;
        this.isFloat = isFloat;
    }

    /** Width in bits. */
    public int bits() {
        return bits;
    }

    /** Width in bytes (the size of a load or store of this type). */
    public int bytes() {
        return bits / 8;
    }

    /** True for {@code i8 i16 i32 i64}. */
    public boolean isInt() {
        return !isFloat;
    }

    /** True for {@code f32 f64}. */
    public boolean isFloat() {
        return isFloat;
    }

    /** The integer type of the same width ({@code f64 -> i64}); integers map to themselves. */
    public Type sameWidthInt() {
        return switch (this) {
            case I8, I16, I32, I64 -> this;
            case F32 -> I32;
            case F64 -> I64;
        };
    }

    /** The name used in the text format: {@code i8 … f64}. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The type named {@code text}, or null if there is none. */
    public static Type fromText(String text) {
        for (Type t : values()) {
            if (t.text().equals(text)) {
                return t;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return text();
    }
}
