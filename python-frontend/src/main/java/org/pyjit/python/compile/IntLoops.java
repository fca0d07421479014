package org.pyjit.python.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.pyjit.python.bytecode.CodeAnalysis;
import org.pyjit.python.bytecode.Instruction;
import org.pyjit.python.bytecode.Successor;
import org.pyjit.python.layout.Opcode;

/**
 * Finds the loops that can run on machine integers: a backward jump's target (the header) and the
 * bytecode blocks from it to the last backward jump to it that can reach one of those jumps (the
 * natural loop; other blocks in between, such as a {@code return}, are exits; several back edges
 * come from an {@code if} at the end of the body or a {@code continue}), where every value is an
 * int.
 *
 * <p>A loop qualifies when every instruction of the loop is compiled (not instrumented) and is a
 * NOP, LOAD_FAST / LOAD_FAST_CHECK / STORE_FAST, the header's FOR_ITER (over a {@code range} iterator,
 * guarded), LOAD_CONST of an int of at most two digits ({@code |v| < 2^60}), a BINARY_OP of
 * {@link IntLoopArithmetic.Binary} ({@code + - * & | ^ << >> // %}, in-place forms included),
 * UNARY_NEGATIVE / UNARY_INVERT, a COMPARE_OP ({@code < <= == != > >=}) directly followed by the
 * POP_JUMP_IF_FALSE / _TRUE that consumes it, a POP_JUMP_IF_FALSE / _TRUE on an int (its truth:
 * non-zero), JUMP_FORWARD, or a backward jump to the header, a BINARY_SUBSCR or STORE_SUBSCR of a
 * <em>list local</em> (a local the loop only subscripts and never writes, guarded at the header to
 * be an exact list) with an int index, storing an int or a constant object (LOAD_CONST of anything
 * but a small int is only allowed as such a stored value), and whose item is an int or, right
 * before a POP_JUMP_IF_FALSE / _TRUE, tested for truth; every operand an instruction takes is a
 * value the loop pushed (never a slot below the header's depth); and every bytecode block of the
 * loop that a jump goes to starts with the header's stack depth (the others are only fallen into
 * from the previous instruction).
 * By induction every value on the loop's own stack is then an int when every local it touches is
 * one at the header: the locals are the loop's <em>candidates</em>, all guarded there (see
 * {@link IntLoopEmitter}). A local rebound to anything else inside the loop (a call, a float
 * constant, a true division, a comparison result) disqualifies the loop.
 *
 * <p>Value range: the guards admit locals with {@code |v| < 2^60}, constants are as small; inside
 * the loop values are any i64 (each operator either computes the exact int or leaves the loop at
 * its instruction, {@link IntLoopArithmetic}), and every i64 boxes back exactly.
 */
final class IntLoops {

    /** The operand count of an instruction that does not run in an int loop. */
    private static final int NOT_INT = -1;

    private IntLoops() {
    }

    /**
     * A qualifying loop.
     *
     * @param header the backward jump's target
     * @param backEdges the backward jumps to the header, in code order
     * @param body the instructions of the loop's blocks, in code order
     * @param depth the value-stack depth at the header (slots below it are not the loop's)
     * @param locals every local the loop reads or writes (each guarded at the header)
     * @param stored the locals the loop writes (boxed back into the frame on every exit)
     * @param constants the value of each LOAD_CONST argument used that is a small int (the other
     *     constants are objects stored into lists)
     * @param lists the locals the loop only subscripts ({@code l[i]}, {@code l[i] = v}), guarded
     *     at the header to be exact lists; not in {@code locals}
     * @param testedItems the first units of the BINARY_SUBSCRs whose item the next instruction
     *     (a conditional jump) tests for truth; the other BINARY_SUBSCRs read int items
     * @param blockStarts the first units of the loop's bytecode blocks (the header included)
     * @param joins the block starts some jump goes to (the header included): they start with the
     *     header's stack depth; the other blocks are reached by falling through only
     */
    record IntLoop(Instruction header, List<Instruction> backEdges, List<Instruction> body, int depth,
                   SortedSet<Integer> locals, SortedSet<Integer> stored, Map<Integer, Long> constants,
                   SortedSet<Integer> lists, SortedSet<Integer> testedItems, SortedSet<Integer> blockStarts,
                   SortedSet<Integer> joins) {
        IntLoop {
            backEdges = List.copyOf(backEdges);
            body = List.copyOf(body);
            locals = new TreeSet<>(locals);
            stored = new TreeSet<>(stored);
            constants = Map.copyOf(constants);
            lists = new TreeSet<>(lists);
            testedItems = new TreeSet<>(testedItems);
            blockStarts = new TreeSet<>(blockStarts);
            joins = new TreeSet<>(joins);
        }

        /** Whether a jump target is in the loop (else it is an exit). */
        boolean contains(int unit) {
            return blockStarts.contains(unit);
        }
    }

    /**
     * The int loop whose header is at a unit, if that unit is a loop header and the loop qualifies.
     *
     * @param code the code object
     * @param headerUnit a segment's first unit
     * @param compiled whether the translator compiles an instruction (no static exit)
     * @param smallInt the value of a constant object if it is an exact int of at most two digits
     *     ({@code |v| < 2^60})
     * @return the loop, or empty
     */
    static Optional<IntLoop> at(CodeObject code, int headerUnit, Predicate<Instruction> compiled,
                                LongFunction<OptionalLong> smallInt) {
        CodeAnalysis analysis = code.analysis();
        List<Instruction> all = analysis.code().instructions();
        List<Instruction> backEdges = all.stream().filter(i -> isBackEdgeTo(code, i, headerUnit)).toList();
        if (backEdges.isEmpty()) {
            return Optional.empty();
        }
        Instruction last = backEdges.get(backEdges.size() - 1);
        List<Instruction> range = all.stream()
                .filter(i -> i.start() >= headerUnit && i.start() <= last.start()).toList();
        if (range.isEmpty() || range.get(0).start() != headerUnit) {
            return Optional.empty();
        }
        SortedSet<Integer> blockStarts = NaturalLoop.blocks(code, range, backEdges);
        if (!blockStarts.contains(headerUnit)) {
            return Optional.empty();
        }
        List<Instruction> body = range.stream()
                .filter(i -> blockStarts.contains(analysis.graph().blockAt(i.start()).start())).toList();
        var depths = analysis.depths();
        if (body.stream().anyMatch(i -> !depths.isReachable(i) || !compiled.test(i))) {
            return Optional.empty();
        }
        int depth = depths.before(body.get(0)).orElseThrow();
        SortedSet<Integer> locals = new TreeSet<>();
        SortedSet<Integer> stored = new TreeSet<>();
        Map<Integer, Long> constants = new TreeMap<>();
        SortedSet<Integer> joins = new TreeSet<>();
        for (Instruction i : all) {
            for (Successor s : analysis.code().successors(i)) {
                if (s.kind() != Successor.Kind.NEXT && blockStarts.contains(s.target())) {
                    joins.add(s.target());
                }
            }
        }
        // The loop's own stack, abstractly: what each value is and, for a LOAD_FAST, which local.
        Deque<Slot> stack = new ArrayDeque<>();
        SortedSet<Integer> containers = new TreeSet<>();
        SortedSet<Integer> intUses = new TreeSet<>();
        SortedSet<Integer> testedItems = new TreeSet<>();
        for (int k = 0; k < body.size(); k++) {
            Instruction i = body.get(k);
            if (blockStarts.contains(i.start())) {
                // A join starts at the header's depth; a block reached only by falling through
                // from the previous instruction of the loop inherits its stack.
                boolean fallThrough = k > 0 && body.get(k - 1).next() == i.start();
                if (joins.contains(i.start()) ? depths.before(i).orElseThrow() != depth : !fallThrough) {
                    return Optional.empty();
                }
                if (joins.contains(i.start())) {
                    stack.clear();
                }
            }
            boolean jumpNext = k + 1 < body.size() && isConditionalJump(body.get(k + 1))
                    && i.next() == body.get(k + 1).start() && !blockStarts.contains(body.get(k + 1).start());
            int takes = switch (i.base()) {
                case NOP, JUMP_FORWARD -> 0;
                case LOAD_FAST, LOAD_FAST_CHECK -> {
                    locals.add(i.oparg());
                    yield 0;
                }
                case STORE_FAST -> {
                    locals.add(i.oparg());
                    stored.add(i.oparg());
                    yield 1;
                }
                case LOAD_CONST -> {
                    OptionalLong v = smallInt.apply(code.consts()[i.oparg()]);
                    v.ifPresent(x -> constants.put(i.oparg(), x));
                    yield 0;
                }
                case BINARY_OP -> NumberOp.of(i.oparg()).flatMap(IntLoopArithmetic.Binary::of).isPresent() ? 2 : NOT_INT;
                case UNARY_NEGATIVE, UNARY_INVERT -> 1;
                // The comparison's bool never exists: its jump, right after it in the same block,
                // branches on the machine condition.
                case COMPARE_OP -> FastArithmetic.Comparison.of(i.oparg() >> 4).isPresent() && jumpNext ? 2 : NOT_INT;
                // After such a comparison: its condition; otherwise an int from the loop's stack,
                // true when non-zero, or a list item (true if True, false if False).
                case POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE -> comparedBefore(body, k) ? 0 : 1;
                // A range iterator's next item, the loop's header (guarded to be one).
                case FOR_ITER -> k == 0 && depth >= 1 ? 0 : NOT_INT;
                // A back edge of this loop (an inner loop's makes the loop not qualify).
                case JUMP_BACKWARD -> isBackEdgeTo(code, i, headerUnit) ? 0 : NOT_INT;
                // list[int], and list[int] = int or constant, of a list local.
                case BINARY_SUBSCR -> 2;
                case STORE_SUBSCR -> 3;
                default -> NOT_INT;
            };
            // Every operand must be the loop's own (an int it computed), never a slot below the
            // header's depth.
            if (takes == NOT_INT || depths.before(i).orElseThrow() - depth < takes || stack.size() < takes) {
                return Optional.empty();
            }
            List<Slot> operands = new ArrayList<>();
            for (int n = 0; n < takes; n++) {
                operands.add(0, stack.pop());
            }
            Optional<Slot> pushed = switch (i.base()) {
                case LOAD_FAST, LOAD_FAST_CHECK -> Optional.of(new Slot(Kind.LOCAL, i.oparg()));
                case LOAD_CONST -> Optional.of(new Slot(constants.containsKey(i.oparg()) ? Kind.INT : Kind.CONSTANT, -1));
                case FOR_ITER, BINARY_OP, UNARY_NEGATIVE, UNARY_INVERT -> Optional.of(Slot.INT);
                case BINARY_SUBSCR -> {
                    if (jumpNext) {
                        testedItems.add(i.start());
                    }
                    yield Optional.of(jumpNext ? Slot.ITEM : Slot.INT);
                }
                default -> Optional.empty();
            };
            // How each operand is used: a local as a subscript's container or as an int.
            for (int n = 0; n < operands.size(); n++) {
                Slot o = operands.get(n);
                boolean container = (i.base() == Opcode.BINARY_SUBSCR && n == 0)
                        || (i.base() == Opcode.STORE_SUBSCR && n == 1);
                boolean storedValue = i.base() == Opcode.STORE_SUBSCR && n == 0;
                boolean truth = i.base() == Opcode.POP_JUMP_IF_FALSE || i.base() == Opcode.POP_JUMP_IF_TRUE;
                boolean usable = switch (o.kind()) {
                    case LOCAL -> {
                        (container ? containers : intUses).add(o.local());
                        yield true;
                    }
                    case INT -> !container;
                    case CONSTANT -> storedValue;
                    case ITEM -> truth;
                };
                if (!usable) {
                    return Optional.empty();
                }
            }
            pushed.ifPresent(stack::push);
        }
        // A list local is only ever a container, never written: guarded once at the header.
        for (int n : containers) {
            if (intUses.contains(n) || stored.contains(n)) {
                return Optional.empty();
            }
        }
        locals.removeAll(containers);
        return Optional.of(new IntLoop(body.get(0), backEdges, body, depth, locals, stored, constants, containers,
                testedItems, blockStarts, joins));
    }

    /** What a value on the loop's stack is, in the analysis. */
    private enum Kind {
        /** A local's value, pushed by LOAD_FAST: an int, or a list if only ever subscripted. */
        LOCAL,
        /** An int the loop computed (or an int constant). */
        INT,
        /** A constant object other than a small int: only stored into a list. */
        CONSTANT,
        /** A list item whose truth the next instruction tests. */
        ITEM
    }

    private record Slot(Kind kind, int local) {
        static final Slot INT = new Slot(Kind.INT, -1);
        static final Slot ITEM = new Slot(Kind.ITEM, -1);
    }

    /** Whether the conditional jump at {@code k} consumes the COMPARE_OP right before it. */
    private static boolean comparedBefore(List<Instruction> body, int k) {
        return k > 0 && body.get(k - 1).base() == Opcode.COMPARE_OP && body.get(k - 1).next() == body.get(k).start();
    }

    private static boolean isBackEdgeTo(CodeObject code, Instruction i, int headerUnit) {
        return i.base() == Opcode.JUMP_BACKWARD && i.start() > headerUnit && jumpTarget(code, i) == headerUnit;
    }

    private static boolean isConditionalJump(Instruction i) {
        return i.base() == Opcode.POP_JUMP_IF_FALSE || i.base() == Opcode.POP_JUMP_IF_TRUE;
    }

    private static int jumpTarget(CodeObject code, Instruction i) {
        for (Successor s : code.analysis().code().successors(i)) {
            if (s.kind() == Successor.Kind.JUMP) {
                return s.target();
            }
        }
        return -1;
    }
}
