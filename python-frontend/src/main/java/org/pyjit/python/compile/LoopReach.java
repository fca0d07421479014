package org.pyjit.python.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.pyjit.python.bytecode.Bytecode;
import org.pyjit.python.bytecode.Instruction;
import org.pyjit.python.bytecode.Successor;
import org.pyjit.python.layout.Opcode;

/**
 * Whether an entry into compiled code can pay for itself: entering a body from a monitoring
 * callback costs about 20 ns more than letting the interpreter run the frame (the callback's
 * dispatch and the gate, §2 of docs/pyjit-jit.md), while straight-line compiled code runs at
 * about the interpreter's speed per instruction. So only an entry from which a loop can be
 * reached before the frame must leave (return, yield) can save more than it costs.
 *
 * <p>The region of an entry is what it can run before the frame leaves: the instructions
 * reachable from it along normal control flow (exception edges lead to handlers, which run
 * interpreted), where {@code RETURN_VALUE}, {@code RETURN_CONST} and {@code YIELD_VALUE} end a
 * path. A loop is a cycle inside that region: a generator's {@code for} loop whose every turn
 * yields is none (each resumption runs one turn), nor are the delegation loops of
 * {@code yield from} and {@code await}.
 */
final class LoopReach {

    private LoopReach() {
    }

    /**
     * @param code the decoded instructions
     * @param first the first instruction the entry runs
     * @return whether the entry's region has a cycle
     */
    static boolean reachesLoop(Bytecode code, Instruction first) {
        // Iterative depth-first search; a successor still on the stack closes a cycle.
        Map<Integer, Boolean> onStack = new HashMap<>();
        ArrayDeque<Iterator<Instruction>> stack = new ArrayDeque<>();
        ArrayDeque<Integer> path = new ArrayDeque<>();
        onStack.put(first.start(), true);
        path.push(first.start());
        stack.push(successors(code, first));
        while (!stack.isEmpty()) {
            Iterator<Instruction> next = stack.peek();
            if (!next.hasNext()) {
                stack.pop();
                onStack.put(path.pop(), false);
                continue;
            }
            Instruction s = next.next();
            Boolean state = onStack.get(s.start());
            if (state == null) {
                onStack.put(s.start(), true);
                path.push(s.start());
                stack.push(successors(code, s));
            } else if (state) {
                return true;
            }
        }
        return false;
    }

    private static Iterator<Instruction> successors(Bytecode code, Instruction i) {
        Opcode op = i.base();
        if (op == Opcode.RETURN_VALUE || op == Opcode.RETURN_CONST || op == Opcode.YIELD_VALUE) {
            return Collections.emptyIterator();
        }
        List<Instruction> out = new ArrayList<>();
        for (Successor s : code.successors(i)) {
            code.startingAt(s.target()).ifPresent(out::add);
        }
        return out.iterator();
    }
}
