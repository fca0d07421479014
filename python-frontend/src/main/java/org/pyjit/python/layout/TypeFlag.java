package org.pyjit.python.layout;

/**
 * The {@code tp_flags} bits compiled code tests ({@code Include/object.h}; the same bits in 3.11
 * to 3.13).
 */
public enum TypeFlag {
    /** Instances keep their attributes in managed values or a managed dict (3.12 inline values). */
    MANAGED_DICT(4),
    /** A heap type: a {@code PyHeapTypeObject}, so {@code ht_cached_keys} exists. */
    HEAPTYPE(9),
    /** The type's instances behave as unbound methods ({@code _PyObject_GetMethod}'s test). */
    METHOD_DESCRIPTOR(17),
    /** {@code PyList_Check}. */
    LIST_SUBCLASS(25),
    /** {@code PyExceptionInstance_Check} of an instance of the type. */
    BASE_EXC_SUBCLASS(30),
    /** {@code PyType_Check}. */
    TYPE_SUBCLASS(31);

    private final int bit;

    TypeFlag(int bit) {
        this.bit = bit;
    }

    /** The flag's bit in {@code tp_flags}. */
    public long mask() {
        return 1L << bit;
    }

    /** Its C name, {@code Py_TPFLAGS_*}. */
    public String cName() {
        return "Py_TPFLAGS_" + name();
    }
}
