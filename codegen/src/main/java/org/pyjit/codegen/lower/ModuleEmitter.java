package org.pyjit.codegen.lower;

import java.util.List;
import java.util.function.BiConsumer;
import org.pyjit.codegen.vcode.MachInst;
import org.pyjit.codegen.vcode.MachineEmitter;
import org.pyjit.ir.TrapCode;
import org.pyjit.regalloc.Allocation;
import org.pyjit.regalloc.PReg;

/**
 * The backend-neutral half of emitting one function of a module: the labels its code may branch to
 * (other functions, its trap stubs, the current branch's successors) and the allocation of the
 * instruction being encoded. A backend's emitter extends it with its assembler, its frame and
 * {@link #encode}.
 *
 * <p>Operands and successors are readable only while {@link #emit} encodes an instruction.
 *
 * @param <I> the machine instruction type
 * @param <L> the assembler's label type
 */
public abstract class ModuleEmitter<I extends MachInst, L> implements MachineEmitter<I, L> {
    private final ModuleLabels<L> labels;
    private final TrapStubs<L> trapStubs;
    private List<Allocation> allocs = List.of();
    private BranchTargets<L> targets;

    /** An emitter branching to {@code labels}; its trap stubs get labels from {@link #newLabel}. */
    protected ModuleEmitter(ModuleLabels<L> labels) {
        this.labels = labels;
        this.trapStubs = new TrapStubs<>(this::newLabel);
    }

    /** Encodes {@code inst}, whose operands and successors are readable meanwhile. */
    protected abstract void encode(I inst);

    @Override
    public final void emit(I inst, List<Allocation> allocations, BranchTargets<L> branchTargets) {
        this.allocs = allocations;
        this.targets = branchTargets;
        encode(inst);
        this.allocs = List.of();
        this.targets = null;
    }

    /** The register operand {@code i} of the instruction being encoded was allocated to. */
    protected final PReg reg(int i) {
        Allocation a = allocs.get(i);
        if (a instanceof Allocation.Reg r) {
            return r.reg();
        }
        throw new IllegalStateException("operand " + i + " was allocated to " + a + ", not a register");
    }

    /** Where successor {@code s} of the current branch is reached. */
    public final L target(int s) {
        return targets.target(s);
    }

    /** True if successor {@code s} is the next code emitted. */
    public final boolean fallsThrough(int s) {
        return targets.fallsThrough(s);
    }

    /** The internal entry of module function {@code name}, for IR calls. */
    public final L function(String name) {
        return labels.body(name);
    }

    /** The C entry of module function {@code name}: its {@code func_addr}, safe for native callers. */
    public final L cEntry(String name) {
        return labels.cEntry(name);
    }

    /** An out-of-line stub of this function that raises trap {@code code}. */
    public final L trap(TrapCode code) {
        return trapStubs.stub(code);
    }

    /**
     * Emits the trap stubs used so far: {@code stub} binds the label it receives and raises the
     * trap code number it receives through the module's trap handler (the third argument).
     */
    protected final void emitTrapStubs(TrapStubEmitter<L> stub) {
        trapStubs.emit((label, code) -> stub.emit(label, code, labels.trapHandler()));
    }

    /**
     * The machine code of one trap stub.
     *
     * @param <L> the assembler's label type
     */
    @FunctionalInterface
    protected interface TrapStubEmitter<L> {
        /** Binds {@code stub}, loads {@code code} as the trap code and jumps to {@code trapHandler}. */
        void emit(L stub, int code, L trapHandler);
    }
}
