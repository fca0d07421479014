package org.pyjit.codegen;

import com.kenai.jffi.MemoryIO;
import org.pyjit.codegen.memory.NativeInvoker;
import org.pyjit.codegen.memory.NativeKind;
import org.pyjit.codegen.memory.NativeSignature;
import org.pyjit.ir.Signature;
import org.pyjit.ir.TrapCode;
import org.pyjit.ir.TrapException;
import org.pyjit.ir.Type;

/**
 * A compiled IR function: its native address (C calling convention, for native callers) and
 * calls from Java. Java calls pass and return <em>raw bits</em>, as the reference interpreter
 * does: integers sign-extended from their width, {@code f64} as
 * {@link Double#doubleToRawLongBits}, {@code f32} as {@link Float#floatToRawIntBits} in the low
 * 32 bits. A trap becomes a {@link TrapException}; the JVM is unaffected.
 *
 * <p>Valid while its {@link CompiledModule} is open. Calls from several threads at once are
 * allowed: each thread has its own context.
 */
public final class CompiledFunction {
    private static final NativeInvoker THUNK = NativeInvoker.of(
            NativeSignature.of(NativeKind.I64, NativeKind.POINTER, NativeKind.POINTER));

    private final CompiledModule module;
    private final String name;
    private final Signature signature;
    private final long address;
    private final long internalEntry;
    private final long thunk;

    CompiledFunction(CompiledModule module, String name, Signature signature, long address, long internalEntry,
                     long thunk) {
        this.module = module;
        this.name = name;
        this.signature = signature;
        this.address = address;
        this.internalEntry = internalEntry;
        this.thunk = thunk;
    }

    /** The function's name. */
    public String name() {
        return name;
    }

    /** The function's IR signature. */
    public Signature signature() {
        return signature;
    }

    /** The entry address with the platform's C calling convention, for native callers. */
    public long address() {
        module.checkOpen();
        return address;
    }

    /**
     * The entry for callers that are compiled code of the same backend: the C calling convention,
     * but the thread's stack limit must already be in the backend's reserved register (as it is in
     * every compiled function, which got it from its own C entry or thunk; see {@link Backend}).
     * It skips the C entry's thread-context lookup (a {@code pthread_getspecific} call and the
     * argument shuffle around it); called from anywhere else, the stack check reads whatever that
     * register holds.
     */
    public long internalEntry() {
        module.checkOpen();
        return internalEntry;
    }

    /**
     * Calls the function with raw-bit arguments and returns the raw bits of its result (0 when it
     * returns nothing).
     *
     * @throws TrapException         if the function trapped
     * @throws IllegalArgumentException if the argument count does not match the signature
     */
    public long call(long... args) {
        module.checkOpen();
        if (args.length != signature.params().size()) {
            throw new IllegalArgumentException("%" + name + signature.text() + " takes "
                    + signature.params().size() + " arguments, got " + args.length);
        }
        if (args.length > ThreadContext.MAX_ARGS) {
            throw new IllegalArgumentException("at most " + ThreadContext.MAX_ARGS + " arguments from Java");
        }
        ThreadContext tc = ThreadContext.current();
        MemoryIO io = MemoryIO.getInstance();
        for (int i = 0; i < args.length; i++) {
            io.putLong(tc.args + 8L * i, canonical(signature.params().get(i), args[i]));
        }
        long trap = THUNK.invokeLong(thunk, tc.args, tc.context);
        if (trap != 0) {
            TrapCode code = TrapCode.fromCode((int) trap);
            if (code == null) {
                throw new IllegalStateException("compiled code reported invalid trap code " + trap);
            }
            throw new TrapException(code);
        }
        if (signature.returns().isEmpty()) {
            return 0;
        }
        return canonical(signature.returns().get(0), io.getLong(tc.args));
    }

    /** Calls the function with {@code long} arguments for integer parameters; see {@link #call}. */
    public long callLong(long... args) {
        return call(args);
    }

    /** Calls a function returning {@code f64}, with raw-bit arguments. */
    public double callDouble(long... args) {
        return Double.longBitsToDouble(call(args));
    }

    /** Raw bits of a {@code double} argument. */
    public static long bits(double value) {
        return Double.doubleToRawLongBits(value);
    }

    /** Raw bits of a {@code float} argument. */
    public static long bits(float value) {
        return Float.floatToRawIntBits(value) & 0xFFFF_FFFFL;
    }

    /** Normalises raw bits to the canonical form of {@code type}. */
    private static long canonical(Type type, long bits) {
        return switch (type) {
            case I8 -> (byte) bits;
            case I16 -> (short) bits;
            case I32 -> (int) bits;
            case I64, F64 -> bits;
            case F32 -> bits & 0xFFFF_FFFFL;
        };
    }

    @Override
    public String toString() {
        return "%" + name + signature.text() + " @ 0x" + Long.toHexString(address);
    }
}
