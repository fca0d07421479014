package org.pyjit.codegen.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pyjit.codegen.vcode.MachInst;
import org.pyjit.codegen.vcode.VCode;
import org.pyjit.ir.Inst;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.Value;
import org.pyjit.ir.text.IrParser;
import org.pyjit.regalloc.InstKind;
import org.pyjit.regalloc.Operand;
import org.pyjit.regalloc.PReg;
import org.pyjit.regalloc.VReg;

/** The shared block walk with a toy backend that records what it is asked to lower. */
class BlockLoweringTest {
    record Toy(InstKind kind, List<Operand> operands, String text) implements MachInst {
        @Override
        public Set<PReg> clobbers() {
            return Set.of();
        }
    }

    /** Lowers every instruction to one toy instruction named after its opcode. */
    static final class ToyLowering extends BlockLowering<Toy> {
        ToyLowering(IrFacts facts, VCode.Builder<Toy> b) {
            super(facts, b);
        }

        @Override
        protected void entryArgs(List<VReg> dsts, List<Value> params) {
            b.push(new Toy(InstKind.OTHER, dsts.stream().map(Operand::def).toList(), "args"));
        }

        @Override
        protected Toy jumpToOnlySuccessor() {
            return new Toy(InstKind.BRANCH, List.of(), "jump");
        }

        @Override
        protected void terminator(Inst i) {
            List<Integer> succs = i.targets().stream().map(t -> blockIndex(t.block())).toList();
            List<List<VReg>> args = i.targets().stream().map(t -> t.args().stream().map(this::vreg).toList()).toList();
            b.push(new Toy(succs.isEmpty() ? InstKind.RET : InstKind.BRANCH, List.of(), i.opcode().toString()));
            b.endBlock(succs, args);
        }

        @Override
        protected void lower(Inst i) {
            b.push(new Toy(InstKind.OTHER, i.results().stream().map(r -> Operand.def(vreg(r))).toList(),
                    i.opcode().toString()));
        }

        static VCode<Toy> of(IrFunction f) {
            return VCode.build(f.name(), b -> new ToyLowering(new IrFacts(f, IrFactsTest.NONE), b).lowerBlocks());
        }
    }

    static List<String> texts(VCode<Toy> v) {
        return v.insts().stream().map(Toy::text).toList();
    }

    @Test
    void walksReachableBlocksInLayoutOrderSkippingWhatNeedsNoCode() {
        VCode<Toy> v = ToyLowering.of(IrParser.parseFunction(IrFactsTest.LOOP));
        assertEquals(4, v.numBlocks());
        assertEquals(List.of(), v.blockParams(0));
        assertEquals(2, v.blockParams(1).size());
        assertEquals(List.of(3, 2), v.successors(1));
        assertEquals(List.of("args", "jump", "brif", "iadd", "iadd_imm", "jump", "return"), texts(v));
    }

    @Test
    void addsAPseudoEntryWhenTheEntryIsABranchTarget() {
        VCode<Toy> v = ToyLowering.of(IrParser.parseFunction(IrFactsTest.BACK_TO_ENTRY));
        assertEquals(4, v.numBlocks());
        assertEquals(List.of(1), v.successors(0));
        assertEquals(List.of(), v.blockParams(0));
        assertEquals(1, v.blockParams(1).size());
        assertEquals(v.blockFirstInst(1), 2);
        assertEquals(List.of("args", "jump", "brif", "iadd_imm", "jump", "return"), texts(v));
        assertEquals(v.branchArgs(0, 0), List.of(v.operands(0).get(0).vreg()));
    }
}
