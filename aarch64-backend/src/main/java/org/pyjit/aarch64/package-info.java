/**
 * The AArch64 backend: not yet written. The module holds its place in the reactor.
 */
package org.pyjit.aarch64;
