package org.pyjit.python.compile;

/**
 * The libpython functions and objects compiled code calls or compares with (all exported by
 * 3.12.1; the comment of each names what compiled code does with it).
 */
enum CSymbol {
    /** {@code PyObject *(a, b, op)}: COMPARE_OP. */
    RICH_COMPARE("PyObject_RichCompare"),
    /** {@code int (o)}: POP_JUMP_IF_TRUE/FALSE on non-bools, UNARY_NOT. */
    IS_TRUE("PyObject_IsTrue"),
    /** {@code void (o)}: what {@code Py_DECREF} calls at zero. */
    DEALLOC("_Py_Dealloc"),
    NONE("_Py_NoneStruct"),
    TRUE("_Py_TrueStruct"),
    FALSE("_Py_FalseStruct"),
    DICT_TYPE("PyDict_Type"),
    TUPLE_TYPE("PyTuple_Type"),
    LIST_TYPE("PyList_Type"),
    /** LOAD_ATTR_MODULE's owner check ({@code PyModule_CheckExact}). */
    MODULE_TYPE("PyModule_Type"),
    /** {@code int (void)}: the eval-breaker slow path. */
    CHECK_SIGNALS("PyErr_CheckSignals"),
    MAKE_PENDING_CALLS("Py_MakePendingCalls"),
    SAVE_THREAD("PyEval_SaveThread"),
    RESTORE_THREAD("PyEval_RestoreThread"),
    /** {@code PyObject *(void)}: NULL unless an exception is set. */
    ERR_OCCURRED("PyErr_Occurred"),
    /** {@code PyObject *(dict, key)}: LOAD_GLOBAL, borrowed, NULL with or without an error. */
    DICT_GET_ITEM_WITH_ERROR("PyDict_GetItemWithError"),
    /** {@code void (key)}: BINARY_SUBSCR_DICT's miss ({@code KeyError(key)}, a tuple key wrapped). */
    SET_KEY_ERROR("_PyErr_SetKeyError"),
    /** {@code PyObject *(callable, args, nargsf, kwnames)}: CALL. */
    VECTORCALL("PyObject_Vectorcall"),
    GET_ATTR("PyObject_GetAttr"),
    /** {@code int (obj, name, &method)}: LOAD_ATTR's method form, 1 when {@code method} is unbound. */
    GET_METHOD("_PyObject_GetMethod"),
    SET_ATTR("PyObject_SetAttr"),
    /** {@code PyObject *(type, name)}, borrowed, no error: a polymorphic attribute cache's fill. */
    TYPE_LOOKUP("_PyType_Lookup"),
    /** A class's {@code tp_getattro} when it does not hook attribute access. */
    GENERIC_GET_ATTR("PyObject_GenericGetAttr"),
    /** A class's {@code tp_setattro} when it does not hook attribute assignment. */
    GENERIC_SET_ATTR("PyObject_GenericSetAttr"),
    /** {@code int (a, b)}: 0 when two str are equal (a shared keys entry that is not interned). */
    UNICODE_COMPARE("PyUnicode_Compare"),
    GET_ITEM("PyObject_GetItem"),
    SET_ITEM("PyObject_SetItem"),
    GET_ITER("PyObject_GetIter"),
    /** {@code PyObject *(iter)}: {@code tp_iternext}, a StopIteration cleared (FOR_ITER). */
    ITER_NEXT("PyIter_Next"),
    SEQUENCE_CONTAINS("PySequence_Contains"),
    NEGATIVE("PyNumber_Negative"),
    INVERT("PyNumber_Invert"),
    TUPLE_NEW("PyTuple_New"),
    LIST_NEW("PyList_New"),
    LIST_APPEND("PyList_Append"),
    DICT_NEW("PyDict_New"),
    DICT_SET_ITEM("PyDict_SetItem"),
    SLICE_NEW("PySlice_New"),
    /** Exception unwinding inside the body (3.12 {@code exception_unwind:}). */
    TRACEBACK_HERE("PyTraceBack_Here"),
    GET_FRAME("PyEval_GetFrame"),
    GET_RAISED_EXCEPTION("PyErr_GetRaisedException"),
    LONG_FROM_LONG("PyLong_FromLong"),
    FUNCTION_TYPE("PyFunction_Type"),
    /** A plain function's {@code vectorcall}: 3.12's CALL runs such a function's frame inline. */
    FUNCTION_VECTORCALL("_PyFunction_Vectorcall"),
    METHOD_TYPE("PyMethod_Type"),
    /** CALL's builtin-function fast paths ({@code PyCFunction_CheckExact}). */
    CFUNCTION_TYPE("PyCFunction_Type"),
    /** CALL's method-descriptor fast paths ({@code Py_IS_TYPE(callable, &PyMethodDescr_Type)}). */
    METHOD_DESCRIPTOR_TYPE("PyMethodDescr_Type"),
    /** CALL_NO_KW_TYPE_1's callable. */
    TYPE_TYPE("PyType_Type"),
    /** CALL_NO_KW_STR_1's callable. */
    UNICODE_TYPE("PyUnicode_Type"),
    /** {@code void (PyObject **left, PyObject *right)}: BINARY_OP_INPLACE_ADD_UNICODE. */
    UNICODE_APPEND("PyUnicode_Append"),
    /** {@code PyObject *(PyObject *initial)}: a direct call's MAKE_CELL. */
    CELL_NEW("PyCell_New"),
    /** {@code PyObject *(o)}: CALL_NO_KW_TUPLE_1. */
    SEQUENCE_TUPLE("PySequence_Tuple"),
    DEL_ITEM("PyObject_DelItem"),
    SET_NEW("PySet_New"),
    SET_ADD("PySet_Add"),
    LIST_SET_SLICE("PyList_SetSlice"),
    STR("PyObject_Str"),
    REPR("PyObject_Repr"),
    ASCII("PyObject_ASCII"),
    FORMAT("PyObject_Format"),
    /** {@code PyObject *(separator, items, n)}: BUILD_STRING. */
    JOIN_ARRAY("_PyUnicode_JoinArray"),
    FUNCTION_NEW("PyFunction_New"),
    /** {@code PyObject *(obj, name)}: a type's special method bound to obj, NULL without error if absent. */
    LOOKUP_SPECIAL("_PyObject_LookupSpecial"),
    CALL_NO_ARGS("PyObject_CallNoArgs"),
    /** {@code PySendResult (iter, arg, PyObject **result)}: SEND. */
    ITER_SEND("PyIter_Send"),
    GENERATOR_TYPE("PyGen_Type"),
    COROUTINE_TYPE("PyCoro_Type"),
    LONG_TYPE("PyLong_Type"),
    /**
     * {@code range} iterators of C longs: an int loop's FOR_ITER reads and advances its
     * {@code long start, step, len} at offsets 16, 24, 32 (3.12 {@code _PyRangeIterObject}).
     */
    RANGE_ITER_TYPE("PyRangeIter_Type"),
    /** FOR_ITER_LIST's iterator type. */
    LIST_ITER_TYPE("PyListIter_Type"),
    /** FOR_ITER_TUPLE's iterator type. */
    TUPLE_ITER_TYPE("PyTupleIter_Type"),
    FLOAT_TYPE("PyFloat_Type"),
    LONG_FROM_LONG_LONG("PyLong_FromLongLong"),
    FLOAT_FROM_DOUBLE("PyFloat_FromDouble"),
    /** Called from Java at compile time (CompileTimeObjects). */
    INTERN_FROM_STRING("PyUnicode_InternFromString"),
    UNICODE_NEW("PyUnicode_New"),
    /** {@code PyObject *(PyThreadState *, _PyInterpreterFrame *, int throwflag)}: finishes a directly called frame. */
    EVAL_FRAME_DEFAULT("_PyEval_EvalFrameDefault"),
    /** {@code int (dict, key)}: DELETE_NAME looks before it deletes. */
    DICT_CONTAINS("PyDict_Contains"),
    DICT_DEL_ITEM("PyDict_DelItem"),
    /** {@code int (type)}: LOAD_NAME on a mapping that is not a dict (a miss is a KeyError). */
    ERR_EXCEPTION_MATCHES("PyErr_ExceptionMatches"),
    ERR_CLEAR("PyErr_Clear"),
    /** {@code PyObject *}: a variable holding the KeyError type (loaded at run time). */
    KEY_ERROR("PyExc_KeyError"),
    /** {@code PyObject *(callable, args tuple, kwargs or NULL)}: IMPORT_NAME, CALL_FUNCTION_EX. */
    OBJECT_CALL("PyObject_Call"),
    /** {@code int (obj, name, &result)}: 1 found, 0 missing (no error), -1 error (IMPORT_FROM). */
    LOOKUP_ATTR("_PyObject_LookupAttr"),
    /** CALL_INTRINSIC_1's INTRINSIC_UNARY_POSITIVE. */
    POSITIVE("PyNumber_Positive"),
    /** CALL_INTRINSIC_1's INTRINSIC_LIST_TO_TUPLE. */
    LIST_AS_TUPLE("PyList_AsTuple"),
    /** DICT_UPDATE of an exact dict. */
    DICT_UPDATE("PyDict_Update"),
    /** {@code int (dict, other, override)}: DICT_MERGE (override 2: a duplicate key is a KeyError). */
    DICT_MERGE_EX("_PyDict_MergeEx"),
    /** {@code int (set, iterable)}: SET_UPDATE. */
    SET_UPDATE("_PySet_Update"),
    /** {@code int (exception, class)}: CHECK_EXC_MATCH of an exception class. */
    GIVEN_EXCEPTION_MATCHES("PyErr_GivenExceptionMatches"),
    /** {@code void (type, value)}: RAISE_VARARGS of an exception instance (3.12 {@code do_raise}). */
    ERR_SET_OBJECT("PyErr_SetObject"),
    /** {@code void (exc)}: an exception event's callbacks ran without error (3.12 {@code do_monitor_exc}). */
    SET_RAISED_EXCEPTION("PyErr_SetRaisedException"),
    /** {@code void (type, message)}: a callback returned {@code DISABLE} for an exception event. */
    ERR_SET_STRING("PyErr_SetString"),
    /** {@code PyObject *}: a variable holding the ValueError type (loaded at run time). */
    VALUE_ERROR("PyExc_ValueError"),
    /** {@code PyObject *(name)}, borrowed: {@code sys.monitoring}, read once from Java. */
    SYS_GET_OBJECT("PySys_GetObject"),
    /** {@code PyObject *(obj, name)}: {@code sys.monitoring.DISABLE}, read once from Java. */
    GET_ATTR_STRING("PyObject_GetAttrString"),
    /** {@code PyThreadState *(void)}: read once from Java, for the recursion budget. */
    THREAD_STATE_GET("_PyThreadState_GetCurrent");

    private final String symbol;

    CSymbol(String symbol) {
        this.symbol = symbol;
    }

    /** The exported name. */
    String symbol() {
        return symbol;
    }
}
