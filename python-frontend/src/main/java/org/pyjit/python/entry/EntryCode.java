package org.pyjit.python.entry;

import org.pyjit.codegen.CompiledModule;
import org.pyjit.codegen.Jit;
import org.pyjit.python.layout.CPythonLayout;

/**
 * The callbacks compiled to machine code by our own backend ({@link Jit#host()}), before CPython
 * is initialised: everything that is only known later is read at run time from the
 * {@link EntryData} block. The module is never closed: CPython holds its addresses until the
 * process ends.
 */
public final class EntryCode {

    final CPythonLayout layout;
    final EntryData data;
    private final CompiledModule module;
    private final long compileNanos;

    private EntryCode(CPythonLayout layout, EntryData data, CompiledModule module, long compileNanos) {
        this.layout = layout;
        this.data = data;
        this.module = module;
        this.compileNanos = compileNanos;
    }

    /**
     * Builds and compiles the callbacks (thread-safe; may run while CPython initialises).
     *
     * @param layout the running CPython's layout
     * @return the compiled code
     */
    public static EntryCode compile(CPythonLayout layout) {
        long start = System.nanoTime();
        EntryData data = EntryData.allocate();
        CompiledModule module = Jit.host().compileTrusted(new CallbackCode(layout, data).module());
        return new EntryCode(layout, data, module, System.nanoTime() - start);
    }

    /** Native address of one of the {@link CallbackCode} functions. */
    long address(String function) {
        return module.function(function).address();
    }

    /** Bytes of machine code. */
    public long codeBytes() {
        return module.machineCode().code().length;
    }

    /** Time spent building the IR and compiling it. */
    public long compileNanos() {
        return compileNanos;
    }
}
