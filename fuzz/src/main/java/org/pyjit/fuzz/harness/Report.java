package org.pyjit.fuzz.harness;

/**
 * What a {@link DifferentialCheck} did with one module.
 *
 * @param interpreted  argument sets run in the interpreter
 * @param compared     (argument set, backend) pairs run natively and compared
 * @param skipped      argument sets not run natively (interpreter-only traps, address-dependent
 *                     or otherwise unsafe mutants)
 */
public record Report(int interpreted, int compared, int skipped) {
    /** The sum of two reports. */
    public Report plus(Report o) {
        return new Report(interpreted + o.interpreted, compared + o.compared, skipped + o.skipped);
    }

    /** Nothing done. */
    public static Report empty() {
        return new Report(0, 0, 0);
    }
}
