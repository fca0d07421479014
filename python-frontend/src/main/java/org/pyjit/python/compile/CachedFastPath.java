package org.pyjit.python.compile;

import java.util.Optional;
import org.pyjit.python.bytecode.InlineCache;
import org.pyjit.python.bytecode.Instruction;

/**
 * What CPython's specialising interpreter observed at one instruction, as a fast path the
 * translator can guard: the quickened opcode in {@code co_code_adaptive} and the values of its
 * inline cache, read once when the code was captured and baked into the machine code as
 * constants. Each record names the guards of its 3.12 {@code Python/bytecodes.c} body (the
 * {@code DEOPT_IF} conditions); when one fails at run time the compiled code runs the instruction's
 * generic C-API path, so the result is always the interpreter's.
 *
 * <p>Invalidation: every guard compares a version that CPython never reuses for different
 * contents: a type's {@code tp_version_tag} is cleared when the type or a base is modified and a
 * later lookup assigns a fresh tag from a global counter; a dict keys object's {@code dk_version}
 * is cleared by any change of its keys and a fresh one comes from a global counter. A cache whose
 * versions still match therefore describes the current object, and no watcher is needed. A
 * version of 0 (none assigned, or the counters ran out) never yields a fast path. The cached
 * descriptor of the method and class forms is a borrowed reference owned by the type (or a base);
 * it is dereferenced only after the type-version guard holds, which implies the type still holds it.
 */
sealed interface CachedFastPath {

    /** {@code SHARED_KEYS_MAX_SIZE} (3.12 dictobject.c): instance values indices are below it. */
    int MAX_SHARED_KEYS = 30;

    /**
     * {@code LOAD_GLOBAL_MODULE}: the globals' keys version, then the value of entry {@code index}.
     *
     * @param index entry index in the globals' unicode keys
     * @param keysVersion the globals' {@code dk_version} when specialised (16 bits in 3.12)
     */
    record ModuleGlobal(int index, long keysVersion) implements CachedFastPath {
        @Override
        public boolean usable() {
            return keysVersion != 0;
        }
    }

    /**
     * {@code LOAD_GLOBAL_BUILTIN}: both keys versions (the name is still absent from the globals),
     * then the value of the builtins' entry {@code index}.
     *
     * @param index entry index in the builtins' unicode keys
     * @param moduleKeysVersion the globals' {@code dk_version}
     * @param builtinKeysVersion the builtins' {@code dk_version}
     */
    record BuiltinGlobal(int index, long moduleKeysVersion, long builtinKeysVersion) implements CachedFastPath {
        @Override
        public boolean usable() {
            return moduleKeysVersion != 0 && builtinKeysVersion != 0;
        }
    }

    /**
     * {@code LOAD_ATTR_INSTANCE_VALUE}: the owner's type version, its dict not materialised, then
     * {@code values[index]} (NULL: the attribute is missing, generic path).
     *
     * @param typeVersion the owner type's {@code tp_version_tag}
     * @param index index into the instance's values array
     */
    record InstanceValue(long typeVersion, int index) implements CachedFastPath {
        @Override
        public boolean usable() {
            return typeVersion != 0;
        }
    }

    /**
     * {@code LOAD_ATTR_MODULE}: an exact module whose dict's keys version matches, then entry {@code index}.
     *
     * @param keysVersion the module dict's {@code dk_version}
     * @param index entry index in that dict's unicode keys
     */
    record ModuleAttribute(long keysVersion, int index) implements CachedFastPath {
        @Override
        public boolean usable() {
            return keysVersion != 0;
        }
    }

    /**
     * {@code LOAD_ATTR_SLOT}: the owner's type version, then the object pointer at {@code offset}.
     *
     * @param typeVersion the owner type's {@code tp_version_tag}
     * @param offset byte offset of the slot's member in the object
     */
    record SlotAttribute(long typeVersion, int offset) implements CachedFastPath {
        @Override
        public boolean usable() {
            return typeVersion != 0 && offset > 0;
        }
    }

    /**
     * {@code LOAD_ATTR_CLASS}: the owner is a type of this version; the result is the cached attribute.
     *
     * @param typeVersion the owner's own {@code tp_version_tag}
     * @param descr the cached attribute (borrowed)
     */
    record ClassAttribute(long typeVersion, long descr) implements CachedFastPath {
        @Override
        public boolean usable() {
            return typeVersion != 0 && descr != 0;
        }
    }

    /**
     * {@code LOAD_ATTR_METHOD_*}: the owner's type version and the form's own check; pushes the
     * cached unbound method and the owner (the method form of LOAD_ATTR only).
     *
     * @param typeVersion the owner type's {@code tp_version_tag}
     * @param form what else the form checks about the owner
     * @param descr the cached method descriptor (borrowed)
     */
    record Method(long typeVersion, MethodForm form, long descr) implements CachedFastPath {
        @Override
        public boolean usable() {
            return typeVersion != 0 && descr != 0 && !(form instanceof MethodForm.WithValues w && w.keysVersion() == 0);
        }
    }

    /** The owner checks that distinguish the method forms. */
    sealed interface MethodForm {
        /**
         * {@code LOAD_ATTR_METHOD_WITH_VALUES}: managed values not materialised as a dict, and
         * the type's shared keys ({@code ht_cached_keys}) of this version (no instance attribute
         * can shadow the method).
         *
         * @param keysVersion {@code ht_cached_keys->dk_version} when specialised
         */
        record WithValues(long keysVersion) implements MethodForm { }

        /** {@code LOAD_ATTR_METHOD_NO_DICT}: instances have no dict at all. */
        record NoDict() implements MethodForm { }

        /** {@code LOAD_ATTR_METHOD_LAZY_DICT}: the dict at {@code tp_dictoffset} not created yet. */
        record LazyDict() implements MethodForm { }
    }

    /**
     * {@code STORE_ATTR_INSTANCE_VALUE}: the owner's type version and its dict not materialised;
     * the value replaces {@code values[index]} (a new attribute also records its index in the
     * values' insertion order).
     *
     * @param typeVersion the owner type's {@code tp_version_tag}
     * @param index index into the instance's values array
     */
    record StoreInstanceValue(long typeVersion, int index) implements CachedFastPath {
        @Override
        public boolean usable() {
            return typeVersion != 0 && index < MAX_SHARED_KEYS;
        }
    }

    /**
     * {@code STORE_ATTR_SLOT}: the owner's type version; the value replaces the slot's.
     *
     * @param typeVersion the owner type's {@code tp_version_tag}
     * @param offset byte offset of the slot's member in the object
     */
    record StoreSlot(long typeVersion, int offset) implements CachedFastPath {
        @Override
        public boolean usable() {
            return typeVersion != 0 && offset > 0;
        }
    }

    /** {@code BINARY_SUBSCR_LIST_INT}: an exact list and an exact non-negative compact int below its size. */
    record ListItem() implements CachedFastPath {
        @Override
        public boolean usable() {
            return true;
        }
    }

    /** {@code BINARY_SUBSCR_TUPLE_INT}: as {@link ListItem} for an exact tuple. */
    record TupleItem() implements CachedFastPath {
        @Override
        public boolean usable() {
            return true;
        }
    }

    /** {@code STORE_SUBSCR_LIST_INT}: as {@link ListItem}; the value replaces the item. */
    record ListStore() implements CachedFastPath {
        @Override
        public boolean usable() {
            return true;
        }
    }

    /** Whether every version the fast path guards on was valid (non-zero) and every cached object present. */
    boolean usable();

    /**
     * The fast path of an instruction, if its quickened opcode has one and its cache is usable.
     *
     * @param i a decoded instruction (opcode as found in {@code co_code_adaptive})
     * @return the fast path, or empty (not specialised, a form without a fast path, or a version 0)
     */
    static Optional<CachedFastPath> of(Instruction i) {
        boolean methodForm = (i.oparg() & 1) != 0;
        InlineCache cache = i.cache();
        CachedFastPath fast = switch (i.opcode()) {
            case LOAD_GLOBAL_MODULE -> cache instanceof InlineCache.LoadGlobal g
                    ? new ModuleGlobal(g.index(), g.moduleKeysVersion()) : null;
            case LOAD_GLOBAL_BUILTIN -> cache instanceof InlineCache.LoadGlobal g
                    ? new BuiltinGlobal(g.index(), g.moduleKeysVersion(), g.builtinKeysVersion()) : null;
            case LOAD_ATTR_INSTANCE_VALUE -> cache instanceof InlineCache.LoadAttr a
                    ? new InstanceValue(a.typeVersion(), a.index()) : null;
            case LOAD_ATTR_MODULE -> cache instanceof InlineCache.LoadAttr a
                    ? new ModuleAttribute(a.typeVersion(), a.index()) : null;
            case LOAD_ATTR_SLOT -> cache instanceof InlineCache.LoadAttr a
                    ? new SlotAttribute(a.typeVersion(), a.index()) : null;
            case LOAD_ATTR_CLASS -> cache instanceof InlineCache.LoadAttr a
                    ? new ClassAttribute(a.typeVersion(), a.descr()) : null;
            case LOAD_ATTR_METHOD_WITH_VALUES -> cache instanceof InlineCache.LoadAttr a && methodForm
                    ? new Method(a.typeVersion(), new MethodForm.WithValues(a.keysVersion()), a.descr()) : null;
            case LOAD_ATTR_METHOD_NO_DICT -> cache instanceof InlineCache.LoadAttr a && methodForm
                    ? new Method(a.typeVersion(), new MethodForm.NoDict(), a.descr()) : null;
            case LOAD_ATTR_METHOD_LAZY_DICT -> cache instanceof InlineCache.LoadAttr a && methodForm
                    ? new Method(a.typeVersion(), new MethodForm.LazyDict(), a.descr()) : null;
            case STORE_ATTR_INSTANCE_VALUE -> cache instanceof InlineCache.StoreAttr a
                    ? new StoreInstanceValue(a.typeVersion(), a.index()) : null;
            case STORE_ATTR_SLOT -> cache instanceof InlineCache.StoreAttr a
                    ? new StoreSlot(a.typeVersion(), a.index()) : null;
            case BINARY_SUBSCR_LIST_INT -> new ListItem();
            case BINARY_SUBSCR_TUPLE_INT -> new TupleItem();
            case STORE_SUBSCR_LIST_INT -> new ListStore();
            default -> null;
        };
        return Optional.ofNullable(fast).filter(CachedFastPath::usable);
    }
}
