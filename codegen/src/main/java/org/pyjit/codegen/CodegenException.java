package org.pyjit.codegen;

/** A module that a backend cannot compile: the message names the function and the reason. */
public final class CodegenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with the given message. */
    public CodegenException(String message) {
        super(message);
    }

    /** An exception with the given message and cause. */
    public CodegenException(String message, Throwable cause) {
        super(message, cause);
    }
}
