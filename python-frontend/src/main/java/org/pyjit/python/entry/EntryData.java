package org.pyjit.python.entry;

/**
 * The native block the generated callbacks read their run-time constants from: allocated once
 * before the code is compiled (so that compilation does not wait for CPython's initialisation),
 * filled at installation, never freed and never written again, except {@link Field#FORKED}.
 *
 * <p>Each field is a 64-bit word at {@link Field#offset()}.
 *
 * @param address where the block lives
 */
record EntryData(long address) {

    /** The words of the block. */
    enum Field {
        /** The {@code co_extra} index returned by {@code PyUnstable_Eval_RequestCodeExtraIndex}. */
        EXTRA_INDEX,
        /** Calls or back edges that make a code object or loop hot. */
        THRESHOLD,
        /**
         * {@code min(THRESHOLD, COUNT_LIMIT)}: below it an event returns {@code None}; at it the
         * location becomes hot (if it is the threshold) or stops being counted.
         */
        LIMIT,
        /** {@code Py_None} (immortal: returned without a new reference). */
        NONE,
        /** {@code sys.monitoring.DISABLE} (immortal). */
        DISABLE,
        /** Upcall {@code state attach(code)}: the slow path, once per code object. */
        ATTACH,
        /** Upcall {@code PyObject *hot(code, state, from, to)}: once per hot code object or loop. */
        HOT,
        /** Upcall {@code void released(state)}: a recorded state whose code object died. */
        RELEASED,
        /** libc {@code free}. */
        FREE,
        /** {@code PyThreadState_Get}: the running thread's state, to find the frame of a compiled call. */
        THREAD_STATE_GET,
        /**
         * 0, and 1 in a child made by {@code fork()} (set by {@value CallbackCode#AFTER_FORK}, a
         * {@code pthread_atfork} child handler, before any code runs there): the child's JVM has
         * only the forking thread left, so an upcall could wait forever on a lock a vanished JVM
         * thread held; from then on the callbacks make none.
         */
        FORKED;

        /** Byte offset in the block. */
        int offset() {
            return 8 * ordinal();
        }
    }

    /** Allocates a zeroed block. */
    static EntryData allocate() {
        return new EntryData(CApi.MEMORY.allocateMemory(8L * Field.values().length, true));
    }

    /**
     * Writes a field.
     *
     * @param field the word
     * @param value its value
     */
    void put(Field field, long value) {
        CApi.MEMORY.putLong(address + field.offset(), value);
    }

    /**
     * Reads a field.
     *
     * @param field the word
     * @return its value
     */
    long get(Field field) {
        return CApi.MEMORY.getLong(address + field.offset());
    }
}
