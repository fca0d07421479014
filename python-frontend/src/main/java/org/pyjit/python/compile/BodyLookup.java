package org.pyjit.python.compile;

/**
 * Where a code object's compiled body is found at run time: {@code co_extra[extraIndex]} is
 * its state, whose word at {@code callOffset} is the body's call stub ({@link DirectCall#stub}; 0:
 * none), at {@code enteredOffset}
 * counts entries, and whose i32 at {@code flagsOffset} has {@code vectorcallFlag} set when the
 * functions of the code get {@link VectorcallEntry}'s entry as their {@code vectorcall}.
 *
 * @param extraIndex the {@code co_extra} index the entry points own
 * @param callOffset byte offset of the call stub's address in the state
 * @param enteredOffset byte offset of the entry counter in the state
 * @param flagsOffset byte offset of the state's i32 flags
 * @param vectorcallFlag the flag bit: functions made from the code take the vectorcall entry
 */
public record BodyLookup(long extraIndex, int callOffset, int enteredOffset, int flagsOffset, int vectorcallFlag) {
    /** Checks the index and the flag. */
    public BodyLookup {
        if (extraIndex < 0 || extraIndex > 255) {
            throw new IllegalArgumentException("co_extra index out of range: " + extraIndex);
        }
        if (Integer.bitCount(vectorcallFlag) != 1) {
            throw new IllegalArgumentException("not one flag bit: " + vectorcallFlag);
        }
    }
}
