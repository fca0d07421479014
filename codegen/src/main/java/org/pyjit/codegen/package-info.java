/**
 * The machine layer shared by the backends and the library's public entry points.
 *
 * <p>{@link org.pyjit.codegen.Jit} verifies a module, hands it to a
 * {@link org.pyjit.codegen.Backend}, installs the resulting position-independent
 * {@link org.pyjit.codegen.MachineCode} in a W^X {@link org.pyjit.codegen.memory.CodeCache}, and
 * returns a {@link org.pyjit.codegen.CompiledModule} whose functions can be called from Java or
 * handed to native code by address.
 *
 * <p>Invariants: a backend only ever sees verified modules; compiled code never raises a signal
 * for an IR trap — traps unwind to the Java entry thunk of the calling thread (see
 * {@link org.pyjit.codegen.Backend}); compiled frames never reach below the thread context's
 * stack limit, so stack exhaustion is the trap {@code stack_overflow}, not a fault; code memory
 * is never writable and executable at once.
 */
package org.pyjit.codegen;
