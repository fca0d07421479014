/**
 * The AArch64 backend (AAPCS64): {@link org.pyjit.aarch64.A64Backend} compiles a module through
 * instruction selection ({@code Lowering}), linear-scan allocation and the shared emission driver
 * into one position-independent image with Java entry thunks and a trap handler, encoded by our
 * own {@link org.pyjit.aarch64.asm.A64Assembler}.
 *
 * <p>Invariants: x16, x17, x18, x28, x29, x30, sp and v31 are never allocated; x28 holds the
 * thread's stack limit in all compiled code (set by the Java thunk or the C entry) and every
 * prologue checks its frame against it before touching it; x16 and v31 carry the
 * move resolver's values between instructions, and x16, x17 and v31 are free inside one
 * instruction's sequence; sp stays at {@code fp - frameSize} for the whole body (outgoing
 * arguments live in a preallocated area), so frame addresses may be sp-relative; a narrow integer
 * (i8, i16, i32) lives in a register whose upper bits are undefined and is extended only where it
 * matters; no IR operation is left to hardware behaviour that differs from the IR (division by
 * zero and {@code MIN / -1} are checked, float-to-int conversion is range-checked); constants are
 * materialised at their uses.
 */
package org.pyjit.aarch64;
