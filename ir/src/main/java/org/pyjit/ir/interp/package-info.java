/**
 * The reference interpreter: the executable definition of the IR's semantics, which every
 * backend is tested against (the rules are written out in {@code docs/ir.md}, "Semantics").
 *
 * <p>Invariants:
 * <ul>
 *   <li>Every runtime value is a raw 64-bit pattern in a {@code long}: integers in canonical form
 *       (sign-extended from their width, see {@link org.pyjit.ir.Ints}), {@code f64} as
 *       {@link Double#doubleToRawLongBits}, {@code f32} as {@link Float#floatToRawIntBits}
 *       zero-extended ({@link Bits}). Every value the interpreter stores is in this form, and
 *       {@link Semantics} assumes its operands are.</li>
 *   <li>A run never recurses on the Java stack per IR call: frames live on an explicit stack, so
 *       deep IR recursion ends in the {@code stack_overflow} trap, never in a
 *       {@link StackOverflowError}. Only native handlers that re-enter the interpreter nest Java
 *       calls.</li>
 *   <li>Stack slots and function addresses lie in {@link Memory#RESERVED_BASE reserved} address
 *       ranges that are not canonical user-space addresses on x86-64 or AArch64, so they never
 *       collide with a caller's region or a real native pointer. Every slot is its own region,
 *       zero-filled on entry and unmapped at return or when a trap unwinds the frame.</li>
 *   <li>Traps reach the caller as {@link org.pyjit.ir.TrapException}; errors in the test setup
 *       (unknown function, unknown native address, wrong argument count, IR that does not
 *       verify) are {@link IllegalArgumentException} or {@link IllegalStateException}.</li>
 * </ul>
 */
package org.pyjit.ir.interp;
