package org.pyjit.python.bytecode;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The value-stack depth before every reachable instruction, found by propagating stack effects
 * along normal successors and exception edges from depth 0 at unit 0.
 *
 * <p>An exception edge leaves every instruction a table entry covers and enters the handler at
 * {@link ExceptionTable.Entry#handlerDepth()}: the unwinder pops to {@code depth}, pushes
 * {@code lasti} if asked, then the exception. The analysis rejects code where two paths reach an
 * instruction at different depths, a depth goes negative, or a covered instruction runs below
 * its entry's depth.
 */
public final class StackDepths {

    private final Bytecode code;
    private final int[] before;
    private final int max;

    private StackDepths(Bytecode code, int[] before, int max) {
        this.code = code;
        this.before = before;
        this.max = max;
    }

    /**
     * Runs the analysis.
     *
     * @param code the decoded instructions
     * @param table their exception table
     * @return the depths
     * @throws MalformedBytecodeException when the depths are inconsistent
     */
    public static StackDepths compute(Bytecode code, ExceptionTable table) {
        List<Instruction> insns = code.instructions();
        int[] before = new int[insns.size()];
        Arrays.fill(before, -1);
        Deque<Integer> work = new ArrayDeque<>();
        int max = 0;
        if (!insns.isEmpty()) {
            before[0] = 0;
            work.push(0);
        }
        while (!work.isEmpty()) {
            int pos = work.pop();
            Instruction insn = insns.get(pos);
            int depth = before[pos];
            Optional<ExceptionTable.Entry> handler = table.handlerFor(insn.index());
            if (handler.isPresent()) {
                ExceptionTable.Entry e = handler.get();
                if (depth < e.depth()) {
                    throw new MalformedBytecodeException(insn.index(), "depth " + depth
                            + " is below its exception handler's depth " + e.depth());
                }
                max = Math.max(max, e.handlerDepth());
                merge(code, before, work, insn, code.positionOf(e.target()), e.handlerDepth());
            }
            if (depth < code.dialect().stackEffect(insn.base(), insn.oparg()).popped()) {
                throw new MalformedBytecodeException(insn.index(), insn.opcode() + " " + insn.oparg()
                        + " underflows the stack at depth " + depth);
            }
            for (Successor s : code.successors(insn)) {
                int after = depth + s.stackDelta();
                if (after < 0) {
                    throw new MalformedBytecodeException(insn.index(), insn.opcode() + " leaves a negative depth");
                }
                max = Math.max(max, after);
                merge(code, before, work, insn, code.positionOf(s.target()), after);
            }
            max = Math.max(max, depth);
        }
        return new StackDepths(code, before, max);
    }

    private static void merge(Bytecode code, int[] before, Deque<Integer> work, Instruction from, int pos, int depth) {
        if (before[pos] == -1) {
            before[pos] = depth;
            work.push(pos);
        } else if (before[pos] != depth) {
            throw new MalformedBytecodeException(code.instructions().get(pos).index(), "reached at depth "
                    + before[pos] + " and at depth " + depth + " (from unit " + from.index() + ")");
        }
    }

    /**
     * The depth before an instruction.
     *
     * @param instruction an instruction of the analysed code
     * @return its entry depth, or empty when it is unreachable
     */
    public OptionalInt before(Instruction instruction) {
        int d = before[code.positionOf(instruction.index())];
        return d < 0 ? OptionalInt.empty() : OptionalInt.of(d);
    }

    /** Whether an instruction is reachable from the entry (by normal or exception flow). */
    public boolean isReachable(Instruction instruction) {
        return before(instruction).isPresent();
    }

    /** The largest depth anywhere: compare with {@code co_stacksize}. */
    public int max() {
        return max;
    }
}
