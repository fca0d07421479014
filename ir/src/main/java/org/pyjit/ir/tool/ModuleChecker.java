package org.pyjit.ir.tool;

import java.util.List;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.verify.Verifier;
import org.pyjit.ir.verify.VerifierError;

/** The verifier's findings as the tools print them: one line per error. */
final class ModuleChecker {
    private ModuleChecker() {
    }

    /** The verifier's error messages for {@code module}, one line each; empty if it verifies. */
    static List<String> errors(IrModule module) {
        return Verifier.check(module).stream().map(VerifierError::toString).map(s -> s.replace('\n', ' ')).toList();
    }
}
