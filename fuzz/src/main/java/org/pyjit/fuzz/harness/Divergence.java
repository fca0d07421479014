package org.pyjit.fuzz.harness;

import java.util.List;
import java.util.stream.Collectors;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.text.IrPrinter;

/**
 * A disagreement between the interpreter and a backend (or a broken harness invariant). The
 * message is a self-contained bug report: the module as {@code .jir} text, the arguments and both
 * outcomes, ready to be saved as a regression file.
 */
public final class Divergence extends AssertionError {
    private static final long serialVersionUID = 1L;

    /** A divergence with a fully formatted report. */
    public Divergence(String report) {
        super(report);
    }

    /** Formats a report. */
    static Divergence of(String what, IrModule module, String entry, Case run, String details) {
        return new Divergence(what + "\n" + details + "\n--- regression file (.jir) ---\n"
                + regressionText(module, entry, List.of(run)));
    }

    /** The text of a regression file replaying {@code runs} of {@code entry} on {@code module}. */
    public static String regressionText(IrModule module, String entry, List<Case> runs) {
        return "; entry: " + entry + "\n"
                + runs.stream().map(r -> r.line() + "\n").collect(Collectors.joining())
                + IrPrinter.print(module);
    }
}
