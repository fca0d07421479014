package org.pyjit.codegen;

import java.util.Map;

/**
 * A backend's output: one position-independent code image and, per IR function, where its C
 * entry, its internal entry and its Java entry thunk start.
 *
 * @param backend     the backend's {@link Backend#name()}
 * @param code        the machine code, to be placed at any 16-byte aligned address
 * @param entries     function name → offset of its C-ABI entry
 * @param javaEntries function name → offset of its Java entry thunk
 * @param sizes       function name → size in bytes from its C entry to the end of its body
 *                    (thunks excluded)
 * @param bodies      function name → offset of its internal entry, the body proper, which
 *                    expects the thread's stack limit in the backend's reserved register (IR
 *                    calls between module functions enter there)
 */
public record MachineCode(String backend, byte[] code, Map<String, Integer> entries,
        Map<String, Integer> javaEntries, Map<String, Integer> sizes, Map<String, Integer> bodies) {

    /** Copies the maps (the byte array is not copied). */
    public MachineCode {
        entries = Map.copyOf(entries);
        javaEntries = Map.copyOf(javaEntries);
        sizes = Map.copyOf(sizes);
        bodies = Map.copyOf(bodies);
    }
}
