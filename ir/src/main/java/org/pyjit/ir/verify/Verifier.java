package org.pyjit.ir.verify;

import java.util.ArrayList;
import java.util.List;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;

/**
 * Checks that IR is well formed: the rules of {@link Rule}, documented in {@code docs/ir.md}.
 * Every function is checked completely (errors do not stop the check), in three steps:
 * {@link StructureCheck} (signature, entry block, terminators, branch targets),
 * {@link InstructionCheck} (shape and typing of each instruction) and {@link SsaCheck} (single
 * definitions, dominance of every use).
 *
 * <pre>{@code
 * Verifier.verify(module);                       // throws VerifierException listing every error
 * List<VerifierError> errors = Verifier.check(module);   // empty when valid
 * }</pre>
 */
public final class Verifier {
    private Verifier() {
    }

    /** Every error in {@code module}; empty if it is well formed. */
    public static List<VerifierError> check(IrModule module) {
        List<VerifierError> errors = new ArrayList<>();
        for (IrFunction f : module.functions()) {
            errors.addAll(check(f, module));
        }
        return errors;
    }

    /**
     * Every error in {@code function}, with calls resolved in {@code module} (which need not
     * contain {@code function} itself).
     */
    public static List<VerifierError> check(IrFunction function, IrModule module) {
        FunctionContext ctx = new FunctionContext(function, module);
        StructureCheck.run(ctx);
        InstructionCheck.run(ctx);
        SsaCheck.run(ctx);
        return ctx.errors();
    }

    /**
     * Throws if {@code module} is malformed.
     *
     * @throws VerifierException listing every error
     */
    public static void verify(IrModule module) {
        List<VerifierError> errors = check(module);
        if (!errors.isEmpty()) {
            throw new VerifierException(errors);
        }
    }
}
