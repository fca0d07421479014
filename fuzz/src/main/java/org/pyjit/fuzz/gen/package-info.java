/**
 * Generation of valid IR from a shrinkable program model.
 *
 * <p>Invariants: every {@link org.pyjit.fuzz.gen.ProgramSpec} builds (through
 * {@link org.pyjit.fuzz.gen.ProgramBuilder}) into a module that verifies, terminates within a
 * bound fixed by its loop trip counts and nesting, touches memory only inside the
 * {@link org.pyjit.fuzz.gen.BufferLayout} buffer passed as every function's first argument and its
 * own stack slots, never makes NaN payloads observable as bits, and never exposes a stack or
 * function address as data, and leaves no computed result unobserved (unused ones are folded
 * into a sink the epilogue stores). Traps it can raise are {@code int_divz}, {@code int_ovf},
 * {@code bad_conversion} and {@code user 0..3}.
 */
package org.pyjit.fuzz.gen;
