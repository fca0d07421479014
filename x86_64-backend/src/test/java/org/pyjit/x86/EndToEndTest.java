package org.pyjit.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pyjit.codegen.CompiledModule;
import org.pyjit.codegen.Jit;
import org.pyjit.ir.Block;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.Signature;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;
import org.pyjit.ir.text.IrParser;
import org.pyjit.ir.verify.VerifierException;

class EndToEndTest {
    @Test
    void addsTwoIntegers() {
        IrFunction f = FunctionBuilder.build("add", Signature.of(Type.I64, Type.I64, Type.I64), b -> {
            Block e = b.createBlock();
            var p = b.appendEntryParams(e);
            b.switchToBlock(e);
            Value k = b.iconst(Type.I64, 40);
            b.ret(b.iadd(b.iadd(p.get(0), p.get(1)), k));
        });
        try (CompiledModule m = Jit.host().compile(f)) {
            assertEquals(45, m.function("add").call(2, 3));
            assertEquals(-60, m.function("add").call(-100, 0));
        }
    }

    /**
     * {@code compileTrusted} compiles like {@code compile} and, with Java assertions enabled (as
     * in these tests), still verifies: an operand of the wrong type is refused before the
     * backend sees it.
     */
    @Test
    void compileTrustedVerifiesUnderAssertions() {
        boolean assertions = false;
        assert assertions = true;
        assertTrue(assertions, "the tests run with -ea");
        String valid = """
                function %sub(i64, i64) -> i64 {
                block0(v0: i64, v1: i64):
                    v2 = isub v0, v1
                    return v2
                }
                """;
        try (CompiledModule m = Jit.host().compileTrusted(IrParser.parseModule(valid))) {
            assertEquals(-7, m.function("sub").call(3, 10));
        }
        String invalid = valid.replace("(i64, i64)", "(i64, i32)").replace("v1: i64", "v1: i32");
        assertThrows(VerifierException.class, () -> Jit.host().compileTrusted(IrParser.parseModule(invalid)));
    }
}
