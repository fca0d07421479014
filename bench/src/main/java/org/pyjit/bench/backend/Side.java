package org.pyjit.bench.backend;

/** Which implementation of a kernel runs. */
enum Side {
    /** Our IR compiled by {@code Jit.host()}. */
    IR,
    /** The C version compiled by {@code gcc -O2}. */
    C
}
