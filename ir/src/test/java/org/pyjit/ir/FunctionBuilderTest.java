package org.pyjit.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionBuilderTest {

    /** sum_to(n): a loop with two variables; the header gets exactly two parameters. */
    static IrFunction sumTo() {
        return FunctionBuilder.build("sum_to", Signature.of(Type.I64, Type.I64), b -> {
            Block entry = b.createBlock();
            Block header = b.createBlock();
            Block body = b.createBlock();
            Block exit = b.createBlock();
            Variable i = b.declareVar(Type.I64);
            Variable sum = b.declareVar(Type.I64);
            Value n = b.appendEntryParams(entry).get(0);
            b.switchToBlock(entry);
            b.sealBlock(entry);
            Value zero = b.iconst(Type.I64, 0);
            b.defVar(i, zero);
            b.defVar(sum, zero);
            b.jump(header);
            b.switchToBlock(header);
            b.brif(b.icmp(IntCC.SLT, b.useVar(i), n), body, exit);
            b.switchToBlock(body);
            b.sealBlock(body);
            b.defVar(sum, b.iadd(b.useVar(sum), b.useVar(i)));
            b.defVar(i, b.iaddImm(b.useVar(i), 1));
            b.jump(header);
            b.sealBlock(header);
            b.switchToBlock(exit);
            b.sealBlock(exit);
            b.ret(b.useVar(sum));
        });
    }

    @Test
    void loopVariablesBecomeHeaderParameters() {
        IrFunction f = sumTo();
        BasicBlock header = f.blocks().get(1);
        assertEquals(2, header.params().size());
        // Both incoming edges pass two arguments, in parameter order.
        BasicBlock entry = f.blocks().get(0);
        assertEquals(2, entry.terminator().targets().get(0).args().size());
        BasicBlock body = f.blocks().get(2);
        List<Value> back = body.terminator().targets().get(0).args();
        assertEquals(2, back.size());
        // The exit reads sum straight from the header: it has one predecessor, no parameters.
        BasicBlock exit = f.blocks().get(3);
        assertEquals(0, exit.params().size());
        assertTrue(header.params().contains(exit.terminator().arg(0)));
    }

    @Test
    void blocksCreatedInAColdRegionOrMarkedAreCold() {
        IrFunction f = FunctionBuilder.build("f", Signature.of(Type.I64, Type.I64), b -> {
            Block entry = b.createBlock();
            Value x = b.appendEntryParams(entry).get(0);
            b.switchToBlock(entry);
            Block hot = b.createBlock();
            Block[] slow = new Block[2];
            b.cold(() -> {
                slow[0] = b.createBlock();
                b.cold(() -> slow[1] = b.createBlock());
            });
            Block marked = b.createBlock();
            b.setCold(marked);
            b.brif(x, hot, slow[0]);
            b.switchToBlock(hot);
            b.brif(x, marked, slow[1]);
            for (Block done : List.of(slow[0], slow[1], marked)) {
                b.switchToBlock(done);
                b.ret(x);
            }
        });
        assertEquals(List.of(false, false, true, true, true), f.blocks().stream().map(BasicBlock::cold).toList());
        assertThrows(IllegalArgumentException.class, () -> FunctionBuilder.build("g", Signature.ofVoid(), b -> {
            Block entry = b.createBlock();
            b.switchToBlock(entry);
            b.setCold(entry);
        }));
    }

    @Test
    void trivialParameterIsRemoved() {
        // x is defined once before a loop and only read inside it: no parameter survives.
        IrFunction f = FunctionBuilder.build("inv", Signature.of(Type.I64, Type.I64), b -> {
            Block entry = b.createBlock();
            Block loop = b.createBlock();
            Block exit = b.createBlock();
            Variable x = b.declareVar(Type.I64);
            Value p = b.appendEntryParams(entry).get(0);
            b.switchToBlock(entry);
            b.defVar(x, p);
            b.jump(loop);
            b.switchToBlock(loop);
            Value c = b.icmpImm(IntCC.EQ, b.useVar(x), 3);
            b.brif(c, exit, loop);
            b.sealBlock(loop);
            b.switchToBlock(exit);
            b.ret(b.useVar(x));
        });
        assertEquals(0, f.blocks().get(1).params().size());
        assertEquals(0, f.blocks().get(1).terminator().targets().get(1).args().size());
        assertEquals(f.entry().params().get(0), f.blocks().get(2).terminator().arg(0));
    }

    @Test
    void useBeforeDefinitionIsAClearError() {
        FunctionBuilder b = new FunctionBuilder("bad", Signature.of(Type.I64));
        Block entry = b.createBlock();
        b.switchToBlock(entry);
        b.sealBlock(entry);
        Variable x = b.declareVar(Type.I64);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.useVar(x));
        assertTrue(e.getMessage().contains("var0 is used in block0 before any definition"), e.getMessage());
    }

    @Test
    void appendingAfterTerminatorIsRejected() {
        FunctionBuilder b = new FunctionBuilder("bad", Signature.ofVoid());
        Block entry = b.createBlock();
        b.switchToBlock(entry);
        b.ret();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.iconst(Type.I32, 1));
        assertTrue(e.getMessage().contains("block0 already ends with return"), e.getMessage());
    }

    @Test
    void constantsAreCanonical() {
        IrFunction f = FunctionBuilder.build("c", Signature.of(Type.I8), b -> {
            Block entry = b.createBlock();
            b.switchToBlock(entry);
            b.ret(b.iconst(Type.I8, 0xFF));
        });
        assertEquals(-1L, f.entry().insts().get(0).intImm());
    }
}
