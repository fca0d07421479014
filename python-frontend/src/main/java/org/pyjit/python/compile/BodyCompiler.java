package org.pyjit.python.compile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.pyjit.codegen.CompiledModule;
import org.pyjit.codegen.Jit;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.python.layout.CPythonLayout;

/**
 * Compiles hot code objects to native bodies {@code i64 body(frame, tstate)} (see
 * {@link Translator}): whole functions, entered after their {@code RESUME}, and loop bodies,
 * entered at a backward jump's target. Runs on a Python thread holding the GIL. A body lives until
 * {@link #release} (its code object died, so no frame can enter it); its counter block is kept.
 */
public final class BodyCompiler {

    /**
     * A compiled body.
     *
     * @param address the native entry
     * @param codeBytes its machine-code size
     * @param nanos time spent reading, translating and compiling
     * @param irInstructions instructions of its IR function
     * @param counters its native counters (entries, instructions, exits)
     */
    public record CompiledBody(long address, int codeBytes, long nanos, int irInstructions, BodyCounters counters) { }

    private final CPythonLayout layout;
    private final NativeSymbols symbols;
    private final CompileOptions options;
    private final Optional<BodyDump> dump;
    private final List<CompiledModule> modules = new ArrayList<>();
    private final RecursionBudget budget;
    private final CompileTimeObjects objects;

    /**
     * A compiler with the options of the process environment ({@code PYJIT_STATS},
     * {@code PYJIT_DUMP}).
     *
     * @param layout the running CPython's offsets
     * @param symbols the C-API addresses
     */
    public BodyCompiler(CPythonLayout layout, NativeSymbols symbols) {
        this(layout, symbols, CompileOptions.fromEnvironment(System.getenv()));
    }

    /**
     * @param layout the running CPython's offsets
     * @param symbols the C-API addresses
     * @param options instruction counting and dumping
     */
    public BodyCompiler(CPythonLayout layout, NativeSymbols symbols, CompileOptions options) {
        this.layout = layout;
        this.symbols = symbols;
        this.options = options;
        this.dump = options.dumpDirectory().map(d -> new BodyDump(d, System.getenv("PATH")));
        this.budget = new RecursionBudget(symbols.address(CSymbol.THREAD_STATE_GET));
        this.objects = new CompileTimeObjects(symbols);
    }

    /**
     * Compiles a plain function's code object.
     *
     * @param code the code object's address (alive, GIL held)
     * @return the body
     * @throws CompileRefusedException if nothing of the code would be compiled
     */
    public CompiledBody compile(long code) throws CompileRefusedException {
        return compile(code, "code_" + Long.toHexString(code));
    }

    /**
     * Compiles a plain function's code object.
     *
     * @param code the code object's address (alive, GIL held)
     * @param label its name in dumps
     * @return the body
     * @throws CompileRefusedException if nothing of the code would be compiled
     */
    public CompiledBody compile(long code, String label) throws CompileRefusedException {
        return compile(code, label, OptionalInt.empty());
    }

    /**
     * Compiles a loop body of a plain function's code object: entered at a backward jump's target
     * by on-stack replacement (see {@link Translator#translateLoop}).
     *
     * @param code the code object's address (alive, GIL held)
     * @param label its name in dumps
     * @param targetOffset the jump's target, in bytes
     * @return the body
     * @throws CompileRefusedException if the loop cannot be entered compiled
     */
    public CompiledBody compileLoop(long code, String label, int targetOffset) throws CompileRefusedException {
        if (targetOffset < 0 || targetOffset % 2 != 0) {
            throw new CompileRefusedException("loop target " + targetOffset + " is not a code unit");
        }
        return compile(code, label + " @" + targetOffset, OptionalInt.of(targetOffset / 2));
    }

    private synchronized CompiledBody compile(long code, String label, OptionalInt loopUnit)
            throws CompileRefusedException {
        long start = System.nanoTime();
        CodeObject snapshot = CodeObject.read(layout, code);
        String name = "pyjit_body_" + modules.size();
        int capacity = Translator.siteCapacity(snapshot);
        long counterBlock = BodyCounters.allocateWords(capacity);
        budget.noteCompilingThread();
        long version = CodeObject.instrumentationVersion(layout, code);
        Translator translator = new Translator(layout, symbols, snapshot, options.countInstructions(), counterBlock,
                capacity, version, budget.address(), objects);
        IrFunction function = loopUnit.isPresent() ? translator.translateLoop(name, loopUnit.getAsInt())
                : translator.translate(name);
        CompiledModule module = Jit.host().compile(IrModule.of(function));
        modules.add(module);
        long address = module.function(name).address();
        byte[] machineCode = module.machineCode().code();
        CompiledBody body = new CompiledBody(address, machineCode.length, System.nanoTime() - start,
                function.instCount(), new BodyCounters(counterBlock, translator.sites()));
        if (dump.isPresent()) {
            try {
                dump.get().write(modules.size() - 1, label, function, machineCode, module.address());
            } catch (IOException e) {
                System.err.println("pyjit: warning: PYJIT_DUMP: " + e.getMessage());
            }
        }
        return body;
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
