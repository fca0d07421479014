package org.pyjit.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.pyjit.codegen.memory.CodeCache;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.verify.Verifier;

/**
 * The library's front door: compile IR and call it.
 *
 * <pre>{@code
 * Jit jit = Jit.host();
 * try (CompiledModule m = jit.compile(IrModule.of(f))) {
 *     long r = m.function("add").call(2, 3);
 * }
 * }</pre>
 *
 * Backends are found with {@link ServiceLoader} ({@code META-INF/services/org.pyjit.codegen.Backend}).
 * Thread-safe.
 */
public final class Jit {
    private static volatile Jit host;

    private final Backend backend;
    private final CodeCache cache;

    /** A JIT using {@code backend} with its own code cache. */
    public Jit(Backend backend) {
        this.backend = backend;
        this.cache = new CodeCache();
    }

    /**
     * The shared JIT for the machine this JVM runs on.
     *
     * @throws IllegalStateException if no backend on the class path supports {@code os.arch}
     */
    public static Jit host() {
        Jit j = host;
        if (j == null) {
            synchronized (Jit.class) {
                j = host;
                if (j == null) {
                    j = new Jit(hostBackend());
                    host = j;
                }
            }
        }
        return j;
    }

    /** The backend for this JVM's {@code os.arch}. */
    public static Backend hostBackend() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        List<String> seen = new ArrayList<>();
        for (Backend b : ServiceLoader.load(Backend.class)) {
            if (b.runsOn(arch)) {
                return b;
            }
            seen.add(b.name());
        }
        throw new IllegalStateException("no backend for os.arch=" + arch + " (found: " + seen + ")");
    }

    /** The backend. */
    public Backend backend() {
        return backend;
    }

    /** The code cache compiled modules live in. */
    public CodeCache codeCache() {
        return cache;
    }

    /**
     * Compiles a module to machine code without installing it (for dumps and disassembly).
     *
     * @throws org.pyjit.ir.verify.VerifierException if the module is not valid IR
     * @throws CodegenException if the backend cannot compile it
     */
    public MachineCode generate(IrModule module) {
        Verifier.verify(module);
        return backend.compile(module, TrapSupport.host());
    }

    /** Compiles and installs a module. */
    public CompiledModule compile(IrModule module) {
        return install(module, generate(module));
    }

    private CompiledModule install(IrModule module, MachineCode code) {
        return new CompiledModule(module, code, cache.install(code.code()));
    }

    /**
     * Compiles and installs a module from a generator whose output its own tests verify: the IR
     * verifier runs only when Java assertions are enabled, as the register allocator's checker
     * does ({@code Allocators.standard()}). For a JIT compiling at run time, where the verifier
     * is about a tenth of a cold compile. An invalid module may then fail in the backend or
     * compile to wrong code: use {@link #compile(IrModule)} for IR from anywhere else.
     */
    public CompiledModule compileTrusted(IrModule module) {
        boolean assertions = false;
        assert assertions = true;
        if (assertions) {
            Verifier.verify(module);
        }
        return install(module, backend.compile(module, TrapSupport.host()));
    }

    /** Compiles and installs a module of one function. */
    public CompiledModule compile(IrFunction function) {
        return compile(IrModule.of(function));
    }
}
