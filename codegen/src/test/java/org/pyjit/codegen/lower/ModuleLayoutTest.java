package org.pyjit.codegen.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pyjit.codegen.CodegenException;
import org.pyjit.codegen.MachineCode;
import org.pyjit.codegen.TrapSupport;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.TrapCode;
import org.pyjit.ir.text.IrParser;

/** The module layout over a byte-counting target whose pieces each emit a recognisable byte run. */
class ModuleLayoutTest {
    static final IrModule MODULE = IrParser.parseModule("""
            function %a(i64) -> i64 {
            block0(v0: i64):
                return v0
            }
            function %b(i64) -> i64 {
            block0(v0: i64):
                return v0
            }
            """);
    static final TrapSupport TRAPS = new TrapSupport(0, 0, 0);

    /** Labels are their names; C entry 3 bytes, body 5 (+1 per name char), thunk 7, unwind 2, handler 4, pool 8. */
    static final class Counting implements ModuleTarget<String> {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final Map<String, Integer> bound = new HashMap<>();
        String failIn;

        void bytes(int n, int value) {
            for (int i = 0; i < n; i++) {
                out.write(value);
            }
        }

        @Override
        public String newLabel(String name) {
            return name;
        }

        @Override
        public void align(int bytes) {
            bytes(-out.size() & (bytes - 1), 0xcc);
        }

        @Override
        public void bind(String label) {
            assertEquals(null, bound.put(label, out.size()), "bound twice: " + label);
        }

        @Override
        public void cEntry(IrFunction f, TrapSupport traps, String body) {
            assertSame(TRAPS, traps);
            assertEquals(f.name() + "_body", body);
            bytes(3, 1);
        }

        @Override
        public void body(IrFunction f, ModuleLabels<String> labels) {
            if (f.name().equals(failIn)) {
                throw new IllegalArgumentException("no encoding");
            }
            assertEquals("trap_handler", labels.trapHandler());
            bind(labels.body(f.name()));
            bytes(5 + f.name().length(), 2);
        }

        @Override
        public void thunk(IrFunction f, String body, String unwind) {
            assertEquals("thunk_unwind", unwind);
            bytes(7, 3);
        }

        @Override
        public void unwind() {
            bytes(2, 4);
        }

        @Override
        public void trapHandler(TrapSupport traps, String unwind) {
            bytes(4, 5);
        }

        @Override
        public Image<String> finish() {
            bytes(8, 6);
            return new Image<>(out.toByteArray(), bound::get);
        }
    }

    @Test
    void entriesBodiesThunksAndTailAreAlignedInOrder() {
        Counting t = new Counting();
        MachineCode mc = ModuleLayout.assemble("test", MODULE, TRAPS, t);
        assertEquals("test", mc.backend());
        // a: 0..9 (3 + 6), pad to 16; b: 16..25, pad to 32; thunks at 32 and 48; unwind at 64.
        assertEquals(Map.of("a", 0, "b", 16), mc.entries());
        assertEquals(Map.of("a", 9, "b", 9), mc.sizes());
        assertEquals(Map.of("a", 32, "b", 48), mc.javaEntries());
        assertEquals(Map.of("a", 3, "b", 19), mc.bodies());
        assertEquals(3, t.bound.get("a_body"));
        assertEquals(64, t.bound.get("thunk_unwind"));
        assertEquals(66, t.bound.get("trap_handler"));
        assertEquals(78, mc.code().length);
        assertArrayEquals(new byte[] {4, 4, 5, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 6},
                Arrays.copyOfRange(mc.code(), 64, 78));
    }

    @Test
    void aFailingBodyIsReportedWithItsFunction() {
        Counting t = new Counting();
        t.failIn = "b";
        CodegenException e = assertThrows(CodegenException.class, () -> ModuleLayout.assemble("test", MODULE, TRAPS, t));
        assertEquals("cannot compile %b: no encoding", e.getMessage());
    }

    @Test
    void unknownFunctionsAreRefusedAndTrapStubsAreSharedPerCode() {
        ModuleLabels<String> labels = new ModuleLabels<>(Map.of("a", "a_body"), Map.of("a", "a"), "trap_handler");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> labels.cEntry("zz"));
        assertTrue(e.getMessage().contains("%zz"), e.getMessage());
        TrapStubs<String> stubs = new TrapStubs<>(name -> name);
        String first = stubs.stub(TrapCode.STACK_OVERFLOW);
        assertSame(first, stubs.stub(TrapCode.STACK_OVERFLOW));
        List<String> emitted = new ArrayList<>();
        stubs.emit((label, code) -> emitted.add(label + "=" + code));
        assertEquals(List.of("trap_" + TrapCode.STACK_OVERFLOW.text() + "=" + TrapCode.STACK_OVERFLOW.code()), emitted);
    }
}
