/* The backend benchmark kernels in C, operation for operation as in kernels.jir.
 * KernelBench compiles this file with `gcc -O2 -shared -fPIC` at benchmark time. */
#include <stdint.h>

int64_t sum_loop(int64_t n) {
    int64_t s = 0;
    for (int64_t i = 0; i < n; i++) s += i;
    return s;
}

int64_t sieve(unsigned char *flags, int64_t n) {
    for (int64_t i = 0; i < n; i++) flags[i] = 1;
    int64_t count = 0;
    for (int64_t i = 2; i < n; i++) {
        if (flags[i]) {
            count++;
            for (int64_t j = i * i; j < n; j += i) flags[j] = 0;
        }
    }
    return count;
}

int64_t fib(int64_t n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

int64_t mandelbrot(int64_t w, int64_t h, int64_t maxiter) {
    double dy = 2.0 / (double) h, dx = 3.0 / (double) w;
    int64_t total = 0;
    for (int64_t y = 0; y < h; y++) {
        double ci = (double) y * dy - 1.0;
        for (int64_t x = 0; x < w; x++) {
            double cr = (double) x * dx - 2.0;
            double zr = 0.0, zi = 0.0;
            int64_t it = 0;
            while (it < maxiter) {
                double zr2 = zr * zr, zi2 = zi * zi;
                if (zr2 + zi2 > 4.0) break;
                zi = 2.0 * zr * zi + ci;
                zr = zr2 - zi2 + cr;
                it++;
            }
            total += it;
        }
    }
    return total;
}

double dot(const double *a, const double *b, int64_t n) {
    double s = 0.0;
    for (int64_t i = 0; i < n; i++) s += a[i] * b[i];
    return s;
}

void matmul(const double *a, const double *b, double *c, int64_t n) {
    for (int64_t i = 0; i < n; i++) {
        for (int64_t j = 0; j < n; j++) {
            double s = 0.0;
            for (int64_t k = 0; k < n; k++) s += a[i * n + k] * b[k * n + j];
            c[i * n + j] = s;
        }
    }
}
