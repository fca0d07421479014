package org.pyjit.regalloc;

/** Whether an operand reads or writes its virtual register. */
public enum OperandKind {
    /** The instruction reads the vreg. */
    USE,
    /** The instruction writes (defines) the vreg. */
    DEF
}
