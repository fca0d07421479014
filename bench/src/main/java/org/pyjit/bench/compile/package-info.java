/**
 * Compile-time benchmarks (JMH): how many IR instructions per second {@code Jit.generate} and
 * {@code Jit.compile} process on a warm JVM, for small and large functions.
 *
 * <p>Invariants: every timed module is deterministic (fixed seeds) and passes the verifier and
 * the backend once in the benchmark's setup before it is timed; the timed JVMs run without
 * {@code -ea}. Not run by the tests.
 */
package org.pyjit.bench.compile;
