/**
 * Property-based fuzzing of the IR, the allocator and the backends.
 */
package org.pyjit.fuzz;
