package org.pyjit.regalloc;

/** Register class: which register file a virtual or physical register belongs to. */
public enum RegClass {
    /** General-purpose integer registers. */
    INT,
    /** Floating-point / vector registers. */
    FLOAT
}
