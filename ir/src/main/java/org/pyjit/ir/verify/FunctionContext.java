package org.pyjit.ir.verify;

import java.util.ArrayList;
import java.util.List;
import org.pyjit.ir.BasicBlock;
import org.pyjit.ir.Inst;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.Signature;
import org.pyjit.ir.text.IrPrinter;

/** The function under check, its module and the errors found so far. */
final class FunctionContext {
    final IrFunction function;
    final IrModule module;
    private final List<VerifierError> errors = new ArrayList<>();

    FunctionContext(IrFunction function, IrModule module) {
        this.function = function;
        this.module = module;
    }

    /** The signature of the function {@code name} calls resolve to, or null. */
    Signature callee(String name) {
        if (name.equals(function.name())) {
            return function.signature();
        }
        IrFunction f = module.function(name);
        return f == null ? null : f.signature();
    }

    void error(Rule rule, String message) {
        errors.add(new VerifierError(function.name(), null, -1, null, rule, message));
    }

    void error(BasicBlock block, Rule rule, String message) {
        errors.add(new VerifierError(function.name(), block.block(), -1, null, rule, message));
    }

    void error(BasicBlock block, int index, Inst inst, Rule rule, String message) {
        errors.add(new VerifierError(function.name(), block.block(), index, IrPrinter.printInst(inst), rule, message));
    }

    List<VerifierError> errors() {
        return List.copyOf(errors);
    }
}
