package org.pyjit.python.entry;

import java.util.List;

/**
 * What became of a hot code object, with a detail where there is one.
 *
 * @param state the kind of outcome
 * @param detail e.g. the refusal reason, or the machine code size; empty if none
 * @param report further lines for the statistics (a compiled body's figures and exits), or none
 */
public record CompileOutcome(CompileState state, String detail, List<String> report) {

    /** Copies the report. */
    public CompileOutcome {
        report = List.copyOf(report);
    }

    /**
     * An outcome without report lines.
     *
     * @param state the kind of outcome
     * @param detail the detail, or empty
     */
    public CompileOutcome(CompileState state, String detail) {
        this(state, detail, List.of());
    }

    /** The one-line text of the log and the statistics row. */
    public String summary() {
        return detail.isEmpty() ? state.text() : state.text() + " " + detail;
    }

    /** The statistics text: the summary, then each report line on a line of its own. */
    public String text() {
        return report.isEmpty() ? summary() : summary() + "\n" + String.join("\n", report);
    }
}
