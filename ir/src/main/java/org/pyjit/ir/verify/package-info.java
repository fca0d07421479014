/**
 * The IR verifier: {@link org.pyjit.ir.verify.Verifier} checks a module against the rules of
 * {@link org.pyjit.ir.verify.Rule} (documented in {@code docs/ir.md}) and reports every broken
 * rule as a {@link org.pyjit.ir.verify.VerifierError} naming function, block, instruction and rule.
 *
 * <p>Invariants: the verifier never throws on malformed input other than through
 * {@link org.pyjit.ir.verify.Verifier#verify}; it checks every function completely rather than
 * stopping at the first error; an instruction of the wrong shape (immediate kind, operand,
 * result or target count) gets one shape error and no type errors; IR it accepts is what the
 * interpreter and the backends may assume (typed operands, single dominating definitions, one
 * terminator per block, branch arguments matching parameters).
 */
package org.pyjit.ir.verify;
