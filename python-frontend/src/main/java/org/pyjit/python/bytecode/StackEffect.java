package org.pyjit.python.bytecode;

/**
 * How many value-stack entries an instruction pops and pushes on its fall-through path.
 *
 * @param popped entries consumed
 * @param pushed entries produced
 */
public record StackEffect(int popped, int pushed) {

    /** Checks the counts. */
    public StackEffect {
        if (popped < 0 || pushed < 0) {
            throw new IllegalArgumentException("negative stack effect " + popped + "/" + pushed);
        }
    }

    /** {@code pushed - popped}, the depth change. */
    public int delta() {
        return pushed - popped;
    }
}
