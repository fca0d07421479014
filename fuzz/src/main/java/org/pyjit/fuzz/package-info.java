/**
 * Property-based fuzzing of the IR, the allocator and the backends.
 *
 * <ul>
 *   <li>{@link org.pyjit.fuzz.gen}: a program model of statements whose operands are
 *       <em>selectors</em> resolved at build time, so every statement list (in particular every
 *       list a shrinker produces) builds into a function that verifies and terminates.</li>
 *   <li>{@link org.pyjit.fuzz.harness}: runs a module in the reference interpreter and on each
 *       native backend over one shared buffer and compares results, traps and memory.</li>
 *   <li>{@link org.pyjit.fuzz.mutate}: structural and textual mutations of valid IR.</li>
 *   <li>{@link org.pyjit.fuzz.replay}: regression files ({@code .jir} text plus argument lines).</li>
 * </ul>
 * The knobs are one record, {@link org.pyjit.fuzz.FuzzConfig}.
 */
package org.pyjit.fuzz;
