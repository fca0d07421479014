package org.pyjit.bench.backend;

import java.util.Arrays;

/** Order statistics of a sample of measurements. */
record Stats(double median, double min, double max) {

    /** The statistics of {@code values} (not empty; the array is not modified). */
    static Stats of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no measurements");
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new Stats(median, v[0], v[n - 1]);
    }
}
