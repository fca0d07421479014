package org.pyjit.python.compile;

import java.util.Optional;
import org.pyjit.python.layout.Opcode;

/** The base opcodes the translator handles; every other opcode makes it refuse the code object. */
enum SupportedOpcode {
    RESUME, NOP, LOAD_FAST, STORE_FAST, LOAD_CONST, POP_TOP, COPY, SWAP, RETURN_VALUE, RETURN_CONST, BINARY_OP,
    COMPARE_OP, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE, JUMP_FORWARD,
    JUMP_BACKWARD;

    /** The supported opcode of a base opcode, or empty. */
    static Optional<SupportedOpcode> of(Opcode base) {
        try {
            return Optional.of(valueOf(base.name()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
