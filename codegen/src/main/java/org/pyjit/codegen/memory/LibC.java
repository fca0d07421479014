package org.pyjit.codegen.memory;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.types.off_t;
import jnr.ffi.types.size_t;

/**
 * The four libc entry points the executable-memory layer needs, bound through jnr-ffi.
 *
 * <p>Public only because jnr-ffi generates the implementing class outside this package; use
 * {@link ExecutableMemory} instead of calling these directly. Pointers and sizes are passed as
 * {@code long}: this layer supports 64-bit Linux only, where both are 64 bits wide.
 */
public interface LibC {
    /**
     * {@code void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)}.
     *
     * <p>{@code addr} is a {@link Pointer} (pass {@code null}): with a {@code long} first parameter
     * jnr-ffi 2.2.17's generated stub made the kernel answer EINVAL.
     *
     * @return the mapping's address, or {@code -1} (MAP_FAILED) with errno set
     */
    @SaveError
    long mmap(Pointer addr, @size_t long length, int prot, int flags, int fd, @off_t long offset);

    /**
     * {@code int mprotect(void *addr, size_t len, int prot)}.
     *
     * @return 0 on success, -1 with errno set
     */
    @SaveError
    int mprotect(long addr, @size_t long len, int prot);

    /**
     * {@code int munmap(void *addr, size_t length)}.
     *
     * @return 0 on success, -1 with errno set
     */
    @SaveError
    int munmap(long addr, @size_t long length);

    /**
     * {@code int getpagesize(void)}.
     *
     * @return the page size in bytes
     */
    int getpagesize();
}
