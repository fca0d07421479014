package org.pyjit.python.entry;

/**
 * One hot code object, as the statistics table shows it.
 *
 * @param name qualified name with file and first line, e.g. {@code fib (fib.py:1)}
 * @param calls calls counted (counting stops when the function becomes hot)
 * @param backEdges backward jumps counted, all its loops together (each loop's counting stops
 *     when that loop becomes hot)
 * @param hotFunction whether the calls reached the threshold
 * @param hotLoops how many of its loops reached the threshold
 * @param state what became of it
 */
public record HotCode(String name, long calls, long backEdges, boolean hotFunction, int hotLoops,
                      CompileOutcome state) { }
