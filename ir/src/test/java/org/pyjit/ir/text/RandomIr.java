package org.pyjit.ir.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.pyjit.ir.BasicBlock;
import org.pyjit.ir.Block;
import org.pyjit.ir.BlockCall;
import org.pyjit.ir.FloatCC;
import org.pyjit.ir.Imm;
import org.pyjit.ir.Inst;
import org.pyjit.ir.IntCC;
import org.pyjit.ir.Ints;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Signature;
import org.pyjit.ir.StackSlot;
import org.pyjit.ir.TrapCode;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;

/**
 * Generates random well-formed modules from a seed: blocks with parameters and numbered with
 * gaps, value numbers with gaps, every non-terminator opcode, every terminator, edge immediates
 * (type minimum and maximum, -1, NaN payloads, -0.0, infinities) and calls between the module's
 * functions. Every use is of an entry parameter or of a value defined earlier in its own block,
 * and no branch targets the entry, so the result passes the verifier.
 */
public final class RandomIr {
    private static final Type[] TYPES = Type.values();
    private static final Type[] INTS = {Type.I8, Type.I16, Type.I32, Type.I64};
    private static final Type[] FLOATS = {Type.F32, Type.F64};
    private static final List<Opcode> BODY_OPCODES = java.util.Arrays.stream(Opcode.values())
            .filter(o -> !o.isTerminator()).toList();

    private final Random rnd;
    private final List<String> names = new ArrayList<>();
    private final List<Signature> signatures = new ArrayList<>();
    private int nextValue;

    private RandomIr(long seed) {
        this.rnd = new Random(seed);
    }

    /** A module of one to three functions generated from {@code seed}. */
    public static IrModule module(long seed) {
        return new RandomIr(seed).module();
    }

    private IrModule module() {
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            names.add(i == 2 ? "odd name \"" + i + "\"" : "f" + i);
            List<Type> params = new ArrayList<>();
            for (int p = rnd.nextInt(4); p > 0; p--) {
                params.add(pick(TYPES));
            }
            signatures.add(new Signature(params, rnd.nextBoolean() ? List.of() : List.of(pick(TYPES))));
        }
        List<IrFunction> functions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            functions.add(function(names.get(i), signatures.get(i)));
        }
        return new IrModule(functions);
    }

    private IrFunction function(String name, Signature sig) {
        nextValue = rnd.nextInt(3);
        List<StackSlot> slots = new ArrayList<>();
        for (int s = rnd.nextInt(3); s > 0; s--) {
            slots.add(new StackSlot(slots.size(), 1 + rnd.nextInt(64), 1 << rnd.nextInt(5)));
        }
        int blockCount = 1 + rnd.nextInt(5);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 3 * blockCount + 2; i++) {
            ids.add(i);
        }
        Collections.shuffle(ids, rnd);
        List<Block> refs = ids.subList(0, blockCount).stream().map(Block::new).toList();
        List<List<Value>> params = new ArrayList<>();
        for (int b = 0; b < blockCount; b++) {
            List<Value> ps = new ArrayList<>();
            List<Type> types = new ArrayList<>();
            if (b == 0) {
                types.addAll(sig.params());
            } else {
                for (int p = rnd.nextInt(4); p > 0; p--) {
                    types.add(pick(TYPES));
                }
            }
            for (Type t : types) {
                ps.add(fresh(t));
            }
            params.add(ps);
        }
        List<BasicBlock> blocks = new ArrayList<>();
        for (int b = 0; b < blockCount; b++) {
            List<Value> pool = new ArrayList<>(params.get(0));
            if (b != 0) {
                pool.addAll(params.get(b));
            }
            List<Inst> insts = new ArrayList<>();
            for (int k = rnd.nextInt(9); k > 0; k--) {
                body(pick(BODY_OPCODES), pool, insts, slots);
            }
            terminator(sig, refs, params, pool, insts);
            blocks.add(new BasicBlock(refs.get(b), params.get(b), insts));
        }
        return new IrFunction(name, sig, slots, blocks);
    }

    private void body(Opcode op, List<Value> pool, List<Inst> insts, List<StackSlot> slots) {
        List<Value> args = new ArrayList<>();
        List<Type> results = new ArrayList<>();
        Imm imm = Imm.None.INSTANCE;
        switch (op.format()) {
            case INT_CONST -> {
                pool.add(constant(pick(INTS), insts));
                return;
            }
            case FLOAT_CONST -> {
                pool.add(constant(op == Opcode.F32CONST ? Type.F32 : Type.F64, insts));
                return;
            }
            case UNARY -> {
                Type t = op == Opcode.INEG || op == Opcode.BNOT ? pick(INTS) : pick(FLOATS);
                args.add(need(t, pool, insts));
                results.add(t);
            }
            case BINARY -> {
                boolean isFloat = switch (op) {
                    case FADD, FSUB, FMUL, FDIV, FMIN, FMAX -> true;
                    default -> false;
                };
                boolean shift = switch (op) {
                    case ISHL, USHR, SSHR, ROTL, ROTR -> true;
                    default -> false;
                };
                Type t = isFloat ? pick(FLOATS) : pick(INTS);
                args.add(need(t, pool, insts));
                args.add(need(shift ? pick(INTS) : t, pool, insts));
                results.add(t);
            }
            case BINARY_IMM -> {
                Type t = pick(INTS);
                args.add(need(t, pool, insts));
                imm = new Imm.Int(intImm(t));
                results.add(t);
            }
            case INT_COMPARE -> {
                Type t = pick(INTS);
                args.add(need(t, pool, insts));
                args.add(need(t, pool, insts));
                imm = new Imm.IntCond(pick(IntCC.values()));
                results.add(Type.I8);
            }
            case INT_COMPARE_IMM -> {
                Type t = pick(INTS);
                args.add(need(t, pool, insts));
                imm = new Imm.IntCondImm(pick(IntCC.values()), intImm(t));
                results.add(Type.I8);
            }
            case FLOAT_COMPARE -> {
                Type t = pick(FLOATS);
                args.add(need(t, pool, insts));
                args.add(need(t, pool, insts));
                imm = new Imm.FloatCond(pick(FloatCC.values()));
                results.add(Type.I8);
            }
            case SELECT -> {
                Type t = pick(TYPES);
                args.add(need(pick(INTS), pool, insts));
                args.add(need(t, pool, insts));
                args.add(need(t, pool, insts));
                results.add(t);
            }
            case OVERFLOW -> {
                Type t = pick(INTS);
                args.add(need(t, pool, insts));
                args.add(need(t, pool, insts));
                results.add(t);
                results.add(Type.I8);
            }
            case CONVERT -> {
                Type[] fromTo = conversion(op);
                args.add(need(fromTo[0], pool, insts));
                results.add(fromTo[1]);
            }
            case LOAD -> {
                args.add(need(Type.I64, pool, insts));
                imm = new Imm.Offset(offset());
                results.add(pick(TYPES));
            }
            case STORE -> {
                args.add(need(pick(TYPES), pool, insts));
                args.add(need(Type.I64, pool, insts));
                imm = new Imm.Offset(offset());
            }
            case STACK_ADDR -> {
                if (slots.isEmpty()) {
                    return;
                }
                StackSlot s = pick(slots);
                imm = new Imm.SlotRef(s, rnd.nextInt(s.size()));
                results.add(Type.I64);
            }
            case FUNC_ADDR -> {
                imm = new Imm.Callee(pick(names));
                results.add(Type.I64);
            }
            case CALL -> {
                int callee = rnd.nextInt(names.size());
                Signature sig = signatures.get(callee);
                for (Type t : sig.params()) {
                    args.add(need(t, pool, insts));
                }
                imm = new Imm.Callee(names.get(callee));
                results.addAll(sig.returns());
            }
            case CALL_INDIRECT -> {
                List<Type> params = new ArrayList<>();
                for (int p = rnd.nextInt(4); p > 0; p--) {
                    params.add(pick(TYPES));
                }
                Signature sig = new Signature(params, rnd.nextBoolean() ? List.of() : List.of(pick(TYPES)));
                args.add(need(Type.I64, pool, insts));
                for (Type t : params) {
                    args.add(need(t, pool, insts));
                }
                imm = new Imm.Sig(sig);
                results.addAll(sig.returns());
            }
            case JUMP, BRIF, BR_TABLE, RETURN, TRAP -> throw new AssertionError(op + " is a terminator");
        }
        List<Value> defined = results.stream().map(this::fresh).toList();
        insts.add(new Inst(op, defined, args, imm, List.of()));
        pool.addAll(defined);
    }

    private Type[] conversion(Opcode op) {
        return switch (op) {
            case SEXTEND, UEXTEND -> {
                int from = rnd.nextInt(3);
                yield new Type[] {INTS[from], INTS[from + 1 + rnd.nextInt(3 - from)]};
            }
            case IREDUCE -> {
                int to = rnd.nextInt(3);
                yield new Type[] {INTS[to + 1 + rnd.nextInt(3 - to)], INTS[to]};
            }
            case FCVT_FROM_SINT -> new Type[] {pick(INTS), pick(FLOATS)};
            case FCVT_TO_SINT -> new Type[] {pick(FLOATS), pick(INTS)};
            case FPROMOTE -> new Type[] {Type.F32, Type.F64};
            case FDEMOTE -> new Type[] {Type.F64, Type.F32};
            case BITCAST -> switch (rnd.nextInt(4)) {
                case 0 -> new Type[] {Type.I32, Type.F32};
                case 1 -> new Type[] {Type.F32, Type.I32};
                case 2 -> new Type[] {Type.I64, Type.F64};
                default -> new Type[] {Type.F64, Type.I64};
            };
            default -> throw new AssertionError(op + " is not a conversion");
        };
    }

    private void terminator(Signature sig, List<Block> refs, List<List<Value>> params, List<Value> pool, List<Inst> insts) {
        int choice = refs.size() > 1 ? rnd.nextInt(5) : 3 + rnd.nextInt(2);
        List<Value> args = new ArrayList<>();
        List<BlockCall> targets = new ArrayList<>();
        Opcode op;
        Imm imm = Imm.None.INSTANCE;
        switch (choice) {
            case 0 -> {
                op = Opcode.JUMP;
                targets.add(target(refs, params, pool, insts));
            }
            case 1 -> {
                op = Opcode.BRIF;
                args.add(need(pick(INTS), pool, insts));
                targets.add(target(refs, params, pool, insts));
                targets.add(target(refs, params, pool, insts));
            }
            case 2 -> {
                op = Opcode.BR_TABLE;
                args.add(need(pick(INTS), pool, insts));
                for (int n = 1 + rnd.nextInt(4); n > 0; n--) {
                    targets.add(target(refs, params, pool, insts));
                }
            }
            case 3 -> {
                op = Opcode.RETURN;
                for (Type t : sig.returns()) {
                    args.add(need(t, pool, insts));
                }
            }
            default -> {
                op = Opcode.TRAP;
                imm = new Imm.Trap(switch (rnd.nextInt(4)) {
                    case 0 -> TrapCode.user(0);
                    case 1 -> TrapCode.user(TrapCode.USER_MAX);
                    case 2 -> TrapCode.user(rnd.nextInt(TrapCode.USER_MAX));
                    default -> new TrapCode(1 + rnd.nextInt(7));
                });
            }
        }
        insts.add(new Inst(op, List.of(), args, imm, targets));
    }

    private BlockCall target(List<Block> refs, List<List<Value>> params, List<Value> pool, List<Inst> insts) {
        int b = 1 + rnd.nextInt(refs.size() - 1);
        List<Value> args = new ArrayList<>();
        for (Value p : params.get(b)) {
            args.add(need(p.type(), pool, insts));
        }
        return new BlockCall(refs.get(b), args);
    }

    /** A value of type {@code t}: usually one already available, else a new constant. */
    private Value need(Type t, List<Value> pool, List<Inst> insts) {
        List<Value> candidates = pool.stream().filter(v -> v.type() == t).toList();
        if (candidates.isEmpty() || rnd.nextInt(5) == 0) {
            Value c = constant(t, insts);
            pool.add(c);
            return c;
        }
        return pick(candidates);
    }

    private Value constant(Type t, List<Inst> insts) {
        Value v = fresh(t);
        Inst inst = switch (t) {
            case I8, I16, I32, I64 -> new Inst(Opcode.ICONST, List.of(v), List.of(), new Imm.Int(intImm(t)), List.of());
            case F32 -> new Inst(Opcode.F32CONST, List.of(v), List.of(), new Imm.FloatBits(f32Bits() & 0xFFFF_FFFFL), List.of());
            case F64 -> new Inst(Opcode.F64CONST, List.of(v), List.of(), new Imm.FloatBits(f64Bits()), List.of());
        };
        insts.add(inst);
        return v;
    }

    private long intImm(Type t) {
        long raw = switch (rnd.nextInt(7)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> -1;
            case 3 -> Ints.min(t);
            case 4 -> Ints.max(t);
            case 5 -> rnd.nextInt(200) - 100;
            default -> rnd.nextLong();
        };
        return Ints.canonical(raw, t);
    }

    private int f32Bits() {
        float f = switch (rnd.nextInt(10)) {
            case 0 -> 0.0f;
            case 1 -> -0.0f;
            case 2 -> Float.POSITIVE_INFINITY;
            case 3 -> Float.NEGATIVE_INFINITY;
            case 4 -> Float.NaN;
            case 5 -> Float.MIN_VALUE;
            case 6 -> Float.MAX_VALUE;
            case 7 -> (rnd.nextFloat() - 0.5f) * 1e6f;
            default -> Float.NaN;
        };
        if (rnd.nextInt(10) < 2) {
            return 0x7f80_0000 | (1 + rnd.nextInt(0x7f_ffff)) | (rnd.nextBoolean() ? 0x8000_0000 : 0); // NaN payload
        }
        return rnd.nextInt(10) == 0 ? rnd.nextInt() : Float.floatToRawIntBits(f);
    }

    private long f64Bits() {
        double d = switch (rnd.nextInt(9)) {
            case 0 -> 0.0;
            case 1 -> -0.0;
            case 2 -> Double.POSITIVE_INFINITY;
            case 3 -> Double.NEGATIVE_INFINITY;
            case 4 -> Double.NaN;
            case 5 -> Double.MIN_VALUE;
            case 6 -> Double.MAX_VALUE;
            case 7 -> 0.1;
            default -> (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(40) - 20);
        };
        if (rnd.nextInt(10) < 2) {
            long payload = 1 + (rnd.nextLong() >>> 13);
            return 0x7ff0_0000_0000_0000L | payload | (rnd.nextBoolean() ? Long.MIN_VALUE : 0);
        }
        return rnd.nextInt(10) == 0 ? rnd.nextLong() : Double.doubleToRawLongBits(d);
    }

    private int offset() {
        return switch (rnd.nextInt(5)) {
            case 0 -> 0;
            case 1 -> Integer.MIN_VALUE;
            case 2 -> Integer.MAX_VALUE;
            case 3 -> -rnd.nextInt(64);
            default -> rnd.nextInt(64);
        };
    }

    private Value fresh(Type t) {
        Value v = new Value(nextValue, t);
        nextValue += rnd.nextInt(4) == 0 ? 2 + rnd.nextInt(5) : 1;
        return v;
    }

    private <T> T pick(T[] options) {
        return options[rnd.nextInt(options.length)];
    }

    private <T> T pick(List<T> options) {
        return options.get(rnd.nextInt(options.size()));
    }
}
