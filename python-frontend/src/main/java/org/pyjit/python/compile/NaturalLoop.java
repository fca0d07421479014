package org.pyjit.python.compile;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pyjit.python.bytecode.CodeAnalysis;
import org.pyjit.python.bytecode.Instruction;
import org.pyjit.python.bytecode.Successor;

/**
 * The natural loop of a backward jump, restricted to the code between its target and the jump:
 * the bytecode blocks there from which the jump is reachable without leaving that range.
 */
final class NaturalLoop {

    private NaturalLoop() {
    }

    /**
     * @param code the code object
     * @param range the instructions from the jump's target to the jump, in code order
     * @param backEdge the backward jump (the last instruction of the range)
     * @return the first units of the blocks of the loop
     */
    static SortedSet<Integer> blocks(CodeObject code, List<Instruction> range, Instruction backEdge) {
        CodeAnalysis analysis = code.analysis();
        int first = range.get(0).start();
        // Each block of the range by its first unit, with its last instruction.
        TreeMap<Integer, Instruction> lastOf = new TreeMap<>();
        for (Instruction i : range) {
            int start = analysis.graph().blockAt(i.start()).start();
            if (start >= first) {
                lastOf.put(start, i);
            }
        }
        SortedSet<Integer> loop = new TreeSet<>();
        loop.add(analysis.graph().blockAt(backEdge.start()).start());
        boolean changed = true;
        while (changed) {
            changed = false;
            for (var e : lastOf.entrySet()) {
                if (loop.contains(e.getKey())) {
                    continue;
                }
                for (Successor s : analysis.code().successors(e.getValue())) {
                    if (s.target() >= first && s.target() <= backEdge.start()
                            && loop.contains(analysis.graph().blockAt(s.target()).start())) {
                        loop.add(e.getKey());
                        changed = true;
                        break;
                    }
                }
            }
        }
        return loop;
    }
}
