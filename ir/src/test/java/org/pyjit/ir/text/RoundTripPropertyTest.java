package org.pyjit.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;

class RoundTripPropertyTest {

    /** print, parse, print is the identity, and parsing restores equal blocks (numbers and types included). */
    @Property(tries = 300)
    void printParsePrintIsIdentity(@ForAll long seed) {
        IrModule m = RandomIr.module(seed);
        String text = IrPrinter.print(m);
        IrModule back = IrParser.parseModule(text);
        assertEquals(text, IrPrinter.print(back));
        assertEquals(m.functions().size(), back.functions().size());
        for (int i = 0; i < m.functions().size(); i++) {
            IrFunction a = m.functions().get(i);
            IrFunction b = back.functions().get(i);
            assertEquals(a.name(), b.name());
            assertEquals(a.signature(), b.signature());
            assertEquals(a.stackSlots(), b.stackSlots());
            assertEquals(a.blocks(), b.blocks(), text);
        }
    }

    /** The generator reaches every opcode within a few hundred seeds (else the property tests less than it claims). */
    @org.junit.jupiter.api.Test
    void generatorCoversEveryOpcode() {
        java.util.Set<org.pyjit.ir.Opcode> seen = java.util.EnumSet.noneOf(org.pyjit.ir.Opcode.class);
        for (long seed = 0; seed < 300; seed++) {
            for (IrFunction f : RandomIr.module(seed).functions()) {
                f.blocks().forEach(b -> b.insts().forEach(i -> seen.add(i.opcode())));
            }
        }
        assertEquals(java.util.EnumSet.allOf(org.pyjit.ir.Opcode.class), seen);
    }
}
