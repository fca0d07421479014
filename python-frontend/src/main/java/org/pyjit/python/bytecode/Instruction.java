package org.pyjit.python.bytecode;

import org.pyjit.python.layout.Opcode;

/**
 * One decoded instruction.
 *
 * @param start unit index of the first {@code EXTENDED_ARG} prefix, or {@link #index()} when
 *     there is none; jumps, handlers and resumption target this unit
 * @param index unit index of the opcode unit itself (what {@code dis} calls the offset, / 2)
 * @param opcode the opcode found in the code units: specialised or instrumented ones included
 * @param base the base opcode ({@code _PyOpcode_Deopt} / de-instrumented): what {@code co_code}
 *     holds here
 * @param oparg the argument with all {@code EXTENDED_ARG} prefixes folded in
 * @param cacheUnits the number of inline-cache units after the opcode unit
 * @param cache the decoded inline cache
 */
public record Instruction(int start, int index, Opcode opcode, Opcode base, int oparg, int cacheUnits,
                          InlineCache cache) {

    /** Checks the positions. */
    public Instruction {
        if (start < 0 || index < start || cacheUnits < 0 || oparg < 0) {
            throw new IllegalArgumentException("bad instruction layout: start " + start + ", index " + index
                    + ", caches " + cacheUnits + ", oparg " + oparg);
        }
    }

    /** The unit index just past this instruction's caches: where execution falls through. */
    public int next() {
        return index + 1 + cacheUnits;
    }

    /** The byte offset of the opcode unit, as {@code dis} reports it. */
    public int byteOffset() {
        return 2 * index;
    }

    /** The number of {@code EXTENDED_ARG} prefix units. */
    public int prefixUnits() {
        return index - start;
    }

    /** Whether the specialising interpreter or instrumentation rewrote this instruction. */
    public boolean isRewritten() {
        return opcode != base;
    }

    @Override
    public String toString() {
        String name = isRewritten() ? opcode + "(" + base + ")" : opcode.toString();
        return index + ": " + name + " " + oparg;
    }
}
