/**
 * The machine layer shared by the backends: {@link org.pyjit.codegen.vcode.VCode} (lowered
 * machine instructions over virtual registers, the register allocator's input), the
 * {@link org.pyjit.codegen.vcode.FrameLayout} of a compiled function and the
 * {@link org.pyjit.codegen.vcode.EmissionDriver} that applies an allocation while emitting.
 *
 * <p>Invariants: a VCode contains only blocks reachable from its entry, in emission order; its
 * entry block has no parameters (function arguments are defs of a pseudo-instruction); every
 * block ends with its only terminator, and terminators define nothing. The driver never reorders
 * blocks: a successor "falls through" only when it is the next block and its edge has no stub.
 * Nothing here knows an instruction set: backends plug in through
 * {@link org.pyjit.codegen.vcode.MachInst} and {@link org.pyjit.codegen.vcode.MachineEmitter}.
 */
package org.pyjit.codegen.vcode;
