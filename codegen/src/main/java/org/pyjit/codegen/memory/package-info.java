/**
 * Executable memory and calls into native code.
 *
 * <p>Invariants:
 * <ul>
 *   <li><b>W^X.</b> Every page mapped here is either read/write or read/execute, never both, and
 *       is never mapped twice. Code is written while a page run is read/write, then the run is
 *       flipped to read/execute for good ({@link org.pyjit.codegen.memory.ExecutableMemory}).</li>
 *   <li><b>Bounded.</b> {@link org.pyjit.codegen.memory.CodeCache} unmaps a slab as soon as its
 *       last {@link org.pyjit.codegen.memory.CodeBlob} is freed; nothing is cached or leaked, and
 *       freeing a blob twice throws.</li>
 *   <li><b>Alignment.</b> Every blob starts 16-byte aligned, so constant pools aligned inside the
 *       code are aligned in memory.</li>
 *   <li><b>Calls.</b> {@link org.pyjit.codegen.memory.NativeInvoker} passes arguments as raw
 *       64-bit values per {@link org.pyjit.codegen.memory.NativeSignature}; it validates counts and
 *       kinds but cannot validate the code it calls.</li>
 *   <li>libc is bound lazily, once, through raw jffi (symbol addresses and cached call contexts, no
 *       generated stubs); 64-bit Linux only.</li>
 * </ul>
 */
package org.pyjit.codegen.memory;
