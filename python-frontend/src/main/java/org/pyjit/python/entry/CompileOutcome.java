package org.pyjit.python.entry;

/**
 * What became of a hot code object, with a detail where there is one.
 *
 * @param state the kind of outcome
 * @param detail e.g. the refusal reason, or the machine code size; empty if none
 */
public record CompileOutcome(CompileState state, String detail) {

    /** The text of the statistics table and the log. */
    public String text() {
        return detail.isEmpty() ? state.text() : state.text() + " " + detail;
    }
}
