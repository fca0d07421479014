package org.pyjit.ir.interp;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pyjit.ir.Imm;
import org.pyjit.ir.Ints;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.Signature;
import org.pyjit.ir.StackSlot;
import org.pyjit.ir.TrapCode;
import org.pyjit.ir.TrapException;
import org.pyjit.ir.Type;
import org.pyjit.ir.interp.Lowered.BlockCode;
import org.pyjit.ir.interp.Lowered.Step;
import org.pyjit.ir.interp.Lowered.Target;

/**
 * The reference interpreter: runs the functions of a verified {@link IrModule} on raw value
 * patterns ({@link Bits}) and thereby defines the IR's semantics.
 *
 * <pre>{@code
 * Interpreter in = new Interpreter(module);
 * long[] r = in.call("sum_to", 10);          // {45}
 * double d = Bits.toDouble(in.call("half", Bits.ofDouble(3.0))[0]);
 * }</pre>
 *
 * <p>Frames are kept on an explicit stack, so IR recursion of any depth ends in the
 * {@code stack_overflow} trap at {@link Limits#callDepth()} and never overflows the Java stack.
 * Each top-level {@link #call} may execute at most {@link Limits#steps()} instructions
 * (terminators included) before trapping {@code step_limit}. Stack slots are mapped in the
 * interpreter's reserved address range, zero-filled at entry and unmapped at return (or when a
 * trap unwinds). {@code func_addr %f} is {@link #functionAddress(String)}; {@code call_indirect}
 * to such an address calls that IR function, to an address registered with
 * {@link #registerNative} calls the handler. Not thread-safe; one interpreter may be called
 * again after a trap.
 */
public final class Interpreter {

    /**
     * Resource limits of a run; exceeding one traps.
     *
     * @param steps      instructions one top-level call may execute ({@code step_limit})
     * @param callDepth  frames that may be live at once, the top-level one included
     *                   ({@code stack_overflow})
     * @param stackBytes bytes of stack slots that may be live at once ({@code stack_overflow})
     */
    public record Limits(long steps, int callDepth, long stackBytes) {
        /** 10^8 steps, 10 000 frames, 64 MiB of stack slots. */
        public static final Limits DEFAULT = new Limits(100_000_000L, 10_000, 64L << 20);

        /** Validates that every limit is positive. */
        public Limits {
            if (steps < 1 || callDepth < 1 || stackBytes < 1) {
                throw new IllegalArgumentException("limits must be positive: " + steps + ", " + callDepth + ", " + stackBytes);
            }
        }

        /** These limits with another step limit. */
        public Limits withSteps(long n) {
            return new Limits(n, callDepth, stackBytes);
        }

        /** These limits with another call-depth limit. */
        public Limits withCallDepth(int n) {
            return new Limits(steps, n, stackBytes);
        }

        /** These limits with another stack-size limit. */
        public Limits withStackBytes(long n) {
            return new Limits(steps, callDepth, n);
        }
    }

    /**
     * Every live stack slot owns a window of 2^32 addresses starting at its base, the rest of the
     * window unmapped. An access through a slot's address that runs off the slot, by any 32-bit
     * offset and by any small computed amount, traps {@code heap_oob} instead of landing in a
     * neighbouring slot, whose native counterpart is somewhere else in the frame.
     */
    private static final int SLOT_WINDOW_SHIFT = 32;
    /** Live slots that fit the stack range: {@code [STACK_BASE, FUNCTION_BASE)} in windows. */
    private static final long MAX_LIVE_SLOTS = (Memory.FUNCTION_BASE - Memory.STACK_BASE) >>> SLOT_WINDOW_SHIFT;
    /** Distance between the fake addresses of consecutive functions. */
    private static final int FUNCTION_STRIDE = 16;

    /** A live call: its registers (indexed by value number), slots and position. */
    private static final class Frame {
        final Lowered code;
        final long[] regs;
        final Region[] slots;
        /** Live slots and their bytes before this frame's slots were mapped. */
        final long slotMark;
        final long bytesMark;
        BlockCode block;
        int pc;

        Frame(Lowered code, Region[] slots, long slotMark, long bytesMark) {
            this.code = code;
            this.regs = new long[code.registerCount];
            this.slots = slots;
            this.slotMark = slotMark;
            this.bytesMark = bytesMark;
            this.block = code.blocks[0];
        }
    }

    private final IrModule module;
    private final Memory memory;
    private final Limits limits;
    private final Map<String, Integer> functionIndex = new HashMap<>();
    private final Lowered[] lowered;
    private final Map<Long, NativeHandler> natives = new HashMap<>();
    private long steps;
    private int depth;
    /** Stack slots live now (the next one takes window number {@code liveSlots}). */
    private long liveSlots;
    /** Their bytes, the quantity {@link Limits#stackBytes} bounds. */
    private long liveSlotBytes;
    private int activeRuns;

    /** An interpreter over {@code module} with an empty {@link Memory} and default limits. */
    public Interpreter(IrModule module) {
        this(module, new Memory(), Limits.DEFAULT);
    }

    /**
     * An interpreter over {@code module} whose loads and stores see {@code memory}.
     *
     * @param module the functions; they should verify (the interpreter only checks what it must
     *               to stay memory-safe and throws {@link IllegalStateException} otherwise)
     * @param memory the caller's memory; the interpreter maps its stack slots into it
     * @param limits the resource limits
     */
    public Interpreter(IrModule module, Memory memory, Limits limits) {
        this.module = Objects.requireNonNull(module, "module");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.limits = Objects.requireNonNull(limits, "limits");
        List<IrFunction> fs = module.functions();
        for (int i = 0; i < fs.size(); i++) {
            functionIndex.put(fs.get(i).name(), i);
        }
        this.lowered = new Lowered[fs.size()];
    }

    /** The module being interpreted. */
    public IrModule module() {
        return module;
    }

    /** The memory loads and stores see. */
    public Memory memory() {
        return memory;
    }

    /** The resource limits. */
    public Limits limits() {
        return limits;
    }

    /**
     * The number of instructions executed by the most recent top-level {@link #call} (so far, if
     * it is still running; nested calls from native handlers count towards it).
     */
    public long steps() {
        return steps;
    }

    /**
     * The stable fake address {@code func_addr %name} yields: {@link Memory#FUNCTION_BASE} plus 16
     * times the function's index in the module.
     *
     * @throws IllegalArgumentException if the module has no such function
     */
    public long functionAddress(String name) {
        return Memory.FUNCTION_BASE + (long) FUNCTION_STRIDE * index(name);
    }

    /**
     * Makes {@code call_indirect} to {@code address} run {@code handler}.
     *
     * @throws IllegalArgumentException if the address lies in the reserved range
     */
    public void registerNative(long address, NativeHandler handler) {
        if (Memory.inReserved(address, 1)) {
            throw new IllegalArgumentException(String.format("native address 0x%x is in the interpreter's reserved range", address));
        }
        natives.put(address, Objects.requireNonNull(handler, "handler"));
    }

    /**
     * Calls function {@code name} with raw argument patterns, each normalised to its parameter
     * type first ({@link Bits#normalize}).
     *
     * @return the result patterns: empty or one value, canonical for the return type
     * @throws TrapException            if the function traps
     * @throws IllegalArgumentException for an unknown function or a wrong argument count
     * @throws IllegalStateException    for IR that does not verify, or {@code call_indirect} to
     *                                  an address with no function or handler behind it
     */
    public long[] call(String name, long... args) {
        Lowered code = lowered(index(name));
        List<Type> params = code.signature().params();
        if (args.length != params.size()) {
            throw new IllegalArgumentException("%" + name + " takes " + params.size() + " arguments, got " + args.length);
        }
        long[] normalized = new long[args.length];
        for (int i = 0; i < args.length; i++) {
            normalized[i] = Bits.normalize(args[i], params.get(i));
        }
        if (activeRuns == 0) {
            steps = 0;
        }
        activeRuns++;
        ArrayDeque<Frame> frames = new ArrayDeque<>();
        try {
            return run(code, normalized, frames);
        } finally {
            activeRuns--;
            while (!frames.isEmpty()) {
                leave(frames.pop());
            }
        }
    }

    private long[] run(Lowered entryCode, long[] entryArgs, ArrayDeque<Frame> frames) {
        Frame frame = enter(entryCode, entryArgs);
        frames.push(frame);
        long[] outcome = null;
        while (outcome == null) {
            Step s = frame.block.steps()[frame.pc++];
            if (steps >= limits.steps()) {
                throw new TrapException(TrapCode.STEP_LIMIT);
            }
            steps++;
            long[] r = frame.regs;
            int[] a = s.args;
            frame = switch (s.op.format()) {
                case INT_CONST, FLOAT_CONST -> {
                    r[s.results[0]] = s.imm;
                    yield frame;
                }
                case UNARY -> {
                    r[s.results[0]] = Semantics.unary(s.op, s.type, r[a[0]]);
                    yield frame;
                }
                case CONVERT -> {
                    r[s.results[0]] = Semantics.convert(s.op, s.type, s.resultType, r[a[0]]);
                    yield frame;
                }
                case BINARY -> {
                    r[s.results[0]] = Semantics.binary(s.op, s.type, r[a[0]], r[a[1]]);
                    yield frame;
                }
                case BINARY_IMM -> {
                    r[s.results[0]] = Semantics.binary(s.op, s.type, r[a[0]], s.imm);
                    yield frame;
                }
                case INT_COMPARE -> {
                    r[s.results[0]] = Semantics.icmp(((Imm.IntCond) s.inst.imm()).cc(), r[a[0]], r[a[1]]);
                    yield frame;
                }
                case INT_COMPARE_IMM -> {
                    r[s.results[0]] = Semantics.icmp(((Imm.IntCondImm) s.inst.imm()).cc(), r[a[0]], s.imm);
                    yield frame;
                }
                case FLOAT_COMPARE -> {
                    r[s.results[0]] = Semantics.fcmp(((Imm.FloatCond) s.inst.imm()).cc(), s.type, r[a[0]], r[a[1]]);
                    yield frame;
                }
                case SELECT -> {
                    r[s.results[0]] = r[a[0]] != 0 ? r[a[1]] : r[a[2]];
                    yield frame;
                }
                case OVERFLOW -> {
                    long[] rf = Semantics.overflow(s.op, s.type, r[a[0]], r[a[1]]);
                    r[s.results[0]] = rf[0];
                    r[s.results[1]] = rf[1];
                    yield frame;
                }
                case LOAD -> {
                    long raw = memory.load(r[a[0]] + s.imm, s.resultType.bytes());
                    r[s.results[0]] = Bits.normalize(raw, s.resultType);
                    yield frame;
                }
                case STORE -> {
                    memory.store(r[a[1]] + s.imm, s.type.bytes(), r[a[0]]);
                    yield frame;
                }
                case STACK_ADDR -> {
                    r[s.results[0]] = frame.slots[((Imm.SlotRef) s.inst.imm()).slot().index()].base() + s.imm;
                    yield frame;
                }
                case FUNC_ADDR -> {
                    r[s.results[0]] = functionAddress(((Imm.Callee) s.inst.imm()).name());
                    yield frame;
                }
                case CALL -> {
                    Lowered callee = lowered(calleeIndex(s));
                    Frame next = enter(callee, read(r, a, 0));
                    frames.push(next);
                    yield next;
                }
                case CALL_INDIRECT -> {
                    Signature sig = ((Imm.Sig) s.inst.imm()).signature();
                    long address = r[a[0]];
                    long[] callArgs = read(r, a, 1);
                    Integer target = functionAt(address);
                    if (target != null) {
                        Lowered callee = lowered(target);
                        if (!callee.signature().equals(sig)) {
                            throw new IllegalStateException("call_indirect with signature " + sig.text() + " to %"
                                    + callee.function.name() + ", whose signature is " + callee.signature().text());
                        }
                        Frame next = enter(callee, callArgs);
                        frames.push(next);
                        yield next;
                    }
                    NativeHandler h = natives.get(address);
                    if (h == null) {
                        throw new IllegalStateException(String.format(
                                "call_indirect to 0x%x: no IR function or registered native handler at that address", address));
                    }
                    long result = h.invoke(callArgs);
                    if (!sig.returns().isEmpty()) {
                        r[s.results[0]] = Bits.normalize(result, sig.returns().get(0));
                    }
                    yield frame;
                }
                case JUMP -> branch(frame, s.targets[0]);
                case BRIF -> branch(frame, s.targets[r[a[0]] != 0 ? 0 : 1]);
                case BR_TABLE -> {
                    long index = Ints.unsigned(r[a[0]], s.type);
                    int tableSize = s.targets.length - 1;
                    // Unsigned index: anything at or past the table's end, however large, takes the default.
                    yield branch(frame, s.targets[Long.compareUnsigned(index, tableSize) < 0 ? (int) index + 1 : 0]);
                }
                case RETURN -> {
                    long[] results = read(r, a, 0);
                    frames.pop();
                    leave(frame);
                    Frame caller = frames.peek();
                    if (caller == null) {
                        outcome = results;
                        yield frame;
                    }
                    int[] into = caller.block.steps()[caller.pc - 1].results;
                    if (into.length != results.length) {
                        throw new IllegalStateException("%" + frame.code.function.name() + " returned " + results.length
                                + " values where " + into.length + " were expected: the module does not verify");
                    }
                    for (int i = 0; i < into.length; i++) {
                        caller.regs[into[i]] = results[i];
                    }
                    yield caller;
                }
                case TRAP -> throw new TrapException(new TrapCode((int) s.imm));
            };
        }
        return outcome;
    }

    /** Creates a frame with its slots mapped and its arguments in place. */
    private Frame enter(Lowered code, long[] args) {
        if (args.length != code.blocks[0].params().length) {
            throw new IllegalStateException("%" + code.function.name() + " called with " + args.length
                    + " arguments: the module does not verify");
        }
        if (depth >= limits.callDepth()) {
            throw new TrapException(TrapCode.STACK_OVERFLOW);
        }
        List<StackSlot> slots = code.slots();
        Region[] regions = new Region[slots.size()];
        long bytes = liveSlotBytes;
        for (int i = 0; i < regions.length; i++) {
            StackSlot slot = slots.get(i);
            bytes += slot.size();
            long window = liveSlots + i;
            if (bytes > limits.stackBytes() || window >= MAX_LIVE_SLOTS) {
                for (int j = 0; j < i; j++) {
                    memory.unmap(regions[j]);
                }
                throw new TrapException(TrapCode.STACK_OVERFLOW);
            }
            // The window base is 2^32-aligned, so every slot alignment (a power of two) holds.
            long base = Memory.STACK_BASE + (window << SLOT_WINDOW_SHIFT);
            regions[i] = memory.mapAny(base, ByteBuffer.allocate(slot.size()));
        }
        Frame f = new Frame(code, regions, liveSlots, liveSlotBytes);
        liveSlots += regions.length;
        liveSlotBytes = bytes;
        depth++;
        int[] params = f.block.params();
        for (int i = 0; i < params.length; i++) {
            f.regs[params[i]] = args[i];
        }
        return f;
    }

    private void leave(Frame f) {
        for (Region region : f.slots) {
            memory.unmap(region);
        }
        liveSlots = f.slotMark;
        liveSlotBytes = f.bytesMark;
        depth--;
    }

    /** Moves to a target block, assigning its parameters as one parallel copy. */
    private static Frame branch(Frame f, Target t) {
        long[] values = read(f.regs, t.args(), 0);
        f.block = f.code.blocks[t.block()];
        int[] params = f.block.params();
        for (int i = 0; i < params.length; i++) {
            f.regs[params[i]] = values[i];
        }
        f.pc = 0;
        return f;
    }

    private static long[] read(long[] regs, int[] which, int from) {
        long[] out = new long[which.length - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = regs[which[from + i]];
        }
        return out;
    }

    private int calleeIndex(Step s) {
        if (s.callee < 0) {
            String name = ((Imm.Callee) s.inst.imm()).name();
            Integer i = functionIndex.get(name);
            if (i == null) {
                throw new IllegalStateException("call to undefined function %" + name + ": the module does not verify");
            }
            s.callee = i;
        }
        return s.callee;
    }

    private Integer functionAt(long address) {
        long offset = address - Memory.FUNCTION_BASE;
        if (offset < 0 || offset % FUNCTION_STRIDE != 0 || offset / FUNCTION_STRIDE >= lowered.length) {
            return null;
        }
        return (int) (offset / FUNCTION_STRIDE);
    }

    private int index(String name) {
        Integer i = functionIndex.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no function %" + name + " in the module");
        }
        return i;
    }

    private Lowered lowered(int index) {
        Lowered l = lowered[index];
        if (l == null) {
            l = new Lowered(module.functions().get(index));
            lowered[index] = l;
        }
        return l;
    }
}
