/**
 * Per-version knowledge of CPython internals: struct offsets and sizes ({@link
 * org.pyjit.python.layout.CPythonLayout}) and opcode numbering ({@link
 * org.pyjit.python.layout.OpcodeTable}).
 *
 * <p>Invariants: every offset or opcode number the front end uses comes from a
 * {@code CPythonLayout} selected by the running interpreter's version, never from a literal
 * elsewhere; each table is verified against the installed headers and the interpreter's own
 * {@code dis} module by a test; a version without a table is refused at start-up.
 */
package org.pyjit.python.layout;
