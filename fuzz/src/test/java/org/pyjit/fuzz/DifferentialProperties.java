package org.pyjit.fuzz;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.pyjit.fuzz.gen.ProgramSpec;
import org.pyjit.fuzz.harness.DifferentialCheck;
import org.pyjit.fuzz.harness.Report;
import org.pyjit.ir.IrModule;

/**
 * Property 1: generated modules verify, and the interpreter and every host backend agree on
 * results, traps and buffer contents for edge-weighted arguments.
 */
class DifferentialProperties {
    private static final Fixture.Counters COUNTERS = new Fixture.Counters();

    @Provide
    Arbitrary<FuzzInput> inputs() {
        return IrArbitraries.mixedInputs();
    }

    @Property
    void interpreterAndNativeAgree(@ForAll("inputs") FuzzInput input) {
        IrModule module = input.module();
        Fixture.withText(module, () -> {
            Checks.verifies(module);
            Report r = Fixture.check().run(module, ProgramSpec.entry(), input.cases(), DifferentialCheck.Mode.GENERATED);
            COUNTERS.add(module, r);
        });
    }

    /**
     * Every generated module that ran in the interpreter was also compared on every host backend,
     * and every compilation went through the allocation checker (it throws on a violation, so a
     * count that grows is the evidence that it ran).
     */
    @AfterContainer
    static void summary() {
        System.out.println(COUNTERS.summary("differential") + ", " + CheckedBackends.checkedAllocations()
                + " allocations checked");
        int backends = Fixture.backendNames().size();
        if (COUNTERS.compared.get() != COUNTERS.interpreted.get() * backends) {
            throw new AssertionError("not every interpreted run was compared natively: " + COUNTERS.summary("differential"));
        }
        if (backends > 0 && CheckedBackends.checkedAllocations() < COUNTERS.modules.get()) {
            throw new AssertionError("allocation checker ran " + CheckedBackends.checkedAllocations()
                    + " times for " + COUNTERS.modules.get() + " modules");
        }
    }
}
