/**
 * The differential harness: the interpreter and every native backend run the same module over one
 * shared native buffer.
 *
 * <p>Invariants: the interpreter always runs first, with step and call-depth limits; native code
 * runs only for cases whose interpreter run ended without an interpreter-only trap and only for
 * modules {@link org.pyjit.fuzz.harness.AddressSafety} accepts, so native code never executes an
 * access or call the interpreter has not shown to be in bounds and well-typed. Every run starts
 * from buffer contents determined by the case's seed; results are compared bit for bit except that
 * all NaNs of a float return type are equal.
 */
package org.pyjit.fuzz.harness;
