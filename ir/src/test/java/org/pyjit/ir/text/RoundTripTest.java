package org.pyjit.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pyjit.ir.BasicBlock;
import org.pyjit.ir.Block;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.Imm;
import org.pyjit.ir.Inst;
import org.pyjit.ir.IntCC;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Signature;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;

class RoundTripTest {

    static String resource(String path) {
        try (InputStream in = RoundTripTest.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The files in resources/text are in canonical form: parsing and printing reproduces them. */
    @ParameterizedTest
    @ValueSource(strings = {"text/sum_to.ir", "text/all_formats.ir"})
    void canonicalFilesPrintBackIdentically(String path) {
        String text = resource(path);
        assertEquals(text, IrPrinter.print(IrParser.parseModule(text)));
    }

    @Test
    void parseKeepsNumbersAndInfersTypes() {
        IrFunction f = IrParser.parseFunction(resource("text/sum_to.ir"));
        assertEquals("sum_to", f.name());
        assertEquals(Signature.of(Type.I64, Type.I64), f.signature());
        BasicBlock loop = f.block(new Block(1));
        assertEquals(List.of(new Value(2, Type.I64), new Value(3, Type.I64)), loop.params());
        Inst cmp = loop.insts().get(0);
        assertEquals(new Value(4, Type.I8), cmp.result());
        assertEquals(new Imm.IntCond(IntCC.SLT), cmp.imm());
        // v5 = iadd v3, v2 is typed from its operands; v6 = iadd_imm from v2.
        BasicBlock body = f.block(new Block(2));
        assertEquals(Type.I64, body.insts().get(0).result().type());
        assertEquals(new Imm.Int(1), body.insts().get(1).imm());
        assertEquals(8, f.valueBound());
        assertEquals(16, f.stackSlots().get(0).size());
    }

    @Test
    void typesFlowAlongBackEdgesToUsesAboveTheDefinition() {
        // v3 is used in block1 before its definition in block2 (printed later) and typed via v2's chain.
        String text = """
                function %back(i32) -> i32 {
                block0(v0: i32):
                    jump block2
                block1:
                    v4 = iadd v3, v3
                    return v4
                block2:
                    v2 = bnot v0
                    v3 = imul v2, v2
                    jump block1
                }
                """;
        IrFunction f = IrParser.parseFunction(text);
        assertEquals(Type.I32, f.block(new Block(1)).insts().get(0).result().type());
        assertEquals(text, IrPrinter.print(f));
    }

    @Test
    void builderOutputRoundTripsAndComparesEqual() {
        IrFunction f = FunctionBuilder.build("mixed", Signature.of(Type.F64, Type.I8, Type.F64), b -> {
            Block entry = b.createBlock();
            List<Value> ps = b.appendEntryParams(entry);
            b.switchToBlock(entry);
            Value c = b.iconst(Type.I8, 0xFF);
            Value k = b.f64const(-0.0);
            Value sel = b.select(b.icmp(IntCC.EQ, ps.get(0), c), ps.get(1), k);
            b.ret(b.fmul(sel, b.f64const(Double.longBitsToDouble(0x7ff0_0000_0000_0abcL))));
        });
        String text = IrPrinter.print(f);
        assertTrue(text.contains("v2 = iconst.i8 -1"), text);
        assertTrue(text.contains("v3 = f64const -0.0"), text);
        assertTrue(text.contains("f64const nan:0x7ff0000000000abc"), text);
        IrFunction back = IrParser.parseFunction(text);
        assertEquals(f.blocks(), back.blocks());
        assertEquals(text, IrPrinter.print(back));
    }

    @Test
    void alternativeSpellingsParseToCanonicalForms() {
        String text = """
                ; a leading comment
                function %alt() -> f64 {   ; trailing comment
                block0:
                    v0 = iconst.i8 0xFF   ; hex, unsigned range
                    v1 = iconst.i16 65535
                    v2 = iconst.i64 0xFFFFFFFFFFFFFFFF
                    v3 = f64const inf
                    v4 = f64const -inf
                    v5 = f32const 1e3
                    v6 = iadd_imm v0, 0x80
                    v7 = f64const 0x1
                    return v3
                }
                """.replace("    v7 = f64const 0x1\n", "");
        IrFunction f = IrParser.parseFunction(text);
        List<Inst> insts = f.entry().insts();
        assertEquals(new Imm.Int(-1), insts.get(0).imm());
        assertEquals(new Imm.Int(-1), insts.get(1).imm());
        assertEquals(new Imm.Int(-1), insts.get(2).imm());
        assertEquals(new Imm.FloatBits(Double.doubleToRawLongBits(Double.POSITIVE_INFINITY)), insts.get(3).imm());
        assertEquals(new Imm.FloatBits(Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY)), insts.get(4).imm());
        assertEquals(new Imm.FloatBits(Float.floatToRawIntBits(1000f)), insts.get(5).imm());
        assertEquals(new Imm.Int(-128), insts.get(6).imm());
        String printed = IrPrinter.print(f);
        assertTrue(printed.contains("v0 = iconst.i8 -1\n"), printed);
        assertTrue(printed.contains("v3 = f64const Infinity\n"), printed);
        assertTrue(printed.contains("v4 = f64const -Infinity\n"), printed);
        assertTrue(printed.contains("v5 = f32const 1000.0\n"), printed);
        assertTrue(printed.contains("v6 = iadd_imm v0, -128\n"), printed);
    }

    @Test
    void callResultsAreTypedFromTheCalleeDefinedLater() {
        IrModule m = IrParser.parseModule("""
                function %a() -> f32 {
                block0:
                    v0 = call %b()
                    return v0
                }
                function %b() -> f32 {
                block0:
                    v0 = f32const -1.5
                    return v0
                }
                """);
        Inst call = m.function("a").entry().insts().get(0);
        assertEquals(Opcode.CALL, call.opcode());
        assertEquals(Type.F32, call.result().type());
    }

    @Test
    void printedInstructionsUseTheDocumentedForms() {
        IrModule m = IrParser.parseModule(resource("text/all_formats.ir"));
        IrFunction all = m.function("all");
        List<String> lines = all.blocks().stream().flatMap(b -> b.insts().stream()).map(IrPrinter::printInst).toList();
        assertTrue(lines.contains("v40, v41 = iadd_overflow v0, v21"));
        assertTrue(lines.contains("v47 = load.f64 v0-8"));
        assertTrue(lines.contains("br_table v1, block3(v0), [block2(v21), block3(v39)]"));
        assertTrue(lines.contains("call_indirect (), v49()"));
        assertEquals("block3(v53: i64):", IrPrinter.blockHeader(all.block(new Block(3))));
        assertEquals("block2(v52: i64) cold:", IrPrinter.blockHeader(all.block(new Block(2))));
        assertEquals("block4 cold:", IrPrinter.blockHeader(all.block(new Block(4))));
        assertEquals(List.of(2, 4), all.blocks().stream().filter(BasicBlock::cold).map(b -> b.block().id()).toList());
    }

    @Test
    void emptyModuleIsEmpty() {
        assertEquals(0, IrParser.parseModule("  ; nothing\n\n").functions().size());
        assertEquals("", IrPrinter.print(IrModule.of()));
    }
}
