package org.pyjit.python.compile;

import java.util.List;
import org.pyjit.ir.Block;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.IntCC;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;
import org.pyjit.python.bytecode.Instruction;
import org.pyjit.python.layout.CPythonLayout;
import org.pyjit.python.layout.TypeFlag;

/**
 * The machine code of a {@link CachedFastPath}: the guards of its 3.12 {@code bytecodes.c} body
 * with the cached versions and indices as constants, then what the specialised instruction does
 * to the frame. Every guard runs before anything is consumed or changed, so a failed one can
 * branch to the instruction's generic code with the frame untouched.
 */
final class FastPathEmitter {

    /** A non-negative compact int has {@code lv_tag <= 1 << 3} (zero: 1, one digit: 8; facts §1b). */
    private static final long NON_NEGATIVE_COMPACT_TAG_MAX = 8;

    private final Translator t;
    private final FunctionBuilder b;
    private final CPythonLayout layout;

    /**
     * @param t the translation the code belongs to
     * @param b its builder, positioned where the instruction starts
     */
    FastPathEmitter(Translator t, FunctionBuilder b) {
        this.t = t;
        this.b = b;
        this.layout = t.layout();
    }

    /**
     * Emits the fast path of {@code i} (at stack depth {@code d}); the builder is left at its end,
     * with the frame as after the instruction.
     *
     * @param fast what the cache says
     * @param i the instruction
     * @param d the stack depth before it
     * @param miss where a failed guard goes (frame unchanged)
     */
    void emit(CachedFastPath fast, Instruction i, int d, Block miss) {
        if (fast instanceof CachedFastPath.ModuleGlobal g) {
            Value globals = exactDict(b.load(Type.I64, t.frame(), layout.frame().globals()), miss);
            pushGlobal(i, d, entryValue(dictKeys(globals, g.keysVersion(), miss), g.index(), miss));
        } else if (fast instanceof CachedFastPath.BuiltinGlobal g) {
            Value globals = exactDict(b.load(Type.I64, t.frame(), layout.frame().globals()), miss);
            Value builtins = exactDict(b.load(Type.I64, t.frame(), layout.frame().builtins()), miss);
            dictKeys(globals, g.moduleKeysVersion(), miss);
            pushGlobal(i, d, entryValue(dictKeys(builtins, g.builtinKeysVersion(), miss), g.index(), miss));
        } else if (fast instanceof CachedFastPath.InstanceValue v) {
            Value owner = t.slot(d - 1);
            typeVersionIs(t.type(owner), v.typeVersion(), miss);
            Value values = managedValues(owner, miss);
            replaceOwner(i, d, owner, nonNull(b.load(Type.I64, values, 8 * v.index()), miss));
        } else if (fast instanceof CachedFastPath.ModuleAttribute m) {
            Value owner = t.slot(d - 1);
            require(b.icmp(IntCC.EQ, t.type(owner), t.constant(CSymbol.MODULE_TYPE)), miss);
            Value dict = b.load(Type.I64, owner, layout.instances().moduleDict());
            replaceOwner(i, d, owner, entryValue(dictKeys(dict, m.keysVersion(), miss), m.index(), miss));
        } else if (fast instanceof CachedFastPath.SlotAttribute s) {
            Value owner = t.slot(d - 1);
            typeVersionIs(t.type(owner), s.typeVersion(), miss);
            replaceOwner(i, d, owner, nonNull(b.load(Type.I64, owner, s.offset()), miss));
        } else if (fast instanceof CachedFastPath.ClassAttribute c) {
            Value owner = t.slot(d - 1);
            Value flags = b.load(Type.I64, t.type(owner), layout.type().flags());
            require(b.icmpImm(IntCC.NE, b.binaryImm(Opcode.BAND_IMM, flags, TypeFlag.TYPE_SUBCLASS.mask()), 0), miss);
            typeVersionIs(owner, c.typeVersion(), miss);
            replaceOwner(i, d, owner, b.iconst(Type.I64, c.descr()));
        } else if (fast instanceof CachedFastPath.Method m) {
            method(m, d, miss);
        } else if (fast instanceof CachedFastPath.StoreInstanceValue s) {
            Value owner = t.slot(d - 1);
            typeVersionIs(t.type(owner), s.typeVersion(), miss);
            Value values = managedValues(owner, miss);
            storeValue(i, d, owner, values, values, 8 * s.index(), b.iconst(Type.I64, s.index()));
        } else if (fast instanceof CachedFastPath.StoreSlot s) {
            Value owner = t.slot(d - 1);
            typeVersionIs(t.type(owner), s.typeVersion(), miss);
            Value old = b.load(Type.I64, owner, s.offset());
            b.store(t.slot(d - 2), owner, s.offset());
            t.setPrevInstr(i);
            t.xdecref(old);
            t.decref(owner);
            t.afterArbitraryCode(i.next(), d - 2);
        } else if (fast instanceof CachedFastPath.ListItem) {
            Value list = t.slot(d - 2);
            Value sub = t.slot(d - 1);
            Value item = listItem(list, sub, miss);
            b.store(t.incref(b.load(Type.I64, item, 0)), t.frame(), t.stackOffset(d - 2));
            release(i, d - 1, sub, list);
        } else if (fast instanceof CachedFastPath.TupleItem) {
            Value tuple = t.slot(d - 2);
            Value sub = t.slot(d - 1);
            require(b.icmp(IntCC.EQ, t.type(tuple), t.constant(CSymbol.TUPLE_TYPE)), miss);
            Value index = nonNegativeIndex(sub, tuple, miss);
            Value item = b.iadd(tuple, b.binaryImm(Opcode.ISHL_IMM, index, 3));
            b.store(t.incref(b.load(Type.I64, item, layout.sequences().tupleItems())), t.frame(),
                    t.stackOffset(d - 2));
            release(i, d - 1, sub, tuple);
        } else if (fast instanceof CachedFastPath.ListStore) {
            Value list = t.slot(d - 2);
            Value sub = t.slot(d - 1);
            Value item = listItem(list, sub, miss);
            Value old = b.load(Type.I64, item, 0);
            b.store(t.slot(d - 3), item, 0);
            release(i, d - 3, old, sub, list);
        } else {
            throw new IllegalStateException("no fast path emitter for " + fast);
        }
    }

    /**
     * The polymorphic cache of an attribute site ({@link AttributeCache}), emitted where the
     * constant fast path missed: the owner's type version is looked up in the site's ways; a hit
     * does what the kind's specialised form does with the entry's index (and method); no hit calls
     * the fill helper while the site has attempts left, then runs {@code generic} (which also
     * follows any guard failing after a hit). The frame is untouched on every way to
     * {@code generic}.
     *
     * @param kind what the site does
     * @param i the instruction
     * @param d the stack depth before it
     * @param site the site's block
     * @param helper the kind's fill helper
     * @param name the attribute name (the code's interned constant)
     * @param generic the instruction's generic code
     */
    void polymorphic(AttributeCache.Kind kind, Instruction i, int d, long site, long helper, long name,
                     Block generic) {
        Value owner = t.slot(d - 1);
        Value type = t.type(owner);
        Value version = typeVersion(type);
        Block hit = b.createBlock();
        Value entry = b.appendBlockParam(hit, Type.I64);
        require(b.icmpImm(IntCC.NE, version, 0), generic);
        for (int w = 0; w < AttributeCache.WAYS; w++) {
            long at = site + AttributeCache.ENTRIES + (long) w * AttributeCache.ENTRY_SIZE;
            Value way = b.convert(Opcode.UEXTEND, Type.I64,
                    b.load(Type.I32, b.iconst(Type.I64, at), AttributeCache.ENTRY_VERSION));
            Block next = b.createBlock();
            b.brif(b.icmp(IntCC.EQ, way, version), hit, List.of(b.iconst(Type.I64, at)), next,
                    List.of());
            b.switchToBlock(next);
        }
        whileFillsLeft(b.iconst(Type.I64, site), generic);
        t.setPrevInstr(i);
        b.callIndirect(AttributeCache.FILL, b.iconst(Type.I64, helper), type, b.iconst(Type.I64, name),
                b.iconst(Type.I64, site));
        b.jump(generic);

        b.switchToBlock(hit);
        Value index = b.convert(Opcode.UEXTEND, Type.I64, b.load(Type.I32, entry, AttributeCache.ENTRY_INDEX));
        switch (kind) {
            case LOAD_VALUE -> {
                Value values = managedValues(owner, generic);
                replaceOwner(i, d, owner, nonNull(b.load(Type.I64, valueSlot(values, index), 0), generic));
            }
            case STORE_VALUE -> {
                Value values = managedValues(owner, generic);
                storeValue(i, d, owner, values, valueSlot(values, index), 0, index);
            }
            case METHOD -> {
                managedValues(owner, generic);
                Value keys = b.load(Type.I64, type, layout.type().heapCachedKeys());
                // The class's shared keys grew since the fill (an instance got a new attribute):
                // the entry is emptied, so that the next miss fills it again with the new count
                // (or refuses, if the new name shadows the method).
                Block stale = b.createBlock();
                require(b.icmp(IntCC.EQ, b.load(Type.I64, keys, layout.dict().keysEntries()), index), stale);
                pushMethod(d, owner, b.load(Type.I64, entry, AttributeCache.ENTRY_DESCR));
                Block after = b.createBlock();
                b.jump(after);
                b.switchToBlock(stale);
                b.store(b.iconst(Type.I32, 0), entry, AttributeCache.ENTRY_VERSION);
                b.jump(generic);
                b.switchToBlock(after);
            }
        }
    }

    /**
     * The run-time cache of a {@code LOAD_GLOBAL} site ({@link GlobalCache}), emitted where the
     * constant fast path missed (or alone): the dicts' keys versions are compared with the site's
     * and a hit pushes the entry's value; otherwise the fill helper runs while the site has fills
     * left, then {@code generic} (which also follows a hit whose entry is empty). The frame is
     * untouched on every way to {@code generic}.
     *
     * @param i the instruction
     * @param d the stack depth before it
     * @param site the site's block
     * @param helper the fill helper
     * @param name the global's name (the code's interned constant)
     * @param generic the instruction's generic code
     */
    void globalCache(Instruction i, int d, long site, long helper, long name, Block generic) {
        Value cell = b.iconst(Type.I64, site);
        Value globals = exactDict(b.load(Type.I64, t.frame(), layout.frame().globals()), generic);
        Value globalKeys = b.load(Type.I64, globals, layout.dict().keys());
        Value globalsVersion = b.load(Type.I32, cell, GlobalCache.GLOBALS_VERSION);
        Block fill = b.createBlock();
        require(b.icmpImm(IntCC.NE, globalsVersion, 0), fill);
        require(b.icmp(IntCC.EQ, b.load(Type.I32, globalKeys, layout.dict().keysVersion()), globalsVersion), fill);
        Value builtinsVersion = b.load(Type.I32, cell, GlobalCache.BUILTINS_VERSION);
        Block found = b.createBlock();
        Value keys = b.appendBlockParam(found, Type.I64);
        Block builtin = b.createBlock();
        b.brif(b.icmpImm(IntCC.EQ, builtinsVersion, 0), found, List.of(globalKeys), builtin, List.of());
        b.switchToBlock(builtin);
        Value builtins = exactDict(b.load(Type.I64, t.frame(), layout.frame().builtins()), generic);
        Value builtinKeys = b.load(Type.I64, builtins, layout.dict().keys());
        require(b.icmp(IntCC.EQ, b.load(Type.I32, builtinKeys, layout.dict().keysVersion()), builtinsVersion), fill);
        b.jump(found, builtinKeys);
        b.switchToBlock(found);
        Value value = b.load(Type.I64, b.iadd(keys, b.load(Type.I64, cell, GlobalCache.VALUE_OFFSET)), 0);
        Block hit = b.createBlock();
        b.brif(b.icmpImm(IntCC.NE, value, 0), hit, generic);

        b.switchToBlock(fill);
        whileFillsLeft(cell, generic);
        b.callIndirect(GlobalCache.FILL, b.iconst(Type.I64, helper), globals,
                b.load(Type.I64, t.frame(), layout.frame().builtins()), b.iconst(Type.I64, name), cell, t.interp());
        b.jump(generic);

        b.switchToBlock(hit);
        pushGlobal(i, d, value);
    }

    /**
     * {@code LOAD_ATTR_METHOD_*}: the cached method (a new reference) replaces the owner, which
     * moves above it as {@code self}.
     */
    private void method(CachedFastPath.Method m, int d, Block miss) {
        Value owner = t.slot(d - 1);
        Value type = t.type(owner);
        typeVersionIs(type, m.typeVersion(), miss);
        CachedFastPath.MethodForm form = m.form();
        if (form instanceof CachedFastPath.MethodForm.WithValues w) {
            managedValues(owner, miss);
            keysOfVersion(b.load(Type.I64, type, layout.type().heapCachedKeys()), w.keysVersion(), miss);
        } else if (form instanceof CachedFastPath.MethodForm.LazyDict) {
            Value dictOffset = b.load(Type.I64, type, layout.type().dictOffset());
            require(b.icmpImm(IntCC.EQ, b.load(Type.I64, b.iadd(owner, dictOffset), 0), 0), miss);
        }
        pushMethod(d, owner, b.iconst(Type.I64, m.descr()));
    }

    /**
     * Continues in a new block, where the caller calls the site's fill helper, while the site
     * has fills left ({@link CacheSites#FILLS_LEFT}); otherwise goes to {@code generic}.
     */
    private void whileFillsLeft(Value site, Block generic) {
        require(b.icmpImm(IntCC.SGT, b.load(Type.I64, site, CacheSites.FILLS_LEFT), 0), generic);
    }

    /** {@code &values[index]}. */
    private Value valueSlot(Value values, Value index) {
        return b.iadd(values, b.binaryImm(Opcode.ISHL_IMM, index, 3));
    }

    /** The method form's result: the method (a new reference) where the owner was, the owner above it. */
    private void pushMethod(int d, Value owner, Value descr) {
        b.store(t.incref(descr), t.frame(), t.stackOffset(d - 1));
        b.store(owner, t.frame(), t.stackOffset(d));
    }

    /**
     * {@code STORE_ATTR_INSTANCE_VALUE}'s effect: the value (second on the stack) replaces the one
     * at {@code slot + offset} ({@code values[index]}); a new attribute records its index in the
     * values' insertion order; the old value and the owner are released.
     */
    private void storeValue(Instruction i, int d, Value owner, Value values, Value slot, int offset, Value index) {
        Value old = b.load(Type.I64, slot, offset);
        b.store(t.slot(d - 2), slot, offset);
        Block added = b.createBlock();
        Block replaced = b.createBlock();
        b.brif(b.icmpImm(IntCC.EQ, old, 0), added, replaced);
        b.switchToBlock(added);
        Block stored = b.createBlock();
        addToInsertionOrder(values, index);
        release(i, d - 2, owner);
        b.jump(stored);
        b.switchToBlock(replaced);
        release(i, d - 2, old, owner);
        b.jump(stored);
        b.switchToBlock(stored);
    }

    /** LOAD_GLOBAL's result: a new reference, under a NULL when {@code oparg & 1}. */
    private void pushGlobal(Instruction i, int d, Value value) {
        t.incref(value);
        if ((i.oparg() & 1) != 0) {
            b.store(b.iconst(Type.I64, 0), t.frame(), t.stackOffset(d));
            b.store(value, t.frame(), t.stackOffset(d + 1));
        } else {
            b.store(value, t.frame(), t.stackOffset(d));
        }
    }

    /**
     * An attribute load's result (borrowed; a new reference is taken) replaces the owner, under a
     * NULL when {@code oparg & 1}; then the owner is released.
     */
    private void replaceOwner(Instruction i, int d, Value owner, Value attribute) {
        t.incref(attribute);
        if ((i.oparg() & 1) != 0) {
            b.store(b.iconst(Type.I64, 0), t.frame(), t.stackOffset(d - 1));
            b.store(attribute, t.frame(), t.stackOffset(d));
            release(i, d + 1, owner);
        } else {
            b.store(attribute, t.frame(), t.stackOffset(d - 1));
            release(i, d, owner);
        }
    }

    /**
     * Releases references the instruction consumed. When no count reaches zero this is only the
     * decrements; a deallocation may run Python code (a destructor), so that branch first points
     * {@code prev_instr} at the instruction, releases the rest, and checks the instrumentation
     * version with the instruction's result in place ({@code depthAfter} slots).
     */
    private void release(Instruction i, int depthAfter, Value... owned) {
        Block released = b.createBlock();
        for (int k = 0; k < owned.length; k++) {
            Value o = owned[k];
            Block mortal = b.createBlock();
            Block dealloc = b.createBlock();
            Block next = b.createBlock();
            b.brif(b.icmpImm(IntCC.SLT, b.load(Type.I32, o, layout.object().refcnt()), 0), next, mortal);
            b.switchToBlock(mortal);
            Value count = b.iaddImm(b.load(Type.I64, o, layout.object().refcnt()), -1);
            b.store(count, o, layout.object().refcnt());
            b.brif(b.icmpImm(IntCC.EQ, count, 0), dealloc, next);
            b.switchToBlock(dealloc);
            t.setPrevInstr(i);
            t.dealloc(o);
            for (int j = k + 1; j < owned.length; j++) {
                t.decref(owned[j]);
            }
            t.afterArbitraryCode(i.next(), depthAfter);
            b.jump(released);
            b.switchToBlock(next);
        }
        b.jump(released);
        b.switchToBlock(released);
    }

    /**
     * 3.12 {@code _PyDictValues_AddToInsertionOrder} (pycore_dict.h): the byte before the values
     * array's last prefix byte counts the attributes set so far, and the insertion order is kept in
     * the bytes below it ({@code size_ptr[-size] = ix}). A new attribute of an instance whose
     * values are not materialised appends its index there.
     */
    private void addToInsertionOrder(Value values, Value index) {
        Value sizeAddress = b.iaddImm(values, -2);
        Value size = b.iaddImm(b.convert(Opcode.UEXTEND, Type.I64, b.load(Type.I8, sizeAddress, 0)), 1);
        b.store(b.convert(Opcode.IREDUCE, Type.I8, index), b.isub(sizeAddress, size), 0);
        b.store(b.convert(Opcode.IREDUCE, Type.I8, size), sizeAddress, 0);
    }

    /**
     * The address of {@code list[sub]} for an exact list and an exact int {@code 0 <= sub < len}
     * (one digit at most); otherwise {@code miss}.
     */
    private Value listItem(Value list, Value sub, Block miss) {
        require(b.icmp(IntCC.EQ, t.type(list), t.constant(CSymbol.LIST_TYPE)), miss);
        Value index = nonNegativeIndex(sub, list, miss);
        Value items = b.load(Type.I64, list, layout.sequences().listItems());
        return b.iadd(items, b.binaryImm(Opcode.ISHL_IMM, index, 3));
    }

    /**
     * The value of {@code sub} if it is an exact int with at most one digit, non-negative and
     * below the sequence's {@code ob_size} (3.12 {@code _PyLong_IsNonNegativeCompact}); otherwise {@code miss}.
     */
    private Value nonNegativeIndex(Value sub, Value sequence, Block miss) {
        require(b.icmp(IntCC.EQ, t.type(sub), t.constant(CSymbol.LONG_TYPE)), miss);
        require(b.icmpImm(IntCC.ULE, b.load(Type.I64, sub, layout.longs().lvTag()), NON_NEGATIVE_COMPACT_TAG_MAX),
                miss);
        Value index = b.convert(Opcode.UEXTEND, Type.I64, b.load(Type.I32, sub, layout.longs().digits()));
        require(b.icmp(IntCC.ULT, index, b.load(Type.I64, sequence, layout.object().size())), miss);
        return index;
    }

    /** {@code o} if it is an exact dict ({@code PyDict_CheckExact}); otherwise {@code miss}. */
    private Value exactDict(Value o, Block miss) {
        require(b.icmp(IntCC.EQ, t.type(o), t.constant(CSymbol.DICT_TYPE)), miss);
        return o;
    }

    /** A dict's keys object if its {@code dk_version} is {@code version}; otherwise {@code miss}. */
    private Value dictKeys(Value dict, long version, Block miss) {
        return keysOfVersion(b.load(Type.I64, dict, layout.dict().keys()), version, miss);
    }

    /** A keys object if its {@code dk_version} is {@code version}; otherwise {@code miss}. */
    private Value keysOfVersion(Value keys, long version, Block miss) {
        Value actual = b.convert(Opcode.UEXTEND, Type.I64, b.load(Type.I32, keys, layout.dict().keysVersion()));
        require(b.icmp(IntCC.EQ, actual, b.iconst(Type.I64, version)), miss);
        return keys;
    }

    /**
     * {@code DK_UNICODE_ENTRIES(keys)[index].me_value} (the entries follow the index table of
     * {@code 1 << dk_log2_index_bytes} bytes); NULL (a deleted or unset entry) goes to {@code miss}.
     */
    private Value entryValue(Value keys, int index, Block miss) {
        var dict = layout.dict();
        return nonNull(b.load(Type.I64, UnicodeKeys.entries(b, dict, keys),
                dict.unicodeEntrySize() * index + dict.unicodeEntryValue()), miss);
    }

    /** Requires {@code type->tp_version_tag == version}. */
    private void typeVersionIs(Value type, long version, Block miss) {
        require(b.icmp(IntCC.EQ, typeVersion(type), b.iconst(Type.I64, version)), miss);
    }

    /** {@code type->tp_version_tag}, zero-extended. */
    private Value typeVersion(Value type) {
        return b.convert(Opcode.UEXTEND, Type.I64, b.load(Type.I32, type, layout.type().versionTag()));
    }

    /**
     * The address of an object's managed values array, when its {@code PyDictOrValues} word is
     * tagged as values (3.12: bit 0; the array is at the word + 1); a materialised dict goes to
     * {@code miss}.
     */
    private Value managedValues(Value owner, Block miss) {
        Value dorv = b.load(Type.I64, owner, layout.instances().dictOrValues());
        require(b.icmpImm(IntCC.NE, b.binaryImm(Opcode.BAND_IMM, dorv, 1), 0), miss);
        return b.iaddImm(dorv, 1);
    }

    private Value nonNull(Value v, Block miss) {
        require(b.icmpImm(IntCC.NE, v, 0), miss);
        return v;
    }

    /** Continues in a new block when {@code holds}; otherwise branches to {@code miss}. */
    private void require(Value holds, Block miss) {
        Block ok = b.createBlock();
        b.brif(holds, ok, miss);
        b.switchToBlock(ok);
    }
}
