package org.pyjit.codegen.vcode;

import java.util.List;
import java.util.Set;
import org.pyjit.regalloc.InstKind;
import org.pyjit.regalloc.Operand;
import org.pyjit.regalloc.PReg;

/**
 * A lowered machine instruction as the shared machine layer sees it: its control-flow role, its
 * operands with their placement constraints and the registers it destroys. What it encodes to is
 * the backend's business; {@link VCode} is generic over the backend's instruction type.
 */
public interface MachInst {
    /** The control-flow role: {@link InstKind#RET}, {@link InstKind#BRANCH} or {@link InstKind#OTHER}. */
    InstKind kind();

    /** The operands, in the order the allocator reports their allocations. */
    List<Operand> operands();

    /** Registers the instruction destroys (a call's caller-saved set); empty for most. */
    Set<PReg> clobbers();

    /** A short human-readable form for dumps and error messages. */
    String text();
}
