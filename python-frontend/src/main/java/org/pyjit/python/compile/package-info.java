/**
 * The first tier of the compiler: a hot code object's quickened bytecode, read live from memory and
 * analysed with {@link org.pyjit.python.bytecode.CodeAnalysis}, becomes one IR function that
 * operates on the interpreter frame, compiled with our backend, entered from the PY_START
 * callback after the function's {@code RESUME} (a generator's also from the PY_RESUME callback,
 * after the {@code RESUME} its frame is resumed at).
 *
 * <p>Invariants:
 * <ul>
 *   <li>The frame is the state: locals and value-stack slots live in {@code localsplus}; at every
 *       instruction boundary slot {@code nlocalsplus + d} for {@code d < depth} holds a strong
 *       reference (or NULL where 3.12 pushes one) and every local a strong reference or NULL.
 *   <li>{@code prev_instr} points at the current instruction before every call that can run
 *       arbitrary code, so nested tracebacks and {@code f_lineno} are the interpreter's.
 *   <li>While a body runs {@code stacktop} is -1, as while the interpreter runs a frame (the
 *       cyclic GC traverses a running generator's frame up to it, and popped slots name released
 *       objects).
 *   <li>Every exit stores {@code stacktop} and restores {@code tstate->tracing}. A return or
 *       deoptimisation exit leaves {@code prev_instr} at an instruction start (never a CACHE unit,
 *       never the RESUME) with exactly {@code StackDepths.before} slots: the interpreter executes
 *       that instruction next. An exception inside a try block is unwound as 3.12's
 *       {@code exception_unwind:} does (its RAISE and EXCEPTION_HANDLED events included, through
 *       {@link org.pyjit.python.compile.ExceptionEvents}) and leaves at the handler; any other
 *       exception leaves with
 *       {@code prev_instr} at the faulting instruction (the interpreter unwinds the frame).
 *   <li>Opcodes outside {@link org.pyjit.python.compile.SupportedOpcode} (or instrumented by
 *       another tool) become deoptimisation exits; a code object is refused only when the first
 *       instruction after each of its {@code RESUME}s would already leave. {@code YIELD_VALUE} is
 *       an exit: the interpreter suspends the generator.
 *   <li>A generator body is entered only at a {@code RESUME} whose {@code prev_instr} and
 *       {@code stacktop} it recognises; otherwise it returns with the frame untouched.
 *   <li>A body runs only under the instrumentation version it was compiled with; a change while it
 *       runs is noticed after every call that can run Python code and at back edges.
 *   <li>An int loop ({@link org.pyjit.python.compile.IntLoops}) holds its locals in machine
 *       registers only between its header's guards and its exits; every exit boxes them back into
 *       the frame before any generic code runs, so the frame invariant holds at every instruction
 *       the interpreter or the generic code can see.
 *   <li>A specialised fast path ({@link org.pyjit.python.compile.CachedFastPath}) runs all its
 *       guards before it consumes or changes anything; a failed guard continues in the same
 *       instruction's generic code with the frame untouched, so no guard is a way out of the body.
 *       Guards compare versions CPython never reuses (type tags, dict keys versions) with
 *       constants read from the inline cache at capture: no watcher, no invalidation.
 *   <li>Every exit site has a native counter ({@link org.pyjit.python.compile.BodyCounters}).
 *   <li>A function body's call stub ({@link org.pyjit.python.compile.DirectCall#stub}) runs every
 *       guard before it takes a reference or pushes a frame: "not taken" (1) means nothing was
 *       consumed, and the caller's generic call (a vectorcall, or {@code _PyFunction_Vectorcall}
 *       behind {@link org.pyjit.python.compile.VectorcallEntry}) does the call instead.
 * </ul>
 */
package org.pyjit.python.compile;
