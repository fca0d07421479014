/**
 * Our own A64 (AArch64) encoder: fixed 32-bit instruction words, labels with range-checked
 * fix-ups and a constant pool placed after the code.
 *
 * <p>Invariants: every emitted word is exactly the encoding its method documents (each form is
 * compared against GNU objdump by the module's tests); register field 31 means the zero register
 * or the stack pointer depending on the form, and a method given the other one throws; immediates
 * that do not fit (add/sub, bitmask, move-wide, FMOV, offsets, branch ranges) throw
 * {@link java.lang.IllegalArgumentException} instead of being truncated; the finished image holds
 * no absolute address of its own, so it runs wherever it is placed (16-byte aligned).
 */
package org.pyjit.aarch64.asm;
