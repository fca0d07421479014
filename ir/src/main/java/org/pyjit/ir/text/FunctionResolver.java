package org.pyjit.ir.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pyjit.ir.BasicBlock;
import org.pyjit.ir.Block;
import org.pyjit.ir.BlockCall;
import org.pyjit.ir.Imm;
import org.pyjit.ir.Inst;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.Signature;
import org.pyjit.ir.StackSlot;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;
import org.pyjit.ir.text.Syntax.Pos;

/**
 * Turns one parsed function into an {@link IrFunction}: checks that every name resolves (values,
 * blocks, stack slots, callees), that each value and block is defined once, that the number of
 * results written matches the opcode, then infers every result type.
 *
 * <p>Inference runs to a fixpoint because a value may be used above its definition (loop
 * back edges): block parameters, type suffixes, constants, compares and call signatures seed
 * it, and results that copy an operand's type ({@code iadd}, {@code select}, …) follow once
 * that operand is known. A value whose type never becomes known is an error.
 */
final class FunctionResolver {
    private final Syntax.Function fn;
    private final Map<String, Signature> signatures;
    private final Map<Integer, Pos> defs = new HashMap<>();
    private final Map<Integer, Type> types = new HashMap<>();
    private final Map<Integer, Syntax.Block> blocks = new HashMap<>();

    private FunctionResolver(Syntax.Function fn, Map<String, Signature> signatures) {
        this.fn = fn;
        this.signatures = signatures;
    }

    /**
     * Resolves {@code fn}.
     *
     * @param signatures the signature of every function that may be called, by name
     */
    static IrFunction resolve(Syntax.Function fn, Map<String, Signature> signatures) {
        return new FunctionResolver(fn, signatures).run();
    }

    private IrFunction run() {
        collectDefinitions();
        checkReferences();
        inferTypes();
        return build();
    }

    private void collectDefinitions() {
        for (Syntax.Block b : fn.blocks()) {
            Syntax.Block first = blocks.putIfAbsent(b.id(), b);
            if (first != null) {
                throw b.pos().error("block" + b.id() + " defined twice (first at line " + first.pos().line() + ")");
            }
            for (Syntax.Param p : b.params()) {
                define(p.id(), p.pos());
                types.put(p.id(), p.type());
            }
            for (Syntax.Inst inst : b.insts()) {
                for (Syntax.ValueRef r : inst.results()) {
                    define(r.id(), r.pos());
                }
            }
        }
    }

    private void define(int id, Pos pos) {
        Pos first = defs.putIfAbsent(id, pos);
        if (first != null) {
            throw pos.error("v" + id + " defined twice (first at line " + first.line() + ", column " + first.column() + ")");
        }
    }

    private void checkReferences() {
        for (Syntax.Block b : fn.blocks()) {
            for (Syntax.Inst inst : b.insts()) {
                inst.args().forEach(this::checkUse);
                for (Syntax.Target t : inst.targets()) {
                    if (!blocks.containsKey(t.block())) {
                        throw t.pos().error("unknown block block" + t.block());
                    }
                    t.args().forEach(this::checkUse);
                }
                if (inst.imm() instanceof Syntax.SlotLiteral s && s.slot() >= fn.slots().size()) {
                    throw s.pos().error("unknown stack slot ss" + s.slot());
                }
                if (inst.imm() instanceof Syntax.CalleeName c && !signatures.containsKey(c.name())) {
                    throw c.pos().error("unknown function " + IrPrinter.functionName(c.name()));
                }
                int expected = resultCount(inst);
                if (inst.results().size() != expected) {
                    throw inst.pos().error(inst.opcode().text() + " defines " + plural(expected, "result") + " but "
                            + inst.results().size() + " written");
                }
            }
        }
    }

    private void checkUse(Syntax.ValueRef r) {
        if (!defs.containsKey(r.id())) {
            throw r.pos().error("undefined value v" + r.id());
        }
    }

    private int resultCount(Syntax.Inst inst) {
        return switch (inst.opcode().format()) {
            case INT_CONST, FLOAT_CONST, UNARY, CONVERT, BINARY, BINARY_IMM, INT_COMPARE, INT_COMPARE_IMM,
                    FLOAT_COMPARE, SELECT, LOAD, STACK_ADDR, FUNC_ADDR -> 1;
            case OVERFLOW -> 2;
            case STORE, JUMP, BRIF, BR_TABLE, RETURN, TRAP -> 0;
            case CALL -> signatures.get(((Syntax.CalleeName) inst.imm()).name()).returns().size();
            case CALL_INDIRECT -> ((Imm.Sig) ((Syntax.Ready) inst.imm()).imm()).signature().returns().size();
        };
    }

    // ---------------------------------------------------------------- type inference

    private void inferTypes() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Syntax.Block b : fn.blocks()) {
                for (Syntax.Inst inst : b.insts()) {
                    if (inst.results().isEmpty() || types.containsKey(inst.results().get(0).id())) {
                        continue;
                    }
                    List<Type> inferred = resultTypes(inst);
                    if (inferred != null) {
                        for (int i = 0; i < inferred.size(); i++) {
                            types.put(inst.results().get(i).id(), inferred.get(i));
                        }
                        changed = true;
                    }
                }
            }
        }
        for (Syntax.Block b : fn.blocks()) {
            for (Syntax.Inst inst : b.insts()) {
                for (Syntax.ValueRef r : inst.results()) {
                    if (!types.containsKey(r.id())) {
                        throw r.pos().error("cannot infer the type of v" + r.id()
                                + ": its operands' types depend only on each other");
                    }
                }
            }
        }
    }

    /** The result types of {@code inst}, or null while the operands they depend on are untyped. */
    private List<Type> resultTypes(Syntax.Inst inst) {
        return switch (inst.opcode().format()) {
            case INT_CONST, CONVERT, LOAD -> List.of(inst.typeSuffix());
            case FLOAT_CONST -> List.of(inst.opcode() == org.pyjit.ir.Opcode.F32CONST ? Type.F32 : Type.F64);
            case INT_COMPARE, INT_COMPARE_IMM, FLOAT_COMPARE -> List.of(Type.I8);
            case STACK_ADDR, FUNC_ADDR -> List.of(Type.I64);
            case UNARY, BINARY_IMM -> single(argType(inst, 0));
            case BINARY -> single(firstKnown(argType(inst, 0), argType(inst, 1)));
            case SELECT -> single(firstKnown(argType(inst, 1), argType(inst, 2)));
            case OVERFLOW -> {
                Type t = firstKnown(argType(inst, 0), argType(inst, 1));
                yield t == null ? null : List.of(t, Type.I8);
            }
            case CALL -> signatures.get(((Syntax.CalleeName) inst.imm()).name()).returns();
            case CALL_INDIRECT -> ((Imm.Sig) ((Syntax.Ready) inst.imm()).imm()).signature().returns();
            case STORE, JUMP, BRIF, BR_TABLE, RETURN, TRAP -> List.of();
        };
    }

    private Type argType(Syntax.Inst inst, int i) {
        return types.get(inst.args().get(i).id());
    }

    private static Type firstKnown(Type a, Type b) {
        return a != null ? a : b;
    }

    private static List<Type> single(Type t) {
        return t == null ? null : List.of(t);
    }

    // ---------------------------------------------------------------- construction

    private IrFunction build() {
        List<StackSlot> slots = new ArrayList<>();
        for (Syntax.Slot s : fn.slots()) {
            slots.add(new StackSlot(s.index(), s.size(), s.align()));
        }
        List<BasicBlock> out = new ArrayList<>();
        for (Syntax.Block b : fn.blocks()) {
            List<Value> params = b.params().stream().map(p -> value(p.id())).toList();
            List<Inst> insts = new ArrayList<>();
            for (Syntax.Inst i : b.insts()) {
                List<BlockCall> targets = i.targets().stream()
                        .map(t -> new BlockCall(new Block(t.block()), t.args().stream().map(this::value).toList()))
                        .toList();
                insts.add(new Inst(i.opcode(), i.results().stream().map(this::value).toList(),
                        i.args().stream().map(this::value).toList(), imm(i, slots), targets));
            }
            out.add(new BasicBlock(new Block(b.id()), params, insts, b.cold()));
        }
        try {
            return new IrFunction(fn.name(), fn.signature(), slots, out);
        } catch (IllegalArgumentException e) {
            throw fn.pos().error(e.getMessage());
        }
    }

    private Imm imm(Syntax.Inst inst, List<StackSlot> slots) {
        Syntax.ImmSyntax s = inst.imm();
        if (s instanceof Syntax.Ready r) {
            return r.imm();
        } else if (s instanceof Syntax.IntLiteral l) {
            return new Imm.Int(SyntaxParser.canonicalInt(l.value(), argType(inst, 0), l.pos()));
        } else if (s instanceof Syntax.CondIntLiteral c) {
            return new Imm.IntCondImm(c.cc(), SyntaxParser.canonicalInt(c.value(), argType(inst, 0), c.pos()));
        } else if (s instanceof Syntax.SlotLiteral l) {
            return new Imm.SlotRef(slots.get(l.slot()), l.offset());
        } else if (s instanceof Syntax.CalleeName c) {
            return new Imm.Callee(c.name());
        }
        throw new AssertionError("unknown immediate syntax " + s);
    }

    private Value value(Syntax.ValueRef r) {
        return value(r.id());
    }

    private Value value(int id) {
        return new Value(id, types.get(id));
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
