package org.pyjit.python.layout;

import java.util.List;
import java.util.Optional;

/**
 * Every struct offset, size and opcode number of one CPython version that pyjit reads or writes.
 *
 * <p>Offsets are in bytes from the start of the C struct (x86-64 / AArch64 LP64, GIL build,
 * non-debug). Where versions differ in <em>shape</em> rather than in numbers (where the eval
 * breaker lives, how the current frame is reached, what the frame's instruction pointer means),
 * the difference is a sealed type or an enum so that code generators switch on it exhaustively.
 *
 * @param version the feature version this table describes
 * @param object {@code PyObject} / {@code PyVarObject}
 * @param longs {@code PyLongObject}
 * @param floats {@code PyFloatObject}
 * @param sequences tuple and list items
 * @param dict {@code PyDictObject} and its keys
 * @param type {@code PyTypeObject}
 * @param function {@code PyFunctionObject}
 * @param code {@code PyCodeObject}
 * @param frame {@code _PyInterpreterFrame}, frame objects and generators
 * @param threadState {@code PyThreadState}
 * @param interpreter {@code PyInterpreterState}
 * @param runtime {@code _PyRuntime} (signals)
 * @param embedding {@code PyStatus} and {@code PyConfig}
 * @param opcodes the instruction numbering
 * @param monitoring where {@code sys.monitoring} (PEP 669) keeps its per-thread, per-interpreter
 *     and per-code-object state
 * @param instances managed instance values and module dicts (specialised attribute access)
 */
public record CPythonLayout(
        CPythonVersion version,
        ObjectLayout object,
        LongLayout longs,
        FloatLayout floats,
        SequenceLayout sequences,
        DictLayout dict,
        TypeLayout type,
        FunctionLayout function,
        CodeLayout code,
        FrameLayout frame,
        ThreadStateLayout threadState,
        InterpreterLayout interpreter,
        RuntimeLayout runtime,
        EmbeddingLayout embedding,
        OpcodeTable opcodes,
        MonitoringLayout monitoring,
        InstanceLayout instances,
        CallableLayout callables,
        IteratorLayout iterators) {

    /** Every version pyjit has a table for, oldest first. */
    public static List<CPythonLayout> known() {
        return List.of(Layout312.LAYOUT);
    }

    /**
     * The table of a feature version.
     *
     * @param version the running interpreter's version
     * @return its layout, or empty if pyjit does not support it
     */
    public static Optional<CPythonLayout> forVersion(CPythonVersion version) {
        return known().stream().filter(l -> l.version().equals(version)).findFirst();
    }

    /**
     * {@code PyObject} header.
     *
     * @param refcnt {@code ob_refcnt}
     * @param type {@code ob_type}
     * @param size {@code PyVarObject.ob_size}
     * @param headerSize {@code sizeof(PyObject)}
     */
    public record ObjectLayout(int refcnt, int type, int size, int headerSize) { }

    /**
     * {@code PyLongObject}.
     *
     * @param lvTag {@code long_value.lv_tag} (ndigits &lt;&lt; 3 | sign)
     * @param digits {@code long_value.ob_digit[0]}
     * @param digitShift {@code PyLong_SHIFT}
     */
    public record LongLayout(int lvTag, int digits, int digitShift) { }

    /**
     * {@code PyFloatObject}.
     *
     * @param value {@code ob_fval}
     * @param sizeOf {@code sizeof(PyFloatObject)}
     */
    public record FloatLayout(int value, int sizeOf) { }

    /**
     * Tuples and lists.
     *
     * @param tupleItems {@code PyTupleObject.ob_item} (inline array)
     * @param listItems {@code PyListObject.ob_item} (pointer to the array)
     * @param listAllocated {@code PyListObject.allocated}
     */
    public record SequenceLayout(int tupleItems, int listItems, int listAllocated) { }

    /**
     * {@code PyDictObject} and {@code PyDictKeysObject}.
     *
     * @param used {@code ma_used}
     * @param versionTag {@code ma_version_tag} (low 8 bits: watcher bits)
     * @param keys {@code ma_keys}
     * @param values {@code ma_values}
     * @param keysVersion {@code PyDictKeysObject.dk_version} (uint32; 0 = none assigned)
     * @param keysLog2IndexBytes {@code dk_log2_index_bytes} (uint8): the entries start
     *     {@code 1 << dk_log2_index_bytes} bytes after {@code dk_indices}
     * @param keysIndices {@code dk_indices}, the hash index table
     * @param unicodeEntrySize {@code sizeof(PyDictUnicodeEntry)} (unicode and split keys)
     * @param unicodeEntryValue {@code PyDictUnicodeEntry.me_value}
     * @param unicodeEntryKey {@code PyDictUnicodeEntry.me_key}
     * @param keysEntries {@code PyDictKeysObject.dk_nentries}: entries used so far (shared keys
     *     only ever append, so an index once found stays valid)
     * @param keysKind {@code dk_kind} (uint8): {@code DICT_KEYS_GENERAL} (0) has
     *     {@code PyDictKeyEntry} entries with hashes, the others unicode entries
     */
    public record DictLayout(int used, int versionTag, int keys, int values, int keysVersion, int keysLog2IndexBytes,
                             int keysIndices, int unicodeEntrySize, int unicodeEntryValue, int unicodeEntryKey,
                             int keysEntries, int keysKind) { }

    /**
     * {@code PyTypeObject}.
     *
     * @param flags {@code tp_flags}
     * @param versionTag {@code tp_version_tag} (uint32; 0 = invalid, never reused once changed)
     * @param dictOffset {@code tp_dictoffset} (Py_ssize_t)
     * @param heapCachedKeys {@code PyHeapTypeObject.ht_cached_keys}: the shared keys of the
     *     instances' managed dicts
     * @param vectorcall {@code tp_vectorcall}: how calling the type itself makes an instance
     *     (CALL_BUILTIN_CLASS), or NULL
     * @param getattro {@code tp_getattro} ({@code PyObject_GenericGetAttr} unless the class hooks
     *     attribute access)
     * @param setattro {@code tp_setattro}
     */
    public record TypeLayout(int flags, int versionTag, int dictOffset, int heapCachedKeys, int vectorcall,
                             int getattro, int setattro) { }

    /**
     * Where specialised attribute access finds an object's attributes.
     *
     * @param dictOrValues offset (negative) of the managed {@code PyDictOrValues} word of an object
     *     whose type has {@code Py_TPFLAGS_MANAGED_DICT} (3.12: {@code _PyObject_DictOrValuesPointer},
     *     three words before the object); bit 0 set means "values array at word - 1 + 1 byte", i.e.
     *     the instance dict is not materialised
     * @param moduleDict {@code PyModuleObject.md_dict}
     */
    public record InstanceLayout(int dictOrValues, int moduleDict) { }

    /**
     * What compiled code reads to call a C function the way the specialising interpreter does.
     *
     * @param cfunctionDef {@code PyCFunctionObject.m_ml}
     * @param cfunctionSelf {@code PyCFunctionObject.m_self}
     * @param descriptorType {@code PyMethodDescrObject.d_common.d_type}
     * @param descriptorDef {@code PyMethodDescrObject.d_method}
     * @param defMeth {@code PyMethodDef.ml_meth}
     * @param defFlags {@code PyMethodDef.ml_flags} (int)
     */
    public record CallableLayout(int cfunctionDef, int cfunctionSelf, int descriptorType, int descriptorDef,
                                 int defMeth, int defFlags) { }

    /**
     * The iterators FOR_ITER's specialised forms step inline (internal/pycore_list.h,
     * pycore_tuple.h, pycore_range.h).
     *
     * @param listIndex {@code _PyListIterObject.it_index}
     * @param listSeq {@code _PyListIterObject.it_seq} (NULL once exhausted)
     * @param tupleIndex {@code _PyTupleIterObject.it_index}
     * @param tupleSeq {@code _PyTupleIterObject.it_seq} (NULL once exhausted)
     * @param rangeStart {@code _PyRangeIterObject.start} (C long)
     * @param rangeStep {@code _PyRangeIterObject.step}
     * @param rangeLen {@code _PyRangeIterObject.len}: items left
     */
    public record IteratorLayout(int listIndex, int listSeq, int tupleIndex, int tupleSeq, int rangeStart,
                                 int rangeStep, int rangeLen) { }

    /**
     * {@code PyFunctionObject}.
     *
     * @param globals {@code func_globals}
     * @param builtins {@code func_builtins}
     * @param name {@code func_name}
     * @param code {@code func_code}
     * @param defaults {@code func_defaults}
     * @param closure {@code func_closure}
     * @param vectorcall {@code vectorcall}
     * @param version {@code func_version}
     * @param sizeOf {@code sizeof(PyFunctionObject)}
     */
    public record FunctionLayout(int globals, int builtins, int name, int code, int defaults, int closure,
                                 int vectorcall, int version, int sizeOf) { }

    /**
     * {@code PyCodeObject}.
     *
     * @param consts {@code co_consts}
     * @param names {@code co_names}
     * @param flags {@code co_flags}
     * @param argCount {@code co_argcount}
     * @param stackSize {@code co_stacksize}
     * @param nLocalsPlus {@code co_nlocalsplus}
     * @param frameSize {@code co_framesize} (in words, includes the frame specials)
     * @param nLocals {@code co_nlocals}
     * @param nCellVars {@code co_ncellvars}
     * @param nFreeVars {@code co_nfreevars}
     * @param codeVersion {@code co_version}
     * @param localsPlusNames {@code co_localsplusnames}
     * @param localsPlusKinds {@code co_localspluskinds}
     * @param cached {@code _co_cached}
     * @param instrumentationVersion {@code _co_instrumentation_version}
     * @param monitoring {@code _co_monitoring}
     * @param firstTraceable {@code _co_firsttraceable}
     * @param extra {@code co_extra}
     * @param codeAdaptive {@code co_code_adaptive} (the quickened instructions)
     * @param sizeOf {@code sizeof(PyCodeObject)}
     * @param kwOnlyArgCount {@code co_kwonlyargcount}
     */
    public record CodeLayout(int consts, int names, int flags, int argCount, int stackSize, int nLocalsPlus,
                             int frameSize, int nLocals, int nCellVars, int nFreeVars, int codeVersion,
                             int localsPlusNames, int localsPlusKinds, int cached, int instrumentationVersion,
                             int monitoring, int firstTraceable, int extra, int codeAdaptive, int sizeOf,
                             int kwOnlyArgCount) { }

    /** What the frame's instruction-pointer field points at. */
    public enum InstructionPointerKind {
        /** 3.11 and 3.12 {@code prev_instr}: the last instruction started (resume = +1 unit). */
        PREVIOUS_INSTRUCTION,
        /** 3.13 {@code instr_ptr}: the next instruction to execute. */
        NEXT_INSTRUCTION
    }

    /**
     * {@code _PyInterpreterFrame} plus frame objects and generators.
     *
     * @param code {@code f_code} (3.13: {@code f_executable})
     * @param previous {@code previous}
     * @param funcObj {@code f_funcobj}
     * @param globals {@code f_globals}
     * @param builtins {@code f_builtins}
     * @param locals {@code f_locals}
     * @param frameObj {@code frame_obj}
     * @param instructionPointer {@code prev_instr} / {@code instr_ptr}
     * @param instructionPointerKind what {@code instructionPointer} means
     * @param stackTop {@code stacktop} (int, index from localsplus)
     * @param returnOffset {@code return_offset}
     * @param owner {@code owner} (char)
     * @param localsPlus {@code localsplus[0]}
     * @param sizeOf {@code sizeof(_PyInterpreterFrame)}
     * @param frameObjectFrame {@code PyFrameObject.f_frame}
     * @param genFrameState {@code PyGenObject.gi_frame_state}
     * @param genFrame {@code PyGenObject.gi_iframe}
     */
    public record FrameLayout(int code, int previous, int funcObj, int globals, int builtins, int locals,
                              int frameObj, int instructionPointer, InstructionPointerKind instructionPointerKind,
                              int stackTop, int returnOffset, int owner, int localsPlus, int sizeOf,
                              int frameObjectFrame, int genFrameState, int genFrame) { }

    /** How compiled code finds the executing {@code _PyInterpreterFrame} from the thread state. */
    public sealed interface CurrentFrameAccess {
        /**
         * 3.11/3.12: {@code ts->cframe->current_frame}.
         *
         * @param cframe {@code PyThreadState.cframe}
         * @param currentFrame {@code _PyCFrame.current_frame}
         */
        record ViaCFrame(int cframe, int currentFrame) implements CurrentFrameAccess { }

        /**
         * 3.13: {@code ts->current_frame}.
         *
         * @param currentFrame {@code PyThreadState.current_frame}
         */
        record Direct(int currentFrame) implements CurrentFrameAccess { }
    }

    /**
     * {@code PyThreadState}.
     *
     * @param interp {@code interp}
     * @param pyRecursionRemaining {@code py_recursion_remaining}
     * @param cRecursionRemaining {@code c_recursion_remaining}
     * @param tracing {@code tracing}
     * @param currentFrame how the current frame is reached
     * @param currentException {@code current_exception}
     * @param excInfo {@code exc_info}: the {@code _PyErr_StackItem} of the exception being handled
     * @param excInfoValue {@code _PyErr_StackItem.exc_value}
     * @param datastackTop {@code datastack_top}
     * @param datastackLimit {@code datastack_limit}
     * @param sizeOf {@code sizeof(PyThreadState)}
     */
    public record ThreadStateLayout(int interp, int pyRecursionRemaining, int cRecursionRemaining, int tracing,
                                    CurrentFrameAccess currentFrame, int currentException, int excInfo,
                                    int excInfoValue, int datastackTop, int datastackLimit, int sizeOf) { }

    /** Where the eval breaker lives and how a poll tests it. */
    public sealed interface EvalBreaker {
        /**
         * 3.12: {@code interp->ceval.eval_breaker}, an int shared by the interpreter's threads;
         * non-zero means pending work.
         *
         * @param offset offset in {@code PyInterpreterState}
         */
        record InInterpreter(int offset) implements EvalBreaker { }

        /**
         * 3.13: {@code tstate->eval_breaker}; pending iff {@code (value & mask) != 0}.
         *
         * @param offset offset in {@code PyThreadState}
         * @param mask the bits meaning pending work (the rest holds the instrumentation version)
         */
        record InThreadState(int offset, long mask) implements EvalBreaker { }
    }

    /**
     * {@code PyInterpreterState}.
     *
     * @param monitoringVersion {@code monitoring_version} (compared with
     *     {@code _co_instrumentation_version})
     * @param evalBreaker where the eval breaker is
     * @param evalFrame {@code eval_frame} (PEP 523 hook, NULL = default)
     * @param funcWatchers {@code func_watchers}
     * @param coExtraUserCount {@code co_extra_user_count}
     * @param nextKeysVersion {@code dict_state.next_keys_version} (uint32): the {@code dk_version}
     *     the next keys object asking for one gets (0: the versions ran out)
     */
    public record InterpreterLayout(int monitoringVersion, EvalBreaker evalBreaker, int evalFrame,
                                    int funcWatchers, int coExtraUserCount, int nextKeysVersion) { }

    /**
     * {@code _PyRuntime.signals}: the flags the C signal handler sets.
     *
     * @param isTripped {@code signals.is_tripped} (int; any signal pending)
     * @param handlers {@code signals.handlers[0].tripped}
     * @param handlerStride {@code sizeof(signals.handlers[0])}
     * @param signalCount {@code Py_NSIG} (entries of {@code handlers})
     */
    public record RuntimeLayout(int isTripped, int handlers, int handlerStride, int signalCount) { }

    /**
     * Embedding API structs.
     *
     * @param statusType {@code PyStatus._type} (0 ok, 1 error, 2 exit)
     * @param statusFunc {@code PyStatus.func}
     * @param statusErrMsg {@code PyStatus.err_msg}
     * @param statusExitCode {@code PyStatus.exitcode}
     * @param statusSize {@code sizeof(PyStatus)}
     * @param configSize {@code sizeof(PyConfig)}
     */
    public record EmbeddingLayout(int statusType, int statusFunc, int statusErrMsg, int statusExitCode,
                                  int statusSize, int configSize) { }

    /**
     * {@code sys.monitoring} state (3.12 {@code internal/pycore_instruments.h},
     * {@code cpython/code.h}, {@code internal/pycore_interp.h}). A tool set is an array of
     * {@code eventCount} bytes, one per ungrouped event, each a bit mask of tool ids; the legacy
     * {@code sys.settrace}/{@code sys.setprofile} hooks are tools 7 and 6 in these masks.
     *
     * @param whatEvent {@code PyThreadState.what_event} (int: the event whose callback is running,
     *     -1 outside callbacks; read by the {@code f_lineno} setter)
     * @param interpreterMonitors {@code PyInterpreterState.monitors.tools} (global events per tool)
     * @param localMonitors {@code _PyCoMonitoringData.local_monitors.tools} (events set with
     *     {@code set_local_events}), reached through {@code PyCodeObject._co_monitoring}
     * @param activeMonitors {@code _PyCoMonitoringData.active_monitors.tools} (global | local as of
     *     the code object's last instrumentation)
     * @param eventCount {@code _PY_MONITORING_UNGROUPED_EVENTS}: bytes of each tool set
     * @param callables {@code PyInterpreterState.monitoring_callables}: one row per tool of
     *     {@code callableEvents} {@code PyObject *} callbacks (NULL: none registered)
     * @param callableEvents {@code _PY_MONITORING_EVENTS}: the callbacks of one tool (the ungrouped
     *     events and the ancillary {@code C_RETURN}/{@code C_RAISE})
     */
    public record MonitoringLayout(int whatEvent, int interpreterMonitors, int localMonitors, int activeMonitors,
                                   int eventCount, int callables, int callableEvents) { }
}
