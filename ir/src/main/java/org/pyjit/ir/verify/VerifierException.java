package org.pyjit.ir.verify;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link Verifier#verify} for malformed IR; the message lists every error, one per line. */
public final class VerifierException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<VerifierError> errors;

    /** An exception for a non-empty list of errors. */
    public VerifierException(List<VerifierError> errors) {
        super(errors.size() + " verifier error" + (errors.size() == 1 ? "" : "s") + ":\n"
                + errors.stream().map(VerifierError::toString).collect(Collectors.joining("\n")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a verifier exception needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** The errors, in the order found. */
    public List<VerifierError> errors() {
        return errors;
    }
}
