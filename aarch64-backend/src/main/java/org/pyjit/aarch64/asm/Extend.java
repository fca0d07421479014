package org.pyjit.aarch64.asm;

/** An extend type: the {@code option} field of extended-register and register-offset forms. */
public enum Extend {
    /** Zero-extend byte. */
    UXTB,
    /** Zero-extend halfword. */
    UXTH,
    /** Zero-extend word. */
    UXTW,
    /** 64-bit, no extension (printed as {@code lsl} where it is the default). */
    UXTX,
    /** Sign-extend byte. */
    SXTB,
    /** Sign-extend halfword. */
    SXTH,
    /** Sign-extend word. */
    SXTW,
    /** 64-bit, no extension (signed form). */
    SXTX;

    /** The 3-bit field value. */
    int encoding() {
        return ordinal();
    }

    /** True if the index register is read at 32 bits (W). */
    public boolean readsW() {
        return this != UXTX && this != SXTX;
    }

    /** The lower-case mnemonic. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
