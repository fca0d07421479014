package org.pyjit.python.bytecode;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A code object's {@code co_exceptiontable} (3.11 and later): which handler catches an exception
 * raised by the instruction at a given unit, and at what stack depth.
 *
 * <p>Format ({@code Objects/exception_handling_notes.txt}): a sequence of entries, each four
 * varints {@code start, size, target, depth << 1 | lasti} in code units. A varint is big-endian
 * 6-bit groups, one per byte; bit 6 says another byte follows; bit 7 marks the first byte of an
 * entry. The compiler emits entries in code order without overlap (one per run of instructions
 * sharing a handler), which {@link #parse} checks.
 *
 * @param entries the entries in code order, disjoint
 */
public record ExceptionTable(List<Entry> entries) {

    /**
     * One protected range.
     *
     * @param start first covered code unit
     * @param end first code unit past the range
     * @param target the handler's first unit
     * @param depth the value-stack depth the unwinder pops down to
     * @param lasti whether the unwinder pushes the faulting instruction's offset (an int) before
     *     the exception
     */
    public record Entry(int start, int end, int target, int depth, boolean lasti) {
        /** Checks the range. */
        public Entry {
            if (start < 0 || end <= start || target < 0 || depth < 0) {
                throw new IllegalArgumentException("bad exception table entry " + start + ".." + end
                        + " -> " + target + " depth " + depth);
            }
        }

        /** The stack depth on entry to the handler: {@code depth}, lasti if pushed, the exception. */
        public int handlerDepth() {
            return depth + (lasti ? 1 : 0) + 1;
        }

        /**
         * Whether a unit is inside the range.
         *
         * @param unit a code-unit index
         * @return {@code start <= unit < end}
         */
        public boolean covers(int unit) {
            return start <= unit && unit < end;
        }
    }

    /** Copies the list and checks order and disjointness. */
    public ExceptionTable {
        entries = List.copyOf(entries);
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).start() < entries.get(i - 1).end()) {
                throw new MalformedBytecodeException(entries.get(i).start(), "exception table entries "
                        + (i - 1) + " and " + i + " overlap or are out of order");
            }
        }
    }

    /**
     * Parses {@code co_exceptiontable}.
     *
     * @param table the raw bytes (empty for code without handlers)
     * @return the table
     * @throws MalformedBytecodeException on a truncated entry, a missing start marker, or
     *     overlapping entries
     */
    public static ExceptionTable parse(byte[] table) {
        List<Entry> entries = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < table.length) {
            int entryAt = pos[0];
            if ((table[entryAt] & 0x80) == 0) {
                throw new MalformedBytecodeException(-1, "exception table byte " + entryAt
                        + " should start an entry (bit 7 set)");
            }
            int start = varint(table, pos, true);
            int size = varint(table, pos, false);
            int target = varint(table, pos, false);
            int depthAndLasti = varint(table, pos, false);
            if (size == 0) {
                throw new MalformedBytecodeException(-1, "exception table entry at byte " + entryAt
                        + " covers no code");
            }
            entries.add(new Entry(start, start + size, target, depthAndLasti >>> 1, (depthAndLasti & 1) != 0));
        }
        return new ExceptionTable(entries);
    }

    /**
     * Parses hexadecimal text (as {@code bytes.hex()} prints it).
     *
     * @param hex the table as hex digits
     * @return the table
     */
    public static ExceptionTable parseHex(String hex) {
        return parse(HexFormat.of().parseHex(hex));
    }

    private static int varint(byte[] table, int[] pos, boolean first) {
        long value = 0;
        for (int i = 0; ; i++) {
            if (pos[0] >= table.length) {
                throw new MalformedBytecodeException(-1, "exception table truncated at byte " + pos[0]);
            }
            int b = table[pos[0]] & 0xFF;
            if (!(first && i == 0) && (b & 0x80) != 0) {
                throw new MalformedBytecodeException(-1, "exception table byte " + pos[0]
                        + " starts an entry inside another");
            }
            pos[0]++;
            value = value << 6 | (b & 0x3F);
            if (value > Integer.MAX_VALUE) {
                throw new MalformedBytecodeException(-1, "exception table value overflows at byte " + pos[0]);
            }
            if ((b & 0x40) == 0) {
                return (int) value;
            }
        }
    }

    /**
     * The handler covering a unit, as the interpreter's unwinder finds it
     * ({@code get_exception_handler} in {@code Python/ceval.c}).
     *
     * @param unit the faulting instruction's unit
     * @return the covering entry, or empty when the exception leaves the frame
     */
    public Optional<Entry> handlerFor(int unit) {
        int lo = 0;
        int hi = entries.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Entry e = entries.get(mid);
            if (unit < e.start()) {
                hi = mid - 1;
            } else if (unit >= e.end()) {
                lo = mid + 1;
            } else {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * Checks the table against decoded code: ranges inside the code on instruction boundaries,
     * targets at instruction starts.
     *
     * @param code the decoded instructions
     * @throws MalformedBytecodeException otherwise
     */
    public void checkAgainst(Bytecode code) {
        int length = code.units().length();
        for (Entry e : entries) {
            if (e.end() > length || code.startingAt(e.start()).isEmpty()
                    || (e.end() < length && code.startingAt(e.end()).isEmpty())) {
                throw new MalformedBytecodeException(e.start(), "exception range " + e.start() + ".." + e.end()
                        + " does not align with instructions");
            }
            if (code.startingAt(e.target()).isEmpty()) {
                throw new MalformedBytecodeException(e.target(), "exception handler target is not an instruction");
            }
        }
    }
}
