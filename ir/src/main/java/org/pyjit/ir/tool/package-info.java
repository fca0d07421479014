/**
 * Tools over IR text: the {@code jitc} command line ({@link org.pyjit.ir.tool.Jitc}, pluggable
 * {@link org.pyjit.ir.tool.JitcCommand}s) and the golden-file runner that every executor of the
 * IR shares ({@link org.pyjit.ir.tool.GoldenFile}, {@link org.pyjit.ir.tool.RunLine},
 * {@link org.pyjit.ir.tool.Executor}).
 *
 * <p>Invariants:
 * <ul>
 *   <li>Values cross every boundary here as raw 64-bit patterns (see
 *       {@link org.pyjit.ir.interp.Bits}); their text form is {@link org.pyjit.ir.tool.ValueText}
 *       only, read and written according to a type, so run lines, {@code jitc interp} output and
 *       expectations share one notation.</li>
 *   <li>An expectation compares integers by value at the return type and floats by exact bits,
 *       except that {@code nan} matches any NaN (NaN payloads of arithmetic are unspecified).</li>
 *   <li>User errors in {@code jitc} are {@link org.pyjit.ir.tool.JitcException}s, printed as
 *       single lines with exit status 1 (bad input, failed checks) or 2 (usage); a stack trace
 *       means a bug in pyjit.</li>
 * </ul>
 */
package org.pyjit.ir.tool;
