package org.pyjit.python.bytecode;

/**
 * The decoded inline-cache units that follow an instruction. The specialising interpreter writes
 * them together with the specialised opcode; which fields are meaningful depends on that opcode
 * (e.g. {@link LoadAttr#index()} for {@code LOAD_ATTR_INSTANCE_VALUE}, {@link
 * LoadAttr#keysVersion()} for {@code LOAD_ATTR_METHOD_WITH_VALUES}).
 *
 * <p>Counters (all versions so far): the high 12 bits count down to the next specialisation
 * attempt, the low 4 bits are the exponential-backoff exponent.
 */
public sealed interface InlineCache {

    /** An instruction without cache units. */
    record None() implements InlineCache { }

    /**
     * A family whose only cache unit is the adaptive counter (BINARY_OP, COMPARE_OP, FOR_ITER,
     * BINARY_SUBSCR, STORE_SUBSCR, UNPACK_SEQUENCE, SEND, LOAD_SUPER_ATTR in 3.12).
     *
     * @param counter the raw counter unit
     */
    record Counter(int counter) implements InlineCache { }

    /**
     * {@code LOAD_GLOBAL}: {@code _PyLoadGlobalCache}.
     *
     * @param counter the raw counter unit
     * @param index entry index in the globals' (MODULE) or builtins' (BUILTIN) unicode keys table
     * @param moduleKeysVersion {@code dk_version} of the globals' keys when specialised
     * @param builtinKeysVersion {@code dk_version} of the builtins' keys (BUILTIN only)
     */
    record LoadGlobal(int counter, int index, int moduleKeysVersion, int builtinKeysVersion) implements InlineCache { }

    /**
     * {@code LOAD_ATTR}: {@code _PyLoadMethodCache}.
     *
     * @param counter the raw counter unit
     * @param typeVersion {@code tp_version_tag} of the owner's type (for LOAD_ATTR_MODULE: the
     *     module dict's keys version)
     * @param keysVersion units 3-4 as a 32-bit value: {@code keys_version} (METHOD_WITH_VALUES) or
     *     {@code func_version} (PROPERTY, GETATTRIBUTE_OVERRIDDEN); unit 3 alone is {@link #index()}
     * @param descr the cached object pointer (CLASS, METHOD_*, PROPERTY's fget,
     *     GETATTRIBUTE_OVERRIDDEN's function); a borrowed reference owned by the type
     */
    record LoadAttr(int counter, long typeVersion, long keysVersion, long descr) implements InlineCache {
        /** Unit 3 alone: the values/slot/dict-entry index of INSTANCE_VALUE, MODULE, WITH_HINT, SLOT. */
        public int index() {
            return (int) (keysVersion & 0xFFFF);
        }
    }

    /**
     * {@code STORE_ATTR}: {@code _PyAttrCache}.
     *
     * @param counter the raw counter unit
     * @param typeVersion {@code tp_version_tag} of the owner's type
     * @param index values index (INSTANCE_VALUE), byte offset (SLOT) or dict hint (WITH_HINT)
     */
    record StoreAttr(int counter, long typeVersion, int index) implements InlineCache { }

    /**
     * {@code CALL}: {@code _PyCallCache}.
     *
     * @param counter the raw counter unit
     * @param funcVersion {@code func_version} of the callee (CALL_PY_EXACT_ARGS,
     *     CALL_PY_WITH_DEFAULTS); unused by the other specialisations
     */
    record Call(int counter, long funcVersion) implements InlineCache { }

    /**
     * A specialised instruction's counter right after its specialisation: 3.12
     * {@code adaptive_counter_cooldown()} ({@code pycore_code.h}: value 52, backoff 0). Each time a
     * guard of the specialised form fails, the generic instruction it falls back to decrements the
     * counter (and specialises again at zero).
     */
    int COOLDOWN = 52 << 4;

    /**
     * Whether a specialised instruction's guard failed since it was (last) specialised: its
     * counter left {@link #COOLDOWN}. The evidence of a polymorphic site.
     *
     * @param counter the raw counter unit of a specialised instruction
     * @return true if it missed at least once
     */
    static boolean missedSinceSpecialised(int counter) {
        return counter != COOLDOWN;
    }

    /**
     * The adaptive counter's countdown value.
     *
     * @param counter a raw counter unit
     * @return the high 12 bits
     */
    static int counterValue(int counter) {
        return counter >>> 4 & 0xFFF;
    }

    /**
     * The adaptive counter's backoff exponent.
     *
     * @param counter a raw counter unit
     * @return the low 4 bits
     */
    static int counterBackoff(int counter) {
        return counter & 0xF;
    }
}
