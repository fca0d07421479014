package org.pyjit.bench.backend;

/**
 * One kernel's inputs for both sides: the raw arguments (separate output buffers per side, shared
 * read-only inputs), where each side's output lands, and the result a plain Java implementation of
 * the same algorithm computes.
 *
 * @param kernel      the kernel
 * @param irArgs      raw arguments for the IR function
 * @param cArgs       raw arguments for the C function
 * @param irOut       the IR side's output buffer (0 if the kernel has none)
 * @param cOut        the C side's output buffer (0 if the kernel has none)
 * @param outBytes    the output buffers' size
 * @param expected    the raw bits of the expected result (0 for {@code void})
 * @param expectedOut the expected output buffer as f64s, or null if it is not f64 data
 */
record Workload(Kernel kernel, long[] irArgs, long[] cArgs, long irOut, long cOut, long outBytes,
        long expected, double[] expectedOut) {

    /** Allocates and fills the inputs of {@code kernel} in {@code arena}. */
    static Workload prepare(Kernel kernel, NativeArena arena) {
        return switch (kernel) {
            case SUM_LOOP -> scalar(kernel, JavaReference.sumLoop(Kernel.SUM_N), Kernel.SUM_N);
            case FIB -> scalar(kernel, JavaReference.fib(Kernel.FIB_N), Kernel.FIB_N);
            case MANDELBROT -> scalar(kernel, JavaReference.mandelbrot(Kernel.MANDEL_SIZE, Kernel.MANDEL_SIZE, Kernel.MANDEL_ITER),
                    Kernel.MANDEL_SIZE, Kernel.MANDEL_SIZE, Kernel.MANDEL_ITER);
            case SIEVE -> {
                long ir = arena.allocate(Kernel.SIEVE_N), c = arena.allocate(Kernel.SIEVE_N);
                yield new Workload(kernel, new long[] {ir, Kernel.SIEVE_N}, new long[] {c, Kernel.SIEVE_N}, ir, c,
                        Kernel.SIEVE_N, JavaReference.sieve((int) Kernel.SIEVE_N), null);
            }
            case DOT -> {
                double[] a = JavaReference.vector(Kernel.DOT_N, 1), b = JavaReference.vector(Kernel.DOT_N, 2);
                long pa = arena.doubles(a), pb = arena.doubles(b);
                long[] args = {pa, pb, Kernel.DOT_N};
                yield new Workload(kernel, args, args.clone(), 0, 0, 0,
                        Double.doubleToRawLongBits(JavaReference.dot(a, b)), null);
            }
            case MATMUL -> {
                int n = Kernel.MATMUL_N;
                double[] a = JavaReference.vector(n * n, 3), b = JavaReference.vector(n * n, 4);
                long pa = arena.doubles(a), pb = arena.doubles(b);
                long ir = arena.allocate(8L * n * n), c = arena.allocate(8L * n * n);
                yield new Workload(kernel, new long[] {pa, pb, ir, n}, new long[] {pa, pb, c, n}, ir, c, 8L * n * n,
                        0, JavaReference.matmul(a, b, n));
            }
        };
    }

    private static Workload scalar(Kernel kernel, long expected, long... args) {
        return new Workload(kernel, args, args.clone(), 0, 0, 0, expected, null);
    }
}
