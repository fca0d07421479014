package org.pyjit.fuzz;

/**
 * The knobs of the IR generators: what kinds of instructions appear and how big functions get.
 * Immutable; start from {@link #defaults()} and change fields with the {@code with…} methods.
 *
 * @param maxFunctions  functions per module (1..8); calls go only to later functions, so the call
 *                      graph is acyclic
 * @param maxParams     extra parameters per function besides the buffer base (0..10; more than
 *                      five integer ones are passed on the stack on x86-64)
 * @param maxStmts      statements per straight-line body (each statement is one or a few
 *                      instructions)
 * @param maxDepth      nesting depth of ifs, loops and switches
 * @param maxLoopTrips  iterations of a loop: constant trips are 0..maxLoopTrips, dynamic ones are
 *                      a value masked with the largest {@code 2^k - 1 <= maxLoopTrips}
 * @param floats        generate {@code f32}/{@code f64} arithmetic, compares and conversions
 * @param memory        generate loads and stores into the test buffer
 * @param stackSlots    generate stack slots and accesses through {@code stack_addr}
 * @param calls         generate {@code call} and {@code call_indirect} between generated functions
 * @param natives       generate {@code call_indirect} to libc functions
 * @param trapRate      percentage (0..100) of divisions with unguarded divisors and of float to
 *                      integer conversions that may trap; 0 also suppresses explicit traps
 * @param pressure      values computed at entry and kept live to the end of the function (across
 *                      every loop and call): the register-pressure knob
 */
public record FuzzConfig(int maxFunctions, int maxParams, int maxStmts, int maxDepth, int maxLoopTrips,
        boolean floats, boolean memory, boolean stackSlots, boolean calls, boolean natives, int trapRate,
        int pressure) {

    /** Checks the ranges. */
    public FuzzConfig {
        check("maxFunctions", maxFunctions, 1, 8);
        check("maxParams", maxParams, 0, 10);
        check("maxStmts", maxStmts, 1, 200);
        check("maxDepth", maxDepth, 0, 4);
        check("maxLoopTrips", maxLoopTrips, 0, 64);
        check("trapRate", trapRate, 0, 100);
        check("pressure", pressure, 0, 64);
    }

    /** Every feature on, small functions, moderate pressure: what {@code mvn verify} runs. */
    public static FuzzConfig defaults() {
        return new FuzzConfig(3, 6, 12, 2, 7, true, true, true, true, true, 20, 4);
    }

    /** Integer arithmetic and control flow only: no floats, memory, slots, calls or traps. */
    public static FuzzConfig integerOnly() {
        return new FuzzConfig(1, 4, 16, 2, 7, false, false, false, false, false, 0, 0);
    }

    /** Many values live at once and across calls. */
    public static FuzzConfig highPressure() {
        return defaults().withPressure(40).withMaxParams(10);
    }

    /** This configuration with another value of the knob. */
    public FuzzConfig withPressure(int n) {
        return new FuzzConfig(maxFunctions, maxParams, maxStmts, maxDepth, maxLoopTrips, floats, memory,
                stackSlots, calls, natives, trapRate, n);
    }

    /** This configuration with another value of the knob. */
    public FuzzConfig withMaxParams(int n) {
        return new FuzzConfig(maxFunctions, n, maxStmts, maxDepth, maxLoopTrips, floats, memory, stackSlots,
                calls, natives, trapRate, pressure);
    }

    /** This configuration with another value of the knob. */
    public FuzzConfig withMaxStmts(int n) {
        return new FuzzConfig(maxFunctions, maxParams, n, maxDepth, maxLoopTrips, floats, memory, stackSlots,
                calls, natives, trapRate, pressure);
    }

    /** This configuration with another value of the knob. */
    public FuzzConfig withTrapRate(int percent) {
        return new FuzzConfig(maxFunctions, maxParams, maxStmts, maxDepth, maxLoopTrips, floats, memory,
                stackSlots, calls, natives, percent, pressure);
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ": " + value);
        }
    }
}
