/**
 * Mutations of valid IR for the "invalid input is rejected cleanly, valid input agrees" property.
 *
 * <p>Invariants: mutators never throw on any module or text they are given; the only structural
 * guarantees they keep are those listed on {@link org.pyjit.fuzz.mutate.Mutator}, which stop a
 * verified mutant from calling native code with a foreign signature. Everything else (types,
 * dominance, block arguments, targets, immediates) may be broken, and the verifier or parser is
 * expected to notice.
 */
package org.pyjit.fuzz.mutate;
