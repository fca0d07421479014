package org.pyjit.regalloc;

/**
 * A point between instructions where edits execute.
 *
 * @param inst instruction index
 * @param pos  before or after it
 */
public record ProgramPoint(int inst, InstPosition pos) implements Comparable<ProgramPoint> {
    /** Orders by instruction, BEFORE ahead of AFTER. */
    @Override
    public int compareTo(ProgramPoint o) {
        int c = Integer.compare(inst, o.inst);
        return c != 0 ? c : pos.compareTo(o.pos);
    }
}
