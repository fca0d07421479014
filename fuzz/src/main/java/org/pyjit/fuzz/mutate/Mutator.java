package org.pyjit.fuzz.mutate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.pyjit.fuzz.gen.BufferLayout;
import org.pyjit.ir.BasicBlock;
import org.pyjit.ir.Block;
import org.pyjit.ir.BlockCall;
import org.pyjit.ir.FloatCC;
import org.pyjit.ir.Imm;
import org.pyjit.ir.Inst;
import org.pyjit.ir.IntCC;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.TrapCode;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;

/**
 * Applies random structural mutations to a module. The result may be malformed in any way the
 * data structures allow (the verifier's job is to say so) with two exceptions that keep native
 * comparison meaningful: operands of {@code call} and {@code call_indirect} are never replaced or
 * swapped, and loads from the native table ({@link BufferLayout#TABLE_OFFSET} and above) keep
 * their offsets — so a mutant that verifies cannot call a C function with a signature other than
 * its own (see {@code AddressSafety}).
 */
public final class Mutator {
    private static final long[] EDGE_INTS = {0, 1, -1, 2, 7, 8, 31, 32, 63, 64, 127, 128, 255, 256,
        Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 0xFFFF_FFFFL};

    private final SplittableRandom random;

    /** A mutator drawing its choices from {@code random}. */
    public Mutator(SplittableRandom random) {
        this.random = random;
    }

    /** A position: function, block and instruction indices. */
    private record Site(int function, int block, int inst) {
    }

    /**
     * {@code module} with one mutation of {@code kind} applied, or the module unchanged if it has
     * no site for that kind.
     */
    public IrModule mutate(IrModule module, MutationKind kind) {
        List<Site> sites = new ArrayList<>();
        for (int f = 0; f < module.functions().size(); f++) {
            List<BasicBlock> blocks = module.functions().get(f).blocks();
            for (int b = 0; b < blocks.size(); b++) {
                for (int i = 0; i < blocks.get(b).insts().size(); i++) {
                    if (applies(kind, blocks.get(b).insts().get(i))) {
                        sites.add(new Site(f, b, i));
                    }
                }
            }
        }
        if (sites.isEmpty()) {
            return module;
        }
        Site site = sites.get(random.nextInt(sites.size()));
        IrFunction f = module.functions().get(site.function());
        IrFunction mutated = switch (kind) {
            case CHANGE_TYPE -> changeType(f, site);
            case DELETE_INSTRUCTION -> editBlock(f, site.block(), insts -> insts.remove(site.inst()));
            case MOVE_INSTRUCTION -> editBlock(f, site.block(), insts -> {
                Inst moved = insts.remove(site.inst());
                insts.add(random.nextInt(insts.size() + 1), moved);
            });
            default -> replaceInst(f, site, mutateInst(module, f, kind, inst(f, site)));
        };
        List<IrFunction> fs = new ArrayList<>(module.functions());
        fs.set(site.function(), mutated);
        return new IrModule(fs);
    }

    /** {@code module} with a random kind of mutation applied {@code count} times. */
    public IrModule mutate(IrModule module, int count) {
        IrModule m = module;
        MutationKind[] kinds = MutationKind.values();
        for (int i = 0; i < count; i++) {
            m = mutate(m, kinds[random.nextInt(kinds.length)]);
        }
        return m;
    }

    private static boolean applies(MutationKind kind, Inst inst) {
        boolean call = inst.opcode() == Opcode.CALL || inst.opcode() == Opcode.CALL_INDIRECT;
        return switch (kind) {
            case SWAP_OPERANDS -> inst.args().size() >= 2 && !call;
            case REPLACE_OPERAND -> !inst.args().isEmpty() && !call;
            case CHANGE_TYPE -> !inst.results().isEmpty();
            case DELETE_INSTRUCTION, MOVE_INSTRUCTION -> !inst.isTerminator();
            case RETARGET_BRANCH, CHANGE_BLOCK_ARGS -> !inst.targets().isEmpty();
            case CHANGE_IMMEDIATE -> !(inst.imm() instanceof Imm.None) && !(inst.imm() instanceof Imm.Sig)
                    && !(inst.imm() instanceof Imm.Offset o && o.offset() >= BufferLayout.TABLE_OFFSET);
            case CHANGE_OPCODE -> sameFormat(inst.opcode()).size() > 1;
        };
    }

    private Inst mutateInst(IrModule module, IrFunction f, MutationKind kind, Inst inst) {
        return switch (kind) {
            case SWAP_OPERANDS -> {
                List<Value> args = new ArrayList<>(inst.args());
                int a = random.nextInt(args.size());
                int b = random.nextInt(args.size());
                Value t = args.get(a);
                args.set(a, args.get(b));
                args.set(b, t);
                yield new Inst(inst.opcode(), inst.results(), args, inst.imm(), inst.targets());
            }
            case REPLACE_OPERAND -> {
                List<Value> args = new ArrayList<>(inst.args());
                args.set(random.nextInt(args.size()), anyValue(f));
                yield new Inst(inst.opcode(), inst.results(), args, inst.imm(), inst.targets());
            }
            case RETARGET_BRANCH -> {
                List<BlockCall> targets = new ArrayList<>(inst.targets());
                int t = random.nextInt(targets.size());
                Block to = f.blocks().get(random.nextInt(f.blocks().size())).block();
                targets.set(t, new BlockCall(to, targets.get(t).args()));
                yield new Inst(inst.opcode(), inst.results(), inst.args(), inst.imm(), targets);
            }
            case CHANGE_BLOCK_ARGS -> {
                List<BlockCall> targets = new ArrayList<>(inst.targets());
                int t = random.nextInt(targets.size());
                List<Value> args = new ArrayList<>(targets.get(t).args());
                if (!args.isEmpty() && random.nextBoolean()) {
                    args.remove(random.nextInt(args.size()));
                } else {
                    args.add(random.nextInt(args.size() + 1), anyValue(f));
                }
                targets.set(t, new BlockCall(targets.get(t).block(), args));
                yield new Inst(inst.opcode(), inst.results(), inst.args(), inst.imm(), targets);
            }
            case CHANGE_IMMEDIATE -> new Inst(inst.opcode(), inst.results(), inst.args(), mutateImm(module, f, inst.imm()),
                    inst.targets());
            case CHANGE_OPCODE -> {
                List<Opcode> options = sameFormat(inst.opcode());
                yield new Inst(options.get(random.nextInt(options.size())), inst.results(), inst.args(), inst.imm(),
                        inst.targets());
            }
            case CHANGE_TYPE, DELETE_INSTRUCTION, MOVE_INSTRUCTION -> throw new AssertionError(kind);
        };
    }

    private Imm mutateImm(IrModule module, IrFunction f, Imm imm) {
        if (imm instanceof Imm.Int) {
            return new Imm.Int(edgeOrRandom());
        } else if (imm instanceof Imm.FloatBits) {
            return new Imm.FloatBits(random.nextBoolean() ? random.nextLong()
                    : Double.doubleToRawLongBits(random.nextBoolean() ? Double.NaN : -0.0));
        } else if (imm instanceof Imm.IntCond) {
            return new Imm.IntCond(IntCC.values()[random.nextInt(IntCC.values().length)]);
        } else if (imm instanceof Imm.IntCondImm c) {
            return random.nextBoolean() ? new Imm.IntCondImm(c.cc(), edgeOrRandom())
                    : new Imm.IntCondImm(IntCC.values()[random.nextInt(IntCC.values().length)], c.value());
        } else if (imm instanceof Imm.FloatCond) {
            return new Imm.FloatCond(FloatCC.values()[random.nextInt(FloatCC.values().length)]);
        } else if (imm instanceof Imm.Offset o) {
            return new Imm.Offset(o.offset() + random.nextInt(-16, 17));
        } else if (imm instanceof Imm.SlotRef s) {
            return new Imm.SlotRef(s.slot(), s.offset() + random.nextInt(-16, 17));
        } else if (imm instanceof Imm.Callee) {
            List<IrFunction> fs = module.functions();
            return new Imm.Callee(random.nextInt(8) == 0 ? "missing" : fs.get(random.nextInt(fs.size())).name());
        } else if (imm instanceof Imm.Trap) {
            return new Imm.Trap(random.nextBoolean() ? TrapCode.UNREACHABLE : TrapCode.user(random.nextInt(100)));
        }
        return imm;
    }

    private long edgeOrRandom() {
        return random.nextBoolean() ? EDGE_INTS[random.nextInt(EDGE_INTS.length)] : random.nextLong();
    }

    /** Retypes the first result of the instruction at {@code site}, everywhere it occurs. */
    private IrFunction changeType(IrFunction f, Site site) {
        Value old = inst(f, site).results().get(0);
        Type[] types = Type.values();
        Value now = new Value(old.id(), types[random.nextInt(types.length)]);
        List<BasicBlock> blocks = new ArrayList<>();
        for (BasicBlock b : f.blocks()) {
            List<Inst> insts = new ArrayList<>();
            for (Inst i : b.insts()) {
                List<BlockCall> targets = i.targets().stream()
                        .map(t -> new BlockCall(t.block(), swap(t.args(), old, now))).toList();
                insts.add(new Inst(i.opcode(), swap(i.results(), old, now), swap(i.args(), old, now), i.imm(), targets));
            }
            blocks.add(new BasicBlock(b.block(), swap(b.params(), old, now), insts, b.cold()));
        }
        return new IrFunction(f.name(), f.signature(), f.stackSlots(), blocks);
    }

    private static List<Value> swap(List<Value> values, Value old, Value now) {
        return values.stream().map(v -> v.equals(old) ? now : v).toList();
    }

    private Value anyValue(IrFunction f) {
        List<Value> all = new ArrayList<>();
        for (BasicBlock b : f.blocks()) {
            all.addAll(b.params());
            b.insts().forEach(i -> all.addAll(i.results()));
        }
        return all.get(random.nextInt(all.size()));
    }

    private static Inst inst(IrFunction f, Site site) {
        return f.blocks().get(site.block()).insts().get(site.inst());
    }

    private static IrFunction replaceInst(IrFunction f, Site site, Inst inst) {
        return editBlock(f, site.block(), insts -> insts.set(site.inst(), inst));
    }

    private static IrFunction editBlock(IrFunction f, int block, java.util.function.Consumer<List<Inst>> edit) {
        List<BasicBlock> blocks = new ArrayList<>(f.blocks());
        BasicBlock b = blocks.get(block);
        List<Inst> insts = new ArrayList<>(b.insts());
        edit.accept(insts);
        blocks.set(block, new BasicBlock(b.block(), b.params(), insts, b.cold()));
        return new IrFunction(f.name(), f.signature(), f.stackSlots(), blocks);
    }

    private static List<Opcode> sameFormat(Opcode op) {
        List<Opcode> out = new ArrayList<>();
        for (Opcode o : Opcode.values()) {
            if (o.format() == op.format()) {
                out.add(o);
            }
        }
        return out;
    }
}
