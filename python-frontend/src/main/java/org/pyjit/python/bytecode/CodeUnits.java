package org.pyjit.python.bytecode;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable copy of a code object's instruction array: 16-bit code units, each stored as
 * two bytes (byte 0 the opcode, byte 1 the oparg), inline-cache values little-endian across
 * consecutive units ({@code read_u32}/{@code read_u64} in CPython's {@code pycore_code.h} on the
 * little-endian targets pyjit supports).
 */
public final class CodeUnits {

    private final byte[] bytes;

    private CodeUnits(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Copies raw instruction bytes.
     *
     * @param bytes {@code co_code}, {@code _co_code_adaptive} or the memory at
     *     {@code co_code_adaptive}; an even number of bytes
     * @return the units
     * @throws MalformedBytecodeException if the length is odd
     */
    public static CodeUnits of(byte[] bytes) {
        if (bytes.length % 2 != 0) {
            throw new MalformedBytecodeException(-1, "odd instruction byte count " + bytes.length);
        }
        return new CodeUnits(bytes.clone());
    }

    /**
     * Parses hexadecimal text (as {@code bytes.hex()} prints it).
     *
     * @param hex an even number of hex digits
     * @return the units
     */
    public static CodeUnits ofHex(String hex) {
        return of(HexFormat.of().parseHex(hex));
    }

    /** The number of code units. */
    public int length() {
        return bytes.length / 2;
    }

    /**
     * The opcode byte of a unit.
     *
     * @param unit a unit index
     * @return 0..255
     */
    public int opcode(int unit) {
        check(unit, 1);
        return bytes[2 * unit] & 0xFF;
    }

    /**
     * The oparg byte of a unit.
     *
     * @param unit a unit index
     * @return 0..255
     */
    public int oparg(int unit) {
        check(unit, 1);
        return bytes[2 * unit + 1] & 0xFF;
    }

    /**
     * A unit read as an unsigned 16-bit cache value.
     *
     * @param unit a unit index
     * @return 0..65535
     */
    public int u16(int unit) {
        check(unit, 1);
        return (bytes[2 * unit] & 0xFF) | (bytes[2 * unit + 1] & 0xFF) << 8;
    }

    /**
     * Two units read as an unsigned 32-bit cache value.
     *
     * @param unit the first unit
     * @return 0..2^32-1
     */
    public long u32(int unit) {
        check(unit, 2);
        return u16(unit) | (long) u16(unit + 1) << 16;
    }

    /**
     * Four units read as a 64-bit cache value (a pointer).
     *
     * @param unit the first unit
     * @return the raw 64 bits
     */
    public long u64(int unit) {
        check(unit, 4);
        return u32(unit) | u32(unit + 2) << 32;
    }

    /** A copy of the raw bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    private void check(int unit, int count) {
        if (unit < 0 || unit + count > length()) {
            throw new MalformedBytecodeException(unit, "read of " + count + " unit(s) past the end of "
                    + length() + " units");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodeUnits other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
