package org.pyjit.ir.tool;

/**
 * The result of running one {@link RunLine}.
 *
 * @param run      the run line
 * @param actual   the outcome in run-line notation ({@link Outcome#text})
 * @param mismatch null if the outcome matched, else what went wrong
 */
public record RunResult(RunLine run, String actual, String mismatch) {

    /** True if the outcome matched the expectation. */
    public boolean passed() {
        return mismatch == null;
    }

    /**
     * Throws an {@link AssertionError} naming the line, the call and the mismatch unless the run
     * passed (for JUnit dynamic tests in any module).
     */
    public void assertPassed() {
        if (mismatch != null) {
            throw new AssertionError("line " + run.line() + ": " + run.text() + ": " + mismatch);
        }
    }
}
