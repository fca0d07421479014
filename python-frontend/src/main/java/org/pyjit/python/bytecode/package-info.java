/**
 * CPython bytecode as the JIT reads it: instructions decoded from raw code units (the quickened
 * {@code co_code_adaptive} or the plain {@code co_code}), the exception table, jump targets, a
 * control-flow graph with exception edges, and the value-stack depth at every instruction.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Positions are <em>code-unit indices</em> (one unit = 2 bytes), never byte offsets, except
 *       where a method name says {@code byteOffset}. An instruction's {@link
 *       org.pyjit.python.bytecode.Instruction#start() start} is its first {@code EXTENDED_ARG}
 *       prefix (or the instruction itself); every jump target, exception-handler target and
 *       block start is such a start, and resuming the interpreter there is legal.</li>
 *   <li>{@code CACHE} units are never decoded as instructions: each instruction owns the
 *       inline-cache units of its family, which are decoded into an {@link
 *       org.pyjit.python.bytecode.InlineCache}.</li>
 *   <li>Every decoded instruction carries both the opcode found in memory (possibly specialised
 *       or instrumented: the type feedback) and its base opcode (what {@code co_code} and
 *       {@code dis} report); semantics (stack effects, jumps) are defined on the base opcode.</li>
 *   <li>Everything version-specific (numbering, cache layouts, specialisation families, stack
 *       effects, jump arithmetic) sits behind a {@link
 *       org.pyjit.python.bytecode.BytecodeDialect}; the rest of the package is version-neutral.</li>
 *   <li>All models are immutable. Malformed input is rejected with a {@link
 *       org.pyjit.python.bytecode.MalformedBytecodeException} naming the offending unit; nothing
 *       here reads native memory, so nothing here can crash the process.</li>
 * </ul>
 */
package org.pyjit.python.bytecode;
