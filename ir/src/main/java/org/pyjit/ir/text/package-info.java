/**
 * The IR text format: {@link org.pyjit.ir.text.IrPrinter} writes it, {@link org.pyjit.ir.text.IrParser}
 * reads it; the grammar is in {@code docs/ir.md}.
 *
 * <p>Invariants: for every function the printer is given, printing, parsing and printing again
 * yields the same text, and the parsed blocks equal the original ones (value, block and stack
 * slot numbers are kept as written, NaN payloads and {@code -0.0} survive). Result types are
 * never written; the parser infers them. Parsing checks syntax and name resolution only (every
 * used value, block, slot and callee exists, nothing is defined twice); well-formedness is the
 * verifier's job, so malformed but resolvable IR parses. Errors carry a 1-based line and column.
 */
package org.pyjit.ir.text;
