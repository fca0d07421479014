package org.pyjit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.text.IrParser;
import org.pyjit.ir.text.IrPrinter;

/** Property 3: print, parse, print is the identity on generated modules, and the parse verifies. */
class RoundTripProperties {

    @Provide
    Arbitrary<FuzzInput> inputs() {
        return IrArbitraries.mixedInputs();
    }

    @Property
    void printParsePrintIsIdentity(@ForAll("inputs") FuzzInput input) {
        IrModule module = input.module();
        String text = IrPrinter.print(module);
        IrModule parsed = IrParser.parseModule(text);
        assertEquals(text, IrPrinter.print(parsed));
        Checks.verifies(parsed);
    }
}
