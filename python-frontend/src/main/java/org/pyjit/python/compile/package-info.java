/**
 * The first tier of the compiler: a hot code object's quickened bytecode, read live from memory and
 * analysed with {@link org.pyjit.python.bytecode.CodeAnalysis}, becomes one IR function that
 * operates on the interpreter frame, compiled with our backend.
 *
 * <p>Invariants:
 * <ul>
 *   <li>The frame is the state: locals and value-stack slots live in {@code localsplus}; at every
 *       instruction boundary slot {@code nlocalsplus + d} for {@code d < depth} holds a strong
 *       reference and every local a strong reference or NULL.
 *   <li>{@code prev_instr} points at the current instruction before every call that can run
 *       arbitrary code, so nested tracebacks and {@code f_lineno} are the interpreter's.
 *   <li>Every exit stores {@code stacktop}: a normal exit leaves {@code prev_instr} at the
 *       return instruction (the interpreter executes it), an error exit at the faulting
 *       instruction with the exception set (the interpreter unwinds the frame).
 *   <li>Only code without exception-table entries, cells or free variables, made entirely of
 *       {@link org.pyjit.python.compile.SupportedOpcode}s, is translated; anything else is
 *       refused with a reason and stays in the interpreter.
 * </ul>
 */
package org.pyjit.python.compile;
