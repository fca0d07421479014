package org.pyjit.python.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.pyjit.ir.Block;
import org.pyjit.ir.BlockCall;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.IntCC;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;
import org.pyjit.ir.Variable;
import org.pyjit.python.bytecode.Instruction;
import org.pyjit.python.bytecode.Successor;

/**
 * Emits the specialised version of an {@link IntLoops.IntLoop} at the start of its header's
 * segment: the loop on 64-bit machine integers, its locals in SSA variables.
 *
 * <p><b>Guards</b> (at the header, every time control reaches it): each candidate local is
 * non-NULL, of exact type {@code int} and at most two 30-bit digits ({@code lv_tag < 24}, so
 * {@code |v| < 2^60}), and a FOR_ITER header's iterator is a {@code range} iterator of C longs;
 * a failure continues in the generic code of the header. <b>Overflow rule</b>: values live in i64;
 * every operator computes Python's exact result or leaves ({@link IntLoopArithmetic}): a result
 * outside i64 (add, subtract, multiply, a left shift, {@code INT64_MIN // -1}, {@code -INT64_MIN})
 * leaves at that instruction, whose generic code then computes the exact (big) int from the boxed
 * operands; operands Python raises for (zero divisor, negative shift count) leave there too, and
 * the generic code raises. Boxing at exits uses the cached small ints or {@code PyLong_FromLongLong},
 * so any i64 is exact. A comparison feeds its conditional jump as a machine condition; any other
 * conditional jump tests an int for non-zero. <b>Exits</b>: leaving the loop (an exhausted range: at the generic FOR_ITER),
 * an operator leaving, or the eval breaker set at the back edge
 * (that exit goes to the generic JUMP_BACKWARD, which handles it and comes back to the header)
 * box the loop's own stack values into their slots, then, in one block all exits share, every
 * local the loop writes into its frame slot (releasing the object the slot held since the
 * header), then continue in the generic code at the instruction the interpreter would execute
 * next: the frame is then exactly python's. Boxing allocates ints only, which runs no Python code
 * and releases nothing, so its order is not observable. Only a failed allocation while boxing
 * differs (MemoryError raised at that instruction with the stack values boxed so far; locals not
 * boxed yet keep their value from the header).
 *
 * <p><b>Lists</b>: a list local is guarded at the header (non-NULL, exact {@code list}) and never
 * written by the loop, so it stays alive and a list; its pointer, constants and items are
 * borrowed object values on the loop's stack, given a reference only when stored into the frame
 * (exits) or into the list. {@code l[i]} with {@code 0 <= i < len(l)} (re-read at every access: the
 * list may change size) reads the item: an int of at most two digits unboxed, or, right before a
 * conditional jump, True or False as the branch; {@code l[i] = v} stores the boxed int or the
 * constant and releases the replaced item, but only when that cannot free it (immortal, or
 * referenced elsewhere: freeing runs arbitrary code); anything else leaves at the instruction
 * ({@code int loop item}), whose generic code counts from the end, raises IndexError, compares
 * another item's truth or frees the item. Since nothing in the loop runs Python code, the frame
 * slots of its int locals (stale while it runs) are never seen.
 */
final class IntLoopEmitter {

    private final Translator t;
    private final FunctionBuilder b;
    private final IntLoops.IntLoop loop;
    private final Block generic;
    private final int breakerOffset;
    private final boolean countInstructions;
    private final Map<Integer, Variable> vars = new HashMap<>();
    private final Map<Integer, Block> blocks = new HashMap<>();
    /** The loop's constants among the IR values (a constant divisor or shift count folds its checks). */
    private final Map<Value, Long> constants = new HashMap<>();
    /**
     * The values on the loop's stack that are object pointers, borrowed (a list local, a constant,
     * a list's item): a new reference is made only when one is stored into the frame or a list.
     */
    private final Set<Value> objects = new HashSet<>();
    private final IntLoopArithmetic arithmetic;
    /** The exits' targets, numbered for {@link #storeLocals}'s dispatch. */
    private final Map<ExitTarget, Integer> exitIds = new LinkedHashMap<>();
    private Block storeLocals;
    private Block allocationFailed;
    private Block localsStored;
    private Value exitId;

    /**
     * @param t the translator (frame access, exits, counters)
     * @param b its builder, positioned in the header's segment block
     * @param loop the loop
     * @param generic where the generic translation of the header's segment is emitted
     * @param breakerOffset the eval breaker's offset in the interpreter state
     * @param countInstructions whether executed bytecode instructions are counted
     */
    IntLoopEmitter(Translator t, FunctionBuilder b, IntLoops.IntLoop loop, Block generic, int breakerOffset,
                   boolean countInstructions) {
        this.t = t;
        this.b = b;
        this.loop = loop;
        this.generic = generic;
        this.breakerOffset = breakerOffset;
        this.countInstructions = countInstructions;
        this.arithmetic = new IntLoopArithmetic(b);
    }

    /** Emits guards, the loop and its exits; leaves the builder in no particular block. */
    void emit() {
        Block guardFailed = b.createBlock();
        for (int n : loop.locals()) {
            Variable v = b.declareVar(Type.I64);
            vars.put(n, v);
            Value o = t.local(n);
            check(b.icmpImm(IntCC.NE, o, 0), guardFailed);
            check(b.icmp(IntCC.EQ, t.type(o), t.constant(CSymbol.LONG_TYPE)), guardFailed);
            Value tag = b.load(Type.I64, o, t.layout().longs().lvTag());
            check(b.icmpImm(IntCC.ULT, tag, Translator.TWO_DIGIT_TAG_LIMIT), guardFailed);
            b.defVar(v, twoDigitValue(o, tag));
        }
        for (int n : loop.lists()) {
            Value o = t.local(n);
            check(b.icmpImm(IntCC.NE, o, 0), guardFailed);
            check(b.icmp(IntCC.EQ, t.type(o), t.constant(CSymbol.LIST_TYPE)), guardFailed);
        }
        if (loop.header().base() == org.pyjit.python.layout.Opcode.FOR_ITER) {
            Value iterator = b.load(Type.I64, t.frame(), t.stackOffset(loop.depth() - 1));
            check(b.icmp(IntCC.EQ, t.type(iterator), t.constant(CSymbol.RANGE_ITER_TYPE)), guardFailed);
        }
        t.countSite(new ExitSite(loop.header().byteOffset(), ExitReason.INT_LOOP, ""));
        for (int unit : loop.blockStarts()) {
            blocks.put(unit, b.createBlock());
        }
        b.jump(blocks.get(loop.header().start()));
        b.switchToBlock(guardFailed);
        t.countSite(new ExitSite(loop.header().byteOffset(), ExitReason.INT_LOOP_GUARD_FAILED, ""));
        b.jump(generic);
        body();
        finishExits();
    }

    /**
     * An int of at most two 30-bit digits ({@code lv_tag < 24}, facts §1b): {@code (1 - (lv_tag & 3))
     * * (d0 + (d1 << 30))}, {@code d1} taken only with two digits. Reading {@code ob_digit[1]} of a
     * one-digit int stays inside its allocation (32 bytes: 28 rounded up by the allocator, and the
     * 32-byte stride of the static small ints).
     */
    private Value twoDigitValue(Value o, Value tag) {
        int digits = t.layout().longs().digits();
        Value sign = b.isub(b.iconst(Type.I64, 1), b.binaryImm(org.pyjit.ir.Opcode.BAND_IMM, tag, 3));
        Value d0 = b.convert(org.pyjit.ir.Opcode.UEXTEND, Type.I64, b.load(Type.I32, o, digits));
        Value d1 = b.convert(org.pyjit.ir.Opcode.UEXTEND, Type.I64, b.load(Type.I32, o, digits + 4));
        Value high = b.select(b.icmpImm(IntCC.UGE, tag, Translator.COMPACT_TAG_LIMIT),
                b.binaryImm(org.pyjit.ir.Opcode.ISHL_IMM, d1, 30), b.iconst(Type.I64, 0));
        return b.imul(sign, b.iadd(d0, high));
    }

    private void check(Value holds, Block otherwise) {
        Block ok = b.createBlock();
        b.brif(holds, ok, otherwise);
        b.switchToBlock(ok);
    }

    /**
     * The body: one IR block per bytecode block, the loop's stack as IR values (empty at a join,
     * carried into a block only fallen into).
     */
    private void body() {
        Deque<Value> stack = new ArrayDeque<>();
        Value condition = null;
        int executed = 0;
        boolean open = false;
        for (Instruction i : loop.body()) {
            if (blocks.containsKey(i.start())) {
                b.switchToBlock(blocks.get(i.start()));
                if (loop.joins().contains(i.start())) {
                    stack.clear();
                }
                executed = 0;
                open = true;
            }
            if (!open) {
                throw new IllegalStateException("int loop instruction " + i + " after a block's end");
            }
            executed++;
            switch (i.base()) {
                case NOP -> { }
                case FOR_ITER -> {
                    // 3.12 FOR_ITER_RANGE: len <= 0 is exhaustion (left to the generic FOR_ITER);
                    // else start is the item, start += step, len -= 1.
                    Value iterator = b.load(Type.I64, t.frame(), t.stackOffset(loop.depth() - 1));
                    Value remaining = b.load(Type.I64, iterator, t.layout().iterators().rangeLen());
                    Block exhausted = b.createBlock();
                    Block item = b.createBlock();
                    b.brif(b.icmpImm(IntCC.SLE, remaining, 0), exhausted, item);
                    b.switchToBlock(exhausted);
                    bump(executed - 1);
                    leave(bottomUp(stack), i.start());
                    b.switchToBlock(item);
                    Value value = b.load(Type.I64, iterator, t.layout().iterators().rangeStart());
                    b.store(b.iadd(value, b.load(Type.I64, iterator, t.layout().iterators().rangeStep())), iterator, t.layout().iterators().rangeStart());
                    b.store(b.iaddImm(remaining, -1), iterator, t.layout().iterators().rangeLen());
                    stack.push(value);
                }
                case LOAD_FAST, LOAD_FAST_CHECK -> stack.push(loop.lists().contains(i.oparg())
                        ? object(t.local(i.oparg())) : b.useVar(vars.get(i.oparg())));
                case LOAD_CONST -> {
                    Long c = loop.constants().get(i.oparg());
                    if (c == null) {
                        stack.push(object(b.iconst(Type.I64, t.code().consts()[i.oparg()])));
                    } else {
                        Value v = b.iconst(Type.I64, c);
                        constants.put(v, c);
                        stack.push(v);
                    }
                }
                case BINARY_SUBSCR -> {
                    Value index = stack.pop();
                    Value list = stack.pop();
                    List<Value> operands = bottomUp(stack);
                    operands.add(list);
                    operands.add(index);
                    IntLoopArithmetic.Exits exits = exitsAt(i, operands, executed - 1);
                    Value item = b.load(Type.I64, itemAddress(list, index, exits), 0);
                    if (loop.testedItems().contains(i.start())) {
                        stack.push(object(item));
                    } else {
                        // An int item is unboxed; anything else leaves for the generic code.
                        exits.leaveIf(b.icmp(IntCC.NE, t.type(item), t.constant(CSymbol.LONG_TYPE)),
                                IntLoopArithmetic.Leave.ITEM);
                        Value tag = b.load(Type.I64, item, t.layout().longs().lvTag());
                        exits.leaveIf(b.icmpImm(IntCC.UGE, tag, Translator.TWO_DIGIT_TAG_LIMIT), IntLoopArithmetic.Leave.ITEM);
                        stack.push(twoDigitValue(item, tag));
                    }
                }
                case STORE_SUBSCR -> {
                    Value index = stack.pop();
                    Value list = stack.pop();
                    Value value = stack.pop();
                    List<Value> operands = bottomUp(stack);
                    operands.add(value);
                    operands.add(list);
                    operands.add(index);
                    IntLoopArithmetic.Exits exits = exitsAt(i, operands, executed - 1);
                    Value address = itemAddress(list, index, exits);
                    Value old = b.load(Type.I64, address, 0);
                    // The replaced item is released here only if that cannot free it (immortal,
                    // or referenced elsewhere too): freeing runs arbitrary code, which the generic
                    // STORE_SUBSCR runs with the frame up to date.
                    Value count = b.load(Type.I64, old, t.layout().object().refcnt());
                    Value immortal = b.icmpImm(IntCC.SLT, b.load(Type.I32, old, t.layout().object().refcnt()), 0);
                    exits.leaveIf(b.binary(org.pyjit.ir.Opcode.BAND, b.icmpImm(IntCC.EQ, count, 1),
                            b.icmpImm(IntCC.EQ, immortal, 0)), IntLoopArithmetic.Leave.ITEM);
                    b.store(reference(value, t.errorExit(i, loop.depth())), address, 0);
                    Block mortal = b.createBlock();
                    Block released = b.createBlock();
                    b.brif(immortal, released, mortal);
                    b.switchToBlock(mortal);
                    b.store(b.iaddImm(count, -1), old, t.layout().object().refcnt());
                    b.jump(released);
                    b.switchToBlock(released);
                }
                case STORE_FAST -> b.defVar(vars.get(i.oparg()), stack.pop());
                case BINARY_OP -> {
                    Value r = stack.pop();
                    Value l = stack.pop();
                    IntLoopArithmetic.Binary op = NumberOp.of(i.oparg())
                            .flatMap(IntLoopArithmetic.Binary::of).orElseThrow();
                    List<Value> operands = bottomUp(stack);
                    operands.add(l);
                    operands.add(r);
                    OptionalLong constantRight = constants.containsKey(r) ? OptionalLong.of(constants.get(r))
                            : OptionalLong.empty();
                    stack.push(arithmetic.binary(op, l, r, constantRight, exitsAt(i, operands, executed - 1)));
                }
                case UNARY_NEGATIVE, UNARY_INVERT -> {
                    Value v = stack.pop();
                    List<Value> operands = bottomUp(stack);
                    operands.add(v);
                    IntLoopArithmetic.Unary op = IntLoopArithmetic.Unary.of(i.base()).orElseThrow();
                    stack.push(arithmetic.unary(op, v, exitsAt(i, operands, executed - 1)));
                }
                case COMPARE_OP -> {
                    Value r = stack.pop();
                    Value l = stack.pop();
                    condition = b.icmp(FastArithmetic.Comparison.of(i.oparg() >> 4).orElseThrow().integer(), l, r);
                }
                case POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE -> {
                    boolean onTrue = i.base() == org.pyjit.python.layout.Opcode.POP_JUMP_IF_TRUE;
                    // The fused comparison's condition, a list item's truth (True or False; any
                    // other object leaves for the generic jump), or an int's truth (non-zero).
                    Value truth;
                    if (condition != null) {
                        truth = condition;
                    } else if (objects.contains(stack.peek())) {
                        Value item = stack.peek();
                        List<Value> operands = bottomUp(stack);
                        stack.pop();
                        IntLoopArithmetic.Exits exits = exitsAt(i, operands, executed - 1);
                        truth = b.icmp(IntCC.EQ, item, t.constant(CSymbol.TRUE));
                        exits.leaveIf(b.binary(org.pyjit.ir.Opcode.BAND, b.icmpImm(IntCC.EQ, truth, 0),
                                b.icmp(IntCC.NE, item, t.constant(CSymbol.FALSE))), IntLoopArithmetic.Leave.ITEM);
                    } else {
                        truth = b.icmpImm(IntCC.NE, stack.pop(), 0);
                    }
                    condition = null;
                    List<Value> rest = bottomUp(stack);
                    Block taken = to(target(i, Successor.Kind.BRANCH_TAKEN), rest);
                    Block next = to(target(i, Successor.Kind.NEXT), rest);
                    bump(executed);
                    b.brif(truth, onTrue ? taken : next, onTrue ? next : taken);
                    open = false;
                }
                case JUMP_FORWARD -> {
                    Block to = to(target(i, Successor.Kind.JUMP), bottomUp(stack));
                    bump(executed);
                    b.jump(to);
                    open = false;
                }
                case JUMP_BACKWARD -> {
                    // The eval breaker: leave at this (generic) jump, which polls it and comes back.
                    Block breaker = b.createBlock();
                    Block again = b.createBlock();
                    b.brif(b.icmpImm(IntCC.NE, b.load(Type.I32, t.interp(), breakerOffset), 0), breaker, again);
                    b.switchToBlock(again);
                    bump(executed);
                    b.jump(blocks.get(loop.header().start()));
                    b.switchToBlock(breaker);
                    bump(executed - 1);
                    leave(bottomUp(stack), i.start());
                    open = false;
                }
                default -> throw new IllegalStateException("not an int loop instruction: " + i);
            }
            if (open && startsBlock(i.next())) {
                Block next = to(i.next(), bottomUp(stack));
                bump(executed);
                b.jump(next);
                open = false;
            }
        }
    }

    /**
     * Where an operator of instruction {@code i} leaves: its operands (and the stack under them)
     * are boxed back and the generic code runs {@code i} (overflow: computes the big int; raises:
     * raises there, with {@code prev_instr} at {@code i}).
     */
    private IntLoopArithmetic.Exits exitsAt(Instruction i, List<Value> operands, int executedBefore) {
        return (holds, why) -> {
            Block exit = b.createBlock();
            Block ok = b.createBlock();
            b.brif(holds, exit, ok);
            b.switchToBlock(exit);
            bump(executedBefore);
            t.countSite(new ExitSite(i.byteOffset(), why.reason(), ""));
            leave(operands, i.start());
            b.switchToBlock(ok);
        };
    }

    /** Marks a value of the loop's stack as a borrowed object pointer. */
    private Value object(Value v) {
        objects.add(v);
        return v;
    }

    /**
     * The address of {@code list[index]} (an exact list, guarded at the header); an index outside
     * {@code 0 <= index < len} leaves for the generic code, which counts from the end or raises.
     */
    private Value itemAddress(Value list, Value index, IntLoopArithmetic.Exits exits) {
        exits.leaveIf(b.icmp(IntCC.UGE, index, b.load(Type.I64, list, t.layout().object().size())),
                IntLoopArithmetic.Leave.ITEM);
        Value items = b.load(Type.I64, list, t.layout().sequences().listItems());
        return b.iadd(items, b.binaryImm(org.pyjit.ir.Opcode.ISHL_IMM, index, 3));
    }

    /** A new reference to a value of the loop's stack: an object's count raised, an int boxed. */
    private Value reference(Value v, Block failed) {
        return objects.contains(v) ? t.incref(v) : box(v, failed);
    }

    private boolean startsBlock(int unit) {
        return t.code().analysis().graph().blockAt(unit).start() == unit;
    }

    /** The block of a body unit, or an exit to the generic code at a unit outside the body. */
    private Block to(int unit, List<Value> stack) {
        if (loop.contains(unit)) {
            return blocks.get(unit);
        }
        Block current = b.currentBlock();
        Block exit = b.createBlock();
        b.switchToBlock(exit);
        leave(stack, unit);
        b.switchToBlock(current);
        return exit;
    }

    /**
     * Boxes the loop's stack values and the written locals into the frame, then continues in the
     * generic code at {@code unit}, the instruction the interpreter would execute next; a failed
     * allocation raises there, with the stack values boxed so far owned by the frame.
     */
    private void leave(List<Value> stack, int unit) {
        Instruction at = t.code().analysis().code().startingAt(unit).orElseThrow();
        for (int k = 0; k < stack.size(); k++) {
            Value boxed = reference(stack.get(k), t.errorExit(at, loop.depth() + k));
            b.store(boxed, t.frame(), t.stackOffset(loop.depth() + k));
        }
        // The header's own generic code: its segment block starts with the guards.
        Block next = unit == loop.header().start() ? generic : t.segment(unit);
        if (loop.stored().isEmpty()) {
            b.jump(next);
            return;
        }
        ExitTarget target = new ExitTarget(next, t.errorExit(at, loop.depth() + stack.size()));
        Integer id = exitIds.get(target);
        if (id == null) {
            id = exitIds.size();
            exitIds.put(target, id);
        }
        List<Value> args = new ArrayList<>();
        for (int n : loop.stored()) {
            args.add(b.useVar(vars.get(n)));
        }
        args.add(b.iconst(Type.I64, id));
        b.jump(storeLocals(), args.toArray(Value[]::new));
    }

    /**
     * Where an exit continues once its stack values are in the frame: the generic code, or the
     * error exit a failed allocation takes there.
     */
    private record ExitTarget(Block next, Block failed) { }

    /**
     * The block all exits share to box the written locals into the frame (releasing what the
     * slots held since the header): its parameters are their values and the exit's number in
     * {@link #exitIds}, by which it continues at that exit's target or, when an allocation fails,
     * at its error exit. Made at the first exit; its dispatch is emitted by {@link #finishExits}.
     */
    private Block storeLocals() {
        if (storeLocals == null) {
            Block current = b.currentBlock();
            storeLocals = b.createBlock();
            List<Value> values = new ArrayList<>();
            for (int ignored : loop.stored()) {
                values.add(b.appendBlockParam(storeLocals, Type.I64));
            }
            exitId = b.appendBlockParam(storeLocals, Type.I64);
            allocationFailed = b.createBlock();
            b.switchToBlock(storeLocals);
            int k = 0;
            for (int n : loop.stored()) {
                Value boxed = box(values.get(k++), allocationFailed);
                Value old = t.local(n);
                b.store(boxed, t.frame(), t.localOffset(n));
                t.decref(old);
            }
            localsStored = b.currentBlock();
            b.switchToBlock(current);
        }
        return storeLocals;
    }

    /** Ends {@link #storeLocals} and its failure block with their dispatch on the exit's number. */
    private void finishExits() {
        if (storeLocals == null) {
            return;
        }
        List<ExitTarget> targets = new ArrayList<>(exitIds.keySet());
        b.switchToBlock(localsStored);
        b.brTable(exitId, BlockCall.of(targets.get(0).next()),
                targets.stream().map(e -> BlockCall.of(e.next())).toList());
        b.switchToBlock(allocationFailed);
        b.brTable(exitId, BlockCall.of(targets.get(0).failed()),
                targets.stream().map(e -> BlockCall.of(e.failed())).toList());
    }

    /**
     * A new reference to the int {@code v}: a cached small int, or {@code PyLong_FromLongLong};
     * a failed allocation goes to {@code failed}.
     */
    private Value box(Value v, Block failed) {
        Block join = b.createBlock();
        Value res = b.appendBlockParam(join, Type.I64);
        Value boxed = t.smallIntOrNew(v, join);
        b.brif(b.icmpImm(IntCC.EQ, boxed, 0), failed, List.of(), join, List.of(boxed));
        b.switchToBlock(join);
        return res;
    }

    /** The loop's stack values from the bottom (the deque's top is its head). */
    private static List<Value> bottomUp(Deque<Value> stack) {
        List<Value> values = new ArrayList<>();
        stack.descendingIterator().forEachRemaining(values::add);
        return values;
    }

    private void bump(int instructions) {
        if (countInstructions) {
            t.bump(BodyCounters.INSTRUCTIONS, instructions);
        }
    }

    private int target(Instruction i, Successor.Kind kind) {
        for (Successor s : t.code().analysis().code().successors(i)) {
            if (s.kind() == kind) {
                return s.target();
            }
        }
        throw new IllegalStateException(i + " has no " + kind + " successor");
    }
}
