package org.pyjit.codegen;

import java.util.Map;

/**
 * A backend's output: one position-independent code image and, per IR function, where its C
 * entry and its Java entry thunk start.
 *
 * @param backend     the backend's {@link Backend#name()}
 * @param code        the machine code, to be placed at any 16-byte aligned address
 * @param entries     function name → offset of its C-ABI entry
 * @param javaEntries function name → offset of its Java entry thunk
 * @param sizes       function name → size in bytes from its C entry to the end of its body
 *                    (thunks excluded)
 */
public record MachineCode(String backend, byte[] code, Map<String, Integer> entries,
        Map<String, Integer> javaEntries, Map<String, Integer> sizes) {

    /** Copies the maps (the byte array is not copied). */
    public MachineCode {
        entries = Map.copyOf(entries);
        javaEntries = Map.copyOf(javaEntries);
        sizes = Map.copyOf(sizes);
    }
}
