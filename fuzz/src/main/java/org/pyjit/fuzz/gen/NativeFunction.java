package org.pyjit.fuzz.gen;

import java.util.List;
import org.pyjit.ir.Ints;
import org.pyjit.ir.Signature;
import org.pyjit.ir.Type;

/**
 * The C library functions generated code may call through {@code call_indirect}, with the Java
 * model the interpreter runs in their place. Each model is exact for every input (glibc's
 * {@code labs(LONG_MIN)} and {@code abs(INT_MIN)} return their argument, as two's-complement
 * negation does; {@code copysign} is a pure bit operation).
 */
public enum NativeFunction {
    /** {@code long labs(long)}. */
    LABS("libc.so.6", "labs", Signature.of(Type.I64, Type.I64)),
    /** {@code int abs(int)}. */
    ABS("libc.so.6", "abs", Signature.of(Type.I32, Type.I32)),
    /** {@code double copysign(double, double)}. */
    COPYSIGN("libm.so.6", "copysign", Signature.of(Type.F64, Type.F64, Type.F64));

    private final String library;
    private final String symbol;
    private final Signature signature;

    NativeFunction(String library, String symbol, Signature signature) {
        this.library = library;
        this.symbol = symbol;
        this.signature = signature;
    }

    /** The shared library that defines the symbol. */
    public String library() {
        return library;
    }

    /** The C symbol. */
    public String symbol() {
        return symbol;
    }

    /** The C signature as an IR signature. */
    public Signature signature() {
        return signature;
    }

    /** The interpreter's model: raw argument patterns in, raw result pattern out. */
    public long model(long[] args) {
        return switch (this) {
            case LABS -> Math.abs(args[0]);
            case ABS -> Ints.canonical(Math.abs((int) args[0]), Type.I32);
            case COPYSIGN -> (args[0] & Long.MAX_VALUE) | (args[1] & Long.MIN_VALUE);
        };
    }

    /** The parameter types. */
    public List<Type> params() {
        return signature.params();
    }
}
