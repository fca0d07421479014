package org.pyjit.python.compile;

/** Why compiled code leaves the body at an exit site (the statistics group exits by reason). */
public enum ExitReason {
    /** The interpreter executes the return instruction (the normal end of a call). */
    RETURN("return", ExitKind.RETURN),
    /** The interpreter executes the YIELD_VALUE: the generator is suspended, its frame unlinked. */
    YIELD("yield", ExitKind.YIELD),
    /**
     * A generator's RESUME whose next instruction is not compiled (or an unexpected frame state):
     * the body returns at once, the interpreter goes on after the RESUME.
     */
    RESUME_NOT_ENTERED("resume not entered:", ExitKind.DEOPT),
    /** An opcode the translator does not compile. */
    UNSUPPORTED_OPCODE("unsupported", ExitKind.DEOPT),
    /** An opcode instrumented by another monitoring tool: the interpreter fires its event. */
    INSTRUMENTED_OPCODE("instrumented", ExitKind.DEOPT),
    /** An argument the translator does not compile (e.g. a large BUILD_MAP). */
    UNSUPPORTED_OPARG("unsupported oparg of", ExitKind.DEOPT),
    /** An operand the translator's code does not handle (e.g. LIST_EXTEND of an iterator). */
    UNSUPPORTED_OPERAND("operand not handled:", ExitKind.DEOPT),
    /** LOAD_GLOBAL found the name in neither dict: the interpreter raises NameError. */
    GLOBAL_MISS("global not found", ExitKind.DEOPT),
    /**
     * LOAD_NAME found the name in none of locals, globals and builtins (or LOAD_BUILD_CLASS,
     * IMPORT_NAME their builtin): the interpreter raises NameError (or ImportError).
     */
    NAME_MISS("name not found", ExitKind.DEOPT),
    /** A name instruction of a frame without {@code f_locals}: the interpreter raises SystemError. */
    NO_LOCALS("no locals", ExitKind.DEOPT),
    /** DELETE_NAME of a name that is not in {@code f_locals}, or of a mapping that is not an exact dict. */
    DELETE_NAME_MISS("del of a missing name or of a mapping", ExitKind.DEOPT),
    /** IMPORT_FROM of an attribute the module lacks: the interpreter tries {@code sys.modules}. */
    IMPORT_FROM_MISS("import from: attribute missing", ExitKind.DEOPT),
    /** {@code f_globals} or {@code f_builtins} is not an exact dict. */
    GLOBALS_NOT_DICTS("globals or builtins not exact dicts", ExitKind.DEOPT),
    /** LOAD_FAST_CHECK of an unbound local: the interpreter raises UnboundLocalError. */
    UNBOUND_LOCAL("unbound local", ExitKind.DEOPT),
    /** LOAD_DEREF of an empty cell: the interpreter raises NameError. */
    EMPTY_CELL("empty cell", ExitKind.DEOPT),
    /** UNPACK_SEQUENCE of something other than an exact tuple or list of the right length. */
    UNPACK_SHAPE("unpack of other shape", ExitKind.DEOPT),
    /** {@code interp->monitoring_version} changed while the body ran (settrace, monitoring). */
    INSTRUMENTATION_CHANGED("instrumentation changed", ExitKind.DEOPT),
    /**
     * A loop body entered inside a try or with block ({@link Translator#translateLoop}) reached
     * code outside its loop: the interpreter runs on from there.
     */
    LOOP_EXIT("loop exit", ExitKind.DEOPT),
    /**
     * The eval breaker was set at a body's entry or at a back edge: the interpreter handles it at
     * that instruction (exactly, and an exception it raises is unwound from there).
     */
    EVAL_BREAKER("eval breaker", ExitKind.DEOPT),
    /**
     * An exception inside a try block: unwound in compiled code, which runs the handler on (its
     * instructions not compiled leave there, as anywhere).
     */
    TO_HANDLER("exception to handler", ExitKind.HANDLER),
    /** An exception leaving the frame: the interpreter unwinds it. */
    ERROR("exception", ExitKind.ERROR),
    /** An int loop's guards held at its header: the loop runs on machine integers ({@link IntLoops}). */
    INT_LOOP("int loop", ExitKind.INT_LOOP),
    /** An int loop's guards failed at its header (a local not a compact int): the generic loop runs. */
    INT_LOOP_GUARD_FAILED("int loop guard failed", ExitKind.INT_LOOP),
    /** An int loop's arithmetic left 64 bits: the generic code redoes that operation on boxed ints. */
    INT_LOOP_OVERFLOW("int loop overflow", ExitKind.INT_LOOP),
    /**
     * An int loop's operator got operands Python raises for (a zero divisor, a negative shift
     * count): the generic code redoes it and raises there.
     */
    INT_LOOP_RAISES("int loop raises", ExitKind.INT_LOOP),
    /**
     * An int loop's list access it does not do itself (an index outside the list, an item not a
     * small int or not True/False where tested, a store that would free the replaced item): the
     * generic code does it.
     */
    INT_LOOP_ITEM("int loop item", ExitKind.INT_LOOP),
    /** A CALL entered its compiled callee's body directly ({@link DirectCall}), not through the interpreter. */
    DIRECT_CALL("direct call", ExitKind.DIRECT_CALL),
    /**
     * A guard of a specialised fast path failed (the inline cache no longer describes the operand,
     * {@link CachedFastPath}): the instruction's generic code ran instead.
     */
    GUARD_FAILED("failed", ExitKind.GUARD),
    /** The guards of a specialised fast path held (counted only with {@code PYJIT_STATS}). */
    GUARD_HELD("held", ExitKind.GUARD),
    /**
     * A specialised fast path's guard failed but the site's polymorphic cache held the owner's
     * type ({@link AttributeCache}): the specialised code ran with that type's entry (counted only
     * with {@code PYJIT_STATS}).
     */
    GUARD_HELD_BY_ANOTHER_TYPE("held for another type", ExitKind.GUARD),
    /**
     * A LOAD_GLOBAL whose constant guard failed (or that was not specialised when captured) found
     * its value through the site's run-time cache of the dicts' current keys ({@link GlobalCache};
     * counted with {@code PYJIT_STATS}).
     */
    GUARD_HELD_BY_CURRENT_KEYS("held for the current keys", ExitKind.GUARD),
    /**
     * A tool listened for an exception event (RAISE, EXCEPTION_HANDLED) where the body unwinds an
     * exception itself: its callbacks were called ({@link ExceptionEvents}).
     */
    EXCEPTION_EVENT("event", ExitKind.EVENT);

    /** What an exit does to the frame. */
    public enum ExitKind {
        /** {@code prev_instr} at a return, body returns 1. */
        RETURN,
        /** {@code prev_instr} at a YIELD_VALUE, body returns 1. */
        YIELD,
        /** {@code prev_instr} at the instruction the interpreter executes next, body returns 1. */
        DEOPT,
        /** Exception unwound to a handler, which the body runs on (not a way out by itself). */
        HANDLER,
        /** Exception set, body returns 0. */
        ERROR,
        /** Not a way out of the body: an event of an int loop (entered, guard failed, overflow). */
        INT_LOOP,
        /** Not a way out of the body: a call made straight into a compiled callee's body. */
        DIRECT_CALL,
        /** Not a way out of the body: a specialised fast path ran, or fell back to the generic code. */
        GUARD,
        /** Not a way out of the body: a monitoring event's callbacks were called. */
        EVENT
    }

    private final String text;
    private final ExitKind kind;

    ExitReason(String text, ExitKind kind) {
        this.text = text;
        this.kind = kind;
    }

    /** The statistics' wording. */
    public String text() {
        return text;
    }

    /** What the exit does. */
    public ExitKind kind() {
        return kind;
    }
}
