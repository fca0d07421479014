package org.pyjit.fuzz.harness;

import org.pyjit.codegen.CompiledFunction;
import org.pyjit.codegen.CompiledModule;
import org.pyjit.codegen.Jit;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.TrapException;

/** A module compiled by one backend and installed; calls go through the Java entry thunks. */
public final class NativeRun implements AutoCloseable {
    private final CompiledModule compiled;

    /** Compiles and installs {@code module} with {@code jit}. */
    public NativeRun(Jit jit, IrModule module) {
        compiled = jit.compile(module);
    }

    /** The compiled module (machine code, addresses). */
    public CompiledModule compiled() {
        return compiled;
    }

    /** Calls {@code entry}; traps become {@link Outcome.Trapped}. */
    public Outcome call(String entry, long[] args) {
        CompiledFunction f = compiled.function(entry);
        try {
            long r = f.call(args);
            return new Outcome.Returned(f.signature().returns().stream().findFirst(), r);
        } catch (TrapException e) {
            return new Outcome.Trapped(e.trapCode());
        }
    }

    /** Frees the code. */
    @Override
    public void close() {
        compiled.close();
    }
}
