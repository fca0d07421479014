package org.pyjit.python.compile;

import com.kenai.jffi.MemoryIO;
import java.util.ArrayList;
import java.util.List;
import org.pyjit.python.layout.CPythonLayout;

/**
 * What a code object's frames look like when it is called: the immutable fields a direct call's
 * push reads ({@link DirectCall#stub}), copied once under the GIL. A code object never changes
 * them (a function's {@code __code__} may be replaced, but that is another code object).
 *
 * @param argCount {@code co_argcount}
 * @param flags {@code co_flags}
 * @param kwOnlyArgCount {@code co_kwonlyargcount}
 * @param nLocalsPlus {@code co_nlocalsplus}
 * @param nFreeVars {@code co_nfreevars}: the last slots, copied from the closure
 * @param frameSize {@code co_framesize}, in words
 * @param cellSlots the slots whose kind has {@code CO_FAST_CELL}, in slot order: the prologue's
 *     {@code MAKE_CELL}s, one per code unit from unit 0
 */
record FrameShape(int argCount, int flags, int kwOnlyArgCount, int nLocalsPlus, int nFreeVars, int frameSize,
                  List<Integer> cellSlots) {

    /** {@code CO_VARARGS | CO_VARKEYWORDS}. */
    static final int VARIADIC_FLAGS = 0x04 | 0x08;
    /** {@code CO_GENERATOR | CO_COROUTINE | CO_ITERABLE_COROUTINE | CO_ASYNC_GENERATOR}. */
    static final int RESUMABLE_FLAGS = 0x20 | 0x80 | 0x100 | 0x200;
    /** {@code CO_FAST_CELL} (internal/pycore_code.h). */
    private static final int CO_FAST_CELL = 0x40;
    /** {@code PyBytesObject.ob_sval} ({@code co_localspluskinds} is a bytes object). */
    private static final int BYTES_DATA = 32;
    private static final MemoryIO MEMORY = MemoryIO.getInstance();

    /** Copies the list. */
    FrameShape {
        cellSlots = List.copyOf(cellSlots);
    }

    /**
     * Reads a live code object (GIL held).
     *
     * @param layout the running CPython's offsets
     * @param code the code object's address
     * @return its shape
     */
    static FrameShape read(CPythonLayout layout, long code) {
        CPythonLayout.CodeLayout c = layout.code();
        int nLocalsPlus = MEMORY.getInt(code + c.nLocalsPlus());
        List<Integer> cells = new ArrayList<>();
        if (MEMORY.getInt(code + c.nCellVars()) != 0) {
            long kinds = MEMORY.getLong(code + c.localsPlusKinds()) + BYTES_DATA;
            for (int k = 0; k < nLocalsPlus; k++) {
                if ((MEMORY.getByte(kinds + k) & CO_FAST_CELL) != 0) {
                    cells.add(k);
                }
            }
        }
        return new FrameShape(MEMORY.getInt(code + c.argCount()), MEMORY.getInt(code + c.flags()),
                MEMORY.getInt(code + c.kwOnlyArgCount()), nLocalsPlus, MEMORY.getInt(code + c.nFreeVars()),
                MEMORY.getInt(code + c.frameSize()), cells);
    }

    /**
     * Whether a direct call can enter the code: the specialiser's SIMPLE_FUNCTION (no
     * {@code *args}, {@code **kwargs} or keyword-only parameters), not a generator or coroutine.
     */
    boolean directlyCallable() {
        return directlyCallable(flags, kwOnlyArgCount);
    }

    /** {@link #directlyCallable()} of a code object's {@code co_flags} and {@code co_kwonlyargcount}. */
    static boolean directlyCallable(int flags, int kwOnlyArgCount) {
        return (flags & (VARIADIC_FLAGS | RESUMABLE_FLAGS)) == 0 && kwOnlyArgCount == 0;
    }
}
