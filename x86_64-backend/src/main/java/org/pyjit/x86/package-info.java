/**
 * The x86-64 backend (System V): {@link org.pyjit.x86.X86Backend} compiles a module through
 * instruction selection ({@code Lowering}), linear-scan allocation and the shared emission driver
 * into one position-independent image with Java entry thunks and a trap handler.
 *
 * <p>Invariants: rsp, rbp and r15 are never allocated; r15 holds the thread's stack limit in all
 * compiled code (set by the Java thunk or the C entry) and every prologue checks its frame against
 * it before touching it; r11 and xmm15 belong to the move resolver
 * between instructions and may only be used inside one instruction; a narrow integer (i8, i16,
 * i32) lives in a register whose upper bits are undefined and is normalised only where it
 * matters (see {@code Lowering}); no instruction ever lets the hardware fault on an IR operation
 * (division checks, conversion range checks); constants are materialised at their uses; every
 * function's frame keeps rsp 16-byte aligned at calls. The code never contains absolute
 * addresses except in the trap handler ({@code pthread_getspecific}, {@code abort}) and the
 * constant pool (the pthread key and {@code pthread_getspecific} for the C entries).
 */
package org.pyjit.x86;
