package org.pyjit.python.compile;

import java.util.List;
import org.pyjit.ir.Block;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.IntCC;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Signature;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;
import org.pyjit.python.layout.CPythonLayout;

/**
 * A {@code LOAD_GLOBAL} cache that compiled code fills again at run time. The interpreter's
 * {@code LOAD_GLOBAL_MODULE}/{@code _BUILTIN} guard the keys versions of the globals (and builtins)
 * dict; adding any global gives the globals dict new keys, and the interpreter then specialises
 * the site again. A compiled site's versions are constants, so a function compiled before its
 * module finished defining globals (a script that assigns a result after the first call) took the
 * generic dict lookups at every execution for good. Every compiled {@code LOAD_GLOBAL} therefore
 * gets, behind its constant fast path (or alone, for a site not specialised when captured), a
 * native block that the shared helper {@link #fill} rewrites for the dicts' current keys.
 *
 * <p>A site's block: word {@link CacheSites#FILLS_LEFT}, the fills left ({@link #INITIAL_FILLS});
 * u32 {@link #GLOBALS_VERSION}, the globals' {@code dk_version} (0: empty); u32
 * {@link #BUILTINS_VERSION}, the builtins' {@code dk_version} when the name is a builtin (0: a
 * module global); i64 {@link #VALUE_OFFSET}, the offset of the entry's {@code me_value} from the
 * keys object it is in.
 *
 * <p>A hit rests on the facts the constant guards rest on ({@link CachedFastPath}): 3.12 gives a
 * keys object a version from a global counter when asked and clears it on any insertion or
 * deletion of a key, so a matching version names keys with the same entries in the same places
 * (a copy of a dict copies its keys' version along with identical entries); a changed value is
 * read from the same entry. The helper asks for versions as 3.12's
 * {@code _PyDictKeys_GetVersionForCurrentState} does (not exported): a keys object without one
 * takes {@code interp->dict_state.next_keys_version}, which is then incremented; once that counter
 * has run out (0) nothing is cached.
 */
final class GlobalCache {

    /** The fill helper's symbol. */
    static final String HELPER = "pyjit_global_fill";
    /** Offset of the globals' keys version (u32; 0: the site is empty). */
    static final int GLOBALS_VERSION = 8;
    /** Offset of the builtins' keys version (u32; 0: the value is in the globals). */
    static final int BUILTINS_VERSION = 12;
    /** Offset of the value's offset from its keys object (i64). */
    static final int VALUE_OFFSET = 16;
    /** Bytes per site. */
    static final int SITE_SIZE = 24;
    /**
     * Fills a site may ask for (each call takes one, filled or not): enough for a module that
     * defines a few more globals after its functions got hot, bounded for one that never stops.
     */
    static final long INITIAL_FILLS = 16;
    /** {@code void (PyObject *globals, PyObject *builtins, PyObject *name, site *, PyInterpreterState *)}. */
    static final Signature FILL = Signature.ofVoid(Type.I64, Type.I64, Type.I64, Type.I64, Type.I64);

    /** {@code DICT_KEYS_GENERAL} (3.12 pycore_dict.h): entries with hashes, keys of any type. */
    private static final int DICT_KEYS_GENERAL = 0;

    private GlobalCache() {
    }

    /**
     * The fill helper: takes one fill from the site; if both dicts are exact dicts with unicode
     * keys and the name is in the globals, records the globals' keys version and the entry;
     * if it is only in the builtins, records both versions and the builtins' entry. Runs no Python
     * code (exact-string comparisons only) and raises nothing.
     *
     * @param layout the running CPython's offsets
     * @param symbols the C-API addresses
     * @return the helper ({@link #FILL})
     */
    static IrFunction fill(CPythonLayout layout, NativeSymbols symbols) {
        return FunctionBuilder.build(HELPER, FILL, b -> {
            Block entry = b.createBlock();
            List<Value> params = b.appendEntryParams(entry);
            b.switchToBlock(entry);
            Value globals = params.get(0);
            Value builtins = params.get(1);
            Value name = params.get(2);
            Value site = params.get(3);
            Value interp = params.get(4);
            CacheSites.takeFill(b, site);
            Block refused = b.createBlock();
            Value globalKeys = unicodeKeys(b, layout, symbols, globals, refused);
            Value builtinKeys = unicodeKeys(b, layout, symbols, builtins, refused);

            Block inGlobals = b.createBlock();
            Value globalIndex = b.appendBlockParam(inGlobals, Type.I64);
            Block notInGlobals = b.createBlock();
            UnicodeKeys.search(b, layout, symbols, globalKeys,
                    b.load(Type.I64, globalKeys, layout.dict().keysEntries()), name, inGlobals, notInGlobals);

            b.switchToBlock(inGlobals);
            Value moduleVersion = version(b, layout, interp, globalKeys, refused);
            record(b, layout, site, moduleVersion, b.iconst(Type.I32, 0), globalKeys, globalIndex);

            b.switchToBlock(notInGlobals);
            Block inBuiltins = b.createBlock();
            Value builtinIndex = b.appendBlockParam(inBuiltins, Type.I64);
            UnicodeKeys.search(b, layout, symbols, builtinKeys,
                    b.load(Type.I64, builtinKeys, layout.dict().keysEntries()), name, inBuiltins, refused);
            b.switchToBlock(inBuiltins);
            Value globalsVersion = version(b, layout, interp, globalKeys, refused);
            Value builtinsVersion = version(b, layout, interp, builtinKeys, refused);
            record(b, layout, site, globalsVersion, builtinsVersion, builtinKeys, builtinIndex);

            b.switchToBlock(refused);
            b.ret();
        });
    }

    /** The keys of an exact dict with unicode keys; otherwise {@code refused}. */
    private static Value unicodeKeys(FunctionBuilder b, CPythonLayout layout, NativeSymbols symbols, Value dict,
                                     Block refused) {
        Value type = b.load(Type.I64, dict, layout.object().type());
        UnicodeKeys.require(b, b.icmp(IntCC.EQ, type, symbols.constant(b, CSymbol.DICT_TYPE)), refused);
        Value keys = b.load(Type.I64, dict, layout.dict().keys());
        Value kind = b.convert(Opcode.UEXTEND, Type.I32, b.load(Type.I8, keys, layout.dict().keysKind()));
        UnicodeKeys.require(b, b.icmpImm(IntCC.NE, kind, DICT_KEYS_GENERAL), refused);
        return keys;
    }

    /**
     * 3.12 {@code _PyDictKeys_GetVersionForCurrentState}: the keys' version, or a new one from the
     * interpreter's counter; none left goes to {@code refused}.
     */
    private static Value version(FunctionBuilder b, CPythonLayout layout, Value interp, Value keys, Block refused) {
        int keysVersion = layout.dict().keysVersion();
        int next = layout.interpreter().nextKeysVersion();
        Block known = b.createBlock();
        Value v = b.appendBlockParam(known, Type.I32);
        Block assign = b.createBlock();
        Value current = b.load(Type.I32, keys, keysVersion);
        b.brif(b.icmpImm(IntCC.NE, current, 0), known, List.of(current), assign, List.of());
        b.switchToBlock(assign);
        Value fresh = b.load(Type.I32, interp, next);
        UnicodeKeys.require(b, b.icmpImm(IntCC.NE, fresh, 0), refused);
        b.store(b.iaddImm(fresh, 1), interp, next);
        b.store(fresh, keys, keysVersion);
        b.jump(known, fresh);
        b.switchToBlock(known);
        return v;
    }

    /** Writes the site's entry and returns. */
    private static void record(FunctionBuilder b, CPythonLayout layout, Value site, Value globalsVersion,
                               Value builtinsVersion, Value keys, Value index) {
        var dict = layout.dict();
        Value offset = b.iaddImm(b.iadd(UnicodeKeys.entriesOffset(b, dict, keys),
                b.imul(index, b.iconst(Type.I64, dict.unicodeEntrySize()))), dict.unicodeEntryValue());
        b.store(offset, site, VALUE_OFFSET);
        b.store(builtinsVersion, site, BUILTINS_VERSION);
        b.store(globalsVersion, site, GLOBALS_VERSION);
        b.ret();
    }
}
