package org.pyjit.python.bytecode;

import java.util.ArrayList;
import java.util.List;
import org.pyjit.python.layout.Opcode;

/** Step 1 of decoding: code units to instructions (EXTENDED_ARG folded, caches skipped and read). */
final class InstructionDecoder {

    private InstructionDecoder() {
    }

    static List<Instruction> decode(BytecodeDialect dialect, CodeUnits units) {
        List<Instruction> out = new ArrayList<>();
        int extendedNumber = dialect.opcodes().number(Opcode.EXTENDED_ARG);
        int unit = 0;
        while (unit < units.length()) {
            int start = unit;
            int oparg = 0;
            while (units.opcode(unit) == extendedNumber) {
                // oparg = oparg << 8 | arg; four prefixes would already overflow 32 bits.
                if (unit - start == 3) {
                    throw new MalformedBytecodeException(start, "more than three EXTENDED_ARG prefixes");
                }
                oparg = oparg << 8 | units.oparg(unit);
                unit++;
                if (unit == units.length()) {
                    throw new MalformedBytecodeException(start, "EXTENDED_ARG at the end of the code");
                }
            }
            oparg = oparg << 8 | units.oparg(unit);
            int number = units.opcode(unit);
            int at = unit;
            Opcode opcode = dialect.opcodes().decode(number).orElseThrow(() ->
                    new MalformedBytecodeException(at, "unknown opcode " + number));
            if (opcode == Opcode.CACHE) {
                throw new MalformedBytecodeException(unit, "CACHE unit where an instruction should start");
            }
            Opcode base;
            try {
                base = dialect.baseOf(opcode);
            } catch (MalformedBytecodeException e) {
                throw new MalformedBytecodeException(unit, e.getMessage());
            }
            int caches = dialect.cacheUnits(base);
            if (unit + 1 + caches > units.length()) {
                throw new MalformedBytecodeException(unit, opcode + " needs " + caches
                        + " cache units past the end of the code");
            }
            out.add(new Instruction(start, unit, opcode, base, oparg, caches,
                    dialect.decodeCache(base, units, unit + 1)));
            unit += 1 + caches;
        }
        return out;
    }
}
