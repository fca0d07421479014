package org.pyjit.fuzz;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.pyjit.fuzz.harness.DifferentialCheck;
import org.pyjit.fuzz.harness.Report;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.text.IrPrinter;

/**
 * What the property classes share: one differential check over the host's backends, counters
 * for the summary, and failure messages that carry the module as {@code .jir} text.
 */
final class Fixture {
    /**
     * One check per thread, kept for the thread's life (each owns a native buffer). jqwik shrinks
     * on a pool thread ({@code CompletableFuture.supplyAsync}) and, when the shrinking time bound
     * runs out, leaves that thread running while the next property starts on the main thread: a
     * shared buffer would then be reset and read by two threads at once, and both properties
     * would report memory differences that no single run produces.
     */
    private static final ThreadLocal<DifferentialCheck> CHECK =
            ThreadLocal.withInitial(() -> new DifferentialCheck(CheckedBackends.host()));

    private Fixture() {
    }

    /** This thread's check (created on first use). */
    static DifferentialCheck check() {
        return CHECK.get();
    }

    /** Counters of one property class. */
    static final class Counters {
        final AtomicLong modules = new AtomicLong();
        final AtomicLong functions = new AtomicLong();
        final AtomicLong interpreted = new AtomicLong();
        final AtomicLong compared = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();

        void add(IrModule module, Report r) {
            modules.incrementAndGet();
            functions.addAndGet(module.functions().size());
            interpreted.addAndGet(r.interpreted());
            compared.addAndGet(r.compared());
            skipped.addAndGet(r.skipped());
        }

        String summary(String what) {
            return String.format("%s: %d modules (%d functions), %d interpreted runs, %d native comparisons on %s, %d skipped, %d rejected",
                    what, modules.get(), functions.get(), interpreted.get(), compared.get(),
                    check().backends().stream().map(b -> b.name()).toList(), skipped.get(), rejected.get());
        }
    }

    /** Runs {@code body}; any failure is rethrown with the module's text attached. */
    static void withText(IrModule module, Runnable body) {
        try {
            body.run();
        } catch (org.pyjit.fuzz.harness.Divergence d) {
            throw d;
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(e + "\n--- module (.jir) ---\n" + IrPrinter.print(module), e);
        }
    }

    /** Names of the backends compared. */
    static List<String> backendNames() {
        return check().backends().stream().map(b -> b.name()).toList();
    }
}
