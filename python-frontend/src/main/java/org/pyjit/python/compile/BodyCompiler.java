package org.pyjit.python.compile;

import java.util.ArrayList;
import java.util.List;
import org.pyjit.codegen.CompiledModule;
import org.pyjit.codegen.Jit;
import org.pyjit.ir.IrModule;
import org.pyjit.python.layout.CPythonLayout;

/**
 * Compiles hot code objects to native bodies {@code i64 body(frame, tstate)} (see
 * {@link Translator}). Runs on a Python thread holding the GIL. Compiled modules are kept for the
 * life of the process: the code objects' states hold their addresses.
 */
public final class BodyCompiler {

    /**
     * A compiled body.
     *
     * @param address the native entry
     * @param codeBytes its size
     * @param nanos time spent reading, translating and compiling
     */
    public record CompiledBody(long address, int codeBytes, long nanos) { }

    private final CPythonLayout layout;
    private final NativeSymbols symbols;
    private final List<CompiledModule> modules = new ArrayList<>();

    /**
     * @param layout the running CPython's offsets
     * @param symbols the C-API addresses
     */
    public BodyCompiler(CPythonLayout layout, NativeSymbols symbols) {
        this.layout = layout;
        this.symbols = symbols;
    }

    /**
     * Compiles a plain function's code object.
     *
     * @param code the code object's address (alive, GIL held)
     * @return the body
     * @throws CompileRefusedException if the code is outside the supported subset
     */
    public synchronized CompiledBody compile(long code) throws CompileRefusedException {
        long start = System.nanoTime();
        CodeObject snapshot = CodeObject.read(layout, code);
        String name = "pyjit_body_" + modules.size();
        CompiledModule module = Jit.host().compile(IrModule.of(new Translator(layout, symbols, snapshot).translate(name)));
        modules.add(module);
        return new CompiledBody(module.function(name).address(), module.machineCode().code().length,
                System.nanoTime() - start);
    }

    /**
     * Frees the machine code of a body whose code object died (its {@code co_extra} free function
     * ran, so no frame of it exists and nothing can enter the body again).
     *
     * @param address the body's entry, as {@link CompiledBody#address()} gave it
     * @return bytes of machine code freed, or 0 if no live body starts there
     */
    public synchronized int release(long address) {
        for (int i = modules.size() - 1; i >= 0; i--) {
            CompiledModule m = modules.get(i);
            if (m.function(m.module().functions().get(0).name()).address() == address) {
                modules.remove(i);
                m.close();
                return m.machineCode().code().length;
            }
        }
        return 0;
    }
}
