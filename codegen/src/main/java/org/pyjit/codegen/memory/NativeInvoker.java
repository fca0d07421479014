package org.pyjit.codegen.memory;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallContextCache;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.HeapInvocationBuffer;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.Type;

/**
 * Calls native code at an arbitrary address with a fixed {@link NativeSignature}, from Java,
 * through jffi.
 *
 * <p>Arguments are passed as <em>raw</em> 64-bit values, one per parameter: integers as their
 * (sign-extended) value, {@code F64} as {@link #raw(double)} and {@code F32} as
 * {@link #raw(float)}. Signatures whose parameters and return are all integer kinds with at most
 * six parameters take jffi's fast numeric path ({@code Invoker.invokeN0..N6}); every other
 * signature (floats anywhere, stack-passed arguments) goes through a {@link HeapInvocationBuffer}.
 *
 * <p>An upcall costs on the order of 100 ns: call compiled code per compilation or per test, not
 * per element. Calling an address that is not code of this signature crashes the process; the
 * caller vouches for the address. Instances are immutable and thread-safe.
 */
public final class NativeInvoker {
    private static final int FAST_PATH_MAX_ARGS = 6;

    private final NativeSignature signature;
    private final CallContext context;
    private final boolean fast;

    private NativeInvoker(NativeSignature signature) {
        this.signature = signature;
        Type[] params = signature.parameters().stream().map(NativeKind::ffiType).toArray(Type[]::new);
        this.context = CallContextCache.getInstance()
                .getCallContext(signature.returnKind().ffiType(), params, CallingConvention.DEFAULT, false);
        this.fast = signature.isAllInteger() && params.length <= FAST_PATH_MAX_ARGS;
    }

    /**
     * Creates (or shares the jffi call context of) an invoker for {@code signature}.
     *
     * @param signature the C signature
     * @return the invoker
     */
    public static NativeInvoker of(NativeSignature signature) {
        return new NativeInvoker(java.util.Objects.requireNonNull(signature, "signature"));
    }

    /** @return the signature this invoker calls with */
    public NativeSignature signature() {
        return signature;
    }

    /** @return whether calls take jffi's all-integer fast path */
    public boolean isFastPath() {
        return fast;
    }

    /**
     * Encodes a {@code double} argument.
     *
     * @param value the value
     * @return its raw bits
     */
    public static long raw(double value) {
        return Double.doubleToRawLongBits(value);
    }

    /**
     * Encodes a {@code float} argument.
     *
     * @param value the value
     * @return its raw bits in the low 32 bits
     */
    public static long raw(float value) {
        return Float.floatToRawIntBits(value) & 0xFFFF_FFFFL;
    }

    /**
     * Calls a function with an integer, pointer or void result.
     *
     * @param address the function's entry address (non-zero)
     * @param rawArgs one raw value per parameter
     * @return the result, sign-extended from its kind's width (0 for void)
     * @throws IllegalArgumentException if the argument count is wrong or the result is a float
     */
    public long invokeLong(long address, long... rawArgs) {
        if (signature.returnKind().isFloat()) {
            throw new IllegalArgumentException("signature " + signature + " returns a float: use invokeDouble");
        }
        check(address, rawArgs);
        if (fast) {
            return signature.returnKind().normalise(invokeFast(address, rawArgs));
        }
        HeapInvocationBuffer buffer = marshal(rawArgs);
        Invoker invoker = Invoker.getInstance();
        return switch (signature.returnKind()) {
            case I8, I16, I32 -> signature.returnKind().normalise(invoker.invokeInt(context, address, buffer));
            case I64, POINTER -> invoker.invokeLong(context, address, buffer);
            case VOID -> {
                invoker.invokeLong(context, address, buffer);
                yield 0L;
            }
            case F32, F64 -> throw new AssertionError("checked above");
        };
    }

    /**
     * Calls a function with a {@code double} or {@code float} result.
     *
     * @param address the function's entry address (non-zero)
     * @param rawArgs one raw value per parameter
     * @return the result ({@code F32} widened exactly)
     * @throws IllegalArgumentException if the argument count is wrong or the result is not a float
     */
    public double invokeDouble(long address, long... rawArgs) {
        check(address, rawArgs);
        HeapInvocationBuffer buffer = marshal(rawArgs);
        Invoker invoker = Invoker.getInstance();
        return switch (signature.returnKind()) {
            case F64 -> invoker.invokeDouble(context, address, buffer);
            case F32 -> invoker.invokeFloat(context, address, buffer);
            case I8, I16, I32, I64, POINTER, VOID -> throw new IllegalArgumentException(
                    "signature " + signature + " does not return a float: use invokeLong");
        };
    }

    private void check(long address, long[] rawArgs) {
        if (address == 0L) {
            throw new IllegalArgumentException("null function address");
        }
        if (rawArgs.length != signature.parameters().size()) {
            throw new IllegalArgumentException("signature " + signature + " takes "
                    + signature.parameters().size() + " arguments, got " + rawArgs.length);
        }
    }

    private long invokeFast(long address, long[] a) {
        Invoker invoker = Invoker.getInstance();
        return switch (a.length) {
            case 0 -> invoker.invokeN0(context, address);
            case 1 -> invoker.invokeN1(context, address, a[0]);
            case 2 -> invoker.invokeN2(context, address, a[0], a[1]);
            case 3 -> invoker.invokeN3(context, address, a[0], a[1], a[2]);
            case 4 -> invoker.invokeN4(context, address, a[0], a[1], a[2], a[3]);
            case 5 -> invoker.invokeN5(context, address, a[0], a[1], a[2], a[3], a[4]);
            case 6 -> invoker.invokeN6(context, address, a[0], a[1], a[2], a[3], a[4], a[5]);
            default -> throw new AssertionError("fast path takes at most " + FAST_PATH_MAX_ARGS + " arguments");
        };
    }

    private HeapInvocationBuffer marshal(long[] rawArgs) {
        HeapInvocationBuffer buffer = new HeapInvocationBuffer(context);
        for (int i = 0; i < rawArgs.length; i++) {
            long v = rawArgs[i];
            switch (signature.parameters().get(i)) {
                case I8 -> buffer.putByte((byte) v);
                case I16 -> buffer.putShort((short) v);
                case I32 -> buffer.putInt((int) v);
                case I64 -> buffer.putLong(v);
                case POINTER -> buffer.putAddress(v);
                case F32 -> buffer.putFloat(Float.intBitsToFloat((int) v));
                case F64 -> buffer.putDouble(Double.longBitsToDouble(v));
                case VOID -> throw new AssertionError("rejected by NativeSignature");
            }
        }
        return buffer;
    }
}
