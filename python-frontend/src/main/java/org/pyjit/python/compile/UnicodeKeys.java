package org.pyjit.python.compile;

import java.util.List;
import org.pyjit.ir.Block;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.IntCC;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Signature;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;
import org.pyjit.python.layout.CPythonLayout;

/**
 * IR over a 3.12 {@code PyDictKeysObject} with unicode entries (a combined table of string keys,
 * or a type's shared keys), for the fast paths and the cache fill helpers: where the entries
 * start, and the search for a name among them. Also the guard those helpers build with.
 */
final class UnicodeKeys {
    private static final Signature INT_OF_PP = Signature.of(Type.I32, Type.I64, Type.I64);

    private UnicodeKeys() {
    }

    /**
     * The offset of {@code DK_UNICODE_ENTRIES(keys)} from {@code keys}: the entries follow the
     * index table of {@code 1 << dk_log2_index_bytes} bytes at {@code dk_indices}.
     */
    static Value entriesOffset(FunctionBuilder b, CPythonLayout.DictLayout dict, Value keys) {
        Value log2 = b.convert(Opcode.UEXTEND, Type.I64, b.load(Type.I8, keys, dict.keysLog2IndexBytes()));
        return b.iaddImm(b.binary(Opcode.ISHL, b.iconst(Type.I64, 1), log2), dict.keysIndices());
    }

    /** {@code DK_UNICODE_ENTRIES(keys)}: the address of entry 0. */
    static Value entries(FunctionBuilder b, CPythonLayout.DictLayout dict, Value keys) {
        return b.iadd(keys, entriesOffset(b, dict, keys));
    }

    /**
     * Branches to {@code found(j)} for the first of the {@code used} entries whose key is
     * {@code name} (by identity, else by {@code PyUnicode_Compare}: the keys are exact strings;
     * a deleted entry's NULL key is skipped), else to {@code absent}.
     */
    static void search(FunctionBuilder b, CPythonLayout layout, NativeSymbols symbols, Value keys, Value used,
                       Value name, Block found, Block absent) {
        var dict = layout.dict();
        Value entries = entries(b, dict, keys);
        Block loop = b.createBlock();
        Value j = b.appendBlockParam(loop, Type.I64);
        Block body = b.createBlock();
        Block present = b.createBlock();
        Block compare = b.createBlock();
        Block next = b.createBlock();
        b.jump(loop, b.iconst(Type.I64, 0));
        b.switchToBlock(loop);
        b.brif(b.icmp(IntCC.SLT, j, used), body, absent);
        b.switchToBlock(body);
        Value key = b.load(Type.I64, b.iadd(entries, b.imul(j, b.iconst(Type.I64, dict.unicodeEntrySize()))),
                dict.unicodeEntryKey());
        b.brif(b.icmp(IntCC.EQ, key, name), found, List.of(j), present, List.of());
        b.switchToBlock(present);
        // A deleted entry of a combined table has no key (shared keys never delete).
        b.brif(b.icmpImm(IntCC.EQ, key, 0), next, compare);
        b.switchToBlock(compare);
        Value order = b.callIndirect(INT_OF_PP, symbols.constant(b, CSymbol.UNICODE_COMPARE), key, name).get(0);
        b.brif(b.icmpImm(IntCC.EQ, order, 0), found, List.of(j), next, List.of());
        b.switchToBlock(next);
        b.jump(loop, b.iaddImm(j, 1));
    }

    /** Continues in a new block when {@code holds}; otherwise branches to {@code otherwise}. */
    static void require(FunctionBuilder b, Value holds, Block otherwise) {
        Block ok = b.createBlock();
        b.brif(holds, ok, otherwise);
        b.switchToBlock(ok);
    }
}
