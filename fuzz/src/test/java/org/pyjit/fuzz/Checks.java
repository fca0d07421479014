package org.pyjit.fuzz;

import org.pyjit.ir.IrModule;
import org.pyjit.ir.text.IrPrinter;
import org.pyjit.ir.verify.Verifier;
import org.pyjit.ir.verify.VerifierException;

/** Assertions shared by the properties. */
final class Checks {
    private Checks() {
    }

    /** Asserts that {@code module} passes the verifier. */
    static void verifies(IrModule module) {
        try {
            Verifier.verify(module);
        } catch (VerifierException e) {
            throw new AssertionError("generated module does not verify: " + e.getMessage() + "\n"
                    + IrPrinter.print(module), e);
        }
    }
}
