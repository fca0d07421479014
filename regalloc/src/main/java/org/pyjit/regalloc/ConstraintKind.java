package org.pyjit.regalloc;

/** The kinds of {@link Constraint}. */
public enum ConstraintKind {
    /** Any allocatable register of the vreg's class. */
    ANY_REG,
    /** One specific physical register. */
    FIXED_REG,
    /** A spill slot (a memory operand). */
    STACK,
    /** The register allocated to input operand k (two-address instructions). */
    REUSE
}
