package org.pyjit.codegen.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pyjit.codegen.CodegenException;
import org.pyjit.codegen.lower.ArgLocation.FloatReg;
import org.pyjit.codegen.lower.ArgLocation.IntReg;
import org.pyjit.codegen.lower.ArgLocation.Stack;
import org.pyjit.ir.Type;

class ArgLocationsTest {

    @Test
    void classesCountIndependentlyAndOverflowToStackInOrder() {
        List<Type> types = List.of(Type.I64, Type.F64, Type.I32, Type.F32, Type.I8, Type.F64, Type.I16);
        ArgLocations a = ArgLocations.assign(types, 2, 1);
        assertEquals(List.of(new IntReg(0), new FloatReg(0), new IntReg(1), new Stack(0), new Stack(1),
                new Stack(2), new Stack(3)), a.locations());
        assertEquals(4, a.stackSlots());
        assertEquals(2, a.intRegs());
        assertEquals(1, a.floatRegs());
    }

    @Test
    void floatsPastTheirRegistersDoNotTakeIntegerRegisters() {
        ArgLocations a = ArgLocations.assign(List.of(Type.F64, Type.F64, Type.I64), 6, 1);
        assertEquals(List.of(new FloatReg(0), new Stack(0), new IntReg(0)), a.locations());
        assertEquals(1, a.stackSlots());
    }

    @Test
    void noArgumentsAndNegativeCounts() {
        ArgLocations a = ArgLocations.assign(List.of(), 6, 8);
        assertEquals(List.of(), a.locations());
        assertEquals(0, a.stackSlots());
        assertThrows(CodegenException.class, () -> ArgLocations.assign(List.of(Type.I64), -1, 8));
    }
}
