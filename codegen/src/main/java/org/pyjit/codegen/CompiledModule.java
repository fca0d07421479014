package org.pyjit.codegen;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pyjit.codegen.memory.CodeBlob;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;

/**
 * A module installed in executable memory. Closing it frees the code; its functions must not be
 * called (from Java or native code) afterwards.
 */
public final class CompiledModule implements AutoCloseable {
    private final IrModule module;
    private final MachineCode machineCode;
    private final CodeBlob blob;
    private final Map<String, CompiledFunction> functions = new LinkedHashMap<>();

    CompiledModule(IrModule module, MachineCode machineCode, CodeBlob blob) {
        this.module = module;
        this.machineCode = machineCode;
        this.blob = blob;
        for (IrFunction f : module.functions()) {
            long entry = blob.address() + machineCode.entries().get(f.name());
            long thunk = blob.address() + machineCode.javaEntries().get(f.name());
            long internal = blob.address() + machineCode.bodies().get(f.name());
            functions.put(f.name(), new CompiledFunction(this, f.name(), f.signature(), entry, internal, thunk));
        }
    }

    /** The compiled function {@code name} (without {@code %}). */
    public CompiledFunction function(String name) {
        CompiledFunction f = functions.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no function %" + name + " in this module");
        }
        return f;
    }

    /** The source module. */
    public IrModule module() {
        return module;
    }

    /** The backend's output. */
    public MachineCode machineCode() {
        return machineCode;
    }

    /** Where the code lives. */
    public long address() {
        return blob.address();
    }

    /** True until {@link #close()}. */
    public boolean isOpen() {
        return blob.isLive();
    }

    void checkOpen() {
        if (!blob.isLive()) {
            throw new IllegalStateException("compiled module was closed");
        }
    }

    /** Frees the code. Idempotent. */
    @Override
    public void close() {
        if (blob.isLive()) {
            blob.free();
        }
    }
}
