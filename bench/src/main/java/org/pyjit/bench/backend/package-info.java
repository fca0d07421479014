/**
 * Run-time benchmark of the backend's code: kernels written in IR ({@code kernels/kernels.jir})
 * compiled by {@code Jit.host()} against the same kernels in C ({@code kernels/kernels.c})
 * compiled by {@code gcc -O2} when the benchmark starts.
 *
 * <p>Invariants: both sides of a kernel are called through the same
 * {@link org.pyjit.codegen.memory.NativeInvoker} with the same signature and equal inputs (output
 * buffers are per side); a kernel is timed only after both sides agreed with each other and with
 * a Java reference, and every timed call's result is checked again; a kernel the backend cannot
 * compile or gets wrong is reported and skipped, never patched around. Not run by the tests.
 */
package org.pyjit.bench.backend;
