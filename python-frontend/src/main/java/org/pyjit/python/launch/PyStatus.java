package org.pyjit.python.launch;

import org.pyjit.python.layout.CPythonLayout.EmbeddingLayout;

/**
 * A {@code PyStatus} read back from native memory.
 *
 * @param kind success, error or exit request
 * @param func the C function that failed (errors only), or {@code null}
 * @param errorMessage the message (errors only), or {@code null}
 * @param exitCode the requested exit status (exit requests only)
 * @param raw the struct's bytes, to hand back to CPython by value
 */
public record PyStatus(Kind kind, String func, String errorMessage, int exitCode, byte[] raw) {

    /** {@code PyStatus._type}. */
    public enum Kind {
        /** {@code _PyStatus_TYPE_OK}. */
        OK,
        /** {@code _PyStatus_TYPE_ERROR}: CPython prints a fatal error. */
        ERROR,
        /** {@code _PyStatus_TYPE_EXIT}: e.g. after {@code --version} or a usage error. */
        EXIT
    }

    /**
     * Reads a status.
     *
     * @param address the struct
     * @param layout the version's {@code PyStatus} layout
     * @return the status
     */
    static PyStatus read(long address, EmbeddingLayout layout) {
        int type = NativeCalls.MEMORY.getInt(address + layout.statusType());
        Kind kind = switch (type) {
            case 0 -> Kind.OK;
            case 1 -> Kind.ERROR;
            case 2 -> Kind.EXIT;
            default -> throw new IllegalStateException("PyStatus._type " + type);
        };
        byte[] raw = new byte[layout.statusSize()];
        NativeCalls.MEMORY.getByteArray(address, raw, 0, raw.length);
        return new PyStatus(kind,
                NativeCalls.readCString(NativeCalls.MEMORY.getAddress(address + layout.statusFunc())),
                NativeCalls.readCString(NativeCalls.MEMORY.getAddress(address + layout.statusErrMsg())),
                NativeCalls.MEMORY.getInt(address + layout.statusExitCode()), raw);
    }
}
