package org.pyjit.fuzz.harness;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One run of a function: the seed of the buffer's initial contents ({@link TestBuffer#reset}) and
 * the raw-bit arguments after the buffer base.
 *
 * @param seed the memory seed
 * @param args the arguments after the base
 */
public record Case(long seed, long[] args) {
    /** Copies the array. */
    public Case {
        args = args.clone();
    }

    /** A copy of the arguments. */
    @Override
    public long[] args() {
        return args.clone();
    }

    /** The line a regression file holds for this case: {@code ; run: seed=N args=0x.. 0x..}. */
    public String line() {
        return "; run: seed=" + seed + " args="
                + Arrays.stream(args).mapToObj(a -> "0x" + Long.toHexString(a)).collect(Collectors.joining(" "));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Case c && c.seed == seed && Arrays.equals(c.args, args);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seed) * 31 + Arrays.hashCode(args);
    }

    @Override
    public String toString() {
        return line().substring(2);
    }
}
