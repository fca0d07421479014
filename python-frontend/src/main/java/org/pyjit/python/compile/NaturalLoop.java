package org.pyjit.python.compile;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pyjit.python.bytecode.CodeAnalysis;
import org.pyjit.python.bytecode.Instruction;
import org.pyjit.python.bytecode.Successor;

/**
 * The natural loop of the backward jumps to one target, restricted to the code between the target
 * and the last of them: the bytecode blocks there from which one of the jumps is reachable without
 * leaving that range.
 */
final class NaturalLoop {

    private NaturalLoop() {
    }

    /**
     * @param code the code object
     * @param range the instructions from the jumps' target to the last jump, in code order
     * @param backEdges the backward jumps to the target, in code order (the last ends the range)
     * @return the first units of the blocks of the loop
     */
    static SortedSet<Integer> blocks(CodeObject code, List<Instruction> range, List<Instruction> backEdges) {
        CodeAnalysis analysis = code.analysis();
        int first = range.get(0).start();
        int end = backEdges.get(backEdges.size() - 1).start();
        // Each block of the range by its first unit, with its last instruction.
        TreeMap<Integer, Instruction> lastOf = new TreeMap<>();
        for (Instruction i : range) {
            int start = analysis.graph().blockAt(i.start()).start();
            if (start >= first) {
                lastOf.put(start, i);
            }
        }
        SortedSet<Integer> loop = new TreeSet<>();
        for (Instruction backEdge : backEdges) {
            loop.add(analysis.graph().blockAt(backEdge.start()).start());
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (var e : lastOf.entrySet()) {
                if (loop.contains(e.getKey())) {
                    continue;
                }
                for (Successor s : analysis.code().successors(e.getValue())) {
                    if (s.target() >= first && s.target() <= end
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
