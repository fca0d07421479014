package org.pyjit.ir.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.pyjit.ir.BasicBlock;
import org.pyjit.ir.Block;
import org.pyjit.ir.BlockCall;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.Imm;
import org.pyjit.ir.Inst;
import org.pyjit.ir.IntCC;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Signature;
import org.pyjit.ir.StackSlot;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;

/** Malformed IR that text cannot express, built with the builder's escape hatch or directly. */
class VerifierBuilderTest {

    private static final Signature I64_TO_I64 = Signature.of(Type.I64, Type.I64);

    /** A one-block function %f(i64) -> i64 whose body {@code body} writes, given the parameter. */
    private static IrFunction oneBlock(java.util.function.BiConsumer<FunctionBuilder, Value> body) {
        return FunctionBuilder.build("f", I64_TO_I64, b -> {
            Block entry = b.createBlock();
            Value x = b.appendEntryParams(entry).get(0);
            b.switchToBlock(entry);
            body.accept(b, x);
        });
    }

    private static VerifierError single(IrFunction f) {
        List<VerifierError> errors = Verifier.check(IrModule.of(f));
        assertEquals(1, errors.size(), errors.toString());
        return errors.get(0);
    }

    private static void assertError(IrFunction f, Rule rule, String phrase) {
        VerifierError e = single(f);
        assertEquals(rule, e.rule(), e.toString());
        assertTrue(e.message().contains(phrase), e.toString());
    }

    private static Inst inst(Opcode op, List<Value> results, List<Value> args, Imm imm, List<BlockCall> targets) {
        return new Inst(op, results, args, imm, targets);
    }

    private static IrFunction direct(Signature sig, List<StackSlot> slots, BasicBlock... blocks) {
        return new IrFunction("f", sig, slots, List.of(blocks));
    }

    private static final Value V0 = new Value(0, Type.I64);
    private static final Inst RET_V0 = inst(Opcode.RETURN, List.of(), List.of(V0), Imm.None.INSTANCE, List.of());

    @Test
    void operandCount() {
        assertError(oneBlock((b, x) -> b.ret(b.inst(Opcode.IADD, List.of(Type.I64), List.of(x), Imm.None.INSTANCE,
                List.of()).get(0))), Rule.OPERAND_COUNT, "iadd takes 2 operands but has 1");
    }

    @Test
    void resultCount() {
        assertError(oneBlock((b, x) -> {
            b.inst(Opcode.ICMP, List.of(Type.I8, Type.I8), List.of(x, x), new Imm.IntCond(IntCC.EQ), List.of());
            b.ret(x);
        }), Rule.RESULT_COUNT, "icmp defines 1 result but has 2");
    }

    @Test
    void immediateKind() {
        assertError(oneBlock((b, x) -> b.ret(b.inst(Opcode.IADD, List.of(Type.I64), List.of(x, x), new Imm.Offset(8),
                List.of()).get(0))), Rule.IMMEDIATE_KIND, "iadd needs no immediate but has an Imm.Offset immediate");
    }

    @Test
    void nonCanonicalConstant() {
        VerifierError e = single(oneBlock((b, x) -> {
            b.inst(Opcode.ICONST, List.of(Type.I8), List.of(), new Imm.Int(200), List.of());
            b.ret(x);
        }));
        assertEquals("function %f, block0, inst 0 (v1 = iconst.i8 200): IMMEDIATE_RANGE: "
                + "immediate 200 is not canonical for i8 (canonical: -56)", e.toString());
    }

    @Test
    void nonCanonicalImmOfBinaryImm() {
        assertError(oneBlock((b, x) -> {
            Value n = b.convert(Opcode.IREDUCE, Type.I16, x);
            b.inst(Opcode.ICMP_IMM, List.of(Type.I8), List.of(n), new Imm.IntCondImm(IntCC.ULT, 65535), List.of());
            b.ret(x);
        }), Rule.IMMEDIATE_RANGE, "immediate 65535 is not canonical for i16 (canonical: -1)");
    }

    @Test
    void f32BitsBeyond32() {
        assertError(oneBlock((b, x) -> {
            b.inst(Opcode.F32CONST, List.of(Type.F32), List.of(), new Imm.FloatBits(1L << 40), List.of());
            b.ret(x);
        }), Rule.IMMEDIATE_RANGE, "f32const bits 0x10000000000 do not fit in 32 bits");
    }

    @Test
    void resultTypeDisagreesWithOperands() {
        assertError(oneBlock((b, x) -> {
            b.inst(Opcode.IADD, List.of(Type.I32), List.of(x, x), Imm.None.INSTANCE, List.of());
            b.ret(x);
        }), Rule.TYPE_MISMATCH, "iadd result v1 has type i32; i64 is required");
    }

    @Test
    void unknownFunction() {
        assertError(oneBlock((b, x) -> b.ret(b.funcAddr("nowhere"))), Rule.UNKNOWN_FUNCTION, "no function %nowhere in the module");
        assertError(oneBlock((b, x) -> b.ret(b.call("nowhere", I64_TO_I64, x).get(0))), Rule.UNKNOWN_FUNCTION,
                "no function %nowhere");
    }

    @Test
    void callResultTypeDisagreesWithCallee() {
        assertError(oneBlock((b, x) -> {
            b.call("f", Signature.of(Type.F64, Type.I64), x);
            b.ret(x);
        }), Rule.CALL_SIGNATURE, "result v1 has type f64 but %f returns i64");
    }

    @Test
    void unknownStackSlot() {
        assertError(oneBlock((b, x) -> {
            b.createStackSlot(8, 8);
            b.stackAddr(new StackSlot(0, 16, 8), 0);
            b.ret(x);
        }), Rule.UNKNOWN_STACK_SLOT, "ss0 (size 16, align 8) is not a stack slot of this function");
    }

    @Test
    void unknownBlock() {
        IrFunction f = direct(Signature.ofVoid(), List.of(), new BasicBlock(new Block(0), List.of(), List.of(
                inst(Opcode.JUMP, List.of(), List.of(), Imm.None.INSTANCE, List.of(BlockCall.of(new Block(7)))))));
        VerifierError e = single(f);
        assertEquals("function %f, block0, inst 0 (jump block7): UNKNOWN_BLOCK: branch to block7, which the function does not have",
                e.toString());
    }

    @Test
    void undefinedValue() {
        Value ghost = new Value(99, Type.I64);
        IrFunction f = direct(I64_TO_I64, List.of(), new BasicBlock(new Block(0), List.of(V0), List.of(
                inst(Opcode.RETURN, List.of(), List.of(ghost), Imm.None.INSTANCE, List.of()))));
        assertError(f, Rule.UNDEFINED_VALUE, "v99 is not defined in %f");
    }

    @Test
    void valueDefinedTwice() {
        Value one = new Value(1, Type.I64);
        Inst c = inst(Opcode.ICONST, List.of(one), List.of(), new Imm.Int(1), List.of());
        IrFunction f = direct(I64_TO_I64, List.of(), new BasicBlock(new Block(0), List.of(V0), List.of(c, c, RET_V0)));
        assertError(f, Rule.VALUE_DEFINED_TWICE, "v1 is already defined by inst 0 of block0");
        IrFunction g = direct(I64_TO_I64, List.of(), new BasicBlock(new Block(0), List.of(V0), List.of(
                inst(Opcode.ICONST, List.of(V0), List.of(), new Imm.Int(1), List.of()), RET_V0)));
        assertError(g, Rule.VALUE_DEFINED_TWICE, "v0 is already defined as a parameter of block0");
    }

    @Test
    void useTypeDiffersFromDefinition() {
        IrFunction f = direct(I64_TO_I64, List.of(), new BasicBlock(new Block(0), List.of(V0), List.of(
                inst(Opcode.BNOT, List.of(new Value(1, Type.I32)), List.of(new Value(0, Type.I32)), Imm.None.INSTANCE, List.of()),
                RET_V0)));
        assertError(f, Rule.TYPE_MISMATCH, "v0 is used as i32 but defined as i64");
    }

    @Test
    void targetCount() {
        Value c = new Value(1, Type.I8);
        IrFunction f = direct(I64_TO_I64, List.of(),
                new BasicBlock(new Block(0), List.of(V0), List.of(
                        inst(Opcode.ICONST, List.of(c), List.of(), new Imm.Int(1), List.of()),
                        inst(Opcode.BRIF, List.of(), List.of(c), Imm.None.INSTANCE, List.of(BlockCall.of(new Block(1)))))),
                new BasicBlock(new Block(1), List.of(), List.of(RET_V0)));
        assertError(f, Rule.TARGET_COUNT, "brif takes 2 targets but has 1");
    }

    @Test
    void emptyBlock() {
        IrFunction f = direct(I64_TO_I64, List.of(),
                new BasicBlock(new Block(0), List.of(V0), List.of(RET_V0)),
                new BasicBlock(new Block(4), List.of(), List.of()));
        VerifierError e = single(f);
        assertEquals("function %f, block4: MISSING_TERMINATOR: block4 is empty", e.toString());
    }

    @Test
    void everyErrorOfAFunctionIsReported() {
        List<VerifierError> errors = Verifier.check(IrModule.of(oneBlock((b, x) -> {
            b.inst(Opcode.IADD, List.of(Type.I64), List.of(x), Imm.None.INSTANCE, List.of());
            b.inst(Opcode.ICONST, List.of(Type.I16), List.of(), new Imm.Int(1 << 20), List.of());
            b.ret();
        })));
        assertEquals(List.of(Rule.OPERAND_COUNT, Rule.IMMEDIATE_RANGE, Rule.RETURN_TYPES),
                errors.stream().map(VerifierError::rule).toList());
    }

    @Test
    void wellFormedBuilderOutputPasses() {
        Consumer<FunctionBuilder> body = b -> {
            Block entry = b.createBlock();
            Block loop = b.createBlock();
            Block exit = b.createBlock();
            var i = b.declareVar(Type.I64);
            Value n = b.appendEntryParams(entry).get(0);
            b.switchToBlock(entry);
            b.defVar(i, b.iconst(Type.I64, 0));
            b.jump(loop);
            b.switchToBlock(loop);
            Value next = b.iaddImm(b.useVar(i), 1);
            b.defVar(i, next);
            b.brif(b.icmp(IntCC.SLT, next, n), loop, exit);
            b.sealBlock(loop);
            b.switchToBlock(exit);
            b.ret(b.useVar(i));
        };
        assertEquals(List.of(), Verifier.check(IrModule.of(FunctionBuilder.build("count", I64_TO_I64, body))));
    }
}
