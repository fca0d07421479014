package org.pyjit.aarch64.asm;

/** A SIMD&amp;FP register {@code vN}, used here only as scalar {@code sN} or {@code dN}. */
public enum Fp {
    V0, V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, V11, V12, V13, V14, V15,
    V16, V17, V18, V19, V20, V21, V22, V23, V24, V25, V26, V27, V28, V29, V30, V31;

    /** The 5-bit register field value. */
    public int encoding() {
        return ordinal();
    }

    /** The assembler name at precision {@code w}: {@code d7}, {@code s7}. */
    public String name(FpWidth w) {
        return (w == FpWidth.D ? "d" : "s") + ordinal();
    }
}
