/**
 * The machine-independent half of instruction selection, shared by the backends:
 * {@link org.pyjit.codegen.lower.IrFacts} (the IR pre-pass: reachability, defs, use counts,
 * compare fusion, address folding through the backend's addressing modes) and
 * {@link org.pyjit.codegen.lower.BlockLowering} (the block walk from IR to
 * {@link org.pyjit.codegen.vcode.VCode}); {@link org.pyjit.codegen.lower.ModuleLayout} (the order
 * of a module's code image, over a backend's {@link org.pyjit.codegen.lower.ModuleTarget}), with the
 * {@link org.pyjit.codegen.lower.ModuleLabels} a body may branch to and its
 * {@link org.pyjit.codegen.lower.TrapStubs}, and {@link org.pyjit.codegen.lower.ModuleEmitter} (a
 * function emitter's label and operand state, readable only while an instruction is encoded), and
 * {@link org.pyjit.codegen.lower.ArgLocations} (the argument-register classification both ABIs share).
 *
 * <p>Invariants: only blocks reachable from the IR entry are lowered, in the IR's layout order
 * with cold blocks after all others (the entry first, never cold);
 * the VCode entry block has no parameters (a pseudo-entry is added when the IR entry is a branch
 * target); an instruction is skipped only if it is a constant, a compare fused into its only
 * user (the branch right after it or, when the backend asks, an integer select of its block), or
 * pure with every result either unused or folded into each of its uses.
 * In the module image every function's C entry and body are contiguous and 16-byte aligned, as
 * is each thunk and the unwind sequence, which the trap handler directly follows. Nothing here
 * knows an instruction set. Argument classification counts integer and float registers
 * independently and numbers stack slots in argument order from 0.
 */
package org.pyjit.codegen.lower;
