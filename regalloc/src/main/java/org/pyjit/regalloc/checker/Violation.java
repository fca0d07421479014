package org.pyjit.regalloc.checker;

import org.pyjit.regalloc.VReg;

/**
 * The first rule an allocation breaks.
 *
 * @param kind     which rule
 * @param inst     the instruction (for edge problems, the predecessor's terminator)
 * @param operand  the operand index, or -1 when the problem is not about one operand
 * @param expected the vreg that should have been there, or null
 * @param found    what the location holds or is, rendered for people
 * @param message  a complete sentence
 */
public record Violation(ViolationKind kind, int inst, int operand, VReg expected, String found, String message) {
    @Override
    public String toString() {
        return kind + " at inst " + inst + (operand >= 0 ? " operand " + operand : "") + ": " + message;
    }
}
