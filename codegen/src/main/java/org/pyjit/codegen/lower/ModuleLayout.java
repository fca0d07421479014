package org.pyjit.codegen.lower;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pyjit.codegen.CodegenException;
import org.pyjit.codegen.MachineCode;
import org.pyjit.codegen.TrapSupport;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;

/**
 * Lays out a module as one code image, the same on every backend: per function (16-byte aligned)
 * its C entry then its body; per function (16-byte aligned) its Java entry thunk; then
 * (16-byte aligned) the shared unwind sequence directly followed by the trap handler; then
 * whatever {@link ModuleTarget#finish()} appends (the constant pool). A function's size runs from
 * its C entry to the end of its body, trap stubs included.
 */
public final class ModuleLayout {
    private static final int ALIGN = 16;

    private ModuleLayout() {
    }

    /**
     * Assembles {@code module} through {@code target}.
     *
     * @param backend the backend's name, recorded in the result
     * @throws CodegenException if a function cannot be compiled (named in the message)
     */
    public static <L> MachineCode assemble(String backend, IrModule module, TrapSupport traps,
                                           ModuleTarget<L> target) {
        Map<String, L> entries = new LinkedHashMap<>();
        Map<String, L> bodies = new LinkedHashMap<>();
        for (IrFunction f : module.functions()) {
            entries.put(f.name(), target.newLabel(f.name()));
            bodies.put(f.name(), target.newLabel(f.name() + "_body"));
        }
        ModuleLabels<L> labels = new ModuleLabels<>(bodies, entries, target.newLabel("trap_handler"));
        L unwind = target.newLabel("thunk_unwind");
        Map<String, L> ends = new HashMap<>();
        for (IrFunction f : module.functions()) {
            target.align(ALIGN);
            target.bind(labels.cEntry(f.name()));
            try {
                target.cEntry(f, traps, labels.body(f.name()));
                target.body(f, labels);
            } catch (CodegenException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new CodegenException("cannot compile %" + f.name() + ": " + e.getMessage(), e);
            }
            L end = target.newLabel(f.name() + "_end");
            target.bind(end);
            ends.put(f.name(), end);
        }
        Map<String, L> thunks = new HashMap<>();
        for (IrFunction f : module.functions()) {
            target.align(ALIGN);
            L t = target.newLabel(f.name() + "_thunk");
            target.bind(t);
            thunks.put(f.name(), t);
            target.thunk(f, labels.body(f.name()), unwind);
        }
        target.align(ALIGN);
        target.bind(unwind);
        target.unwind();
        target.bind(labels.trapHandler());
        target.trapHandler(traps, unwind);
        ModuleTarget.Image<L> image = target.finish();
        Map<String, Integer> entryOffsets = new LinkedHashMap<>();
        Map<String, Integer> thunkOffsets = new LinkedHashMap<>();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        Map<String, Integer> bodyOffsets = new LinkedHashMap<>();
        for (IrFunction f : module.functions()) {
            int start = image.offsetOf(labels.cEntry(f.name()));
            entryOffsets.put(f.name(), start);
            bodyOffsets.put(f.name(), image.offsetOf(labels.body(f.name())));
            thunkOffsets.put(f.name(), image.offsetOf(thunks.get(f.name())));
            sizes.put(f.name(), image.offsetOf(ends.get(f.name())) - start);
        }
        return new MachineCode(backend, image.code(), entryOffsets, thunkOffsets, sizes, bodyOffsets);
    }
}
