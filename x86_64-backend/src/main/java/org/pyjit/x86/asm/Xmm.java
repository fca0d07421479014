package org.pyjit.x86.asm;

/** The sixteen SSE registers xmm0..xmm15, in hardware encoding order. */
public enum Xmm {
    /** First float argument and float return value. */
    XMM0,
    /** Second float argument. */
    XMM1,
    /** Third float argument. */
    XMM2,
    /** Fourth float argument. */
    XMM3,
    /** Fifth float argument. */
    XMM4,
    /** Sixth float argument. */
    XMM5,
    /** Seventh float argument. */
    XMM6,
    /** Eighth float argument. */
    XMM7,
    /** Caller-saved. */
    XMM8,
    /** Caller-saved. */
    XMM9,
    /** Caller-saved. */
    XMM10,
    /** Caller-saved. */
    XMM11,
    /** Caller-saved. */
    XMM12,
    /** Caller-saved. */
    XMM13,
    /** Caller-saved. */
    XMM14,
    /** Caller-saved. */
    XMM15;

    /** @return the 4-bit hardware encoding (0..15) */
    public int encoding() {
        return ordinal();
    }

    /** @return the Intel-syntax name, e.g. {@code xmm12} */
    public String assemblyName() {
        return "xmm" + ordinal();
    }
}
