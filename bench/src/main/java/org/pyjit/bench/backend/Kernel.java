package org.pyjit.bench.backend;

import static org.pyjit.codegen.memory.NativeKind.F64;
import static org.pyjit.codegen.memory.NativeKind.I64;
import static org.pyjit.codegen.memory.NativeKind.POINTER;
import static org.pyjit.codegen.memory.NativeKind.VOID;

import org.pyjit.codegen.memory.NativeKind;
import org.pyjit.codegen.memory.NativeSignature;

/**
 * The benchmark kernels: each is a function of the same name in {@code kernels/kernels.jir} and
 * {@code kernels/kernels.c}, with one C signature used for both. Sizes are chosen so one call does
 * milliseconds of work, which makes the ~100 ns of a jffi call noise.
 */
enum Kernel {
    /** Sum of 0 .. n-1, n = 10^7: a two-instruction loop body. */
    SUM_LOOP("sum_loop", "n=10^7", NativeSignature.of(I64, I64)),
    /** Primes below 10^6 with a byte sieve: stores, a load and a data-dependent branch. */
    SIEVE("sieve", "n=10^6", NativeSignature.of(I64, POINTER, I64)),
    /** fib(27), doubly recursive: call/return and prologue cost (~320k calls). */
    FIB("fib", "fib(27)", NativeSignature.of(I64, I64)),
    /** 200 x 200 Mandelbrot, at most 100 iterations a point: scalar f64 arithmetic in registers. */
    MANDELBROT("mandelbrot", "200x200, 100 it", NativeSignature.of(I64, I64, I64, I64)),
    /** Dot product of two f64 vectors of 10^6: loads and a latency-bound add chain. */
    DOT("dot", "n=10^6", NativeSignature.of(F64, POINTER, POINTER, I64)),
    /** 64 x 64 f64 matrix multiply (i-j-k order): nested loops, strided loads, a store. */
    MATMUL("matmul", "64x64", NativeSignature.of(VOID, POINTER, POINTER, POINTER, I64));

    static final long SUM_N = 10_000_000L;
    static final long SIEVE_N = 1_000_000L;
    static final long FIB_N = 27;
    static final long MANDEL_SIZE = 200, MANDEL_ITER = 100;
    static final int DOT_N = 1_000_000;
    static final int MATMUL_N = 64;

    private final String symbol;
    private final String size;
    private final NativeSignature signature;

    Kernel(String symbol, String size, NativeSignature signature) {
        this.symbol = symbol;
        this.size = size;
        this.signature = signature;
    }

    /** The IR function's name (without {@code %}) and the C symbol. */
    String symbol() {
        return symbol;
    }

    /** The problem size, for the report. */
    String size() {
        return size;
    }

    /** The C signature both sides are called with. */
    NativeSignature signature() {
        return signature;
    }

    /** True if the result travels in an SSE register. */
    boolean returnsFloat() {
        return signature.returnKind() == NativeKind.F64;
    }
}
