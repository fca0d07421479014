package org.pyjit.regalloc.checker;

/** Thrown by {@link AllocationChecker#check} with the first violation found. */
public final class AllocationCheckException extends RuntimeException {
    private final transient Violation violation;

    /** Wraps {@code violation}. */
    public AllocationCheckException(Violation violation) {
        super(violation.toString());
        this.violation = violation;
    }

    /** The violation. */
    public Violation violation() {
        return violation;
    }
}
