package org.pyjit.fuzz.gen;

import java.util.ArrayList;
import java.util.List;
import org.pyjit.ir.Block;
import org.pyjit.ir.BlockCall;
import org.pyjit.ir.FloatCC;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.IntCC;
import org.pyjit.ir.Ints;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Signature;
import org.pyjit.ir.StackSlot;
import org.pyjit.ir.TrapCode;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;
import org.pyjit.ir.Variable;

/**
 * Turns one {@link FunctionSpec} into instructions through a {@link FunctionBuilder}.
 *
 * <p>What makes every output valid and terminating:
 * <ul>
 *   <li>operands come from the {@link ValuePool} of the operand's type (a constant is made when
 *       a selector asks for one and there is none), so types match and definitions dominate uses;
 *       parameters and entry loads give every type two computed values from the start;</li>
 *   <li>control flow is structured (if, counted loop, switch, trap-if) and every region ends by
 *       jumping to a merge block, which is sealed once its last predecessor is emitted; values
 *       cross merges only through variables, so the builder places the block parameters;</li>
 *   <li>loop counters are variables the body cannot assign, compared against a constant or a
 *       masked (small, non-negative) limit, so every loop runs a bounded number of times;</li>
 *   <li>buffer addresses are {@code base + (index & 127) + offset} with offsets that keep every
 *       access inside the {@link BufferLayout} data area; calls go only to later functions.</li>
 * </ul>
 *
 * <p>Observability: every result nothing else uses is folded into a sink variable at the end of
 * its region (before its scope is dropped), and the epilogue stores the sink, so a wrong result
 * always reaches memory.
 *
 * <p>NaN bits: the IR leaves the sign and payload of a NaN produced by arithmetic unspecified.
 * Wherever a float's bits become observable as bits (a store, a {@code bitcast} to an integer) the
 * value is first canonicalised with {@code select (fcmp uno v, v), nan, v}; float return values
 * are compared with all NaNs equal by the harness.
 */
public final class FunctionEmitter {
    /** Types of the variables every function keeps; the epilogue stores them in this order. */
    static final List<Type> VARIABLE_TYPES = List.of(Type.I8, Type.I16, Type.I32, Type.I64, Type.I64, Type.F32, Type.F64);
    /** Size of each stack slot. */
    static final int SLOT_SIZE = 32;
    /** Buffer offset of the folded pressure values. */
    static final int PRESSURE_OFFSET = BufferLayout.EPILOGUE_OFFSET + 8 * 7;
    /** Buffer offset where the epilogue stores the sink (every otherwise unused result, folded). */
    static final int SINK_OFFSET = PRESSURE_OFFSET + 8;
    /** Buffer offset of the entry inputs: {@link #INPUTS_PER_TYPE} 8-byte cells per input type. */
    static final int INPUT_OFFSET = SINK_OFFSET + 8;
    /** Computed values of each input type a function has at entry: parameters, then inputs. */
    static final int INPUTS_PER_TYPE = 2;
    /** Types of which every function loads inputs at entry when its parameters do not supply them. */
    static final List<Type> INPUT_TYPES = List.of(Type.I8, Type.I16, Type.I32, Type.I64, Type.F32, Type.F64);

    /**
     * Integer constants made for constant selectors: small ones and edge values whose encodings
     * differ (negative ones need sign extension when materialised as 64-bit values).
     */
    private static final List<Long> FRESH_CONSTANTS = List.of(1L, -1L, 2L, (long) Integer.MIN_VALUE, 7L, -128L,
            Long.MIN_VALUE, 0xFFFF_FFFFL);
    private static final List<Opcode> INT_ARITH = List.of(Opcode.IADD, Opcode.ISUB, Opcode.IMUL, Opcode.BAND,
            Opcode.BOR, Opcode.BXOR, Opcode.ISHL, Opcode.USHR, Opcode.SSHR, Opcode.ROTL, Opcode.ROTR);
    private static final List<Opcode> FLOAT_ARITH = List.of(Opcode.FADD, Opcode.FSUB, Opcode.FMUL, Opcode.FDIV,
            Opcode.FMIN, Opcode.FMAX);
    private static final List<Opcode> INT_IMM = List.of(Opcode.IADD_IMM, Opcode.IMUL_IMM, Opcode.BAND_IMM,
            Opcode.BOR_IMM, Opcode.BXOR_IMM, Opcode.ISHL_IMM, Opcode.USHR_IMM, Opcode.SSHR_IMM);
    private static final List<Opcode> INT_UNARY = List.of(Opcode.INEG, Opcode.BNOT);
    private static final List<Opcode> FLOAT_UNARY = List.of(Opcode.FNEG, Opcode.FABS, Opcode.SQRT);
    private static final List<Opcode> DIVISIONS = List.of(Opcode.SDIV, Opcode.UDIV, Opcode.SREM, Opcode.UREM);
    private static final List<Opcode> OVERFLOWS = List.of(Opcode.IADD_OVERFLOW, Opcode.ISUB_OVERFLOW,
            Opcode.IMUL_OVERFLOW);

    private final ProgramSpec program;
    private final int index;
    private final FunctionSpec spec;
    private final FunctionBuilder b;
    private final ValuePool pool = new ValuePool();
    private final List<Variable> variables = new ArrayList<>();
    private final List<StackSlot> slots = new ArrayList<>();
    private Value base;
    private Variable sink;
    private int folded;

    FunctionEmitter(ProgramSpec program, int index, FunctionBuilder builder) {
        this.program = program;
        this.index = index;
        this.spec = program.functions().get(index);
        this.b = builder;
    }

    /** The IR signature of a spec: {@code (i64 base, params…) -> returns}. */
    static Signature signature(FunctionSpec spec) {
        List<Type> params = new ArrayList<>();
        params.add(Type.I64);
        params.addAll(spec.params());
        return new Signature(params, List.of(spec.returns()));
    }

    void emitFunction() {
        Block entry = b.createBlock();
        List<Value> params = b.appendEntryParams(entry);
        b.switchToBlock(entry);
        b.sealBlock(entry);
        base = params.get(0);
        params.subList(1, params.size()).forEach(pool::addObserved);
        // Operands are mostly computed values, so every type gets one that no constant folding
        // can see through: a parameter, else an input cell the harness fills per run.
        // Two per type, so that a binary operation can always have distinct operands.
        for (int k = 0; k < INPUT_TYPES.size(); k++) {
            Type t = INPUT_TYPES.get(k);
            for (int cell = 2 * k + pool.computedCount(t); cell < 2 * k + INPUTS_PER_TYPE; cell++) {
                pool.addObserved(b.load(t, base, INPUT_OFFSET + 8 * cell));
            }
        }
        sink = b.declareVar(Type.I64);
        b.defVar(sink, b.iconst(Type.I64, 0));
        for (int i = 0; i < spec.slots(); i++) {
            StackSlot s = b.createStackSlot(SLOT_SIZE, 8);
            slots.add(s);
            Value addr = b.stackAddr(s, 0);
            Value zero = b.iconst(Type.I64, 0);
            for (int off = 0; off < SLOT_SIZE; off += 8) {
                b.store(zero, addr, off);
            }
        }
        for (int i = 0; i < VARIABLE_TYPES.size(); i++) {
            Variable v = b.declareVar(VARIABLE_TYPES.get(i));
            variables.add(v);
            b.defVar(v, use(v.type(), i));
        }
        List<Value> pinned = new ArrayList<>();
        for (int i = 0; i < spec.pressure(); i++) {
            pinned.add(b.load(Type.I64, base, 8 * (i % (BufferLayout.DATA_SIZE / 8 - 1))));
        }
        body(spec.body());
        epilogue(pinned);
    }

    private void epilogue(List<Value> pinned) {
        Value result = use(spec.returns(), spec.result());
        foldPending();
        b.store(b.useVar(sink), base, SINK_OFFSET);
        for (int i = 0; i < variables.size(); i++) {
            Value v = b.useVar(variables.get(i));
            b.store(canonical(v), base, BufferLayout.EPILOGUE_OFFSET + 8 * i);
        }
        if (!pinned.isEmpty()) {
            Value acc = pinned.get(0);
            for (int i = 1; i < pinned.size(); i++) {
                acc = i % 2 == 0 ? b.binary(Opcode.BXOR, acc, pinned.get(i)) : b.iadd(acc, pinned.get(i));
            }
            b.store(acc, base, PRESSURE_OFFSET);
        }
        b.ret(result);
    }

    private void body(List<Stmt> stmts) {
        for (Stmt s : stmts) {
            s.emit(this);
        }
    }

    // ---------------------------------------------------------------- operands

    /** The value {@code selector} picks among those of {@code type} (see {@link ValuePool#pick}). */
    private Value use(Type type, int selector) {
        return useOther(type, selector, null);
    }

    /**
     * As {@link #use}, but a different value than {@code other} when there is one of the kind the
     * selector asks for: binary operations get distinct operands, which is what exposes a backend
     * that swaps or confuses them.
     */
    private Value useOther(Type type, int selector, Value other) {
        Value v = pool.pickOther(type, selector, other);
        if (v != null) {
            return v;
        }
        int n = Math.max(0, selector - Stmt.CONSTANT_OPERAND);
        Value c = switch (type) {
            case I8, I16, I32, I64 -> b.iconst(type, Ints.canonical(FRESH_CONSTANTS.get(n % FRESH_CONSTANTS.size()), type));
            case F32 -> b.f32const(n + 0.5f);
            case F64 -> b.f64const(n + 0.25);
        };
        pool.addConstant(c);
        return c;
    }

    /**
     * Folds every result of the current scope that nothing used into the sink variable, which the
     * epilogue stores: a backend bug in any result reaches memory. Alternating add and xor keeps
     * two wrong results from cancelling as easily as with xor alone.
     */
    private void foldPending() {
        for (Value v : pool.takePending()) {
            Value bits = v.type().isInt() ? v : b.convert(Opcode.BITCAST, v.type().sameWidthInt(), canonical(v));
            if (bits.type() != Type.I64) {
                bits = b.convert(Opcode.UEXTEND, Type.I64, bits);
            }
            Value acc = b.useVar(sink);
            b.defVar(sink, folded++ % 2 == 0 ? b.iadd(acc, bits) : b.binary(Opcode.BXOR, acc, bits));
        }
    }

    private Value define(Value v) {
        pool.add(v);
        return v;
    }

    /** {@code v} with every NaN replaced by the canonical quiet NaN (floats only). */
    private Value canonical(Value v) {
        if (v.type().isInt()) {
            return v;
        }
        Value nan = v.type() == Type.F32 ? b.f32const(Float.NaN) : b.f64const(Double.NaN);
        return b.select(b.fcmp(FloatCC.UNO, v, v), nan, v);
    }

    private static <T> T choose(List<T> options, int selector) {
        return options.get(Math.floorMod(selector, options.size()));
    }

    // ---------------------------------------------------------------- straight-line statements

    void constant(Stmt.Constant s) {
        pool.addConstant(switch (s.type()) {
            case I8, I16, I32, I64 -> b.iconst(s.type(), s.bits());
            case F32 -> b.f32const(Float.intBitsToFloat((int) s.bits()));
            case F64 -> b.f64const(Double.longBitsToDouble(s.bits()));
        });
    }

    void arith(Stmt.Arith s) {
        Opcode op = choose(s.type().isInt() ? INT_ARITH : FLOAT_ARITH, s.op());
        Value a = use(s.type(), s.a());
        define(b.binary(op, a, useOther(s.type(), s.b(), a)));
    }

    void arithImm(Stmt.ArithImm s) {
        Type t = s.type().sameWidthInt();
        define(b.binaryImm(choose(INT_IMM, s.op()), use(t, s.a()), s.imm()));
    }

    void unary(Stmt.Unary s) {
        Opcode op = choose(s.type().isInt() ? INT_UNARY : FLOAT_UNARY, s.op());
        define(b.unary(op, use(s.type(), s.a())));
    }

    void divide(Stmt.Divide s) {
        Type t = s.type().sameWidthInt();
        Value divisor = use(t, s.b());
        Value raw = divisor;
        if (s.guarded()) {
            divisor = b.binaryImm(Opcode.BOR_IMM, b.binaryImm(Opcode.BAND_IMM, divisor, Ints.max(t)), 1);
        }
        define(b.binary(choose(DIVISIONS, s.op()), useOther(t, s.a(), raw), divisor));
    }

    void compare(Stmt.Compare s) {
        Value a = use(s.type(), s.a());
        Value other = useOther(s.type(), s.b(), a);
        if (s.type().isInt()) {
            define(b.icmp(choose(List.of(IntCC.values()), s.cc()), a, other));
        } else {
            define(b.fcmp(choose(List.of(FloatCC.values()), s.cc()), a, other));
        }
    }

    void compareImm(Stmt.CompareImm s) {
        Type t = s.type().sameWidthInt();
        define(b.icmpImm(choose(List.of(IntCC.values()), s.cc()), use(t, s.a()), s.imm()));
    }

    void choose(Stmt.Choose s) {
        Value cond = use(Type.I8, s.cond());
        Value a = use(s.type(), s.a());
        define(b.select(cond, a, useOther(s.type(), s.b(), a)));
    }

    void overflow(Stmt.Overflow s) {
        Type t = s.type().sameWidthInt();
        Value a = use(t, s.a());
        b.overflow(choose(OVERFLOWS, s.op()), a, useOther(t, s.b(), a)).forEach(pool::add);
    }

    void convert(Stmt.Convert s) {
        Type from = s.from();
        Type to = s.to();
        if (from == to) {
            return;
        }
        Value a = use(from, s.a());
        define(convert(a, to, s.variant(), s.mayTrap()));
    }

    private Value convert(Value a, Type to, int variant, boolean mayTrap) {
        Type from = a.type();
        if (from.isInt() && to.isInt()) {
            if (to.bits() < from.bits()) {
                return b.convert(Opcode.IREDUCE, to, a);
            }
            return b.convert(variant % 2 == 0 ? Opcode.SEXTEND : Opcode.UEXTEND, to, a);
        }
        if (from.isInt()) {
            return b.convert(Opcode.FCVT_FROM_SINT, to, a);
        }
        if (to.isFloat()) {
            return b.convert(to == Type.F64 ? Opcode.FPROMOTE : Opcode.FDEMOTE, to, a);
        }
        if (mayTrap && (variant % 2 == 1 || from.bits() != to.bits())) {
            return b.convert(Opcode.FCVT_TO_SINT, to, a);
        }
        Value bits = b.convert(Opcode.BITCAST, from.sameWidthInt(), canonical(a));
        return bits.type() == to ? bits : convert(bits, to, variant, false);
    }

    // ---------------------------------------------------------------- memory

    /** The address operand and static offset of a data access. */
    private record Address(Value addr, int offset) {
    }

    private Address address(boolean indexed, int index, int offset) {
        if (!indexed) {
            return new Address(base, Math.floorMod(offset, BufferLayout.DATA_SIZE - 8 + 1));
        }
        Value i = b.binaryImm(Opcode.BAND_IMM, use(Type.I64, index), BufferLayout.INDEX_MASK);
        return new Address(b.iadd(base, i), Math.floorMod(offset, BufferLayout.MAX_OFFSET + 1));
    }

    void load(Stmt.Load s) {
        Address a = address(s.indexed(), s.index(), s.offset());
        define(b.load(s.type(), a.addr(), a.offset()));
    }

    void store(Stmt.Store s) {
        Value v = canonical(use(s.type(), s.value()));
        Address a = address(s.indexed(), s.index(), s.offset());
        b.store(v, a.addr(), a.offset());
    }

    void slotAccess(Stmt.SlotAccess s) {
        if (slots.isEmpty()) {
            return;
        }
        StackSlot slot = choose(slots, s.slot());
        int off = Math.floorMod(s.offset(), SLOT_SIZE - 8 + 1);
        // Split the offset between stack_addr and the access to cover both address forms.
        int inAddr = off / 2;
        Value addr = b.stackAddr(slot, inAddr);
        if (s.store()) {
            b.store(canonical(use(s.type(), s.value())), addr, off - inAddr);
        } else {
            define(b.load(s.type(), addr, off - inAddr));
        }
    }

    // ---------------------------------------------------------------- variables and control flow

    void assign(Stmt.Assign s) {
        Variable v = choose(variables, s.variable());
        Value value = pool.pickForVariable(v.type(), s.value());
        b.defVar(v, value == null ? use(v.type(), s.value()) : value);
    }

    /** Makes the current value of every variable visible (after a merge: block parameters). */
    private void readVariables() {
        for (Variable v : variables) {
            pool.addObserved(b.useVar(v));
        }
    }

    /** Emits {@code stmts} in a new scope in {@code block}, then jumps to {@code merge}. */
    private void region(Block block, List<Stmt> stmts, Block merge) {
        b.switchToBlock(block);
        pool.enter();
        body(stmts);
        foldPending();
        pool.leave();
        b.jump(merge);
    }

    void branch(Stmt.If s) {
        Value cond = use(Type.I8, s.cond());
        Block then = b.createBlock();
        Block otherwise = b.createBlock();
        Block merge = b.createBlock();
        if ((s.cond() & 1) != 0) {
            // Half the else-arms are cold: code generators move them after every other block,
            // which the differential check then runs against the interpreter's layout order.
            b.setCold(otherwise);
        }
        b.brif(cond, then, otherwise);
        b.sealBlock(then);
        b.sealBlock(otherwise);
        region(then, s.then(), merge);
        region(otherwise, s.otherwise(), merge);
        b.sealBlock(merge);
        b.switchToBlock(merge);
        readVariables();
    }

    void loop(Stmt.Loop s) {
        Variable counter = b.declareVar(Type.I64);
        b.defVar(counter, b.iconst(Type.I64, 0));
        Value limit = null;
        if (s.dynamic()) {
            int mask = Integer.highestOneBit(Math.max(1, s.trips() + 1)) - 1;
            limit = b.binaryImm(Opcode.BAND_IMM, use(Type.I64, s.limit()), mask);
        }
        Block header = b.createBlock();
        Block loopBody = b.createBlock();
        Block exit = b.createBlock();
        b.jump(header);
        b.switchToBlock(header);
        Value count = b.useVar(counter);
        Value more = limit == null ? b.icmpImm(IntCC.SLT, count, s.trips()) : b.icmp(IntCC.SLT, count, limit);
        b.brif(more, loopBody, exit);
        b.sealBlock(loopBody);
        b.sealBlock(exit);
        b.switchToBlock(loopBody);
        pool.enter();
        pool.addObserved(count);
        body(s.body());
        foldPending();
        pool.leave();
        b.defVar(counter, b.iaddImm(b.useVar(counter), 1));
        b.jump(header);
        b.sealBlock(header);
        b.switchToBlock(exit);
        readVariables();
    }

    void switchTable(Stmt.Switch s) {
        if (s.cases().isEmpty()) {
            return;
        }
        Value idx = use(Type.I32, s.index());
        if (s.masked()) {
            idx = b.binaryImm(Opcode.BAND_IMM, idx, 3);
        }
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < s.cases().size(); i++) {
            blocks.add(b.createBlock());
            if (i % 2 == 1) {
                b.setCold(blocks.get(i));
            }
        }
        Block merge = b.createBlock();
        List<BlockCall> table = blocks.subList(1, blocks.size()).stream().map(BlockCall::of).toList();
        b.brTable(idx, BlockCall.of(blocks.get(0)), table);
        blocks.forEach(b::sealBlock);
        for (int i = 0; i < blocks.size(); i++) {
            region(blocks.get(i), s.cases().get(i), merge);
        }
        b.sealBlock(merge);
        b.switchToBlock(merge);
        readVariables();
    }

    void trapIf(Stmt.TrapIf s) {
        Value cond = use(Type.I8, s.cond());
        Block trap = b.createBlock();
        b.setCold(trap);
        Block cont = b.createBlock();
        b.brif(cond, trap, cont);
        b.sealBlock(trap);
        b.sealBlock(cont);
        b.switchToBlock(trap);
        b.trap(TrapCode.user(Math.floorMod(s.code(), 4)));
        b.switchToBlock(cont);
    }

    // ---------------------------------------------------------------- calls

    void call(Stmt.Call s) {
        int later = program.functions().size() - index - 1;
        if (later <= 0) {
            return;
        }
        int calleeIndex = index + 1 + Math.floorMod(s.callee(), later);
        FunctionSpec callee = program.functions().get(calleeIndex);
        Signature sig = signature(callee);
        List<Value> args = new ArrayList<>();
        args.add(base);
        for (int k = 0; k < callee.params().size(); k++) {
            args.add(use(callee.params().get(k), s.args() + k));
        }
        String name = ProgramSpec.name(calleeIndex);
        List<Value> results = s.indirect()
                ? b.callIndirect(sig, b.funcAddr(name), args.toArray(Value[]::new))
                : b.call(name, sig, args.toArray(Value[]::new));
        results.forEach(pool::add);
    }

    void nativeCall(Stmt.NativeCall s) {
        NativeFunction fn = choose(List.of(NativeFunction.values()), s.function());
        Value addr = b.load(Type.I64, base, BufferLayout.tableOffset(fn));
        List<Value> args = new ArrayList<>();
        for (int k = 0; k < fn.params().size(); k++) {
            args.add(use(fn.params().get(k), s.args() + k));
        }
        b.callIndirect(fn.signature(), addr, args.toArray(Value[]::new)).forEach(pool::add);
    }
}
