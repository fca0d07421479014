package org.pyjit.codegen.lower;

import java.util.function.ToIntFunction;
import org.pyjit.codegen.TrapSupport;
import org.pyjit.ir.IrFunction;

/**
 * What {@link ModuleLayout} needs from a backend to lay out a module: its assembler's labels and
 * the machine-specific pieces (C entry, function body, Java thunk, unwind, trap handler). Every
 * method appends at the current position of one assembler.
 *
 * @param <L> the backend's label type
 */
public interface ModuleTarget<L> {
    /** A fresh unbound label named {@code name}. */
    L newLabel(String name);

    /** Pads to a multiple of {@code bytes}. */
    void align(int bytes);

    /** Binds {@code label} here. */
    void bind(L label);

    /** The C entry of {@code f}: sets up the runtime state from {@code traps} and enters {@code body}. */
    void cEntry(IrFunction f, TrapSupport traps, L body);

    /** The body of {@code f}, binding {@code labels.body(f.name())} at its start. */
    void body(IrFunction f, ModuleLabels<L> labels);

    /** The Java entry thunk of {@code f}: calls {@code body}, leaving through {@code unwind} on a trap. */
    void thunk(IrFunction f, L body, L unwind);

    /** The shared thunk unwind sequence. */
    void unwind();

    /** The shared trap handler, which reports through {@code traps} and leaves through {@code unwind}. */
    void trapHandler(TrapSupport traps, L unwind);

    /** Finishes the code (the constant pool included); label offsets are known afterwards. */
    Image<L> finish();

    /**
     * Finished code.
     *
     * @param code    the bytes of the whole image
     * @param offsets the offset of a bound label from the start of the image
     * @param <L>     the backend's label type
     */
    record Image<L>(byte[] code, ToIntFunction<L> offsets) {
        /** The offset of bound {@code label} from the start of the image. */
        public int offsetOf(L label) {
            return offsets.applyAsInt(label);
        }
    }
}
