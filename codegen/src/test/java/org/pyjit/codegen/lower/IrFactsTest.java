package org.pyjit.codegen.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pyjit.ir.BasicBlock;
import org.pyjit.ir.Inst;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.text.IrParser;

/** The IR pre-pass on small parsed functions, with addressing modes supplied by the test. */
class IrFactsTest {
    static final IrFacts.AddressFolding NONE = (d, off, access) -> false;
    static final IrFacts.AddressFolding IADD_IMM = (d, off, access) -> d.opcode() == Opcode.IADD_IMM;

    static final String LOOP = """
            function %sum_to(i64) -> i64 {
            block0(v0: i64):
                v1 = iconst.i64 0
                jump block1(v1, v0)
            block1(v2: i64, v3: i64):
                v4 = icmp_imm eq v3, 0
                brif v4, block3, block2
            block2:
                v5 = iadd v2, v3
                v6 = iadd_imm v3, -1
                jump block1(v5, v6)
            block4:
                return v0
            block3:
                return v2
            }
            """;

    static Inst inst(IrFunction f, Opcode op) {
        return f.blocks().stream().flatMap(b -> b.insts().stream()).filter(i -> i.opcode() == op).findFirst()
                .orElseThrow();
    }

    @Test
    void dropsUnreachableBlocksAndCountsUses() {
        IrFunction f = IrParser.parseFunction(LOOP);
        IrFacts facts = new IrFacts(f, NONE);
        List<String> names = facts.reachable().stream().map(BasicBlock::block).map(Object::toString).toList();
        assertEquals(List.of("block0", "block1", "block2", "block3"), names);
        assertFalse(facts.entryTargeted());
        Inst iadd = inst(f, Opcode.IADD);
        assertEquals(2, facts.useCount(iadd.arg(0)));
        assertEquals(1, facts.useCount(iadd.result()));
        assertEquals(0L, facts.constant(inst(f, Opcode.ICONST).result()));
        assertNull(facts.constant(iadd.result()));
        assertNull(facts.def(iadd.arg(0)));
    }

    @Test
    void fusesASingleUseCompareIntoTheBranchAndSkipsConstants() {
        IrFunction f = IrParser.parseFunction(LOOP);
        IrFacts facts = new IrFacts(f, NONE);
        Inst cmp = inst(f, Opcode.ICMP_IMM);
        assertTrue(facts.isFused(cmp));
        assertTrue(facts.isSkipped(cmp));
        assertTrue(facts.isSkipped(inst(f, Opcode.ICONST)));
        assertFalse(facts.isSkipped(inst(f, Opcode.IADD)));
    }

    @Test
    void keepsACompareWithAnotherUse() {
        IrFunction f = IrParser.parseFunction("""
                function %f(i64) -> i8 {
                block0(v0: i64):
                    v1 = icmp_imm eq v0, 0
                    brif v1, block1, block2
                block1:
                    return v1
                block2:
                    return v1
                }
                """);
        IrFacts facts = new IrFacts(f, NONE);
        assertFalse(facts.isFused(inst(f, Opcode.ICMP_IMM)));
        assertFalse(facts.isSkipped(inst(f, Opcode.ICMP_IMM)));
    }

    /**
     * With select fusion asked for, a single-use integer compare feeding an integer select of its
     * block is fused (and skipped); not without it, not when the compare has another use, and not
     * into a float select.
     */
    @Test
    void fusesASingleUseCompareIntoAnIntegerSelectWhenAsked() {
        IrFunction f = IrParser.parseFunction("""
                function %f(i64, i64, f64, f64) -> i64 {
                block0(v0: i64, v1: i64, v2: f64, v3: f64):
                    v4 = icmp sgt v0, v1
                    v5 = select v4, v0, v1
                    v6 = icmp_imm eq v0, 7
                    v7 = select v6, v2, v3
                    v8 = icmp slt v0, v1
                    v9 = select v8, v0, v1
                    v10 = uextend.i64 v8
                    v11 = iadd v5, v9
                    v12 = iadd v11, v10
                    v13 = fcvt_to_sint.i64 v7
                    v14 = iadd v12, v13
                    return v14
                }
                """);
        Inst sgt = inst(f, Opcode.ICMP);
        Inst eq = inst(f, Opcode.ICMP_IMM);
        Inst slt = f.blocks().get(0).insts().stream().filter(i -> i.opcode() == Opcode.ICMP).skip(1).findFirst()
                .orElseThrow();
        IrFacts fusing = new IrFacts(f, NONE, true);
        assertTrue(fusing.isFused(sgt));
        assertTrue(fusing.isSkipped(sgt));
        assertFalse(fusing.isFused(eq), "a float select keeps its compare");
        assertFalse(fusing.isFused(slt), "a compare with a second use is not fused");
        assertFalse(new IrFacts(f, NONE).isFused(sgt), "branch fusion only by default");
    }

    @Test
    void notesABranchBackToTheEntry() {
        IrFunction f = IrParser.parseFunction(BACK_TO_ENTRY);
        assertTrue(new IrFacts(f, NONE).entryTargeted());
    }

    static final String BACK_TO_ENTRY = """
            function %f(i64) -> i64 {
            block0(v0: i64):
                brif v0, block1, block2
            block1:
                v1 = iadd_imm v0, -1
                jump block0(v1)
            block2:
                return v0
            }
            """;

    static final String FIELD = """
            function %field(i64) -> i32 {
            block0(v0: i64):
                v1 = iadd_imm v0, 4
                v2 = load.i32 v1+0
                store v2, v1+8
                return v2
            }
            """;

    @Test
    void skipsAnAddressFoldedIntoEveryAccessAsTheBackendAllows() {
        IrFunction f = IrParser.parseFunction(FIELD);
        Inst add = inst(f, Opcode.IADD_IMM);
        IrFacts folding = new IrFacts(f, IADD_IMM);
        assertTrue(folding.foldable(add.result(), 0, inst(f, Opcode.LOAD)));
        assertTrue(folding.isSkipped(add));
        IrFacts none = new IrFacts(f, NONE);
        assertFalse(none.foldable(add.result(), 0, inst(f, Opcode.LOAD)));
        assertFalse(none.isSkipped(add));
        assertFalse(folding.foldable(f.entry().params().get(0), 0, inst(f, Opcode.LOAD)));
    }

    @Test
    void keepsAnAddressOneAccessCannotAbsorb() {
        IrFunction f = IrParser.parseFunction(FIELD);
        IrFacts facts = new IrFacts(f, (d, off, access) -> access.opcode() == Opcode.LOAD);
        assertFalse(facts.isSkipped(inst(f, Opcode.IADD_IMM)));
    }
}
