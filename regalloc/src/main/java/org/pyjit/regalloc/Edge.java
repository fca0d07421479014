package org.pyjit.regalloc;

/**
 * A CFG edge named by its source block and the position of the target in the source's
 * successor list.
 *
 * @param pred      source block
 * @param succIndex index into {@code successors(pred)}
 */
public record Edge(int pred, int succIndex) implements Comparable<Edge> {
    /** Orders by predecessor, then successor index. */
    @Override
    public int compareTo(Edge o) {
        int c = Integer.compare(pred, o.pred);
        return c != 0 ? c : Integer.compare(succIndex, o.succIndex);
    }
}
