/**
 * Register allocation.
 */
package org.pyjit.regalloc;
