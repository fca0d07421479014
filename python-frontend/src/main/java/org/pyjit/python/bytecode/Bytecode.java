package org.pyjit.python.bytecode;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The decoded instructions of one code object, in order, with lookup by code-unit index.
 * Decoding also checks that every jump lands on an instruction start inside the code.
 */
public final class Bytecode {

    private final BytecodeDialect dialect;
    private final CodeUnits units;
    private final List<Instruction> instructions;
    /** For each code unit: the position in {@link #instructions} of the instruction owning it. */
    private final int[] owner;

    private Bytecode(BytecodeDialect dialect, CodeUnits units, List<Instruction> instructions) {
        this.dialect = dialect;
        this.units = units;
        this.instructions = List.copyOf(instructions);
        this.owner = new int[units.length()];
        for (int i = 0; i < this.instructions.size(); i++) {
            Instruction insn = this.instructions.get(i);
            Arrays.fill(owner, insn.start(), insn.next(), i);
        }
        for (Instruction insn : this.instructions) {
            for (Successor s : dialect.successors(insn)) {
                if (s.target() < 0 || s.target() >= units.length() || startingAt(s.target()).isEmpty()) {
                    throw new MalformedBytecodeException(insn.index(), insn.opcode() + " " + insn.oparg()
                            + ": " + s.kind() + " target " + s.target() + " is not an instruction start");
                }
            }
        }
    }

    /**
     * Decodes code units.
     *
     * @param dialect the version's bytecode dialect
     * @param units {@code co_code} or {@code co_code_adaptive}
     * @return the instructions
     * @throws MalformedBytecodeException on unknown opcodes, truncated caches or prefixes, or
     *     jumps that do not land on an instruction
     */
    public static Bytecode decode(BytecodeDialect dialect, CodeUnits units) {
        return new Bytecode(dialect, units, InstructionDecoder.decode(dialect, units));
    }

    /** The dialect the code was decoded with. */
    public BytecodeDialect dialect() {
        return dialect;
    }

    /** The raw code units. */
    public CodeUnits units() {
        return units;
    }

    /** The instructions in code order. */
    public List<Instruction> instructions() {
        return instructions;
    }

    /**
     * The instruction owning a code unit (its prefix, opcode or cache units).
     *
     * @param unit a unit index in range
     * @return that instruction
     */
    public Instruction containing(int unit) {
        if (unit < 0 || unit >= owner.length) {
            throw new IndexOutOfBoundsException("code unit " + unit + " of " + owner.length);
        }
        return instructions.get(owner[unit]);
    }

    /**
     * The position in {@link #instructions()} of the instruction owning a code unit.
     *
     * @param unit a unit index in range
     * @return the instruction's position
     */
    public int positionOf(int unit) {
        containing(unit);
        return owner[unit];
    }

    /**
     * The instruction whose {@link Instruction#start() start} is a unit.
     *
     * @param unit a unit index
     * @return the instruction, or empty when the unit is not an instruction start
     */
    public Optional<Instruction> startingAt(int unit) {
        if (unit < 0 || unit >= owner.length) {
            return Optional.empty();
        }
        Instruction insn = instructions.get(owner[unit]);
        return insn.start() == unit ? Optional.of(insn) : Optional.empty();
    }

    /**
     * The normal-flow successors of an instruction (see {@link BytecodeDialect#successors}).
     *
     * @param instruction an instruction of this code
     * @return its successors, fall-through first
     */
    public List<Successor> successors(Instruction instruction) {
        return dialect.successors(instruction);
    }
}
