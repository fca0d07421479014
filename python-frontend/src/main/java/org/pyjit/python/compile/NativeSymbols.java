package org.pyjit.python.compile;

import com.kenai.jffi.Library;
import java.util.EnumMap;
import java.util.Map;

/**
 * Addresses of the libpython functions and objects compiled code calls or compares with, found
 * once through jffi symbol lookup in the running libpython.
 *
 * @param numberOps the {@code PyNumber_*} function of each {@code BINARY_OP} argument
 * @param richCompare {@code PyObject_RichCompare}
 * @param isTrue {@code PyObject_IsTrue}
 * @param dealloc {@code _Py_Dealloc} (exported in 3.12: what {@code Py_DECREF} calls at zero)
 * @param none {@code _Py_NoneStruct}
 * @param trueObject {@code _Py_TrueStruct}
 * @param falseObject {@code _Py_FalseStruct}
 * @param checkSignals {@code PyErr_CheckSignals}
 * @param makePendingCalls {@code Py_MakePendingCalls}
 * @param saveThread {@code PyEval_SaveThread}
 * @param restoreThread {@code PyEval_RestoreThread}
 */
public record NativeSymbols(Map<NumberOp, Long> numberOps, long richCompare, long isTrue, long dealloc, long none,
                            long trueObject, long falseObject, long checkSignals, long makePendingCalls,
                            long saveThread, long restoreThread) {

    /** Copies the map. */
    public NativeSymbols {
        numberOps = Map.copyOf(numberOps);
    }

    /**
     * Looks every symbol up.
     *
     * @param python libpython
     * @return the addresses
     * @throws CompileRefusedException naming the first missing symbol (nothing can be compiled)
     */
    public static NativeSymbols lookUp(Library python) throws CompileRefusedException {
        Map<NumberOp, Long> ops = new EnumMap<>(NumberOp.class);
        for (NumberOp op : NumberOp.values()) {
            ops.put(op, symbol(python, op.symbol()));
        }
        return new NativeSymbols(ops, symbol(python, "PyObject_RichCompare"), symbol(python, "PyObject_IsTrue"),
                symbol(python, "_Py_Dealloc"), symbol(python, "_Py_NoneStruct"), symbol(python, "_Py_TrueStruct"),
                symbol(python, "_Py_FalseStruct"), symbol(python, "PyErr_CheckSignals"),
                symbol(python, "Py_MakePendingCalls"), symbol(python, "PyEval_SaveThread"),
                symbol(python, "PyEval_RestoreThread"));
    }

    private static long symbol(Library python, String name) throws CompileRefusedException {
        long address = python.getSymbolAddress(name);
        if (address == 0) {
            throw new CompileRefusedException("libpython has no symbol " + name);
        }
        return address;
    }
}
