package org.pyjit.codegen.memory;

import com.kenai.jffi.Type;

/** The C ABI class of one parameter or return value of a native call. */
public enum NativeKind {
    /** {@code int8_t}. */
    I8,
    /** {@code int16_t}. */
    I16,
    /** {@code int32_t}. */
    I32,
    /** {@code int64_t}. */
    I64,
    /** A data or code pointer (64-bit). */
    POINTER,
    /** {@code float}. */
    F32,
    /** {@code double}. */
    F64,
    /** No value; valid as a return kind only. */
    VOID;

    /** @return whether values of this kind travel in integer registers */
    public boolean isInteger() {
        return switch (this) {
            case I8, I16, I32, I64, POINTER -> true;
            case F32, F64, VOID -> false;
        };
    }

    /** @return whether values of this kind travel in SSE registers */
    public boolean isFloat() {
        return switch (this) {
            case F32, F64 -> true;
            case I8, I16, I32, I64, POINTER, VOID -> false;
        };
    }

    Type ffiType() {
        return switch (this) {
            case I8 -> Type.SINT8;
            case I16 -> Type.SINT16;
            case I32 -> Type.SINT32;
            case I64 -> Type.SINT64;
            case POINTER -> Type.POINTER;
            case F32 -> Type.FLOAT;
            case F64 -> Type.DOUBLE;
            case VOID -> Type.VOID;
        };
    }

    /** Narrows a raw 64-bit integer register value to this kind, sign-extended back to 64 bits. */
    long normalise(long raw) {
        return switch (this) {
            case I8 -> (byte) raw;
            case I16 -> (short) raw;
            case I32 -> (int) raw;
            case I64, POINTER -> raw;
            case VOID -> 0L;
            case F32, F64 -> throw new IllegalStateException(this + " is not an integer kind");
        };
    }
}
