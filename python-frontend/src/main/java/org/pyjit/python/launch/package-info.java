/**
 * Starting CPython inside the JVM: locating the installation, binding libpython through raw
 * jffi, building the {@code PyConfig}, the Python main thread, signal forwarding, options,
 * statistics and the decision log.
 *
 * <p>Invariants: the boot path uses raw jffi only (no jnr-ffi interface generation); every
 * native object (libraries, call contexts, memory) stays reachable for as long as CPython may
 * use it; nothing is written to stdout by pyjit; a launch failure is one {@code pyjit: } line on
 * stderr and exit status 2; the environment CPython sees is the user's.
 */
package org.pyjit.python.launch;
