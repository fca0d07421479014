package org.pyjit.ir;

/**
 * A front-end variable for SSA construction: {@link FunctionBuilder#defVar} assigns it,
 * {@link FunctionBuilder#useVar} reads the definition that reaches the current position, and the
 * builder places block parameters where definitions merge.
 *
 * @param index the variable number within its builder
 * @param type  the type of every value assigned to it
 */
public record Variable(int index, Type type) {
    @Override
    public String toString() {
        return "var" + index;
    }
}
