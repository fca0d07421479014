package org.pyjit.python.compile;

import java.util.List;
import java.util.Optional;
import org.pyjit.ir.Block;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.IntCC;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Signature;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;
import org.pyjit.python.bytecode.InlineCache;
import org.pyjit.python.bytecode.Instruction;
import org.pyjit.python.layout.CPythonLayout;
import org.pyjit.python.layout.TypeFlag;

/**
 * A polymorphic inline cache for an attribute site whose owner is an instance of several classes.
 * CPython 3.12's inline cache holds one type; when its guard fails the interpreter specialises the
 * site again for the type at hand, which compiled code (whose guards are constants) cannot do. A
 * site whose cache shows that its guard failed since it was specialised
 * ({@link InlineCache#missedSinceSpecialised}) gets, behind the constant fast path, a native table
 * of {@link #WAYS} more types filled at run time by a shared helper ({@link #fill}) that repeats the
 * specialiser's analysis for the type at hand.
 *
 * <p>A site's block: word {@link CacheSites#FILLS_LEFT} counts the helper calls left (each failed fill takes
 * one, so a site whose types never qualify stops asking after {@link #INITIAL_FILLS}); then
 * {@link #WAYS} entries of {@link #ENTRY_SIZE} bytes: the type's {@code tp_version_tag} (u32, 0 =
 * empty), a u32 ({@link #ENTRY_INDEX}: the values index, or for a method the shared keys'
 * {@code dk_nentries} when filled), and the method ({@link #ENTRY_DESCR}, borrowed).
 *
 * <p>Validity rests on the facts {@link CachedFastPath} states: a {@code tp_version_tag} is never
 * reused for different contents, so an entry whose version matches describes the type (its MRO,
 * its {@code tp_getattro}/{@code tp_setattro}, the method it holds); a type's shared keys
 * ({@code ht_cached_keys}) only ever append entries, so an index found stays the name's, and a name
 * absent from the first {@code dk_nentries} entries is absent while {@code dk_nentries} is unchanged
 * (a method entry whose count is stale is emptied by the site, to be filled again).
 * The helper runs on a Python thread holding the GIL; {@code _PyType_Lookup} may run Python code (a
 * type dict's key comparison), so the site points {@code prev_instr} at the instruction first and
 * continues with the generic code after a fill.
 */
final class AttributeCache {

    /** Types per site beside the constant fast path's. */
    static final int WAYS = 4;
    /** Offset of the first entry. */
    static final int ENTRIES = 8;
    /** Bytes per entry. */
    static final int ENTRY_SIZE = 16;
    /** Offset in an entry of the type version (u32; 0: empty). */
    static final int ENTRY_VERSION = 0;
    /** Offset in an entry of the values index or the keys' entry count (u32). */
    static final int ENTRY_INDEX = 4;
    /** Offset in an entry of the method (borrowed; methods only). */
    static final int ENTRY_DESCR = 8;
    /** Failed fills a site allows before its misses go straight to the generic code. */
    static final long INITIAL_FILLS = 2L * WAYS;
    /** Bytes per site. */
    static final int SITE_SIZE = ENTRIES + WAYS * ENTRY_SIZE;
    /** {@code void (PyTypeObject *type, PyObject *name, site *)}. */
    static final Signature FILL = Signature.ofVoid(Type.I64, Type.I64, Type.I64);

    private static final Signature P_OF_PP = Signature.of(Type.I64, Type.I64, Type.I64);

    /** What the site does with the attribute: one per 3.12 specialised form it extends. */
    enum Kind {
        /** {@code LOAD_ATTR_INSTANCE_VALUE}: the value at the name's index in the managed values. */
        LOAD_VALUE,
        /** {@code STORE_ATTR_INSTANCE_VALUE}: the value stored at the name's index. */
        STORE_VALUE,
        /** {@code LOAD_ATTR_METHOD_WITH_VALUES}: the class's method, no instance attribute shadowing it. */
        METHOD;

        /** The helper's symbol. */
        String helperName() {
            return "pyjit_attribute_fill_" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private AttributeCache() {
    }

    /**
     * The kind of cache a site gets behind its fast path: one of the three instance-values forms
     * whose guard failed since the interpreter specialised it.
     *
     * @param i the instruction
     * @param fast its fast path
     * @return the kind, or empty (a monomorphic site, or a form this cache does not extend)
     */
    static Optional<Kind> kindOf(Instruction i, CachedFastPath fast) {
        int counter;
        if (i.cache() instanceof InlineCache.LoadAttr a) {
            counter = a.counter();
        } else if (i.cache() instanceof InlineCache.StoreAttr s) {
            counter = s.counter();
        } else {
            return Optional.empty();
        }
        if (!InlineCache.missedSinceSpecialised(counter)) {
            return Optional.empty();
        }
        if (fast instanceof CachedFastPath.InstanceValue) {
            return Optional.of(Kind.LOAD_VALUE);
        } else if (fast instanceof CachedFastPath.StoreInstanceValue) {
            return Optional.of(Kind.STORE_VALUE);
        } else if (fast instanceof CachedFastPath.Method m
                && m.form() instanceof CachedFastPath.MethodForm.WithValues) {
            return Optional.of(Kind.METHOD);
        }
        return Optional.empty();
    }

    /**
     * The fill helper of one kind: repeats 3.12 {@code _Py_Specialize_LoadAttr}'s (or
     * {@code _StoreAttr}'s) analysis of the owner's type for the instance-values form and, when it
     * qualifies, writes an entry into the site's first empty way; otherwise (or when every way is
     * taken) takes one fill attempt from the site.
     *
     * <p>The type qualifies when it is a heap type with managed dicts and shared keys, does not hook
     * attribute access ({@code tp_getattro} or, for stores, {@code tp_setattro} is the generic one),
     * has a version tag after the lookup, and {@code _PyType_Lookup} finds: for values, nothing (no
     * descriptor or class attribute can take precedence), the name then being in the shared keys;
     * for a method, an object whose type has {@code Py_TPFLAGS_METHOD_DESCRIPTOR}, the name then
     * being absent from the shared keys. The keys are searched by identity, then by
     * {@code PyUnicode_Compare} (a key set through {@code setattr} with a string not interned).
     *
     * @param kind the site kind
     * @param layout the running CPython's offsets
     * @param symbols the C-API addresses
     * @return the helper ({@link #FILL})
     */
    static IrFunction fill(Kind kind, CPythonLayout layout, NativeSymbols symbols) {
        return FunctionBuilder.build(kind.helperName(), FILL, b -> {
            Block entry = b.createBlock();
            List<Value> params = b.appendEntryParams(entry);
            b.switchToBlock(entry);
            Value type = params.get(0);
            Value name = params.get(1);
            Value site = params.get(2);
            Block refused = b.createBlock();
            var types = layout.type();
            long wanted = TypeFlag.MANAGED_DICT.mask() | TypeFlag.HEAPTYPE.mask();
            Value flags = b.load(Type.I64, type, types.flags());
            UnicodeKeys.require(b, b.icmpImm(IntCC.EQ, b.binaryImm(Opcode.BAND_IMM, flags, wanted), wanted), refused);
            Value hook = b.load(Type.I64, type, kind == Kind.STORE_VALUE ? types.setattro() : types.getattro());
            CSymbol generic = kind == Kind.STORE_VALUE ? CSymbol.GENERIC_SET_ATTR : CSymbol.GENERIC_GET_ATTR;
            UnicodeKeys.require(b, b.icmp(IntCC.EQ, hook, symbols.constant(b, generic)), refused);
            Value keys = b.load(Type.I64, type, types.heapCachedKeys());
            UnicodeKeys.require(b, b.icmpImm(IntCC.NE, keys, 0), refused);
            Value descr = b.callIndirect(P_OF_PP, symbols.constant(b, CSymbol.TYPE_LOOKUP), type, name).get(0);
            Value version = b.convert(Opcode.UEXTEND, Type.I64, b.load(Type.I32, type, types.versionTag()));
            UnicodeKeys.require(b, b.icmpImm(IntCC.NE, version, 0), refused);
            if (kind == Kind.METHOD) {
                UnicodeKeys.require(b, b.icmpImm(IntCC.NE, descr, 0), refused);
                Value descrFlags = b.load(Type.I64, b.load(Type.I64, descr, layout.object().type()), types.flags());
                UnicodeKeys.require(b, b.icmpImm(IntCC.NE,
                        b.binaryImm(Opcode.BAND_IMM, descrFlags, TypeFlag.METHOD_DESCRIPTOR.mask()), 0), refused);
            } else {
                UnicodeKeys.require(b, b.icmpImm(IntCC.EQ, descr, 0), refused);
            }
            Block found = b.createBlock();
            Value index = b.appendBlockParam(found, Type.I64);
            Block absent = b.createBlock();
            Value used = b.load(Type.I64, keys, layout.dict().keysEntries());
            UnicodeKeys.search(b, layout, symbols, keys, used, name, found, absent);
            Block record = b.createBlock();
            Value recordIndex = b.appendBlockParam(record, Type.I64);
            Value recordDescr = b.appendBlockParam(record, Type.I64);
            b.switchToBlock(found);
            if (kind == Kind.METHOD) {
                b.jump(refused);
            } else {
                b.jump(record, index, b.iconst(Type.I64, 0));
            }
            b.switchToBlock(absent);
            if (kind == Kind.METHOD) {
                b.jump(record, used, descr);
            } else {
                b.jump(refused);
            }
            b.switchToBlock(record);
            Value word = b.binary(Opcode.BOR, version, b.binaryImm(Opcode.ISHL_IMM, recordIndex, 32));
            for (int w = 0; w < WAYS; w++) {
                int at = ENTRIES + w * ENTRY_SIZE;
                Block empty = b.createBlock();
                Block taken = b.createBlock();
                b.brif(b.icmpImm(IntCC.EQ, b.load(Type.I32, site, at + ENTRY_VERSION), 0), empty, taken);
                b.switchToBlock(empty);
                b.store(recordDescr, site, at + ENTRY_DESCR);
                b.store(word, site, at + ENTRY_VERSION);
                b.ret();
                b.switchToBlock(taken);
            }
            b.jump(refused);
            b.switchToBlock(refused);
            CacheSites.takeFill(b, site);
            b.ret();
        });
    }
}
