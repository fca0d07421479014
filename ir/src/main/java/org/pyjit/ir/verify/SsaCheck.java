package org.pyjit.ir.verify;

import java.util.HashMap;
import java.util.Map;
import org.pyjit.ir.BasicBlock;
import org.pyjit.ir.Block;
import org.pyjit.ir.BlockCall;
import org.pyjit.ir.Inst;
import org.pyjit.ir.Value;
import org.pyjit.ir.analysis.ControlFlowGraph;
import org.pyjit.ir.analysis.DominatorTree;

/**
 * SSA rules: each value number is defined once (a block parameter or an instruction result),
 * every use names a defined value with the definition's type, and every use in a reachable block
 * is dominated by its definition. A definition dominates a use in its own block when it is a
 * parameter or an earlier instruction; branch arguments are uses at the terminator. In another
 * block the defining block must strictly dominate the using one. Blocks the entry cannot reach
 * are exempt from dominance (nothing reaches them) but not from the other rules.
 */
final class SsaCheck {
    /** Where a value is defined: {@code index} -1 for a block parameter. */
    private record Def(Value value, Block block, int index) {
    }

    private final FunctionContext ctx;
    private final Map<Integer, Def> defs = new HashMap<>();
    private final ControlFlowGraph cfg;
    private final DominatorTree dom;

    private SsaCheck(FunctionContext ctx) {
        this.ctx = ctx;
        this.cfg = ControlFlowGraph.of(ctx.function);
        this.dom = DominatorTree.of(cfg);
    }

    static void run(FunctionContext ctx) {
        SsaCheck c = new SsaCheck(ctx);
        c.collectDefinitions();
        c.checkUses();
    }

    private void collectDefinitions() {
        for (BasicBlock b : ctx.function.blocks()) {
            for (Value p : b.params()) {
                Def first = defs.putIfAbsent(p.id(), new Def(p, b.block(), -1));
                if (first != null) {
                    ctx.error(b, Rule.VALUE_DEFINED_TWICE, "parameter " + p + " is already defined " + where(first));
                }
            }
            for (int i = 0; i < b.insts().size(); i++) {
                Inst inst = b.insts().get(i);
                for (Value r : inst.results()) {
                    Def first = defs.putIfAbsent(r.id(), new Def(r, b.block(), i));
                    if (first != null) {
                        ctx.error(b, i, inst, Rule.VALUE_DEFINED_TWICE, r + " is already defined " + where(first));
                    }
                }
            }
        }
    }

    private void checkUses() {
        for (BasicBlock b : ctx.function.blocks()) {
            boolean reachable = cfg.isReachable(b.block());
            for (int i = 0; i < b.insts().size(); i++) {
                Inst inst = b.insts().get(i);
                for (Value v : inst.args()) {
                    checkUse(b, i, inst, v, reachable);
                }
                for (BlockCall t : inst.targets()) {
                    for (Value v : t.args()) {
                        checkUse(b, i, inst, v, reachable);
                    }
                }
            }
        }
    }

    private void checkUse(BasicBlock b, int index, Inst inst, Value v, boolean reachable) {
        Def def = defs.get(v.id());
        if (def == null) {
            ctx.error(b, index, inst, Rule.UNDEFINED_VALUE, v + " is not defined in %" + ctx.function.name());
            return;
        }
        if (def.value().type() != v.type()) {
            ctx.error(b, index, inst, Rule.TYPE_MISMATCH, v + " is used as " + v.type() + " but defined as "
                    + def.value().type());
        }
        if (!reachable) {
            return;
        }
        if (def.block().equals(b.block())) {
            if (def.index() >= index) {
                ctx.error(b, index, inst, Rule.NOT_DOMINATED, v + " is used before its definition at inst " + def.index()
                        + " of " + b.block());
            }
        } else if (!dom.strictlyDominates(def.block(), b.block())) {
            ctx.error(b, index, inst, Rule.NOT_DOMINATED, v + " is defined in " + def.block()
                    + ", which does not dominate " + b.block());
        }
    }

    private static String where(Def d) {
        return d.index() < 0 ? "as a parameter of " + d.block() : "by inst " + d.index() + " of " + d.block();
    }
}
