package org.pyjit.python.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pyjit.python.bytecode.InlineCache;
import org.pyjit.python.bytecode.Instruction;
import org.pyjit.python.layout.Opcode;

/** Which quickened instructions and caches yield a fast path, with which baked-in constants. */
class CachedFastPathTest {

    private static Optional<CachedFastPath> of(Opcode opcode, Opcode base, int oparg, InlineCache cache) {
        return CachedFastPath.of(new Instruction(0, 0, opcode, base, oparg, 4, cache));
    }

    @Test
    void globalsTakeTheirIndexAndKeysVersions() {
        assertEquals(Optional.of(new CachedFastPath.ModuleGlobal(18, 50)), of(Opcode.LOAD_GLOBAL_MODULE,
                Opcode.LOAD_GLOBAL, 3, new InlineCache.LoadGlobal(0x340, 18, 50, 0)));
        assertEquals(Optional.of(new CachedFastPath.BuiltinGlobal(33, 50, 40)), of(Opcode.LOAD_GLOBAL_BUILTIN,
                Opcode.LOAD_GLOBAL, 3, new InlineCache.LoadGlobal(0x340, 33, 50, 40)));
    }

    @Test
    void attributesTakeTypeVersionIndexAndDescriptor() {
        InlineCache.LoadAttr cache = new InlineCache.LoadAttr(0x340, 131192, 7 | 5L << 16, 0x7f00_1234_5678L);
        assertEquals(Optional.of(new CachedFastPath.InstanceValue(131192, 7)),
                of(Opcode.LOAD_ATTR_INSTANCE_VALUE, Opcode.LOAD_ATTR, 4, cache));
        assertEquals(Optional.of(new CachedFastPath.Method(131192,
                new CachedFastPath.MethodForm.WithValues(7 | 5L << 16), 0x7f00_1234_5678L)),
                of(Opcode.LOAD_ATTR_METHOD_WITH_VALUES, Opcode.LOAD_ATTR, 5, cache));
        assertEquals(Optional.of(new CachedFastPath.StoreSlot(99, 24)),
                of(Opcode.STORE_ATTR_SLOT, Opcode.STORE_ATTR, 0, new InlineCache.StoreAttr(0x340, 99, 24)));
        assertEquals(Optional.of(new CachedFastPath.ListItem()),
                of(Opcode.BINARY_SUBSCR_LIST_INT, Opcode.BINARY_SUBSCR, 0, new InlineCache.Counter(0x340)));
    }

    @Test
    void invalidVersionsUnspecialisedAndOddFormsHaveNoFastPath() {
        assertTrue(of(Opcode.LOAD_GLOBAL, Opcode.LOAD_GLOBAL, 3, new InlineCache.LoadGlobal(17, 0, 0, 0)).isEmpty());
        assertTrue(of(Opcode.LOAD_GLOBAL_MODULE, Opcode.LOAD_GLOBAL, 3,
                new InlineCache.LoadGlobal(0x340, 18, 0, 0)).isEmpty());
        assertTrue(of(Opcode.LOAD_GLOBAL_BUILTIN, Opcode.LOAD_GLOBAL, 3,
                new InlineCache.LoadGlobal(0x340, 18, 50, 0)).isEmpty());
        assertTrue(of(Opcode.LOAD_ATTR_INSTANCE_VALUE, Opcode.LOAD_ATTR, 4,
                new InlineCache.LoadAttr(0x340, 0, 1, 0)).isEmpty());
        // The method forms push two values: only with LOAD_ATTR's method bit.
        assertTrue(of(Opcode.LOAD_ATTR_METHOD_NO_DICT, Opcode.LOAD_ATTR, 4,
                new InlineCache.LoadAttr(0x340, 12, 0, 0x1000)).isEmpty());
        assertTrue(of(Opcode.LOAD_ATTR_METHOD_WITH_VALUES, Opcode.LOAD_ATTR, 5,
                new InlineCache.LoadAttr(0x340, 12, 0, 0x1000)).isEmpty());
        assertTrue(of(Opcode.LOAD_ATTR_CLASS, Opcode.LOAD_ATTR, 4,
                new InlineCache.LoadAttr(0x340, 12, 0, 0)).isEmpty());
        // Forms without a fast path yet.
        assertTrue(of(Opcode.LOAD_ATTR_WITH_HINT, Opcode.LOAD_ATTR, 4,
                new InlineCache.LoadAttr(0x340, 12, 3, 0)).isEmpty());
        assertTrue(of(Opcode.STORE_ATTR_INSTANCE_VALUE, Opcode.STORE_ATTR, 0,
                new InlineCache.StoreAttr(0x340, 12, CachedFastPath.MAX_SHARED_KEYS)).isEmpty());
    }
}
