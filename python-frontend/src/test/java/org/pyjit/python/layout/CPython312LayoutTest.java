package org.pyjit.python.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pyjit.python.PythonProcesses;
import org.pyjit.python.PythonProcesses.Outcome;
import org.pyjit.python.layout.CPythonLayout.CurrentFrameAccess;
import org.pyjit.python.layout.CPythonLayout.EvalBreaker;

/**
 * The 3.12 table equals what the installed 3.12 headers say (a C probe compiled with gcc and
 * {@code -DPy_BUILD_CORE}) and what the interpreter's {@code dis}/{@code opcode} modules say.
 */
class CPython312LayoutTest {

    private static final CPythonLayout L = CPythonLayout.forVersion(CPythonVersion.V3_12).orElseThrow();
    private static Path python;

    @BeforeAll
    static void findPython() {
        python = PythonProcesses.python();
    }

    /** C expression → the table's value. */
    private static Map<String, Long> expectations() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("offsetof(PyObject, ob_refcnt)", (long) L.object().refcnt());
        m.put("offsetof(PyObject, ob_type)", (long) L.object().type());
        m.put("offsetof(PyVarObject, ob_size)", (long) L.object().size());
        m.put("sizeof(PyObject)", (long) L.object().headerSize());
        m.put("offsetof(PyLongObject, long_value.lv_tag)", (long) L.longs().lvTag());
        m.put("offsetof(PyLongObject, long_value.ob_digit)", (long) L.longs().digits());
        m.put("PyLong_SHIFT", (long) L.longs().digitShift());
        m.put("offsetof(PyFloatObject, ob_fval)", (long) L.floats().value());
        m.put("sizeof(PyFloatObject)", (long) L.floats().sizeOf());
        m.put("offsetof(PyTupleObject, ob_item)", (long) L.sequences().tupleItems());
        m.put("offsetof(PyListObject, ob_item)", (long) L.sequences().listItems());
        m.put("offsetof(PyListObject, allocated)", (long) L.sequences().listAllocated());
        m.put("offsetof(PyDictObject, ma_used)", (long) L.dict().used());
        m.put("offsetof(PyDictObject, ma_version_tag)", (long) L.dict().versionTag());
        m.put("offsetof(PyDictObject, ma_keys)", (long) L.dict().keys());
        m.put("offsetof(PyDictObject, ma_values)", (long) L.dict().values());
        m.put("offsetof(PyDictKeysObject, dk_version)", (long) L.dict().keysVersion());
        m.put("offsetof(PyDictKeysObject, dk_log2_index_bytes)", (long) L.dict().keysLog2IndexBytes());
        m.put("offsetof(PyDictKeysObject, dk_kind)", (long) L.dict().keysKind());
        m.put("offsetof(PyDictKeysObject, dk_indices)", (long) L.dict().keysIndices());
        m.put("sizeof(PyDictUnicodeEntry)", (long) L.dict().unicodeEntrySize());
        m.put("offsetof(PyDictUnicodeEntry, me_value)", (long) L.dict().unicodeEntryValue());
        m.put("offsetof(PyDictUnicodeEntry, me_key)", (long) L.dict().unicodeEntryKey());
        m.put("offsetof(PyDictKeysObject, dk_nentries)", (long) L.dict().keysEntries());
        m.put("offsetof(PyTypeObject, tp_flags)", (long) L.type().flags());
        m.put("offsetof(PyTypeObject, tp_version_tag)", (long) L.type().versionTag());
        m.put("offsetof(PyTypeObject, tp_dictoffset)", (long) L.type().dictOffset());
        m.put("offsetof(PyHeapTypeObject, ht_cached_keys)", (long) L.type().heapCachedKeys());
        m.put("offsetof(PyTypeObject, tp_vectorcall)", (long) L.type().vectorcall());
        m.put("offsetof(PyTypeObject, tp_getattro)", (long) L.type().getattro());
        for (TypeFlag flag : TypeFlag.values()) {
            m.put(flag.cName(), flag.mask());
        }
        m.put("offsetof(PyTypeObject, tp_setattro)", (long) L.type().setattro());
        // pycore_object.h: _PyObject_DictOrValuesPointer(obj) is ((PyDictOrValues *)obj) - 3.
        m.put("(long) ((char *) (((PyDictOrValues *) 4096) - 3) - (char *) 4096)",
                (long) L.instances().dictOrValues());
        m.put("offsetof(PyModuleObject, md_dict)", (long) L.instances().moduleDict());
        var calls = L.callables();
        m.put("offsetof(PyCFunctionObject, m_ml)", (long) calls.cfunctionDef());
        m.put("offsetof(PyCFunctionObject, m_self)", (long) calls.cfunctionSelf());
        m.put("offsetof(PyMethodDescrObject, d_common.d_type)", (long) calls.descriptorType());
        m.put("offsetof(PyMethodDescrObject, d_method)", (long) calls.descriptorDef());
        m.put("offsetof(PyMethodDef, ml_meth)", (long) calls.defMeth());
        m.put("offsetof(PyMethodDef, ml_flags)", (long) calls.defFlags());
        var its = L.iterators();
        m.put("offsetof(_PyListIterObject, it_index)", (long) its.listIndex());
        m.put("offsetof(_PyListIterObject, it_seq)", (long) its.listSeq());
        m.put("offsetof(_PyTupleIterObject, it_index)", (long) its.tupleIndex());
        m.put("offsetof(_PyTupleIterObject, it_seq)", (long) its.tupleSeq());
        m.put("offsetof(_PyRangeIterObject, start)", (long) its.rangeStart());
        m.put("offsetof(_PyRangeIterObject, step)", (long) its.rangeStep());
        m.put("offsetof(_PyRangeIterObject, len)", (long) its.rangeLen());
        var f = L.function();
        m.put("offsetof(PyFunctionObject, func_globals)", (long) f.globals());
        m.put("offsetof(PyFunctionObject, func_builtins)", (long) f.builtins());
        m.put("offsetof(PyFunctionObject, func_name)", (long) f.name());
        m.put("offsetof(PyFunctionObject, func_code)", (long) f.code());
        m.put("offsetof(PyFunctionObject, func_defaults)", (long) f.defaults());
        m.put("offsetof(PyFunctionObject, func_closure)", (long) f.closure());
        m.put("offsetof(PyFunctionObject, vectorcall)", (long) f.vectorcall());
        m.put("offsetof(PyFunctionObject, func_version)", (long) f.version());
        m.put("sizeof(PyFunctionObject)", (long) f.sizeOf());
        var c = L.code();
        m.put("offsetof(PyCodeObject, co_consts)", (long) c.consts());
        m.put("offsetof(PyCodeObject, co_names)", (long) c.names());
        m.put("offsetof(PyCodeObject, co_flags)", (long) c.flags());
        m.put("offsetof(PyCodeObject, co_argcount)", (long) c.argCount());
        m.put("offsetof(PyCodeObject, co_kwonlyargcount)", (long) c.kwOnlyArgCount());
        m.put("offsetof(PyCodeObject, co_stacksize)", (long) c.stackSize());
        m.put("offsetof(PyCodeObject, co_nlocalsplus)", (long) c.nLocalsPlus());
        m.put("offsetof(PyCodeObject, co_framesize)", (long) c.frameSize());
        m.put("offsetof(PyCodeObject, co_nlocals)", (long) c.nLocals());
        m.put("offsetof(PyCodeObject, co_ncellvars)", (long) c.nCellVars());
        m.put("offsetof(PyCodeObject, co_nfreevars)", (long) c.nFreeVars());
        m.put("offsetof(PyCodeObject, co_version)", (long) c.codeVersion());
        m.put("offsetof(PyCodeObject, co_localsplusnames)", (long) c.localsPlusNames());
        m.put("offsetof(PyCodeObject, co_localspluskinds)", (long) c.localsPlusKinds());
        m.put("offsetof(PyCodeObject, _co_cached)", (long) c.cached());
        m.put("offsetof(PyCodeObject, _co_instrumentation_version)", (long) c.instrumentationVersion());
        m.put("offsetof(PyCodeObject, _co_monitoring)", (long) c.monitoring());
        m.put("offsetof(PyCodeObject, _co_firsttraceable)", (long) c.firstTraceable());
        m.put("offsetof(PyCodeObject, co_extra)", (long) c.extra());
        m.put("offsetof(PyCodeObject, co_code_adaptive)", (long) c.codeAdaptive());
        m.put("sizeof(PyCodeObject)", (long) c.sizeOf());
        var fr = L.frame();
        assertEquals(CPythonLayout.InstructionPointerKind.PREVIOUS_INSTRUCTION, fr.instructionPointerKind());
        m.put("offsetof(_PyInterpreterFrame, f_code)", (long) fr.code());
        m.put("offsetof(_PyInterpreterFrame, previous)", (long) fr.previous());
        m.put("offsetof(_PyInterpreterFrame, f_funcobj)", (long) fr.funcObj());
        m.put("offsetof(_PyInterpreterFrame, f_globals)", (long) fr.globals());
        m.put("offsetof(_PyInterpreterFrame, f_builtins)", (long) fr.builtins());
        m.put("offsetof(_PyInterpreterFrame, f_locals)", (long) fr.locals());
        m.put("offsetof(_PyInterpreterFrame, frame_obj)", (long) fr.frameObj());
        m.put("offsetof(_PyInterpreterFrame, prev_instr)", (long) fr.instructionPointer());
        m.put("offsetof(_PyInterpreterFrame, stacktop)", (long) fr.stackTop());
        m.put("offsetof(_PyInterpreterFrame, return_offset)", (long) fr.returnOffset());
        m.put("offsetof(_PyInterpreterFrame, owner)", (long) fr.owner());
        m.put("offsetof(_PyInterpreterFrame, localsplus)", (long) fr.localsPlus());
        m.put("sizeof(_PyInterpreterFrame)", (long) fr.sizeOf());
        m.put("offsetof(PyFrameObject, f_frame)", (long) fr.frameObjectFrame());
        m.put("offsetof(PyGenObject, gi_frame_state)", (long) fr.genFrameState());
        m.put("offsetof(PyGenObject, gi_iframe)", (long) fr.genFrame());
        var ts = L.threadState();
        m.put("offsetof(PyThreadState, interp)", (long) ts.interp());
        m.put("offsetof(PyThreadState, py_recursion_remaining)", (long) ts.pyRecursionRemaining());
        m.put("offsetof(PyThreadState, c_recursion_remaining)", (long) ts.cRecursionRemaining());
        m.put("offsetof(PyThreadState, tracing)", (long) ts.tracing());
        m.put("offsetof(PyThreadState, exc_info)", (long) ts.excInfo());
        m.put("offsetof(_PyErr_StackItem, exc_value)", (long) ts.excInfoValue());
        var cf = (CurrentFrameAccess.ViaCFrame) ts.currentFrame();
        m.put("offsetof(PyThreadState, cframe)", (long) cf.cframe());
        m.put("offsetof(_PyCFrame, current_frame)", (long) cf.currentFrame());
        m.put("offsetof(PyThreadState, current_exception)", (long) ts.currentException());
        m.put("offsetof(PyThreadState, datastack_top)", (long) ts.datastackTop());
        m.put("offsetof(PyThreadState, datastack_limit)", (long) ts.datastackLimit());
        m.put("sizeof(PyThreadState)", (long) ts.sizeOf());
        var in = L.interpreter();
        m.put("offsetof(PyInterpreterState, monitoring_version)", (long) in.monitoringVersion());
        m.put("offsetof(PyInterpreterState, ceval.eval_breaker)",
                (long) ((EvalBreaker.InInterpreter) in.evalBreaker()).offset());
        m.put("offsetof(PyInterpreterState, eval_frame)", (long) in.evalFrame());
        m.put("offsetof(PyInterpreterState, func_watchers)", (long) in.funcWatchers());
        m.put("offsetof(PyInterpreterState, co_extra_user_count)", (long) in.coExtraUserCount());
        m.put("offsetof(PyInterpreterState, dict_state.next_keys_version)", (long) in.nextKeysVersion());
        var rt = L.runtime();
        m.put("offsetof(_PyRuntimeState, signals.is_tripped)", (long) rt.isTripped());
        m.put("offsetof(_PyRuntimeState, signals.handlers[0].tripped)", (long) rt.handlers());
        m.put("sizeof(_PyRuntime.signals.handlers[0])", (long) rt.handlerStride());
        m.put("Py_NSIG", (long) rt.signalCount());
        var e = L.embedding();
        m.put("offsetof(PyStatus, _type)", (long) e.statusType());
        m.put("offsetof(PyStatus, func)", (long) e.statusFunc());
        m.put("offsetof(PyStatus, err_msg)", (long) e.statusErrMsg());
        m.put("offsetof(PyStatus, exitcode)", (long) e.statusExitCode());
        m.put("sizeof(PyStatus)", (long) e.statusSize());
        m.put("sizeof(PyConfig)", (long) e.configSize());
        return m;
    }

    @Test
    void offsetsMatchTheInstalledHeaders(@TempDir Path dir) throws IOException {
        Outcome inc = PythonProcesses.run(List.of(python.toString(), "-c",
                "import sysconfig; print(sysconfig.get_paths()['include'])"), dir, PythonProcesses.baseEnvironment(), null);
        assertEquals(0, inc.exitStatus(), inc.err());
        Map<String, Long> expected = expectations();
        StringBuilder c = new StringBuilder("""
                #define Py_BUILD_CORE 1
                #include <Python.h>
                #include <stdio.h>
                #include "internal/pycore_runtime.h"
                #include "internal/pycore_frame.h"
                #include "internal/pycore_interp.h"
                #include "internal/pycore_dict.h"
                #include "internal/pycore_moduleobject.h"
                #include "internal/pycore_object.h"
                #include "internal/pycore_list.h"
                #include "internal/pycore_tuple.h"
                #include "internal/pycore_range.h"
                int main(void) {
                """);
        for (String expr : expected.keySet()) {
            c.append("    printf(\"%ld\\n\", (long) (").append(expr.replace("_PyRuntime.", "_PyRuntime."))
                    .append("));\n");
        }
        c.append("    return 0;\n}\n");
        Files.writeString(dir.resolve("probe.c"), c, StandardCharsets.UTF_8);
        Outcome cc = PythonProcesses.run(List.of("gcc", "-I" + inc.out().strip(), "-o", "probe", "probe.c"), dir,
                PythonProcesses.baseEnvironment(), null);
        assertEquals(0, cc.exitStatus(), cc.err());
        Outcome probe = PythonProcesses.run(List.of(dir.resolve("probe").toString()), dir,
                PythonProcesses.baseEnvironment(), null);
        List<String> lines = probe.out().lines().toList();
        assertEquals(expected.size(), lines.size());
        Map<String, Long> actual = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(expected.keySet());
        for (int i = 0; i < keys.size(); i++) {
            actual.put(keys.get(i), Long.parseLong(lines.get(i)));
        }
        assertEquals(expected, actual);
    }

    @Test
    void opcodesMatchTheInterpreter(@TempDir Path dir) {
        Outcome out = PythonProcesses.run(List.of(python.toString(), "-c", """
                import dis, opcode
                fam = {s: b for b, ss in opcode._specializations.items() for s in ss}
                def caches(k):
                    b = fam.get(k) or (k[len('INSTRUMENTED_'):] if k.startswith('INSTRUMENTED_') else k)
                    return opcode._inline_cache_entries[opcode.opmap[b]] if b in opcode.opmap else 0
                for name, num in sorted(dis._all_opmap.items()):
                    if num < 256:
                        print(name, num, caches(name))
                """), dir, PythonProcesses.baseEnvironment(), null);
        assertEquals(0, out.exitStatus(), out.err());
        Map<String, String> expected = new TreeMap<>();
        out.out().lines().forEach(l -> expected.put(l.substring(0, l.indexOf(' ')), l.substring(l.indexOf(' ') + 1)));
        Map<String, String> actual = new TreeMap<>();
        L.opcodes().entries().values().forEach(e -> actual.put(e.opcode().name(), e.number() + " " + e.cacheEntries()));
        assertEquals(expected, actual);
        assertTrue(expected.containsKey("BINARY_OP_ADD_INT") && expected.containsKey("INSTRUMENTED_RESUME"));
    }

    @Test
    void decodeInvertsNumber() {
        for (Opcode op : L.opcodes().entries().keySet()) {
            assertEquals(op, L.opcodes().decode(L.opcodes().number(op)).orElseThrow());
        }
        assertEquals(Opcode.Kind.SPECIALIZED, L.opcodes().decode(L.opcodes().number(Opcode.LOAD_ATTR_INSTANCE_VALUE))
                .orElseThrow().kind());
        assertEquals(9, L.opcodes().entry(Opcode.LOAD_ATTR_INSTANCE_VALUE).cacheEntries());
    }

    @Test
    void versionSelection() {
        assertEquals(CPythonVersion.V3_12, CPythonVersion.fromHex(0x030C01F0L));
        assertTrue(CPythonLayout.forVersion(new CPythonVersion(3, 11)).isEmpty());
        assertEquals(L, CPythonLayout.forVersion(CPythonVersion.parse("3.12.1")).orElseThrow());
    }
}
