package org.pyjit.python.compile;

/**
 * One exit of a compiled body (or an int loop event, a direct call or a fast-path guard, counted
 * the same way), with its own native counter.
 *
 * @param offset the byte offset of the instruction the exit is at (the one the interpreter
 *     executes next, or the faulting one)
 * @param reason why compiled code leaves there
 * @param opcode the opcode concerned (e.g. the unsupported one), or empty
 */
public record ExitSite(int offset, ExitReason reason, String opcode) {

    /** The statistics' wording, e.g. {@code deopt unsupported LOAD_BUILD_CLASS @12}. */
    public String text() {
        String kind = switch (reason.kind()) {
            case RETURN -> "return";
            case YIELD -> "yield";
            case DEOPT -> "deopt";
            case HANDLER -> "handler";
            case ERROR -> "error";
            case INT_LOOP, DIRECT_CALL -> "";
            case GUARD -> "guard";
            case EVENT -> "event";
        };
        String why = reason.text().equals(kind) ? "" : (kind.isEmpty() ? "" : " ") + reason.text();
        return kind + why + (opcode.isEmpty() ? "" : " " + opcode) + " @" + offset;
    }

    /** The reason without the offset, for totals across bodies. */
    public String reasonText() {
        String t = text();
        return t.substring(0, t.lastIndexOf(" @"));
    }
}
