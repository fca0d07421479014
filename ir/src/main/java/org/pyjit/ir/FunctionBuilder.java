package org.pyjit.ir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds an {@link IrFunction} instruction by instruction, with SSA construction from variables
 * after Braun et al., "Simple and Efficient Construction of Static Single Assignment Form"
 * (CC 2013): front ends {@link #declareVar declare}, {@link #defVar define} and {@link #useVar use}
 * variables, {@link #sealBlock seal} a block once all its predecessors are known, and never place
 * block parameters by hand.
 *
 * <p>Invariants kept while building: instructions are appended to the current block only, and
 * never after its terminator; a branch records an edge in each target's predecessor list; a
 * block parameter created for a variable in an unsealed block gets its branch arguments when the
 * block is sealed; a parameter whose incoming values are all the same value (or itself) is
 * removed and its uses are redirected. Types are not checked here: the {@code Verifier} does that.
 *
 * <pre>{@code
 * IrFunction f = FunctionBuilder.build("add1", Signature.of(Type.I64, Type.I64), b -> {
 *     Block entry = b.createBlock();
 *     Value x = b.appendEntryParams(entry).get(0);
 *     b.switchToBlock(entry);
 *     b.ret(b.iaddImm(x, 1));
 * });
 * }</pre>
 */
public final class FunctionBuilder {

    /** An instruction under construction: terminators gain branch arguments while sealing. */
    private static final class Draft {
        final Opcode opcode;
        final List<Value> results;
        final List<Value> args;
        final Imm imm;
        final List<Block> targets = new ArrayList<>();
        final List<List<Value>> targetArgs = new ArrayList<>();

        Draft(Opcode opcode, List<Value> results, List<Value> args, Imm imm) {
            this.opcode = opcode;
            this.results = results;
            this.args = args;
            this.imm = imm;
        }
    }

    /** A control-flow edge: target {@code index} of the terminator of {@code from}. */
    private record Edge(BlockState from, Draft branch, int index) {
    }

    private static final class BlockState {
        final Block ref;
        final List<Value> params = new ArrayList<>();
        final List<Draft> insts = new ArrayList<>();
        final List<Edge> preds = new ArrayList<>();
        final Map<Integer, Value> defs = new HashMap<>();
        /** Parameters created for variables while the block was unsealed, in creation order. */
        final Map<Integer, Value> incomplete = new LinkedHashMap<>();
        boolean sealed;
        boolean cold;

        BlockState(Block ref) {
            this.ref = ref;
        }

        boolean filled() {
            return !insts.isEmpty() && insts.get(insts.size() - 1).opcode.isTerminator();
        }
    }

    private final String name;
    private final Signature signature;
    private final List<BlockState> blocks = new ArrayList<>();
    /** How many {@link #cold} calls are running. */
    private int coldDepth;
    private final List<StackSlot> slots = new ArrayList<>();
    private final List<Type> varTypes = new ArrayList<>();
    private final Map<Value, Value> aliases = new HashMap<>();
    private BlockState current;
    private int nextValue;
    private boolean built;

    /** Starts a function with the given name (without {@code %}) and signature. */
    public FunctionBuilder(String name, Signature signature) {
        this.name = Objects.requireNonNull(name, "name");
        this.signature = Objects.requireNonNull(signature, "signature");
    }

    /** Builds a function by handing a fresh builder to {@code body}, then {@link #build()}. */
    public static IrFunction build(String name, Signature signature, Consumer<FunctionBuilder> body) {
        FunctionBuilder b = new FunctionBuilder(name, signature);
        body.accept(b);
        return b.build();
    }

    /** The signature being built. */
    public Signature signature() {
        return signature;
    }

    // ---------------------------------------------------------------- blocks and slots

    /**
     * Creates a new, empty block. The first block created is the entry block. A block created
     * while {@link #cold} runs is cold.
     */
    public Block createBlock() {
        checkOpen();
        Block ref = new Block(blocks.size());
        BlockState state = new BlockState(ref);
        state.cold = coldDepth > 0 && !blocks.isEmpty();
        blocks.add(state);
        return ref;
    }

    /**
     * Marks {@code block} as expected to run rarely ({@link BasicBlock#cold}); code generators
     * place it after the others.
     *
     * @throws IllegalArgumentException for the entry block
     */
    public void setCold(Block block) {
        setCold(block, true);
    }

    /**
     * Sets whether {@code block} is cold, whatever {@link #cold} region created it (a block that
     * a slow path creates for code that also runs on the fast path is not cold).
     *
     * @throws IllegalArgumentException for the entry block made cold
     */
    public void setCold(Block block, boolean cold) {
        checkOpen();
        if (cold && block.equals(blocks.get(0).ref)) {
            throw new IllegalArgumentException("function %" + name + ": the entry block cannot be cold");
        }
        state(block).cold = cold;
    }

    /**
     * Runs {@code emit}, making every block it creates cold: a slow path emitted as a whole, with
     * whatever branches it needs. Nests.
     */
    public void cold(Runnable emit) {
        checkOpen();
        coldDepth++;
        try {
            emit.run();
        } finally {
            coldDepth--;
        }
    }

    /** Appends a parameter of type {@code type} to {@code block} and returns its value. */
    public Value appendBlockParam(Block block, Type type) {
        Value v = newValue(type);
        state(block).params.add(v);
        return v;
    }

    /** Appends one parameter per signature parameter to {@code block} (the entry block). */
    public List<Value> appendEntryParams(Block block) {
        List<Value> out = new ArrayList<>();
        for (Type t : signature.params()) {
            out.add(appendBlockParam(block, t));
        }
        return out;
    }

    /** Makes {@code block} the block that instructions are appended to. */
    public void switchToBlock(Block block) {
        checkOpen();
        current = state(block);
    }

    /** The block instructions are appended to, or null before the first {@link #switchToBlock}. */
    public Block currentBlock() {
        return current == null ? null : current.ref;
    }

    /** True if the current block already ends with a terminator. */
    public boolean isFilled() {
        return current != null && current.filled();
    }

    /** Declares a stack slot of {@code size} bytes aligned to {@code align}. */
    public StackSlot createStackSlot(int size, int align) {
        checkOpen();
        StackSlot s = new StackSlot(slots.size(), size, align);
        slots.add(s);
        return s;
    }

    // ---------------------------------------------------------------- SSA variables

    /** Declares a variable whose values have type {@code type}. */
    public Variable declareVar(Type type) {
        Objects.requireNonNull(type, "type");
        varTypes.add(type);
        return new Variable(varTypes.size() - 1, type);
    }

    /** Assigns {@code value} to {@code var} at the current position. */
    public void defVar(Variable var, Value value) {
        checkVar(var);
        if (value.type() != var.type()) {
            throw new IllegalArgumentException(var + " has type " + var.type() + ", cannot assign " + value
                    + " of type " + value.type());
        }
        currentBlock("defVar").defs.put(var.index(), resolve(value));
    }

    /** The value of {@code var} that reaches the current position. */
    public Value useVar(Variable var) {
        checkVar(var);
        return readVariable(var, currentBlock("useVar"));
    }

    /**
     * Declares that every predecessor of {@code block} is now known. Variables read in it before
     * sealing get their branch arguments now.
     */
    public void sealBlock(Block block) {
        checkOpen();
        BlockState b = state(block);
        if (b.sealed) {
            return;
        }
        // Reading operands may create further incomplete parameters in this very block (a loop
        // through it): take them in creation order until none is left.
        while (!b.incomplete.isEmpty()) {
            var it = b.incomplete.entrySet().iterator();
            var e = it.next();
            it.remove();
            addParamOperands(e.getKey(), b, e.getValue());
        }
        b.sealed = true;
    }

    /** Seals every block not sealed yet. */
    public void sealAllBlocks() {
        for (BlockState b : blocks) {
            sealBlock(b.ref);
        }
    }

    private Value readVariable(Variable var, BlockState b) {
        Value v = b.defs.get(var.index());
        if (v != null) {
            return resolve(v);
        }
        return readVariableRecursive(var, b);
    }

    private Value readVariableRecursive(Variable var, BlockState b) {
        Value v;
        if (!b.sealed) {
            v = newValue(var.type());
            b.params.add(v);
            b.incomplete.put(var.index(), v);
        } else if (b.preds.size() == 1) {
            v = readVariable(var, b.preds.get(0).from());
        } else if (b.preds.isEmpty()) {
            throw new IllegalStateException("function %" + name + ": " + var + " is used in " + b.ref
                    + " before any definition reaches it");
        } else {
            v = newValue(var.type());
            b.params.add(v);
            b.defs.put(var.index(), v); // breaks cycles through loops
            v = addParamOperands(var.index(), b, v);
        }
        b.defs.put(var.index(), v);
        return v;
    }

    private Value addParamOperands(int varIndex, BlockState b, Value param) {
        if (b.preds.isEmpty()) {
            throw new IllegalStateException("function %" + name + ": var" + varIndex + " is used in " + b.ref
                    + " before any definition reaches it");
        }
        Variable var = new Variable(varIndex, param.type());
        for (Edge e : b.preds) {
            e.branch().targetArgs.get(e.index()).add(readVariable(var, e.from()));
        }
        return removeIfTrivial(b, param);
    }

    /** Removes {@code param} if every incoming value is one other value; returns what stands for it. */
    private Value removeIfTrivial(BlockState b, Value param) {
        int index = b.params.indexOf(param);
        Value same = null;
        for (Edge e : b.preds) {
            Value op = resolve(e.branch().targetArgs.get(e.index()).get(index));
            if (op.equals(same) || op.equals(param)) {
                continue;
            }
            if (same != null) {
                return param;
            }
            same = op;
        }
        if (same == null) {
            return param; // only reached from itself: unreachable, keep it
        }
        b.params.remove(index);
        for (Edge e : b.preds) {
            e.branch().targetArgs.get(e.index()).remove(index);
        }
        aliases.put(param, same);
        return same;
    }

    private Value resolve(Value v) {
        Value r = v;
        for (Value next = aliases.get(r); next != null; next = aliases.get(r)) {
            r = next;
        }
        return r;
    }

    // ---------------------------------------------------------------- generic instruction entry

    /**
     * Appends any instruction: the escape hatch under the typed methods below (and a way to build
     * malformed instructions for verifier tests). Results are fresh values of {@code resultTypes}.
     *
     * @return the results
     */
    public List<Value> inst(Opcode opcode, List<Type> resultTypes, List<Value> args, Imm imm, List<BlockCall> targets) {
        BlockState b = currentBlock(opcode.text());
        if (b.filled()) {
            throw new IllegalStateException("function %" + name + ": " + b.ref + " already ends with "
                    + b.insts.get(b.insts.size() - 1).opcode + "; cannot append " + opcode);
        }
        List<Value> results = new ArrayList<>();
        for (Type t : resultTypes) {
            results.add(newValue(t));
        }
        List<Value> resolved = new ArrayList<>();
        for (Value a : args) {
            resolved.add(resolve(Objects.requireNonNull(a, "argument")));
        }
        Draft d = new Draft(opcode, results, resolved, imm);
        for (BlockCall t : targets) {
            BlockState target = state(t.block());
            if (target.sealed) {
                throw new IllegalStateException("function %" + name + ": " + t.block()
                        + " is sealed; no new branch may target it");
            }
            List<Value> targs = new ArrayList<>();
            for (Value a : t.args()) {
                targs.add(resolve(a));
            }
            d.targets.add(t.block());
            d.targetArgs.add(targs);
            target.preds.add(new Edge(b, d, d.targets.size() - 1));
        }
        b.insts.add(d);
        return results;
    }

    private Value one(Opcode opcode, Type resultType, Imm imm, Value... args) {
        return inst(opcode, List.of(resultType), Arrays.asList(args), imm, List.of()).get(0);
    }

    // ---------------------------------------------------------------- constants

    /** {@code iconst.T value}; the value is truncated to the type's width. */
    public Value iconst(Type type, long value) {
        return one(Opcode.ICONST, type, new Imm.Int(Ints.canonical(value, type)));
    }

    /** {@code f32const value}. */
    public Value f32const(float value) {
        return one(Opcode.F32CONST, Type.F32, new Imm.FloatBits(Float.floatToRawIntBits(value) & 0xFFFF_FFFFL));
    }

    /** {@code f64const value}. */
    public Value f64const(double value) {
        return one(Opcode.F64CONST, Type.F64, new Imm.FloatBits(Double.doubleToRawLongBits(value)));
    }

    // ---------------------------------------------------------------- arithmetic

    /** A {@link Format#BINARY} instruction: the result has {@code a}'s type. */
    public Value binary(Opcode opcode, Value a, Value b) {
        requireFormat(opcode, Format.BINARY);
        return one(opcode, a.type(), Imm.None.INSTANCE, a, b);
    }

    /** A {@link Format#BINARY_IMM} instruction; the immediate is truncated to {@code a}'s width. */
    public Value binaryImm(Opcode opcode, Value a, long imm) {
        requireFormat(opcode, Format.BINARY_IMM);
        return one(opcode, a.type(), new Imm.Int(Ints.canonical(imm, a.type())), a);
    }

    /** A {@link Format#UNARY} instruction. */
    public Value unary(Opcode opcode, Value a) {
        requireFormat(opcode, Format.UNARY);
        return one(opcode, a.type(), Imm.None.INSTANCE, a);
    }

    /** A {@link Format#CONVERT} instruction producing {@code to}. */
    public Value convert(Opcode opcode, Type to, Value a) {
        requireFormat(opcode, Format.CONVERT);
        return one(opcode, to, Imm.None.INSTANCE, a);
    }

    /** {@code iadd a, b}. */
    public Value iadd(Value a, Value b) {
        return binary(Opcode.IADD, a, b);
    }

    /** {@code isub a, b}. */
    public Value isub(Value a, Value b) {
        return binary(Opcode.ISUB, a, b);
    }

    /** {@code imul a, b}. */
    public Value imul(Value a, Value b) {
        return binary(Opcode.IMUL, a, b);
    }

    /** {@code iadd_imm a, imm}. */
    public Value iaddImm(Value a, long imm) {
        return binaryImm(Opcode.IADD_IMM, a, imm);
    }

    /** {@code fadd a, b}. */
    public Value fadd(Value a, Value b) {
        return binary(Opcode.FADD, a, b);
    }

    /** {@code fmul a, b}. */
    public Value fmul(Value a, Value b) {
        return binary(Opcode.FMUL, a, b);
    }

    /** {@code icmp cc a, b}. */
    public Value icmp(IntCC cc, Value a, Value b) {
        return one(Opcode.ICMP, Type.I8, new Imm.IntCond(cc), a, b);
    }

    /** {@code icmp_imm cc a, imm}; the immediate is truncated to {@code a}'s width. */
    public Value icmpImm(IntCC cc, Value a, long imm) {
        return one(Opcode.ICMP_IMM, Type.I8, new Imm.IntCondImm(cc, Ints.canonical(imm, a.type())), a);
    }

    /** {@code fcmp cc a, b}. */
    public Value fcmp(FloatCC cc, Value a, Value b) {
        return one(Opcode.FCMP, Type.I8, new Imm.FloatCond(cc), a, b);
    }

    /** {@code select c, a, b}. */
    public Value select(Value c, Value a, Value b) {
        return one(Opcode.SELECT, a.type(), Imm.None.INSTANCE, c, a, b);
    }

    /** An overflow-checked operation: returns the wrapped result and the i8 overflow flag. */
    public List<Value> overflow(Opcode opcode, Value a, Value b) {
        requireFormat(opcode, Format.OVERFLOW);
        return inst(opcode, List.of(a.type(), Type.I8), List.of(a, b), Imm.None.INSTANCE, List.of());
    }

    // ---------------------------------------------------------------- memory

    /** {@code load.T addr+offset}. */
    public Value load(Type type, Value addr, int offset) {
        return one(Opcode.LOAD, type, new Imm.Offset(offset), addr);
    }

    /** {@code store value, addr+offset}. */
    public void store(Value value, Value addr, int offset) {
        inst(Opcode.STORE, List.of(), List.of(value, addr), new Imm.Offset(offset), List.of());
    }

    /** {@code stack_addr slot+offset}. */
    public Value stackAddr(StackSlot slot, int offset) {
        return one(Opcode.STACK_ADDR, Type.I64, new Imm.SlotRef(slot, offset));
    }

    /** {@code func_addr %name}. */
    public Value funcAddr(String callee) {
        return one(Opcode.FUNC_ADDR, Type.I64, new Imm.Callee(callee));
    }

    // ---------------------------------------------------------------- calls

    /** {@code call %callee(args)}; {@code sig} is the callee's signature. Returns its results. */
    public List<Value> call(String callee, Signature sig, Value... args) {
        return inst(Opcode.CALL, sig.returns(), Arrays.asList(args), new Imm.Callee(callee), List.of());
    }

    /** {@code call_indirect sig, address(args)}: a native call with the C calling convention. */
    public List<Value> callIndirect(Signature sig, Value address, Value... args) {
        List<Value> all = new ArrayList<>();
        all.add(address);
        all.addAll(Arrays.asList(args));
        return inst(Opcode.CALL_INDIRECT, sig.returns(), all, new Imm.Sig(sig), List.of());
    }

    // ---------------------------------------------------------------- control flow

    /** {@code jump target(args)}. */
    public void jump(Block target, Value... args) {
        inst(Opcode.JUMP, List.of(), List.of(), Imm.None.INSTANCE, List.of(BlockCall.of(target, args)));
    }

    /** {@code brif cond, then(thenArgs), else(elseArgs)}. */
    public void brif(Value cond, Block then, List<Value> thenArgs, Block otherwise, List<Value> elseArgs) {
        inst(Opcode.BRIF, List.of(), List.of(cond), Imm.None.INSTANCE,
                List.of(new BlockCall(then, thenArgs), new BlockCall(otherwise, elseArgs)));
    }

    /** {@code brif cond, then, else} with no block arguments. */
    public void brif(Value cond, Block then, Block otherwise) {
        brif(cond, then, List.of(), otherwise, List.of());
    }

    /** {@code br_table index, default, [targets]}. */
    public void brTable(Value index, BlockCall defaultTarget, List<BlockCall> table) {
        List<BlockCall> all = new ArrayList<>();
        all.add(defaultTarget);
        all.addAll(table);
        inst(Opcode.BR_TABLE, List.of(), List.of(index), Imm.None.INSTANCE, all);
    }

    /** {@code return values}. */
    public void ret(Value... values) {
        inst(Opcode.RETURN, List.of(), Arrays.asList(values), Imm.None.INSTANCE, List.of());
    }

    /** {@code trap code}. */
    public void trap(TrapCode code) {
        inst(Opcode.TRAP, List.of(), List.of(), new Imm.Trap(code), List.of());
    }

    // ---------------------------------------------------------------- finishing

    /**
     * Seals the remaining blocks and returns the function. Every block must end with a
     * terminator. The builder cannot be used afterwards.
     */
    public IrFunction build() {
        checkOpen();
        sealAllBlocks();
        if (blocks.isEmpty()) {
            throw new IllegalStateException("function %" + name + " has no blocks");
        }
        List<BasicBlock> out = new ArrayList<>();
        for (BlockState b : blocks) {
            if (!b.filled()) {
                throw new IllegalStateException("function %" + name + ": " + b.ref + " does not end with a terminator");
            }
            List<Inst> insts = new ArrayList<>();
            for (Draft d : b.insts) {
                List<BlockCall> targets = new ArrayList<>();
                for (int i = 0; i < d.targets.size(); i++) {
                    targets.add(new BlockCall(d.targets.get(i), resolveAll(d.targetArgs.get(i))));
                }
                insts.add(new Inst(d.opcode, d.results, resolveAll(d.args), d.imm, targets));
            }
            out.add(new BasicBlock(b.ref, b.params, insts, b.cold));
        }
        built = true;
        return new IrFunction(name, signature, slots, out);
    }

    private List<Value> resolveAll(List<Value> values) {
        List<Value> out = new ArrayList<>(values.size());
        for (Value v : values) {
            out.add(resolve(v));
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    private Value newValue(Type type) {
        checkOpen();
        return new Value(nextValue++, Objects.requireNonNull(type, "type"));
    }

    private BlockState state(Block block) {
        checkOpen();
        if (block.id() >= blocks.size()) {
            throw new IllegalArgumentException("function %" + name + ": " + block + " was not created by this builder");
        }
        return blocks.get(block.id());
    }

    private BlockState currentBlock(String what) {
        checkOpen();
        if (current == null) {
            throw new IllegalStateException("function %" + name + ": " + what + " before switchToBlock");
        }
        return current;
    }

    private void checkVar(Variable var) {
        if (var.index() >= varTypes.size() || varTypes.get(var.index()) != var.type()) {
            throw new IllegalArgumentException(var + " was not declared by this builder");
        }
    }

    private void checkOpen() {
        if (built) {
            throw new IllegalStateException("function %" + name + " was already built");
        }
    }

    private static void requireFormat(Opcode opcode, Format format) {
        if (opcode.format() != format) {
            throw new IllegalArgumentException(opcode + " is not a " + format + " instruction");
        }
    }
}
