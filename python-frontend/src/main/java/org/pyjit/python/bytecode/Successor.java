package org.pyjit.python.bytecode;

/**
 * A place control can go after an instruction completes normally (exception edges come from the
 * {@link ExceptionTable}, not from here).
 *
 * @param kind why control goes there
 * @param target the unit index of the target instruction's {@link Instruction#start() start}
 * @param stackDelta the value-stack depth at the target minus the depth before the instruction
 */
public record Successor(Kind kind, int target, int stackDelta) {

    /** Why control reaches a successor. */
    public enum Kind {
        /** The next instruction, by falling through. */
        NEXT,
        /** An unconditional jump. */
        JUMP,
        /** The taken side of a conditional jump (the other side is {@link #NEXT}). */
        BRANCH_TAKEN,
        /** FOR_ITER's exit when the iterator is exhausted: past the END_FOR, iterator popped. */
        ITERATOR_EXHAUSTED,
        /**
         * Where a generator inlined by FOR_ITER_GEN / SEND_GEN returns to (its return value pushed):
         * FOR_ITER's END_FOR. For SEND this coincides with {@link #BRANCH_TAKEN}.
         */
        GENERATOR_RETURN
    }
}
