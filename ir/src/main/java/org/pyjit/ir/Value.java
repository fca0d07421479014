package org.pyjit.ir;

import java.util.Objects;

/**
 * An SSA value: defined exactly once, by an instruction result or a block parameter. The number
 * is unique within its function and is what the text format prints ({@code v7}).
 *
 * @param id   the value number, non-negative
 * @param type the value's type
 */
public record Value(int id, Type type) {
    /** Validates the fields. */
    public Value {
        if (id < 0) {
            throw new IllegalArgumentException("negative value number " + id);
        }
        Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
        return "v" + id;
    }
}
