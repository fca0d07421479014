/**
 * pyjit: the CPython front end. {@link org.pyjit.python.Main} is the {@code pyjit} command.
 *
 * <p>Invariant: the command line belongs to CPython and reaches its parser byte for byte; pyjit
 * is configured only through {@code PYJIT_*} environment variables.
 */
package org.pyjit.python;
