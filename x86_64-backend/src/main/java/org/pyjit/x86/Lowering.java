package org.pyjit.x86;

import static org.pyjit.regalloc.Operand.def;
import static org.pyjit.regalloc.Operand.fixedDef;
import static org.pyjit.regalloc.Operand.fixedTemp;
import static org.pyjit.regalloc.Operand.fixedUse;
import static org.pyjit.regalloc.Operand.reuseDef;
import static org.pyjit.regalloc.Operand.temp;
import static org.pyjit.regalloc.Operand.use;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pyjit.codegen.CodegenException;
import org.pyjit.codegen.lower.ArgLocation;
import org.pyjit.codegen.lower.ArgLocations;
import org.pyjit.codegen.lower.BlockLowering;
import org.pyjit.codegen.lower.IrFacts;
import org.pyjit.codegen.vcode.FrameLayout;
import org.pyjit.codegen.vcode.VCode;
import org.pyjit.ir.BlockCall;
import org.pyjit.ir.Imm;
import org.pyjit.ir.Inst;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Signature;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;
import org.pyjit.regalloc.Constraint;
import org.pyjit.regalloc.InstKind;
import org.pyjit.regalloc.Operand;
import org.pyjit.regalloc.OperandKind;
import org.pyjit.regalloc.PReg;
import org.pyjit.regalloc.RegClass;
import org.pyjit.regalloc.VReg;
import org.pyjit.x86.asm.AluOp;
import org.pyjit.x86.asm.Cond;
import org.pyjit.x86.asm.Gpr;
import org.pyjit.x86.asm.Label;
import org.pyjit.x86.asm.Mem;
import org.pyjit.x86.asm.RipRel;
import org.pyjit.x86.asm.ShiftOp;
import org.pyjit.x86.asm.SseOp;
import org.pyjit.x86.asm.UnaryOp;
import org.pyjit.x86.asm.Width;
import org.pyjit.x86.asm.X86Assembler;
import org.pyjit.x86.asm.Xmm;

/**
 * Instruction selection: one IR function to {@link VCode} of {@link X86Inst}.
 *
 * <p><b>Narrow-integer invariant.</b> A value of type i8, i16 or i32 lives in a 64-bit register
 * whose bits above the type's width are <em>undefined</em>. Arithmetic therefore runs at 32 bits
 * (64 for i64) without normalising; operations that read the upper bits normalise first:
 * compares use the type's own operand size, division and right shifts sign- or zero-extend their
 * inputs, extensions and int-to-float conversions extend from the type's width, {@code br_table}
 * zero-extends its index, and {@code return} sign-extends narrow results to 64 bits (the Java
 * thunk and C callers then see a canonical value). {@code ireduce} is free: the narrower value is
 * the same register. Narrow arguments of native calls are sign-extended to 32 bits, as C
 * compilers expect.
 *
 * <p>Constants are materialised at each use (or folded into immediates and addresses) instead
 * of at their definition, so no constant occupies a register across a loop or call.
 */
final class Lowering extends BlockLowering<X86Inst> {
    /** The lowered function and the outgoing stack-argument area its calls need. */
    record Result(VCode<X86Inst> vcode, int outgoingBytes) {
    }

    private final IrModule module;
    private int outgoingBytes;

    private Lowering(IrModule module, IrFacts facts, VCode.Builder<X86Inst> b) {
        super(facts, b);
        this.module = module;
    }

    static Result lower(IrModule module, IrFunction f) {
        IrFacts facts = new IrFacts(f, X86Addressing::absorbs, true);
        int[] out = new int[1];
        VCode<X86Inst> vcode = VCode.build(f.name(), b -> {
            Lowering l = new Lowering(module, facts, b);
            l.lowerBlocks();
            out[0] = l.outgoingBytes;
        });
        return new Result(vcode, out[0]);
    }

    // ---------------------------------------------------------------- blocks

    @Override
    protected X86Inst jumpToOnlySuccessor() {
        return new X86Inst(InstKind.BRANCH, List.of(), Set.of(), "jmp", c -> jumpTo(c, 0));
    }

    /** The pseudo-instruction defining the function's arguments where the ABI puts them. */
    @Override
    protected void entryArgs(List<VReg> dsts, List<Value> params) {
        List<Operand> ops = new ArrayList<>();
        Map<Integer, Integer> stackArgs = new HashMap<>();
        ArgLocations locs = ArgLocations.assign(params.stream().map(Value::type).toList(),
                X86Regs.INT_ARGS.size(), X86Regs.FLOAT_ARGS.size());
        for (int k = 0; k < dsts.size(); k++) {
            VReg v = dsts.get(k);
            ArgLocation loc = locs.get(k);
            if (loc instanceof ArgLocation.FloatReg f) {
                ops.add(fixedDef(v, X86Regs.preg(X86Regs.FLOAT_ARGS.get(f.index()))));
            } else if (loc instanceof ArgLocation.IntReg r) {
                ops.add(fixedDef(v, X86Regs.preg(X86Regs.INT_ARGS.get(r.index()))));
            } else if (loc instanceof ArgLocation.Stack s) {
                stackArgs.put(k, s.slot());
                ops.add(def(v));
            }
        }
        b.push(new X86Inst(InstKind.OTHER, ops, Set.of(), "args", c -> {
            for (Map.Entry<Integer, Integer> e : stackArgs.entrySet()) {
                Mem src = Mem.of(Gpr.RBP, FrameLayout.incomingArgOffset(e.getValue()));
                if (params.get(e.getKey()).type().isFloat()) {
                    c.asm().movsd(c.xmm(e.getKey()), src);
                } else {
                    c.asm().mov(Width.B64, c.gpr(e.getKey()), src);
                }
            }
        }));
    }

    // ---------------------------------------------------------------- values

    /** The register holding {@code v} here: constants are materialised, {@code ireduce} is free. */
    private VReg use(Value v) {
        Inst d = facts.def(v);
        if (d != null) {
            switch (d.opcode()) {
                case ICONST, F32CONST, F64CONST -> {
                    return materialise(d);
                }
                case IREDUCE -> {
                    return use(d.arg(0));
                }
                default -> {
                }
            }
        }
        return vreg(v);
    }

    private VReg materialise(Inst d) {
        Type t = d.result().type();
        VReg r = b.newVReg(cls(t));
        switch (d.opcode()) {
            case ICONST -> {
                long v = d.intImm();
                push("mov", List.of(def(r)), c -> loadConstant(c.asm(), c.gpr(0), t, v));
            }
            case F64CONST -> {
                long bits = ((Imm.FloatBits) d.imm()).bits();
                push("movsd", List.of(def(r)), c -> {
                    if (bits == 0) {
                        c.asm().sse(SseOp.XORPS, c.xmm(0), c.xmm(0));
                    } else {
                        c.asm().movsd(c.xmm(0), RipRel.of(c.asm().constantLabel(bits)));
                    }
                });
            }
            case F32CONST -> {
                long bits = ((Imm.FloatBits) d.imm()).bits() & 0xFFFF_FFFFL;
                push("movss", List.of(def(r)), c -> {
                    if (bits == 0) {
                        c.asm().sse(SseOp.XORPS, c.xmm(0), c.xmm(0));
                    } else {
                        c.asm().movss(c.xmm(0), RipRel.of(c.asm().constantLabel(bits)));
                    }
                });
            }
            default -> throw new IllegalStateException("not a constant: " + d);
        }
        return r;
    }

    /** The shortest move of an integer constant: xor for 0, 32-bit mov when it zero-extends right. */
    static void loadConstant(X86Assembler a, Gpr g, Type t, long v) {
        if (v == 0) {
            a.alu(AluOp.XOR, Width.B32, g, g);
        } else if (t != Type.I64 || (v > 0 && v <= 0xFFFF_FFFFL)) {
            a.mov(Width.B32, g, t == Type.I64 ? v : (int) v);
        } else {
            a.mov(Width.B64, g, v);
        }
    }

    private VReg copy(VReg src) {
        VReg r = b.newVReg(src.cls());
        push("copy", List.of(def(r), use(src)), c -> {
            if (src.cls() == RegClass.INT) {
                c.asm().mov(Width.B64, c.gpr(0), c.gpr(1));
            } else {
                c.asm().movaps(c.xmm(0), c.xmm(1));
            }
        });
        return r;
    }

    private static Operand use(VReg v) {
        return Operand.use(v);
    }

    /** An immediate usable with an operation of {@code t}: any value for narrow types, int32 for i64. */
    private static boolean fitsImm(Type t, Long v) {
        return v != null && (t != Type.I64 || X86Addressing.fitsInt(v));
    }

    private Long constant(Value v) {
        Inst d = facts.def(v);
        if (d != null && d.opcode() == Opcode.IREDUCE) {
            Long inner = constant(d.arg(0));
            return inner == null ? null : org.pyjit.ir.Ints.canonical(inner, v.type());
        }
        return facts.constant(v);
    }

    static Width aluWidth(Type t) {
        return t == Type.I64 ? Width.B64 : Width.B32;
    }

    static Width exactWidth(Type t) {
        return switch (t) {
            case I8 -> Width.B8;
            case I16 -> Width.B16;
            case I32 -> Width.B32;
            case I64 -> Width.B64;
            case F32, F64 -> throw new IllegalArgumentException("not an integer type: " + t);
        };
    }

    // ---------------------------------------------------------------- pushing instructions

    private void push(String text, List<Operand> ops, X86Inst.Encoding e) {
        b.push(new X86Inst(InstKind.OTHER, distinctUses(ops), Set.of(), text, e));
    }

    private void push(String text, List<Operand> ops, Set<PReg> clobbers, X86Inst.Encoding e) {
        b.push(new X86Inst(InstKind.OTHER, distinctUses(ops), clobbers, text, e));
    }

    /**
     * A vreg read twice by one instruction where either read is pinned (a fixed register or the
     * input a def reuses) is read the second time from a copy, so each pinned read has a value
     * of its own.
     */
    private List<Operand> distinctUses(List<Operand> ops) {
        Set<Integer> reused = new HashSet<>();
        for (Operand o : ops) {
            if (o.constraint() instanceof Constraint.Reuse r) {
                reused.add(r.input());
            }
        }
        Map<VReg, Integer> first = new HashMap<>();
        List<Operand> out = new ArrayList<>(ops);
        for (int k = 0; k < out.size(); k++) {
            Operand o = out.get(k);
            if (o.kind() != OperandKind.USE) {
                continue;
            }
            Integer prev = first.get(o.vreg());
            if (prev == null) {
                first.put(o.vreg(), k);
            } else if (pinned(out.get(prev), reused.contains(prev)) || pinned(o, reused.contains(k))) {
                out.set(k, new Operand(copy(o.vreg()), o.kind(), o.pos(), o.constraint()));
            }
        }
        return out;
    }

    private static boolean pinned(Operand o, boolean isReused) {
        return isReused || o.constraint() instanceof Constraint.Fixed;
    }

    // ---------------------------------------------------------------- instructions

    @Override
    protected void lower(Inst i) {
        switch (i.opcode()) {
            case ICONST, F32CONST, F64CONST, IREDUCE -> {
                // materialised or aliased at each use
            }
            case IADD -> iadd(i);
            case IADD_IMM -> addImm(i.result(), i.arg(0), i.intImm());
            case ISUB -> isub(i);
            case IMUL -> imul(i.result(), i.arg(0), i.arg(1), constant(i.arg(1)), constant(i.arg(0)));
            case IMUL_IMM -> imul(i.result(), i.arg(0), null, i.intImm(), null);
            case SDIV, UDIV, SREM, UREM -> new Division(this).lower(i);
            case INEG -> unary(i, UnaryOp.NEG);
            case BNOT -> unary(i, UnaryOp.NOT);
            case BAND -> bitwise(i, AluOp.AND);
            case BOR -> bitwise(i, AluOp.OR);
            case BXOR -> bitwise(i, AluOp.XOR);
            case BAND_IMM -> bitwiseImm(i.result(), i.arg(0), AluOp.AND, i.intImm());
            case BOR_IMM -> bitwiseImm(i.result(), i.arg(0), AluOp.OR, i.intImm());
            case BXOR_IMM -> bitwiseImm(i.result(), i.arg(0), AluOp.XOR, i.intImm());
            case ISHL, USHR, SSHR, ROTL, ROTR -> shift(i);
            case ISHL_IMM -> shiftImm(i.result(), i.arg(0), Opcode.ISHL, i.intImm());
            case USHR_IMM -> shiftImm(i.result(), i.arg(0), Opcode.USHR, i.intImm());
            case SSHR_IMM -> shiftImm(i.result(), i.arg(0), Opcode.SSHR, i.intImm());
            case ICMP, ICMP_IMM, FCMP -> setcc(i);
            case SELECT -> select(i);
            case IADD_OVERFLOW, ISUB_OVERFLOW, IMUL_OVERFLOW -> overflow(i);
            case FADD, FSUB, FMUL, FDIV, FMIN, FMAX, FNEG, FABS, SQRT, FCVT_FROM_SINT, FCVT_TO_SINT, FPROMOTE,
                 FDEMOTE, BITCAST -> new FloatLowering(this).lower(i);
            case SEXTEND, UEXTEND -> extend(i);
            case LOAD -> load(i);
            case STORE -> store(i);
            case STACK_ADDR -> {
                Imm.SlotRef s = (Imm.SlotRef) i.imm();
                push("lea", List.of(def(vreg(i.result()))),
                        c -> c.asm().lea(Width.B64, c.gpr(0), c.stackSlot(s.slot().index(), s.offset())));
            }
            case FUNC_ADDR -> {
                String name = ((Imm.Callee) i.imm()).name();
                requireFunction(name);
                push("lea", List.of(def(vreg(i.result()))),
                        c -> c.asm().lea(Width.B64, c.gpr(0), RipRel.of(c.cEntry(name))));
            }
            case CALL -> {
                String name = ((Imm.Callee) i.imm()).name();
                Signature sig = requireFunction(name).signature();
                call(i, sig, null, i.args(), false, name);
            }
            case CALL_INDIRECT -> {
                Signature sig = ((Imm.Sig) i.imm()).signature();
                call(i, sig, i.arg(0), i.args().subList(1, i.args().size()), true, null);
            }
            case JUMP, BRIF, BR_TABLE, RETURN, TRAP -> throw new IllegalStateException("terminator in lower(): " + i);
        }
    }

    private IrFunction requireFunction(String name) {
        IrFunction f = module.function(name);
        if (f == null) {
            throw new CodegenException("function %" + facts.function().name() + " refers to unknown function %" + name);
        }
        return f;
    }

    // ---------------------------------------------------------------- integer arithmetic

    private void iadd(Inst i) {
        Long ca = constant(i.arg(0));
        Long cb = constant(i.arg(1));
        Type t = i.result().type();
        if (fitsImm(t, cb)) {
            addImm(i.result(), i.arg(0), cb);
        } else if (fitsImm(t, ca)) {
            addImm(i.result(), i.arg(1), ca);
        } else {
            Width w = aluWidth(t);
            push("lea", List.of(def(vreg(i.result())), use(use(i.arg(0))), use(use(i.arg(1)))),
                    c -> c.asm().lea(w, c.gpr(0), Mem.of(c.gpr(1), c.gpr(2), 1, 0)));
        }
    }

    /** {@code lea d, [a + imm]}; an i64 immediate beyond int32 goes through a register. */
    private void addImm(Value result, Value a, long imm) {
        Type t = result.type();
        Width w = aluWidth(t);
        if (!fitsImm(t, imm)) {
            VReg k = b.newVReg(RegClass.INT);
            push("mov", List.of(def(k)), c -> loadConstant(c.asm(), c.gpr(0), t, imm));
            push("lea", List.of(def(vreg(result)), use(use(a)), use(k)),
                    c -> c.asm().lea(w, c.gpr(0), Mem.of(c.gpr(1), c.gpr(2), 1, 0)));
            return;
        }
        int disp = (int) imm;
        push("lea", List.of(def(vreg(result)), use(use(a))), c -> {
            if (disp == 0) {
                c.asm().mov(Width.B64, c.gpr(0), c.gpr(1));
            } else {
                c.asm().lea(w, c.gpr(0), Mem.of(c.gpr(1), disp));
            }
        });
    }

    private void isub(Inst i) {
        Long cb = constant(i.arg(1));
        Type t = i.result().type();
        if (fitsImm(t, cb) && cb != Integer.MIN_VALUE) {
            addImm(i.result(), i.arg(0), -cb);
            return;
        }
        Width w = aluWidth(t);
        push("sub", List.of(reuseDef(vreg(i.result()), 1), use(use(i.arg(0))), use(use(i.arg(1)))),
                c -> c.asm().alu(AluOp.SUB, w, c.gpr(0), c.gpr(2)));
    }

    private void imul(Value result, Value a, Value bv, Long cb, Long ca) {
        Type t = result.type();
        Width w = aluWidth(t);
        if (fitsImm(t, cb)) {
            long k = cb;
            push("imul", List.of(def(vreg(result)), use(use(a))), c -> c.asm().imul(w, c.gpr(0), c.gpr(1), k));
        } else if (bv != null && fitsImm(t, ca)) {
            long k = ca;
            push("imul", List.of(def(vreg(result)), use(use(bv))), c -> c.asm().imul(w, c.gpr(0), c.gpr(1), k));
        } else {
            VReg rb;
            if (bv != null) {
                rb = use(bv);
            } else {
                rb = b.newVReg(RegClass.INT);
                long k = cb;
                push("mov", List.of(def(rb)), c -> loadConstant(c.asm(), c.gpr(0), t, k));
            }
            push("imul", List.of(reuseDef(vreg(result), 1), use(use(a)), use(rb)),
                    c -> c.asm().imul(w, c.gpr(0), c.gpr(2)));
        }
    }

    private void unary(Inst i, UnaryOp op) {
        Width w = aluWidth(i.result().type());
        push(op.mnemonic(), List.of(reuseDef(vreg(i.result()), 1), use(use(i.arg(0)))),
                c -> c.asm().unary(op, w, c.gpr(0)));
    }

    private void bitwise(Inst i, AluOp op) {
        Type t = i.result().type();
        Long cb = constant(i.arg(1));
        Long ca = constant(i.arg(0));
        if (fitsImm(t, cb)) {
            bitwiseImm(i.result(), i.arg(0), op, cb);
        } else if (fitsImm(t, ca)) {
            bitwiseImm(i.result(), i.arg(1), op, ca);
        } else {
            Width w = aluWidth(t);
            push(op.mnemonic(), List.of(reuseDef(vreg(i.result()), 1), use(use(i.arg(0))), use(use(i.arg(1)))),
                    c -> c.asm().alu(op, w, c.gpr(0), c.gpr(2)));
        }
    }

    private void bitwiseImm(Value result, Value a, AluOp op, long imm) {
        Type t = result.type();
        Width w = aluWidth(t);
        if (fitsImm(t, imm)) {
            // Narrow types: the canonical immediate is sign-extended; only the low bits matter.
            long k = t == Type.I64 ? imm : (int) imm;
            push(op.mnemonic(), List.of(reuseDef(vreg(result), 1), use(use(a))), c -> c.asm().alu(op, w, c.gpr(0), k));
        } else {
            VReg rk = b.newVReg(RegClass.INT);
            push("mov", List.of(def(rk)), c -> loadConstant(c.asm(), c.gpr(0), t, imm));
            push(op.mnemonic(), List.of(reuseDef(vreg(result), 1), use(use(a)), use(rk)),
                    c -> c.asm().alu(op, w, c.gpr(0), c.gpr(2)));
        }
    }

    // ---------------------------------------------------------------- shifts and rotates

    private static ShiftOp shiftOp(Opcode op) {
        return switch (op) {
            case ISHL -> ShiftOp.SHL;
            case USHR -> ShiftOp.SHR;
            case SSHR -> ShiftOp.SAR;
            case ROTL -> ShiftOp.ROL;
            case ROTR -> ShiftOp.ROR;
            default -> throw new IllegalArgumentException(op + " is not a shift");
        };
    }

    /**
     * Prepares the shifted register {@code d} (already holding the value): right shifts of narrow
     * types extend from the type's width first, so the bits shifted in are the right ones.
     */
    private static void extendForShift(X86Assembler a, Opcode op, Type t, Gpr d) {
        if (t == Type.I8 || t == Type.I16) {
            if (op == Opcode.USHR) {
                a.movzx(Width.B32, d, exactWidth(t), d);
            } else if (op == Opcode.SSHR) {
                a.movsx(Width.B32, d, exactWidth(t), d);
            }
        }
    }

    private void shift(Inst i) {
        Long amount = constant(i.arg(1));
        if (amount != null) {
            shiftImm(i.result(), i.arg(0), i.opcode(), amount);
            return;
        }
        Type t = i.result().type();
        Opcode op = i.opcode();
        ShiftOp sop = shiftOp(op);
        boolean rotate = op == Opcode.ROTL || op == Opcode.ROTR;
        if (rotate || t == Type.I32 || t == Type.I64) {
            // The hardware masks the count to 5 (6) bits: exactly width-1 for i32 (i64); an
            // 8/16-bit rotate by any count is a rotate by count mod width.
            Width w = rotate ? exactWidth(t) : aluWidth(t);
            push(sop.mnemonic(), List.of(reuseDef(vreg(i.result()), 1), use(use(i.arg(0))),
                    fixedUse(use(i.arg(1)), X86Regs.preg(Gpr.RCX))), c -> c.asm().shift(sop, w, c.gpr(0), Gpr.RCX));
            return;
        }
        // i8/i16 shifts: the IR masks the amount to width-1, x86 to 31: mask it explicitly in a
        // fixed rcx temp (the amount's own register is left intact).
        int mask = t.bits() - 1;
        push(sop.mnemonic(), List.of(reuseDef(vreg(i.result()), 1), use(use(i.arg(0))), use(use(i.arg(1))),
                fixedTemp(b.newVReg(RegClass.INT), X86Regs.preg(Gpr.RCX))), c -> {
                    c.asm().mov(Width.B32, Gpr.RCX, c.gpr(2));
                    c.asm().alu(AluOp.AND, Width.B32, Gpr.RCX, mask);
                    extendForShift(c.asm(), op, t, c.gpr(0));
                    c.asm().shift(sop, Width.B32, c.gpr(0), Gpr.RCX);
                });
    }

    private void shiftImm(Value result, Value a, Opcode op, long amount) {
        Type t = result.type();
        int n = (int) (amount & (t.bits() - 1));
        ShiftOp sop = shiftOp(op);
        boolean rotate = op == Opcode.ROTL || op == Opcode.ROTR;
        Width w = rotate ? exactWidth(t) : aluWidth(t);
        push(sop.mnemonic(), List.of(reuseDef(vreg(result), 1), use(use(a))), c -> {
            if (!rotate) {
                extendForShift(c.asm(), op, t, c.gpr(0));
            }
            if (n != 0) {
                c.asm().shift(sop, w, c.gpr(0), n);
            }
        });
    }

    // ---------------------------------------------------------------- compares and select

    /** Emits the flag-setting part of a compare; operand {@code base} is its first use. */
    @FunctionalInterface
    interface CompareEncoding {
        void encode(EmitContext c, int base);
    }

    /** A compare lowered to flags: its uses, the condition to test and how to emit it. */
    record Compare(List<Operand> uses, Cond cond, Conditions.Parity parity, CompareEncoding encoding) {
    }

    private Compare compare(Inst i) {
        if (i.opcode() == Opcode.FCMP) {
            Conditions.FloatPlan p = Conditions.of(((Imm.FloatCond) i.imm()).cc());
            Value x = p.swap() ? i.arg(1) : i.arg(0);
            Value y = p.swap() ? i.arg(0) : i.arg(1);
            SseOp op = x.type() == Type.F32 ? SseOp.UCOMISS : SseOp.UCOMISD;
            return new Compare(List.of(use(use(x)), use(use(y))), p.cond(), p.parity(),
                    (c, base) -> c.asm().sse(op, c.xmm(base), c.xmm(base + 1)));
        }
        org.pyjit.ir.IntCC cc;
        Value a = i.arg(0);
        Long imm;
        Value other = null;
        if (i.opcode() == Opcode.ICMP_IMM) {
            cc = ((Imm.IntCondImm) i.imm()).cc();
            imm = i.intImm();
        } else {
            cc = ((Imm.IntCond) i.imm()).cc();
            imm = constant(i.arg(1));
            other = i.arg(1);
            if (!fitsImm(a.type(), imm) && fitsImm(a.type(), constant(a))) {
                imm = constant(a);
                a = i.arg(1);
                other = i.arg(0);
                cc = cc.swapped();
            }
        }
        Width w = exactWidth(a.type());
        Cond cond = Conditions.of(cc);
        if (fitsImm(a.type(), imm)) {
            long k = w == Width.B64 ? imm : org.pyjit.ir.Ints.canonical(imm, a.type());
            return new Compare(List.of(use(use(a))), cond, Conditions.Parity.NONE, (c, base) -> {
                if (k == 0) {
                    c.asm().alu(AluOp.TEST, w, c.gpr(base), c.gpr(base));
                } else {
                    c.asm().alu(AluOp.CMP, w, c.gpr(base), k);
                }
            });
        }
        VReg rb;
        if (other != null) {
            rb = use(other);
        } else {
            rb = b.newVReg(RegClass.INT);
            long k = imm;
            Type t = a.type();
            push("mov", List.of(def(rb)), c -> loadConstant(c.asm(), c.gpr(0), t, k));
        }
        return new Compare(List.of(use(use(a)), use(rb)), cond, Conditions.Parity.NONE,
                (c, base) -> c.asm().alu(AluOp.CMP, w, c.gpr(base), c.gpr(base + 1)));
    }

    private void setcc(Inst i) {
        Compare cmp = compare(i);
        List<Operand> ops = new ArrayList<>();
        ops.add(def(vreg(i.result())));
        ops.addAll(cmp.uses());
        boolean parity = cmp.parity() != Conditions.Parity.NONE;
        if (parity) {
            ops.add(temp(b.newVReg(RegClass.INT)));
        }
        int tempIndex = ops.size() - 1;
        push("set" + cmp.cond().suffix(), ops, c -> {
            cmp.encoding().encode(c, 1);
            c.asm().setcc(cmp.cond(), c.gpr(0));
            switch (cmp.parity()) {
                case NONE -> {
                }
                case AND_ORDERED -> {
                    c.asm().setcc(Cond.NP, c.gpr(tempIndex));
                    c.asm().alu(AluOp.AND, Width.B32, c.gpr(0), c.gpr(tempIndex));
                }
                case OR_UNORDERED -> {
                    c.asm().setcc(Cond.P, c.gpr(tempIndex));
                    c.asm().alu(AluOp.OR, Width.B32, c.gpr(0), c.gpr(tempIndex));
                }
            }
        });
    }

    private void select(Inst i) {
        Type t = i.result().type();
        Inst cond = facts.def(i.arg(0));
        if (cond != null && facts.isFused(cond)) {
            // cmp + cmovcc (Intel SDM Vol. 2A, CMOVcc): the compare's own flags pick the value.
            Compare cmp = compare(cond);
            int n = cmp.uses().size();
            List<Operand> ops = new ArrayList<>();
            ops.add(reuseDef(vreg(i.result()), n + 2));
            ops.addAll(cmp.uses());
            ops.add(use(use(i.arg(1))));
            ops.add(use(use(i.arg(2))));
            Width w = aluWidth(t);
            push("cmp+cmov" + cmp.cond().suffix(), ops, c -> {
                cmp.encoding().encode(c, 1);
                c.asm().cmov(cmp.cond(), w, c.gpr(0), c.gpr(n + 1));
            });
            return;
        }
        List<Operand> ops = List.of(reuseDef(vreg(i.result()), 3), use(use(i.arg(0))), use(use(i.arg(1))),
                use(use(i.arg(2))));
        Width cw = exactWidth(i.arg(0).type());
        if (t.isFloat()) {
            push("select", ops, c -> {
                Label skip = c.asm().newLabel("select");
                c.asm().alu(AluOp.TEST, cw, c.gpr(1), c.gpr(1));
                c.asm().jcc(Cond.E, skip);
                c.asm().movaps(c.xmm(0), c.xmm(2));
                c.asm().bind(skip);
            });
        } else {
            Width w = aluWidth(t);
            push("cmovne", ops, c -> {
                c.asm().alu(AluOp.TEST, cw, c.gpr(1), c.gpr(1));
                c.asm().cmov(Cond.NE, w, c.gpr(0), c.gpr(2));
            });
        }
    }

    private void overflow(Inst i) {
        Type t = i.results().get(0).type();
        VReg r = vreg(i.results().get(0));
        VReg f = vreg(i.results().get(1));
        Opcode op = i.opcode();
        if (op == Opcode.IMUL_OVERFLOW && (t == Type.I8 || t == Type.I16)) {
            // imul has no 8-bit two-operand form: multiply the sign-extended values at 32 bits
            // (cannot overflow) and compare with the product sign-extended from the width.
            Width nw = exactWidth(t);
            push("imul_overflow", List.of(reuseDef(r, 2), def(f), use(use(i.arg(0))), use(use(i.arg(1))),
                    temp(b.newVReg(RegClass.INT))), c -> {
                        X86Assembler a = c.asm();
                        a.movsx(Width.B32, c.gpr(4), nw, c.gpr(3));
                        a.movsx(Width.B32, c.gpr(0), nw, c.gpr(0));
                        a.imul(Width.B32, c.gpr(0), c.gpr(4));
                        a.movsx(Width.B32, c.gpr(4), nw, c.gpr(0));
                        a.alu(AluOp.CMP, Width.B32, c.gpr(4), c.gpr(0));
                        a.setcc(Cond.NE, c.gpr(1));
                    });
            return;
        }
        // At the type's own width the hardware OF flag is exactly signed overflow.
        Width w = op == Opcode.IMUL_OVERFLOW ? aluWidth(t) : exactWidth(t);
        push(op.text(), List.of(reuseDef(r, 2), def(f), use(use(i.arg(0))), use(use(i.arg(1)))), c -> {
            switch (op) {
                case IADD_OVERFLOW -> c.asm().alu(AluOp.ADD, w, c.gpr(0), c.gpr(3));
                case ISUB_OVERFLOW -> c.asm().alu(AluOp.SUB, w, c.gpr(0), c.gpr(3));
                default -> c.asm().imul(w, c.gpr(0), c.gpr(3));
            }
            c.asm().setcc(Cond.O, c.gpr(1));
        });
    }

    private void extend(Inst i) {
        Type from = i.arg(0).type();
        boolean signed = i.opcode() == Opcode.SEXTEND;
        push(signed ? "movsx" : "movzx", List.of(def(vreg(i.result())), use(use(i.arg(0)))), c -> {
            X86Assembler a = c.asm();
            switch (from) {
                case I8, I16 -> {
                    if (signed) {
                        a.movsx(Width.B64, c.gpr(0), exactWidth(from), c.gpr(1));
                    } else {
                        a.movzx(Width.B32, c.gpr(0), exactWidth(from), c.gpr(1));
                    }
                }
                case I32 -> {
                    if (signed) {
                        a.movsxd(c.gpr(0), c.gpr(1));
                    } else {
                        a.mov(Width.B32, c.gpr(0), c.gpr(1));
                    }
                }
                case I64 -> a.mov(Width.B64, c.gpr(0), c.gpr(1));
                case F32, F64 -> throw new IllegalStateException("extend of " + from);
            }
        });
    }

    // ---------------------------------------------------------------- memory

    /**
     * An address operand: {@code [base + index + disp]} over vreg uses, or an IR stack slot
     * ({@code [rbp + slot + disp]}).
     *
     * @param uses  the vregs read (base, then index)
     * @param slot  the stack slot number, or -1
     * @param disp  the displacement
     */
    private record AddrMode(List<VReg> uses, int slot, int disp) {
        Mem resolve(EmitContext c, int first) {
            if (slot >= 0) {
                return c.stackSlot(slot, disp);
            }
            if (uses.size() == 2) {
                return Mem.of(c.gpr(first), c.gpr(first + 1), 1, disp);
            }
            return Mem.of(c.gpr(first), disp);
        }
    }

    private AddrMode address(Value addr, int off, Inst access) {
        Inst d = facts.def(addr);
        if (facts.foldable(addr, off, access)) {
            switch (d.opcode()) {
                case IADD_IMM -> {
                    return new AddrMode(List.of(use(d.arg(0))), -1, (int) (d.intImm() + off));
                }
                case IADD -> {
                    return new AddrMode(List.of(use(d.arg(0)), use(d.arg(1))), -1, off);
                }
                case STACK_ADDR -> {
                    Imm.SlotRef s = (Imm.SlotRef) d.imm();
                    return new AddrMode(List.of(), s.slot().index(), s.offset() + off);
                }
                default -> {
                }
            }
        }
        return new AddrMode(List.of(use(addr)), -1, off);
    }

    private void load(Inst i) {
        Type t = i.result().type();
        AddrMode m = address(i.arg(0), ((Imm.Offset) i.imm()).offset(), i);
        List<Operand> ops = new ArrayList<>();
        ops.add(def(vreg(i.result())));
        m.uses().forEach(v -> ops.add(use(v)));
        push("load." + t, ops, c -> {
            Mem src = m.resolve(c, 1);
            X86Assembler a = c.asm();
            switch (t) {
                case I8, I16 -> a.movsx(Width.B32, c.gpr(0), exactWidth(t), src);
                case I32 -> a.mov(Width.B32, c.gpr(0), src);
                case I64 -> a.mov(Width.B64, c.gpr(0), src);
                case F32 -> a.movss(c.xmm(0), src);
                case F64 -> a.movsd(c.xmm(0), src);
            }
        });
    }

    private void store(Inst i) {
        Value v = i.arg(0);
        Type t = v.type();
        AddrMode m = address(i.arg(1), ((Imm.Offset) i.imm()).offset(), i);
        Long k = t.isInt() ? constant(v) : null;
        List<Operand> ops = new ArrayList<>();
        if (fitsImm(t, k)) {
            m.uses().forEach(r -> ops.add(use(r)));
            long imm = t == Type.I64 ? k : org.pyjit.ir.Ints.canonical(k, t);
            Width w = exactWidth(t);
            push("store." + t, ops, c -> c.asm().mov(w, m.resolve(c, 0), imm));
            return;
        }
        ops.add(use(use(v)));
        m.uses().forEach(r -> ops.add(use(r)));
        push("store." + t, ops, c -> {
            Mem dst = m.resolve(c, 1);
            switch (t) {
                case I8, I16, I32, I64 -> c.asm().mov(exactWidth(t), dst, c.gpr(0));
                case F32 -> c.asm().movss(dst, c.xmm(0));
                case F64 -> c.asm().movsd(dst, c.xmm(0));
            }
        });
    }

    // ---------------------------------------------------------------- calls

    private void call(Inst i, Signature sig, Value address, List<Value> args, boolean nativeAbi, String callee) {
        if (args.size() != sig.params().size()) {
            throw new CodegenException("function %" + facts.function().name() + ": call passes " + args.size()
                    + " arguments to a signature with " + sig.params().size());
        }
        List<Operand> ops = new ArrayList<>();
        for (Value r : i.results()) {
            ops.add(fixedDef(vreg(r), r.type().isFloat() ? X86Regs.preg(Xmm.XMM0) : X86Regs.preg(Gpr.RAX)));
        }
        ArgLocations locs = ArgLocations.assign(args.stream().map(Value::type).toList(),
                X86Regs.INT_ARGS.size(), X86Regs.FLOAT_ARGS.size());
        List<int[]> stackArgs = new ArrayList<>(); // {operand index, stack word, isFloat}
        List<Operand> stackOps = new ArrayList<>();
        for (int k = 0; k < args.size(); k++) {
            Value arg = args.get(k);
            VReg v = use(arg);
            if (nativeAbi && (arg.type() == Type.I8 || arg.type() == Type.I16)) {
                v = signExtend32(v, arg.type());
            }
            ArgLocation loc = locs.get(k);
            if (loc instanceof ArgLocation.FloatReg f) {
                ops.add(fixedUse(v, X86Regs.preg(X86Regs.FLOAT_ARGS.get(f.index()))));
            } else if (loc instanceof ArgLocation.IntReg r) {
                ops.add(fixedUse(v, X86Regs.preg(X86Regs.INT_ARGS.get(r.index()))));
            } else if (loc instanceof ArgLocation.Stack s) {
                stackArgs.add(new int[] {-1, s.slot(), arg.type().isFloat() ? 1 : 0});
                stackOps.add(use(v));
            }
        }
        int firstStack = ops.size();
        ops.addAll(stackOps);
        for (int k = 0; k < stackArgs.size(); k++) {
            stackArgs.get(k)[0] = firstStack + k;
        }
        int addressIndex = ops.size();
        if (address != null) {
            ops.add(use(use(address)));
        }
        outgoingBytes = Math.max(outgoingBytes, FrameLayout.WORD * stackArgs.size());
        push(callee != null ? "call %" + callee : "call_indirect", ops, X86Regs.CALL_CLOBBERS, c -> {
            for (int[] s : stackArgs) {
                Mem dst = Mem.of(Gpr.RSP, FrameLayout.WORD * s[1]);
                if (s[2] == 1) {
                    c.asm().movsd(dst, c.xmm(s[0]));
                } else {
                    c.asm().mov(Width.B64, dst, c.gpr(s[0]));
                }
            }
            if (callee != null) {
                c.asm().call(c.function(callee));
            } else {
                c.asm().call(c.gpr(addressIndex));
            }
        });
    }

    private VReg signExtend32(VReg v, Type t) {
        VReg r = b.newVReg(RegClass.INT);
        push("movsx", List.of(def(r), use(v)), c -> c.asm().movsx(Width.B32, c.gpr(0), exactWidth(t), c.gpr(1)));
        return r;
    }

    // ---------------------------------------------------------------- terminators

    @Override
    protected void terminator(Inst i) {
        switch (i.opcode()) {
            case JUMP -> {
                List<VReg> args = branchArgs(i.targets().get(0));
                b.push(new X86Inst(InstKind.BRANCH, List.of(), Set.of(), "jmp", c -> jumpTo(c, 0)));
                b.endBlock(List.of(blockIndex(i.targets().get(0).block())), List.of(args));
            }
            case BRIF -> brif(i);
            case BR_TABLE -> brTable(i);
            case RETURN -> ret(i);
            case TRAP -> {
                org.pyjit.ir.TrapCode code = ((Imm.Trap) i.imm()).code();
                b.push(new X86Inst(InstKind.RET, List.of(), Set.of(), "trap " + code.text(),
                        c -> c.asm().jmp(c.trap(code))));
                b.endBlock(List.of(), List.of());
            }
            default -> throw new IllegalStateException("not a terminator: " + i);
        }
    }

    private List<VReg> branchArgs(BlockCall t) {
        List<VReg> out = new ArrayList<>();
        for (Value v : t.args()) {
            out.add(use(v));
        }
        return out;
    }

    private static void jumpTo(EmitContext c, int succ) {
        if (!c.fallsThrough(succ)) {
            c.asm().jmp(c.target(succ));
        }
    }

    /** Branches to successor 0 when {@code cond} (combined with parity) holds, else to 1. */
    private static void branchOn(EmitContext c, Cond cond, Conditions.Parity parity) {
        X86Assembler a = c.asm();
        switch (parity) {
            case NONE -> {
            }
            case AND_ORDERED -> a.jcc(Cond.P, c.target(1));
            case OR_UNORDERED -> a.jcc(Cond.P, c.target(0));
        }
        if (c.fallsThrough(0)) {
            a.jcc(cond.negate(), c.target(1));
        } else {
            a.jcc(cond, c.target(0));
            jumpTo(c, 1);
        }
    }

    private void brif(Inst i) {
        List<VReg> thenArgs = branchArgs(i.targets().get(0));
        List<VReg> elseArgs = branchArgs(i.targets().get(1));
        Inst cond = facts.def(i.arg(0));
        List<Operand> ops;
        X86Inst.Encoding enc;
        String text;
        if (cond != null && facts.isFused(cond)) {
            Compare cmp = compare(cond);
            ops = distinctUses(cmp.uses());
            text = "cmp+j" + cmp.cond().suffix();
            enc = c -> {
                cmp.encoding().encode(c, 0);
                branchOn(c, cmp.cond(), cmp.parity());
            };
        } else {
            ops = List.of(use(use(i.arg(0))));
            text = "test+jne";
            Width cw = exactWidth(i.arg(0).type());
            enc = c -> {
                c.asm().alu(AluOp.TEST, cw, c.gpr(0), c.gpr(0));
                branchOn(c, Cond.NE, Conditions.Parity.NONE);
            };
        }
        b.push(new X86Inst(InstKind.BRANCH, ops, Set.of(), text, enc));
        b.endBlock(List.of(blockIndex(i.targets().get(0).block()), blockIndex(i.targets().get(1).block())),
                List.of(thenArgs, elseArgs));
    }

    /**
     * {@code br_table}: the index is zero-extended to 64 bits, checked against the table size
     * (out of range: the default), then dispatched through a table of 8-byte slots each holding
     * one {@code jmp} to its target. The table address is formed in r11, which is free inside
     * an instruction (the resolver uses it only between instructions and in edge stubs).
     */
    private void brTable(Inst i) {
        if (i.targets().size() == 1) {
            List<VReg> args = branchArgs(i.targets().get(0));
            b.push(new X86Inst(InstKind.BRANCH, List.of(), Set.of(), "jmp", c -> jumpTo(c, 0)));
            b.endBlock(List.of(blockIndex(i.targets().get(0).block())), List.of(args));
            return;
        }
        Value index = i.arg(0);
        Type t = index.type();
        VReg idx = b.newVReg(RegClass.INT);
        push("zext", List.of(def(idx), use(use(index))), c -> {
            switch (t) {
                case I8, I16 -> c.asm().movzx(Width.B32, c.gpr(0), exactWidth(t), c.gpr(1));
                case I32 -> c.asm().mov(Width.B32, c.gpr(0), c.gpr(1));
                default -> c.asm().mov(Width.B64, c.gpr(0), c.gpr(1));
            }
        });
        List<Integer> succs = new ArrayList<>();
        List<List<VReg>> args = new ArrayList<>();
        for (BlockCall bc : i.targets()) {
            args.add(branchArgs(bc));
            succs.add(blockIndex(bc.block()));
        }
        int n = i.targets().size() - 1;
        b.push(new X86Inst(InstKind.BRANCH, List.of(use(idx)), Set.of(), "br_table", c -> {
            X86Assembler a = c.asm();
            Gpr r = X86Regs.INT_SCRATCH;
            a.alu(AluOp.CMP, Width.B64, c.gpr(0), n);
            a.jcc(Cond.AE, c.target(0));
            Label table = a.newLabel("jump_table");
            a.lea(Width.B64, r, RipRel.of(table));
            a.lea(Width.B64, r, Mem.of(r, c.gpr(0), 8, 0));
            a.jmp(r);
            a.align(8);
            a.bind(table);
            for (int k = 1; k <= n; k++) {
                a.jmp(c.target(k));
                a.align(8);
            }
        }));
        b.endBlock(succs, args);
    }

    private void ret(Inst i) {
        List<Operand> ops = new ArrayList<>();
        for (Value v : i.args()) {
            Type t = v.type();
            VReg r = use(v);
            if (t.isFloat()) {
                ops.add(fixedUse(r, X86Regs.preg(Xmm.XMM0)));
                continue;
            }
            if (t != Type.I64) {
                VReg e = b.newVReg(RegClass.INT);
                push("movsx", List.of(def(e), use(r)), c -> {
                    if (t == Type.I32) {
                        c.asm().movsxd(c.gpr(0), c.gpr(1));
                    } else {
                        c.asm().movsx(Width.B64, c.gpr(0), exactWidth(t), c.gpr(1));
                    }
                });
                r = e;
            }
            ops.add(fixedUse(r, X86Regs.preg(Gpr.RAX)));
        }
        b.push(new X86Inst(InstKind.RET, ops, Set.of(), "ret", EmitContext::epilogue));
        b.endBlock(List.of(), List.of());
    }

    // ---------------------------------------------------------------- shared with helpers

    VCode.Builder<X86Inst> builder() {
        return b;
    }

    VReg valueReg(Value v) {
        return vreg(v);
    }

    VReg useReg(Value v) {
        return use(v);
    }

    void pushInst(String text, List<Operand> ops, X86Inst.Encoding e) {
        push(text, ops, e);
    }

    void pushInst(String text, List<Operand> ops, Set<PReg> clobbers, X86Inst.Encoding e) {
        push(text, ops, clobbers, e);
    }
}
