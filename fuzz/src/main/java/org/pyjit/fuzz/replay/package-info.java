/**
 * Regression files: {@code .jir} modules with header comments naming the entry and the cases to
 * run, replayed through the same differential check as generated modules.
 *
 * <p>Invariant: a regression file is self-contained and independent of the process it was found
 * in (the buffer base and native addresses are supplied at replay time, never written down).
 */
package org.pyjit.fuzz.replay;
