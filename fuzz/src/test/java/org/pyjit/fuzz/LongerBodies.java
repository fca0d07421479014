package org.pyjit.fuzz;

import java.math.BigInteger;
import net.jqwik.api.RandomDistribution;

/**
 * A size distribution for statement lists that favours long ones: the larger of two uniform draws
 * over {@code min..max}, so size {@code k} has probability proportional to {@code 2k + 1} (mean
 * about two thirds of the maximum). It only shapes generation; shrinking still removes elements
 * down to the minimum.
 */
final class LongerBodies implements RandomDistribution {

    @Override
    public RandomNumericGenerator createGenerator(int genSize, BigInteger min, BigInteger max, BigInteger center) {
        long lo = min.longValueExact();
        int span = Math.toIntExact(max.longValueExact() - lo + 1);
        return random -> BigInteger.valueOf(lo + Math.max(random.nextInt(span), random.nextInt(span)));
    }

    @Override
    public String toString() {
        return "LongerBodies";
    }
}
