package org.pyjit.fuzz.harness;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pyjit.fuzz.gen.BufferLayout;
import org.pyjit.fuzz.gen.NativeFunction;
import org.pyjit.ir.BasicBlock;
import org.pyjit.ir.BlockCall;
import org.pyjit.ir.Imm;
import org.pyjit.ir.Inst;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Value;

/**
 * Decides whether a (mutated) module may run natively and be compared with the interpreter.
 *
 * <p>Stack slots and {@code func_addr} live at different numeric addresses in the interpreter
 * and in native code. A module is comparable only if those addresses never become data: a value
 * derived from one ({@code stack_addr}, {@code func_addr}, then {@code iadd}, {@code isub} of an
 * untainted amount, {@code iadd_imm}, {@code select} arms and block parameters) may only be used
 * as the address of a load or store, as a {@code call_indirect} callee, or flow on through those
 * operations. And {@code call_indirect} must call something whose signature the native side
 * agrees with: a {@code func_addr} of a function with that signature, or a table load
 * ({@code load.i64 v+offset} at a {@link NativeFunction}'s table offset) with that function's
 * signature. Everything else a mutant can do wrong shows up in the interpreter first (traps on
 * out-of-bounds accesses, limits, unknown call targets), and the harness skips native runs then.
 */
public final class AddressSafety {
    private AddressSafety() {
    }

    /** Why {@code module} must not be compared natively, or empty if it may. */
    public static Optional<String> check(IrModule module) {
        for (IrFunction f : module.functions()) {
            Optional<String> r = check(module, f);
            if (r.isPresent()) {
                return Optional.of("%" + f.name() + ": " + r.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> check(IrModule module, IrFunction f) {
        Set<Value> tainted = taint(f);
        Map<Value, Inst> defs = new HashMap<>();
        for (BasicBlock b : f.blocks()) {
            for (Inst inst : b.insts()) {
                inst.results().forEach(v -> defs.put(v, inst));
            }
        }
        for (BasicBlock b : f.blocks()) {
            for (Inst inst : b.insts()) {
                List<Value> args = inst.args();
                for (int i = 0; i < args.size(); i++) {
                    if (tainted.contains(args.get(i)) && !addressUse(inst.opcode(), i)) {
                        return Optional.of("an address reaches operand " + i + " of " + inst.opcode());
                    }
                }
                if (inst.opcode() == Opcode.CALL_INDIRECT && !args.isEmpty()
                        && !knownCallee(module, (Imm.Sig) inst.imm(), defs.get(args.get(0)))) {
                    return Optional.of("call_indirect to a callee of unknown signature");
                }
            }
        }
        return Optional.empty();
    }

    /** True if operand {@code i} of {@code op} may hold an address without exposing it. */
    private static boolean addressUse(Opcode op, int i) {
        return switch (op) {
            case LOAD, CALL_INDIRECT, ISUB -> i == 0;
            case STORE -> i == 1;
            case IADD, IADD_IMM -> true;
            case SELECT -> i > 0;
            default -> false;
        };
    }

    private static boolean knownCallee(IrModule module, Imm.Sig sig, Inst def) {
        if (def == null) {
            return false; // a block parameter: could be anything
        }
        if (def.opcode() == Opcode.FUNC_ADDR) {
            IrFunction callee = module.function(((Imm.Callee) def.imm()).name());
            return callee != null && callee.signature().equals(sig.signature());
        }
        if (def.opcode() == Opcode.LOAD && def.imm() instanceof Imm.Offset o) {
            for (NativeFunction fn : NativeFunction.values()) {
                if (o.offset() == BufferLayout.tableOffset(fn)) {
                    return fn.signature().equals(sig.signature());
                }
            }
        }
        return false;
    }

    /** Values derived from stack or function addresses (a fixpoint over block parameters). */
    private static Set<Value> taint(IrFunction f) {
        Set<Value> tainted = new HashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (BasicBlock b : f.blocks()) {
                for (Inst inst : b.insts()) {
                    if (derivesAddress(inst, tainted)) {
                        changed |= tainted.addAll(inst.results());
                    }
                    for (BlockCall t : inst.targets()) {
                        BasicBlock target = f.block(t.block());
                        if (target == null) {
                            continue;
                        }
                        for (int i = 0; i < t.args().size() && i < target.params().size(); i++) {
                            if (tainted.contains(t.args().get(i))) {
                                changed |= tainted.add(target.params().get(i));
                            }
                        }
                    }
                }
            }
        }
        return tainted;
    }

    private static boolean derivesAddress(Inst inst, Set<Value> tainted) {
        List<Value> a = inst.args();
        return switch (inst.opcode()) {
            case STACK_ADDR, FUNC_ADDR -> true;
            case IADD -> a.stream().anyMatch(tainted::contains);
            case ISUB, IADD_IMM -> !a.isEmpty() && tainted.contains(a.get(0));
            case SELECT -> a.size() == 3 && (tainted.contains(a.get(1)) || tainted.contains(a.get(2)));
            default -> false;
        };
    }
}
