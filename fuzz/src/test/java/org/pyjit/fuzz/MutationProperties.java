package org.pyjit.fuzz;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import org.pyjit.fuzz.gen.ProgramSpec;
import org.pyjit.fuzz.harness.DifferentialCheck;
import org.pyjit.fuzz.mutate.Mutator;
import org.pyjit.fuzz.mutate.TextMutator;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.text.IrParseException;
import org.pyjit.ir.text.IrParser;
import org.pyjit.ir.text.IrPrinter;
import org.pyjit.ir.verify.Verifier;
import org.pyjit.ir.verify.VerifierException;

/**
 * Property 4: a mutated module is either rejected (by the parser with {@link IrParseException},
 * by the verifier with {@link VerifierException}) or, if it verifies, the interpreter and every
 * backend still agree on it. Any other exception, from any stage, fails. Mutants that run into
 * the interpreter's step or depth limit, go out of bounds, call unknown addresses or make
 * addresses observable are interpreted but not run natively (see {@code AddressSafety}).
 */
class MutationProperties {
    private static final Fixture.Counters STRUCTURAL = new Fixture.Counters();
    private static final Fixture.Counters TEXTUAL = new Fixture.Counters();

    @Provide
    Arbitrary<FuzzInput> inputs() {
        return IrArbitraries.mixedInputs();
    }

    @Property
    void structuralMutantsAreRejectedOrAgree(@ForAll("inputs") FuzzInput input, @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 3) int mutations) {
        IrModule mutant = new Mutator(new SplittableRandom(seed)).mutate(input.module(), mutations);
        rejectOrAgree(mutant, input, STRUCTURAL);
    }

    @Property
    void textMutantsAreRejectedOrAgree(@ForAll("inputs") FuzzInput input, @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 3) int mutations) {
        TextMutator m = new TextMutator(new SplittableRandom(seed));
        String text = IrPrinter.print(input.module());
        for (int i = 0; i < mutations; i++) {
            text = m.mutate(text);
        }
        IrModule mutant;
        try {
            mutant = IrParser.parseModule(text);
        } catch (IrParseException e) {
            TEXTUAL.rejected.incrementAndGet();
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("parser threw " + e + " instead of IrParseException on:\n" + text, e);
        }
        rejectOrAgree(mutant, input, TEXTUAL);
    }

    private static void rejectOrAgree(IrModule mutant, FuzzInput input, Fixture.Counters counters) {
        try {
            Verifier.verify(mutant);
        } catch (VerifierException e) {
            counters.rejected.incrementAndGet();
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("verifier threw " + e + " instead of VerifierException on:\n"
                    + IrPrinter.print(mutant), e);
        }
        if (mutant.function(ProgramSpec.entry()) == null
                || !mutant.function(ProgramSpec.entry()).signature().equals(input.module().function(ProgramSpec.entry()).signature())) {
            counters.rejected.incrementAndGet(); // the text mutant renamed or retyped the entry: nothing to call
            return;
        }
        Fixture.withText(mutant, () -> counters.add(mutant,
                Fixture.check().run(mutant, ProgramSpec.entry(), input.cases(), DifferentialCheck.Mode.MUTANT)));
    }

    @AfterContainer
    static void summary() {
        System.out.println(STRUCTURAL.summary("structural mutants"));
        System.out.println(TEXTUAL.summary("text mutants"));
    }
}
