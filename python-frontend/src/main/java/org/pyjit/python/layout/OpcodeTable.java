package org.pyjit.python.layout;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The opcode numbering of one CPython version: number and inline-cache size of every
 * instruction that can appear in that version's {@code co_code_adaptive}.
 *
 * <p>Invariant: numbers are distinct and in {@code 0..255}; {@link #decode(int)} and
 * {@link #number(Opcode)} are inverse on the opcodes the version has.
 */
public final class OpcodeTable {

    /**
     * One instruction of a version.
     *
     * @param opcode the instruction
     * @param number its byte value in the bytecode
     * @param cacheEntries the 16-bit inline cache units following it (those of its family for
     *     specialised and instrumented instructions)
     */
    public record Entry(Opcode opcode, int number, int cacheEntries) {
        /** Validates the ranges. */
        public Entry {
            if (number < 0 || number > 255 || cacheEntries < 0) {
                throw new IllegalArgumentException(opcode + ": number " + number + ", caches " + cacheEntries);
            }
        }
    }

    private final Map<Opcode, Entry> byOpcode;
    private final Entry[] byNumber = new Entry[256];

    /**
     * Builds a table and checks that numbers are unique.
     *
     * @param entries the instructions of the version
     */
    public OpcodeTable(Iterable<Entry> entries) {
        EnumMap<Opcode, Entry> map = new EnumMap<>(Opcode.class);
        for (Entry e : entries) {
            if (byNumber[e.number()] != null) {
                throw new IllegalArgumentException("opcode number " + e.number() + " used by "
                        + byNumber[e.number()].opcode() + " and " + e.opcode());
            }
            if (map.put(e.opcode(), e) != null) {
                throw new IllegalArgumentException("opcode listed twice: " + e.opcode());
            }
            byNumber[e.number()] = e;
        }
        this.byOpcode = Collections.unmodifiableMap(map);
    }

    /**
     * The instruction with byte value {@code number}, if this version has one.
     *
     * @param number a byte of {@code co_code_adaptive} at an instruction position
     * @return the instruction, or empty for an unused number
     */
    public Optional<Opcode> decode(int number) {
        Entry e = number >= 0 && number < 256 ? byNumber[number] : null;
        return e == null ? Optional.empty() : Optional.of(e.opcode());
    }

    /**
     * The entry of an instruction.
     *
     * @param opcode an instruction this version has
     * @return its number and cache size
     * @throws IllegalArgumentException if this version has no such instruction
     */
    public Entry entry(Opcode opcode) {
        Entry e = byOpcode.get(opcode);
        if (e == null) {
            throw new IllegalArgumentException("this CPython version has no " + opcode);
        }
        return e;
    }

    /**
     * The byte value of an instruction.
     *
     * @param opcode an instruction this version has
     * @return its number
     */
    public int number(Opcode opcode) {
        return entry(opcode).number();
    }

    /** All entries of this version, by opcode. */
    public Map<Opcode, Entry> entries() {
        return byOpcode;
    }
}
