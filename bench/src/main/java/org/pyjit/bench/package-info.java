/**
 * Benchmarks (JMH); not run by the tests.
 */
package org.pyjit.bench;
