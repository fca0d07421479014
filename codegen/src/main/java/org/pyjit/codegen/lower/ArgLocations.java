package org.pyjit.codegen.lower;

import java.util.ArrayList;
import java.util.List;
import org.pyjit.codegen.CodegenException;
import org.pyjit.ir.Type;

/**
 * The argument classification shared by System V x86-64 and AAPCS64 for the IR's scalar types:
 * each integer argument takes the next integer argument register while one is left, each float
 * argument the next float argument register, and every other argument the next 8-byte stack
 * slot, in argument order. The two register classes are counted independently, so a float past
 * the float registers does not consume an integer register, and vice versa.
 *
 * @param locations  one location per argument, in argument order
 * @param stackSlots the number of stack slots used (slots are numbered {@code 0..stackSlots-1})
 * @param intRegs    the number of integer argument registers used (indices {@code 0..intRegs-1})
 * @param floatRegs  the number of float argument registers used (indices {@code 0..floatRegs-1})
 */
public record ArgLocations(List<ArgLocation> locations, int stackSlots, int intRegs, int floatRegs) {

    /** Copies {@code locations} so the result is immutable. */
    public ArgLocations {
        locations = List.copyOf(locations);
    }

    /**
     * Classifies arguments of the given types.
     *
     * @param types        the argument types, in order
     * @param intRegCount  how many integer argument registers the machine has
     * @param floatRegCount how many float argument registers the machine has
     * @return the location of each argument and the counts used
     * @throws CodegenException if a register count is negative
     */
    public static ArgLocations assign(List<Type> types, int intRegCount, int floatRegCount) {
        if (intRegCount < 0 || floatRegCount < 0) {
            throw new CodegenException("negative argument register count: " + intRegCount + " int, "
                    + floatRegCount + " float");
        }
        List<ArgLocation> out = new ArrayList<>(types.size());
        int ints = 0;
        int floats = 0;
        int stack = 0;
        for (Type t : types) {
            if (t.isFloat() && floats < floatRegCount) {
                out.add(new ArgLocation.FloatReg(floats++));
            } else if (t.isInt() && ints < intRegCount) {
                out.add(new ArgLocation.IntReg(ints++));
            } else {
                out.add(new ArgLocation.Stack(stack++));
            }
        }
        return new ArgLocations(out, stack, ints, floats);
    }

    /** The location of argument {@code k}. */
    public ArgLocation get(int k) {
        return locations.get(k);
    }
}
