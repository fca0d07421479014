package org.pyjit.ir.verify;

import java.util.List;
import org.pyjit.ir.BasicBlock;
import org.pyjit.ir.BlockCall;
import org.pyjit.ir.Inst;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;

/** Function-level and block-level rules: signature, entry block, terminators, branch targets. */
final class StructureCheck {
    private StructureCheck() {
    }

    static void run(FunctionContext ctx) {
        var fn = ctx.function;
        if (fn.signature().returns().size() > 1) {
            ctx.error(Rule.TOO_MANY_RETURNS, "the signature " + fn.signature().text() + " has "
                    + fn.signature().returns().size() + " return types; at most one is allowed");
        }
        BasicBlock entry = fn.entry();
        List<Type> entryTypes = entry.params().stream().map(Value::type).toList();
        if (!entryTypes.equals(fn.signature().params())) {
            ctx.error(entry, Rule.ENTRY_PARAMS, "entry block parameters " + typeList(entryTypes)
                    + " differ from the signature's parameters " + typeList(fn.signature().params()));
        }
        if (entry.cold()) {
            ctx.error(entry, Rule.COLD_ENTRY, "the entry block " + entry.block() + " is marked cold");
        }
        for (BasicBlock b : fn.blocks()) {
            checkTerminators(ctx, b);
            for (int i = 0; i < b.insts().size(); i++) {
                Inst inst = b.insts().get(i);
                for (BlockCall t : inst.targets()) {
                    checkTarget(ctx, b, i, inst, t);
                }
            }
        }
    }

    private static void checkTerminators(FunctionContext ctx, BasicBlock b) {
        List<Inst> insts = b.insts();
        if (insts.isEmpty() || !insts.get(insts.size() - 1).isTerminator()) {
            ctx.error(b, Rule.MISSING_TERMINATOR, insts.isEmpty() ? b.block() + " is empty"
                    : b.block() + " ends with " + insts.get(insts.size() - 1).opcode() + ", not a terminator");
        }
        for (int i = 0; i < insts.size() - 1; i++) {
            if (insts.get(i).isTerminator()) {
                int rest = insts.size() - 1 - i;
                ctx.error(b, i, insts.get(i), Rule.TERMINATOR_NOT_LAST, insts.get(i).opcode()
                        + " ends the block but " + rest + " instruction" + (rest == 1 ? " follows" : "s follow"));
            }
        }
    }

    private static void checkTarget(FunctionContext ctx, BasicBlock b, int index, Inst inst, BlockCall t) {
        BasicBlock target = ctx.function.block(t.block());
        if (target == null) {
            ctx.error(b, index, inst, Rule.UNKNOWN_BLOCK, "branch to " + t.block() + ", which the function does not have");
            return;
        }
        if (target == ctx.function.entry()) {
            ctx.error(b, index, inst, Rule.ENTRY_HAS_PREDECESSORS, "branch to the entry block " + t.block());
        }
        if (t.args().size() != target.params().size()) {
            ctx.error(b, index, inst, Rule.BRANCH_ARG_COUNT, t.block() + " has " + target.params().size()
                    + " parameter" + (target.params().size() == 1 ? "" : "s") + " but " + t.args().size()
                    + " argument" + (t.args().size() == 1 ? " is" : "s are") + " passed");
            return;
        }
        for (int k = 0; k < t.args().size(); k++) {
            Value a = t.args().get(k);
            Value p = target.params().get(k);
            if (a.type() != p.type()) {
                ctx.error(b, index, inst, Rule.BRANCH_ARG_TYPE, "argument " + k + " to " + t.block() + " (" + a
                        + ") has type " + a.type() + " but parameter " + p + " has type " + p.type());
            }
        }
    }

    static String typeList(List<Type> types) {
        return types.stream().map(Type::text).collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }
}
