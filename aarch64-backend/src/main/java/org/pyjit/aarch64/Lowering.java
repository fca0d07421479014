package org.pyjit.aarch64;

import static org.pyjit.regalloc.Operand.def;
import static org.pyjit.regalloc.Operand.fixedDef;
import static org.pyjit.regalloc.Operand.fixedUse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pyjit.aarch64.asm.A64Assembler;
import org.pyjit.aarch64.asm.AddSubOp;
import org.pyjit.aarch64.asm.Addr;
import org.pyjit.aarch64.asm.Cond;
import org.pyjit.aarch64.asm.CondSelOp;
import org.pyjit.aarch64.asm.Extend;
import org.pyjit.aarch64.asm.Fp;
import org.pyjit.aarch64.asm.FpImmediate;
import org.pyjit.aarch64.asm.FpWidth;
import org.pyjit.aarch64.asm.Gp;
import org.pyjit.aarch64.asm.Label;
import org.pyjit.aarch64.asm.MemOp;
import org.pyjit.aarch64.asm.Shift;
import org.pyjit.aarch64.asm.Width;
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
import org.pyjit.ir.Ints;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Signature;
import org.pyjit.ir.TrapCode;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;
import org.pyjit.regalloc.InstKind;
import org.pyjit.regalloc.Operand;
import org.pyjit.regalloc.PReg;
import org.pyjit.regalloc.RegClass;
import org.pyjit.regalloc.VReg;

/**
 * Instruction selection: one IR function to {@link VCode} of {@link A64Inst}, AAPCS64.
 *
 * <p><b>Narrow-integer invariant</b> (as in the x86-64 backend): an i8, i16 or i32 value lives in
 * a 64-bit register whose bits above its width are undefined. Arithmetic runs on W registers
 * (X for i64); whatever reads the upper bits extends first: compares, division, right shifts
 * and rotates, extensions, int-to-float conversion, {@code br_table}, and {@code return} (which
 * sign-extends narrow results to 64 bits). {@code ireduce} is free.
 *
 * <p>A64 is three-address, so no operand is tied to another. Sequences that need scratch
 * registers inside one instruction use x16/x17 and v31, which the allocator never hands out (x16
 * and v31 carry the move resolver's values only between instructions). Constants are
 * materialised at each use or folded into immediates.
 */
final class Lowering extends BlockLowering<A64Inst> {
    /** The lowered function and its outgoing stack-argument area. */
    record Result(VCode<A64Inst> vcode, int outgoingBytes) {
    }

    static final Gp S0 = A64Regs.EMIT_SCRATCH;
    static final Gp S1 = A64Regs.INT_SCRATCH;
    static final Fp FS = A64Regs.FLOAT_SCRATCH;

    private final IrModule module;
    private int outgoingBytes;

    private Lowering(IrModule module, IrFacts facts, VCode.Builder<A64Inst> b) {
        super(facts, b);
        this.module = module;
    }

    static Result lower(IrModule module, IrFunction f) {
        IrFacts facts = new IrFacts(f, A64Addressing::absorbs);
        int[] out = new int[1];
        VCode<A64Inst> vcode = VCode.build(f.name(), b -> {
            Lowering l = new Lowering(module, facts, b);
            l.lowerBlocks();
            out[0] = l.outgoingBytes;
        });
        return new Result(vcode, out[0]);
    }

    // ---------------------------------------------------------------- blocks

    @Override
    protected A64Inst jumpToOnlySuccessor() {
        return new A64Inst(InstKind.BRANCH, List.of(), Set.of(), "b", c -> jumpTo(c, 0));
    }

    /** Defines the arguments where AAPCS64 puts them: x0-x7, v0-v7, then 8-byte stack slots. */
    @Override
    protected void entryArgs(List<VReg> dsts, List<Value> params) {
        List<Operand> ops = new ArrayList<>();
        Map<Integer, Integer> stackArgs = new HashMap<>();
        ArgLocations locs = ArgLocations.assign(params.stream().map(Value::type).toList(),
                A64Regs.INT_ARGS.size(), A64Regs.FLOAT_ARGS.size());
        for (int k = 0; k < dsts.size(); k++) {
            VReg v = dsts.get(k);
            ArgLocation loc = locs.get(k);
            if (loc instanceof ArgLocation.FloatReg f) {
                ops.add(fixedDef(v, A64Regs.preg(A64Regs.FLOAT_ARGS.get(f.index()))));
            } else if (loc instanceof ArgLocation.IntReg r) {
                ops.add(fixedDef(v, A64Regs.preg(A64Regs.INT_ARGS.get(r.index()))));
            } else if (loc instanceof ArgLocation.Stack s) {
                stackArgs.put(k, s.slot());
                ops.add(def(v));
            }
        }
        b.push(new A64Inst(InstKind.OTHER, ops, Set.of(), "args", c -> {
            for (Map.Entry<Integer, Integer> e : stackArgs.entrySet()) {
                Addr src = Addr.of(Gp.FP, FrameLayout.incomingArgOffset(e.getValue()));
                if (params.get(e.getKey()).type().isFloat()) {
                    c.asm().mem(MemOp.LDR_D, c.fp(e.getKey()), src);
                } else {
                    c.asm().mem(MemOp.LDR_X, c.gp(e.getKey()), src);
                }
            }
        }));
    }

    // ---------------------------------------------------------------- values

    static Width width(Type t) {
        return t == Type.I64 || t == Type.F64 ? Width.X : Width.W;
    }

    static FpWidth fpWidth(Type t) {
        return t == Type.F32 ? FpWidth.S : FpWidth.D;
    }

    static boolean narrow(Type t) {
        return t == Type.I8 || t == Type.I16;
    }

    /** The register holding {@code v} here: constants are materialised, {@code ireduce} is free. */
    VReg use(Value v) {
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

    /** The integer constant {@code v} holds (through {@code ireduce}), or null. */
    Long constant(Value v) {
        Inst d = facts.def(v);
        if (d != null && d.opcode() == Opcode.IREDUCE) {
            Long inner = constant(d.arg(0));
            return inner == null ? null : Ints.canonical(inner, v.type());
        }
        return facts.constant(v);
    }

    private VReg materialise(Inst d) {
        Type t = d.result().type();
        VReg r = b.newVReg(cls(t));
        switch (d.opcode()) {
            case ICONST -> {
                long v = d.intImm();
                push("mov", List.of(def(r)), c -> c.asm().movImm(width(t), c.gp(0), v));
            }
            case F64CONST, F32CONST -> {
                FpWidth w = fpWidth(t);
                long bits = ((Imm.FloatBits) d.imm()).bits() & (w == FpWidth.S ? 0xFFFF_FFFFL : -1L);
                push("fmov", List.of(def(r)), c -> loadFloat(c.asm(), w, c.fp(0), bits));
            }
            default -> throw new IllegalStateException("not a constant: " + d);
        }
        return r;
    }

    /** {@code d = float(bits)}: from the zero register, an FMOV immediate or the constant pool. */
    static void loadFloat(A64Assembler a, FpWidth w, Fp d, long bits) {
        if (bits == 0) {
            a.fmov(w, d, Gp.ZR);
        } else if (FpImmediate.encode(bits, w).isPresent()) {
            a.fmovImm(w, d, bits);
        } else {
            a.ldrLiteral(w == FpWidth.S ? MemOp.LDR_S : MemOp.LDR_D, d, a.constant(bits));
        }
    }

    // ---------------------------------------------------------------- pushing

    void push(String text, List<Operand> ops, A64Inst.Encoding e) {
        b.push(new A64Inst(InstKind.OTHER, ops, Set.of(), text, e));
    }

    void push(String text, List<Operand> ops, Set<PReg> clobbers, A64Inst.Encoding e) {
        b.push(new A64Inst(InstKind.OTHER, ops, clobbers, text, e));
    }

    /** {@code def result, use a} with the encoder {@code e(c, d=gp0, a=gp1)}. */
    void unaryInt(Value result, Value a, String text, IntUnary e) {
        push(text, List.of(def(vreg(result)), Operand.use(use(a))), c -> e.encode(c.asm(), c.gp(0), c.gp(1)));
    }

    /** {@code def result, use a, use b}. */
    void binaryInt(Value result, Value a, Value bv, String text, IntBinary e) {
        push(text, List.of(def(vreg(result)), Operand.use(use(a)), Operand.use(use(bv))),
                c -> e.encode(c.asm(), c.gp(0), c.gp(1), c.gp(2)));
    }

    /** An encoder of {@code d = f(a)}. */
    @FunctionalInterface
    interface IntUnary {
        void encode(A64Assembler a, Gp d, Gp x);
    }

    /** An encoder of {@code d = f(a, b)}. */
    @FunctionalInterface
    interface IntBinary {
        void encode(A64Assembler a, Gp d, Gp x, Gp y);
    }

    // ---------------------------------------------------------------- instructions

    @Override
    protected void lower(Inst i) {
        switch (i.opcode()) {
            case ICONST, F32CONST, F64CONST, IREDUCE -> {
                // materialised or aliased at each use
            }
            case IADD, IADD_IMM, ISUB, IMUL, IMUL_IMM, INEG, BNOT, BAND, BOR, BXOR, BAND_IMM, BOR_IMM, BXOR_IMM,
                 ISHL, USHR, SSHR, ROTL, ROTR, ISHL_IMM, USHR_IMM, SSHR_IMM, SDIV, UDIV, SREM, UREM,
                 IADD_OVERFLOW, ISUB_OVERFLOW, IMUL_OVERFLOW, SEXTEND, UEXTEND -> new IntLowering(this).lower(i);
            case ICMP, ICMP_IMM, FCMP -> setCond(i);
            case SELECT -> select(i);
            case FADD, FSUB, FMUL, FDIV, FMIN, FMAX, FNEG, FABS, SQRT, FCVT_FROM_SINT, FCVT_TO_SINT, FPROMOTE,
                 FDEMOTE, BITCAST -> new FloatLowering(this).lower(i);
            case LOAD -> load(i);
            case STORE -> store(i);
            case STACK_ADDR -> {
                Imm.SlotRef s = (Imm.SlotRef) i.imm();
                push("add", List.of(def(vreg(i.result()))),
                        c -> c.frameAddress(c.gp(0), c.slotOffset(s.slot().index(), s.offset())));
            }
            case FUNC_ADDR -> {
                String name = ((Imm.Callee) i.imm()).name();
                requireFunction(name);
                push("adr", List.of(def(vreg(i.result()))), c -> c.asm().adr(c.gp(0), c.cEntry(name)));
            }
            case CALL -> {
                String name = ((Imm.Callee) i.imm()).name();
                call(i, requireFunction(name).signature(), null, i.args(), name);
            }
            case CALL_INDIRECT -> {
                Signature sig = ((Imm.Sig) i.imm()).signature();
                call(i, sig, i.arg(0), i.args().subList(1, i.args().size()), null);
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

    // ---------------------------------------------------------------- compares and select

    /** Emits the flag-setting part of a compare; its first use is operand {@code base}. */
    @FunctionalInterface
    interface CompareEncoding {
        void encode(EmitContext c, int base);
    }

    /** A compare lowered to flags: its uses, the conditions (second may be null), its encoding. */
    record Compare(List<Operand> uses, Cond first, Cond second, CompareEncoding encoding) {
    }

    private static Extend extendOf(Type t, boolean signed) {
        if (t == Type.I8) {
            return signed ? Extend.SXTB : Extend.UXTB;
        }
        return signed ? Extend.SXTH : Extend.UXTH;
    }

    /** {@code d(W) = extend(x)} from the width of narrow {@code t}. */
    static void extendNarrow(A64Assembler a, Type t, boolean signed, Gp d, Gp x) {
        if (t == Type.I8) {
            if (signed) {
                a.sxtb(Width.W, d, x);
            } else {
                a.uxtb(d, x);
            }
        } else if (signed) {
            a.sxth(Width.W, d, x);
        } else {
            a.uxth(d, x);
        }
    }

    Compare compare(Inst i) {
        if (i.opcode() == Opcode.FCMP) {
            Conditions.FloatPlan p = Conditions.of(((Imm.FloatCond) i.imm()).cc());
            FpWidth w = fpWidth(i.arg(0).type());
            return new Compare(List.of(Operand.use(use(i.arg(0))), Operand.use(use(i.arg(1)))), p.first(), p.second(),
                    (c, base) -> c.asm().fcmp(w, c.fp(base), c.fp(base + 1)));
        }
        org.pyjit.ir.IntCC cc;
        Value a = i.arg(0);
        Value other = null;
        Long imm;
        if (i.opcode() == Opcode.ICMP_IMM) {
            cc = ((Imm.IntCondImm) i.imm()).cc();
            imm = i.intImm();
        } else {
            cc = ((Imm.IntCond) i.imm()).cc();
            other = i.arg(1);
            imm = constant(other);
            if (imm == null && constant(a) != null) {
                imm = constant(a);
                other = a;
                a = i.arg(1);
                cc = cc.swapped();
            }
        }
        Type t = a.type();
        Width w = width(t);
        boolean signed = Conditions.signed(cc);
        Cond cond = Conditions.of(cc);
        if (imm != null) {
            long k = narrow(t) ? (signed ? Ints.canonical(imm, t) : Ints.unsigned(imm, t))
                    : t == Type.I32 ? (long) (int) (long) imm : imm;
            return new Compare(List.of(Operand.use(use(a))), cond, null, (c, base) -> {
                A64Assembler as = c.asm();
                Gp lhs = c.gp(base);
                if (narrow(t)) {
                    extendNarrow(as, t, signed, S0, lhs);
                    lhs = S0;
                }
                compareImm(as, w, lhs, k);
            });
        }
        return new Compare(List.of(Operand.use(use(a)), Operand.use(use(other))), cond, null, (c, base) -> {
            A64Assembler as = c.asm();
            if (narrow(t)) {
                extendNarrow(as, t, signed, S0, c.gp(base));
                as.addSubExt(AddSubOp.SUBS, Width.W, Gp.ZR, S0, c.gp(base + 1),
                        extendOf(t, signed), 0);
            } else {
                as.cmp(w, c.gp(base), c.gp(base + 1));
            }
        });
    }

    /** {@code cmp x, #k} at width w, through cmn or x16 when {@code k} is not an immediate. */
    static void compareImm(A64Assembler a, Width w, Gp x, long k) {
        if (A64Assembler.isAddSubImm(k)) {
            a.cmp(w, x, k);
        } else if (k != Long.MIN_VALUE && A64Assembler.isAddSubImm(-k)) {
            a.cmn(w, x, -k);
        } else {
            a.movImm(w, S1, k);
            a.cmp(w, x, S1);
        }
    }

    private void setCond(Inst i) {
        Compare cmp = compare(i);
        List<Operand> ops = new ArrayList<>();
        ops.add(def(vreg(i.result())));
        ops.addAll(cmp.uses());
        push("cset", ops, c -> {
            cmp.encoding().encode(c, 1);
            c.asm().cset(Width.W, c.gp(0), cmp.first());
            if (cmp.second() != null) {
                c.asm().condSel(CondSelOp.CSINC, Width.W, c.gp(0), c.gp(0), Gp.ZR,
                        cmp.second().invert());
            }
        });
    }

    /** Sets Z from {@code x != 0} at the width of {@code t} (narrow values have undefined upper bits). */
    static void testNonZero(A64Assembler a, Type t, Gp x) {
        switch (t) {
            case I8 -> a.tst(Width.W, x, 0xFF);
            case I16 -> a.tst(Width.W, x, 0xFFFF);
            case I32 -> a.tst(Width.W, x, x);
            case I64 -> a.tst(Width.X, x, x);
            case F32, F64 -> throw new IllegalArgumentException("not an integer condition: " + t);
        }
    }

    private void select(Inst i) {
        Type t = i.result().type();
        Type ct = i.arg(0).type();
        List<Operand> ops = List.of(def(vreg(i.result())), Operand.use(use(i.arg(0))), Operand.use(use(i.arg(1))),
                Operand.use(use(i.arg(2))));
        if (t.isFloat()) {
            FpWidth w = fpWidth(t);
            push("fcsel", ops, c -> {
                testNonZero(c.asm(), ct, c.gp(1));
                c.asm().fcsel(w, c.fp(0), c.fp(2), c.fp(3), Cond.NE);
            });
        } else {
            push("csel", ops, c -> {
                testNonZero(c.asm(), ct, c.gp(1));
                c.asm().condSel(CondSelOp.CSEL, Width.X, c.gp(0), c.gp(2), c.gp(3), Cond.NE);
            });
        }
    }

    // ---------------------------------------------------------------- memory

    /** An address: a vreg base with an encodable offset, or an IR stack slot plus offset. */
    private record AddrMode(VReg base, int slot, long disp) {
        Addr resolve(EmitContext c, int baseOperand, MemOp op) {
            if (base == null) {
                return c.frameAddr(op, c.slotOffset(slot, 0) + disp);
            }
            Gp r = c.gp(baseOperand);
            if (A64Assembler.isOffsetEncodable(op, disp)) {
                return Addr.of(r, disp);
            }
            c.asm().movImm(Width.X, S0, disp);
            return new Addr.RegOffset(r, S0, Extend.UXTX, false);
        }
    }

    private AddrMode address(Value addr, int off, Inst access) {
        if (facts.foldable(addr, off, access)) {
            Inst d = facts.def(addr);
            if (d.opcode() == Opcode.IADD_IMM) {
                return new AddrMode(use(d.arg(0)), -1, d.intImm() + off);
            }
            Imm.SlotRef s = (Imm.SlotRef) d.imm();
            return new AddrMode(null, s.slot().index(), (long) s.offset() + off);
        }
        return new AddrMode(use(addr), -1, off);
    }

    private void load(Inst i) {
        Type t = i.result().type();
        MemOp op = A64Addressing.memOp(i);
        AddrMode m = address(i.arg(0), ((Imm.Offset) i.imm()).offset(), i);
        List<Operand> ops = new ArrayList<>();
        ops.add(def(vreg(i.result())));
        if (m.base() != null) {
            ops.add(Operand.use(m.base()));
        }
        push("ldr." + t, ops, c -> {
            Addr src = m.resolve(c, 1, op);
            if (t.isFloat()) {
                c.asm().mem(op, c.fp(0), src);
            } else {
                c.asm().mem(op, c.gp(0), src);
            }
        });
    }

    private void store(Inst i) {
        Value v = i.arg(0);
        Type t = v.type();
        MemOp op = A64Addressing.memOp(i);
        AddrMode m = address(i.arg(1), ((Imm.Offset) i.imm()).offset(), i);
        Long k = t.isInt() ? constant(v) : null;
        boolean zero = k != null && Ints.canonical(k, t) == 0;
        List<Operand> ops = new ArrayList<>();
        if (!zero) {
            ops.add(Operand.use(use(v)));
        }
        int baseIndex = ops.size();
        if (m.base() != null) {
            ops.add(Operand.use(m.base()));
        }
        push("str." + t, ops, c -> {
            Addr dst = m.resolve(c, baseIndex, op);
            if (zero) {
                c.asm().mem(op, Gp.ZR, dst);
            } else if (t.isFloat()) {
                c.asm().mem(op, c.fp(0), dst);
            } else {
                c.asm().mem(op, c.gp(0), dst);
            }
        });
    }

    // ---------------------------------------------------------------- calls

    private void call(Inst i, Signature sig, Value address, List<Value> args, String callee) {
        if (args.size() != sig.params().size()) {
            throw new CodegenException("function %" + facts.function().name() + ": call passes " + args.size()
                    + " arguments to a signature with " + sig.params().size());
        }
        List<Operand> ops = new ArrayList<>();
        for (Value r : i.results()) {
            ops.add(fixedDef(vreg(r), r.type().isFloat() ? A64Regs.preg(Fp.V0) : A64Regs.preg(Gp.R0)));
        }
        ArgLocations locs = ArgLocations.assign(args.stream().map(Value::type).toList(),
                A64Regs.INT_ARGS.size(), A64Regs.FLOAT_ARGS.size());
        List<Operand> stackOps = new ArrayList<>();
        List<Type> stackTypes = new ArrayList<>(); // indexed by stack slot: slots come in argument order
        for (int k = 0; k < args.size(); k++) {
            Value arg = args.get(k);
            VReg v = use(arg);
            ArgLocation loc = locs.get(k);
            if (loc instanceof ArgLocation.FloatReg f) {
                ops.add(fixedUse(v, A64Regs.preg(A64Regs.FLOAT_ARGS.get(f.index()))));
            } else if (loc instanceof ArgLocation.IntReg r) {
                ops.add(fixedUse(v, A64Regs.preg(A64Regs.INT_ARGS.get(r.index()))));
            } else if (loc instanceof ArgLocation.Stack) {
                stackOps.add(Operand.use(v));
                stackTypes.add(arg.type());
            }
        }
        int firstStack = ops.size();
        ops.addAll(stackOps);
        int addressIndex = ops.size();
        if (address != null) {
            ops.add(Operand.use(use(address)));
        }
        outgoingBytes = Math.max(outgoingBytes, FrameLayout.WORD * stackTypes.size());
        push(callee != null ? "bl %" + callee : "blr", ops, A64Regs.CALL_CLOBBERS, c -> {
            for (int k = 0; k < stackTypes.size(); k++) {
                Addr dst = Addr.of(Gp.SP, (long) FrameLayout.WORD * k);
                if (stackTypes.get(k).isFloat()) {
                    c.asm().mem(MemOp.STR_D, c.fp(firstStack + k), dst);
                } else {
                    c.asm().mem(MemOp.STR_X, c.gp(firstStack + k), dst);
                }
            }
            if (callee != null) {
                c.asm().bl(c.function(callee));
            } else {
                c.asm().blr(c.gp(addressIndex));
            }
        });
    }

    // ---------------------------------------------------------------- terminators

    @Override
    protected void terminator(Inst i) {
        switch (i.opcode()) {
            case JUMP -> {
                List<VReg> args = branchArgs(i.targets().get(0));
                b.push(new A64Inst(InstKind.BRANCH, List.of(), Set.of(), "b", c -> jumpTo(c, 0)));
                b.endBlock(List.of(blockIndex(i.targets().get(0).block())), List.of(args));
            }
            case BRIF -> brif(i);
            case BR_TABLE -> brTable(i);
            case RETURN -> ret(i);
            case TRAP -> {
                TrapCode code = ((Imm.Trap) i.imm()).code();
                b.push(new A64Inst(InstKind.RET, List.of(), Set.of(), "trap " + code.text(),
                        c -> c.asm().b(c.trap(code))));
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
            c.asm().b(c.target(succ));
        }
    }

    /** Branches to successor 0 when {@code first} (or {@code second}) holds, else to successor 1. */
    private static void branchOn(EmitContext c, Cond first, Cond second) {
        A64Assembler a = c.asm();
        if (second == null && c.fallsThrough(0)) {
            a.bcond(first.invert(), c.target(1));
            return;
        }
        a.bcond(first, c.target(0));
        if (second != null) {
            a.bcond(second, c.target(0));
        }
        jumpTo(c, 1);
    }

    private void brif(Inst i) {
        List<VReg> thenArgs = branchArgs(i.targets().get(0));
        List<VReg> elseArgs = branchArgs(i.targets().get(1));
        Inst cond = facts.def(i.arg(0));
        List<Operand> ops;
        A64Inst.Encoding enc;
        String text;
        if (cond != null && facts.isFused(cond)) {
            Compare cmp = compare(cond);
            ops = cmp.uses();
            text = "cmp+b." + cmp.first().text();
            enc = c -> {
                cmp.encoding().encode(c, 0);
                branchOn(c, cmp.first(), cmp.second());
            };
        } else {
            Type ct = i.arg(0).type();
            ops = List.of(Operand.use(use(i.arg(0))));
            text = "tst+b.ne";
            enc = c -> {
                testNonZero(c.asm(), ct, c.gp(0));
                branchOn(c, Cond.NE, null);
            };
        }
        b.push(new A64Inst(InstKind.BRANCH, ops, Set.of(), text, enc));
        b.endBlock(List.of(blockIndex(i.targets().get(0).block()), blockIndex(i.targets().get(1).block())),
                List.of(thenArgs, elseArgs));
    }

    /**
     * {@code br_table}: the index is zero-extended into x16, checked against the table size (out
     * of range: the default), then dispatched through a table of {@code b} instructions
     * addressed with {@code adr x17}.
     */
    private void brTable(Inst i) {
        if (i.targets().size() == 1) {
            List<VReg> args = branchArgs(i.targets().get(0));
            b.push(new A64Inst(InstKind.BRANCH, List.of(), Set.of(), "b", c -> jumpTo(c, 0)));
            b.endBlock(List.of(blockIndex(i.targets().get(0).block())), List.of(args));
            return;
        }
        Type t = i.arg(0).type();
        VReg index = use(i.arg(0));
        List<Integer> succs = new ArrayList<>();
        List<List<VReg>> args = new ArrayList<>();
        for (BlockCall bc : i.targets()) {
            args.add(branchArgs(bc));
            succs.add(blockIndex(bc.block()));
        }
        int n = i.targets().size() - 1;
        b.push(new A64Inst(InstKind.BRANCH, List.of(Operand.use(index)), Set.of(), "br_table", c -> {
            A64Assembler a = c.asm();
            switch (t) {
                case I8 -> a.uxtb(S1, c.gp(0));
                case I16 -> a.uxth(S1, c.gp(0));
                case I32 -> a.mov(Width.W, S1, c.gp(0));
                default -> a.mov(Width.X, S1, c.gp(0));
            }
            compareImm(a, Width.X, S1, n);
            a.bcond(Cond.HS, c.target(0));
            Label table = a.newLabel("jump_table");
            a.adr(S0, table);
            a.addSub(AddSubOp.ADD, Width.X, S0, S0, S1, Shift.LSL, 2);
            a.br(S0);
            a.bind(table);
            for (int k = 1; k <= n; k++) {
                a.b(c.target(k));
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
                ops.add(fixedUse(r, A64Regs.preg(Fp.V0)));
                continue;
            }
            if (t != Type.I64) {
                VReg e = b.newVReg(RegClass.INT);
                push("sxt", List.of(def(e), Operand.use(r)), c -> {
                    switch (t) {
                        case I8 -> c.asm().sxtb(Width.X, c.gp(0), c.gp(1));
                        case I16 -> c.asm().sxth(Width.X, c.gp(0), c.gp(1));
                        default -> c.asm().sxtw(c.gp(0), c.gp(1));
                    }
                });
                r = e;
            }
            ops.add(fixedUse(r, A64Regs.preg(Gp.R0)));
        }
        b.push(new A64Inst(InstKind.RET, ops, Set.of(), "ret", EmitContext::epilogue));
        b.endBlock(List.of(), List.of());
    }

    VCode.Builder<A64Inst> builder() {
        return b;
    }
}
