package org.pyjit.fuzz;

import java.util.List;
import org.pyjit.codegen.Backend;
import org.pyjit.fuzz.harness.DifferentialCheck;
import org.pyjit.x86.Allocators;
import org.pyjit.x86.X86Backend;

/**
 * The host's backends, each configured to run the register-allocation checker on every
 * allocation it makes (property 2): a checker failure is an exception out of compilation, which
 * the differential check reports with the module's text.
 */
final class CheckedBackends {
    private CheckedBackends() {
    }

    /** Every backend that runs on this host, with its allocation checker always on. */
    static List<Backend> host() {
        return DifferentialCheck.hostBackends().stream().map(CheckedBackends::checked).toList();
    }

    private static Backend checked(Backend b) {
        if (b instanceof X86Backend) {
            return new X86Backend(Allocators.checked());
        }
        throw new IllegalStateException("no checked configuration for backend " + b.name()
                + ": add one here so its allocations are verified");
    }

    /** How many allocations have been verified by the checker in this JVM. */
    static long checkedAllocations() {
        return Allocators.checkedCount();
    }
}
