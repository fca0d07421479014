package org.pyjit.bench.backend;

/**
 * The kernels in plain Java, operation for operation as in {@code kernels.jir} and
 * {@code kernels.c} (Java's f64 arithmetic is IEEE round-to-nearest, so results are bit-equal):
 * a third opinion when checking both native sides.
 */
final class JavaReference {
    private JavaReference() {
    }

    static long sumLoop(long n) {
        long s = 0;
        for (long i = 0; i < n; i++) {
            s += i;
        }
        return s;
    }

    static long sieve(int n) {
        boolean[] composite = new boolean[n];
        long count = 0;
        for (long i = 2; i < n; i++) {
            if (!composite[(int) i]) {
                count++;
                for (long j = i * i; j < n; j += i) {
                    composite[(int) j] = true;
                }
            }
        }
        return count;
    }

    static long fib(long n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    static long mandelbrot(long w, long h, long maxIter) {
        double dy = 2.0 / h, dx = 3.0 / w;
        long total = 0;
        for (long y = 0; y < h; y++) {
            double ci = y * dy - 1.0;
            for (long x = 0; x < w; x++) {
                double cr = x * dx - 2.0, zr = 0.0, zi = 0.0;
                long it = 0;
                while (it < maxIter) {
                    double zr2 = zr * zr, zi2 = zi * zi;
                    if (zr2 + zi2 > 4.0) {
                        break;
                    }
                    zi = 2.0 * zr * zi + ci;
                    zr = zr2 - zi2 + cr;
                    it++;
                }
                total += it;
            }
        }
        return total;
    }

    static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double[] matmul(double[] a, double[] b, int n) {
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0.0;
                for (int k = 0; k < n; k++) {
                    s += a[i * n + k] * b[k * n + j];
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    /** Deterministic test data: small multiples of 1/8 in [-1.5, 1.5], varying with {@code seed}. */
    static double[] vector(int n, int seed) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = ((i * 7L + seed * 13L) % 25) * 0.125 - 1.5;
        }
        return v;
    }
}
