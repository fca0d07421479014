package org.pyjit.fuzz.harness;

import org.pyjit.fuzz.gen.NativeFunction;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.TrapCode;
import org.pyjit.ir.TrapException;
import org.pyjit.ir.interp.Interpreter;
import org.pyjit.ir.interp.Memory;

/**
 * Runs a module in the reference interpreter over a {@link TestBuffer} mapped at its native
 * address, with the {@link NativeFunction} models registered at the real functions' addresses.
 */
public final class InterpreterRun {
    /** Limits for fuzzing: enough for every generated program, small enough to stop mutants fast. */
    public static final Interpreter.Limits LIMITS = Interpreter.Limits.DEFAULT.withSteps(2_000_000).withCallDepth(500);

    private final Interpreter interpreter;

    /** An interpreter over {@code module} whose memory is {@code buffer}'s mapped bytes. */
    public InterpreterRun(IrModule module, TestBuffer buffer) {
        Memory memory = new Memory();
        memory.map(buffer.base(), buffer.mappedView());
        interpreter = new Interpreter(module, memory, LIMITS);
        for (NativeFunction fn : NativeFunction.values()) {
            interpreter.registerNative(NativeTable.address(fn), fn::model);
        }
    }

    /** True for the traps only the interpreter can raise (limits and out-of-bounds accesses). */
    public static boolean interpreterOnly(TrapCode code) {
        return code.equals(TrapCode.HEAP_OUT_OF_BOUNDS) || code.equals(TrapCode.STEP_LIMIT)
                || code.equals(TrapCode.STACK_OVERFLOW);
    }

    /** Calls {@code entry}; traps become {@link Outcome.Trapped}. */
    public Outcome call(String entry, long[] args) {
        IrFunction f = interpreter.module().function(entry);
        try {
            long[] r = interpreter.call(entry, args);
            return new Outcome.Returned(f.signature().returns().stream().findFirst(), r.length == 0 ? 0 : r[0]);
        } catch (TrapException e) {
            return new Outcome.Trapped(e.trapCode());
        }
    }

    /** Instructions executed by the last call. */
    public long steps() {
        return interpreter.steps();
    }
}
