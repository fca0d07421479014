package org.pyjit.python.bytecode;

import java.util.List;
import java.util.Optional;
import org.pyjit.python.layout.CPythonVersion;
import org.pyjit.python.layout.Opcode;
import org.pyjit.python.layout.OpcodeTable;

/**
 * Everything about one CPython version's bytecode that the decoder and the analyses need:
 * opcode numbering (from the layout package), specialisation families, inline-cache layouts,
 * jump arithmetic and stack effects.
 *
 * <p>Invariant: {@link #baseOf(Opcode)} is idempotent, and every method other than {@code baseOf}
 * and {@link #opcodes()} is defined on base opcodes only.
 */
public sealed interface BytecodeDialect permits Dialect312 {

    /**
     * The dialect of a feature version.
     *
     * @param version the running interpreter's version
     * @return its dialect, or empty if pyjit cannot read that version's bytecode
     */
    static Optional<BytecodeDialect> forVersion(CPythonVersion version) {
        return version.equals(CPythonVersion.V3_12) ? Optional.of(Dialect312.INSTANCE) : Optional.empty();
    }

    /** The version this dialect describes. */
    CPythonVersion version();

    /** The opcode numbering (owned by the layout tables). */
    OpcodeTable opcodes();

    /**
     * The base opcode of a specialised or instrumented one ({@code _PyOpcode_Deopt}, then the
     * de-instrumentation table of {@code Python/instrumentation.c}); a base opcode maps to itself.
     *
     * @param opcode an opcode of this version
     * @return its base opcode
     * @throws MalformedBytecodeException (unit -1) for {@code INSTRUMENTED_LINE} and
     *     {@code INSTRUMENTED_INSTRUCTION}, whose original opcode lives outside the code units
     */
    Opcode baseOf(Opcode opcode);

    /**
     * The number of inline-cache units after an instruction of a base opcode's family.
     *
     * @param base a base opcode
     * @return {@code _PyOpcode_Caches[base]}
     */
    int cacheUnits(Opcode base);

    /**
     * Decodes the inline cache of an instruction.
     *
     * @param base the instruction's base opcode
     * @param units the code units
     * @param first the first cache unit ({@code index + 1})
     * @return the cache fields of that family
     */
    InlineCache decodeCache(Opcode base, CodeUnits units, int first);

    /**
     * The fall-through stack effect of a base instruction.
     *
     * @param base a base opcode
     * @param oparg its folded argument
     * @return popped and pushed counts
     */
    StackEffect stackEffect(Opcode base, int oparg);

    /**
     * Where control goes after an instruction completes normally, with the stack change on each
     * edge. Empty for instructions that leave the frame (return, raise, re-raise).
     *
     * @param instruction a decoded instruction
     * @return its successors, fall-through first
     */
    List<Successor> successors(Instruction instruction);
}
