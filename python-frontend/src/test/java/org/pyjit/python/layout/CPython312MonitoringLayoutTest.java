package org.pyjit.python.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pyjit.python.PythonProcesses;
import org.pyjit.python.PythonProcesses.Outcome;

/**
 * The 3.12 {@code sys.monitoring} offsets ({@link CPythonLayout.MonitoringLayout}) equal what the
 * installed 3.12 headers say, through a C probe compiled with gcc and {@code -DPy_BUILD_CORE}.
 */
class CPython312MonitoringLayoutTest {

    private static final CPythonLayout L = CPythonLayout.forVersion(CPythonVersion.V3_12).orElseThrow();

    private static Map<String, Long> expectations() {
        var m = L.monitoring();
        Map<String, Long> e = new LinkedHashMap<>();
        e.put("offsetof(PyThreadState, what_event)", (long) m.whatEvent());
        e.put("offsetof(PyInterpreterState, monitors.tools)", (long) m.interpreterMonitors());
        e.put("offsetof(_PyCoMonitoringData, local_monitors.tools)", (long) m.localMonitors());
        e.put("offsetof(_PyCoMonitoringData, active_monitors.tools)", (long) m.activeMonitors());
        e.put("_PY_MONITORING_UNGROUPED_EVENTS", (long) m.eventCount());
        e.put("sizeof(_Py_GlobalMonitors)", (long) m.eventCount());
        e.put("sizeof(_Py_LocalMonitors)", (long) m.eventCount());
        e.put("offsetof(PyInterpreterState, monitoring_callables)", (long) m.callables());
        e.put("_PY_MONITORING_EVENTS", (long) m.callableEvents());
        e.put("sizeof(((PyInterpreterState *) 0)->monitoring_callables[0])", 8L * m.callableEvents());
        e.put("PY_MONITORING_EVENT_RAISE", 10L);
        e.put("PY_MONITORING_EVENT_EXCEPTION_HANDLED", 11L);
        e.put("PY_MONITORING_EVENT_RERAISE", 14L);
        e.put("PY_MONITORING_SYS_PROFILE_ID", 6L);
        e.put("PY_MONITORING_SYS_TRACE_ID", 7L);
        e.put("PY_MONITORING_OPTIMIZER_ID", 5L);
        e.put("PY_MONITORING_EVENT_PY_START", 0L);
        e.put("offsetof(PyCodeObject, _co_monitoring)", (long) L.code().monitoring());
        e.put("offsetof(PyCodeObject, _co_instrumentation_version)", (long) L.code().instrumentationVersion());
        e.put("offsetof(PyInterpreterState, monitoring_version)", (long) L.interpreter().monitoringVersion());
        e.put("offsetof(PyThreadState, tracing)", (long) L.threadState().tracing());
        return e;
    }

    @Test
    void monitoringOffsetsMatchTheInstalledHeaders(@TempDir Path dir) throws IOException {
        Outcome inc = PythonProcesses.run(List.of(PythonProcesses.python().toString(), "-c",
                "import sysconfig; print(sysconfig.get_paths()['include'])"), dir, PythonProcesses.baseEnvironment(), null);
        assertEquals(0, inc.exitStatus(), inc.err());
        Map<String, Long> expected = expectations();
        StringBuilder c = new StringBuilder("""
                #define Py_BUILD_CORE 1
                #include <Python.h>
                #include <stdio.h>
                #include "internal/pycore_interp.h"
                #include "internal/pycore_instruments.h"
                int main(void) {
                """);
        for (String expr : expected.keySet()) {
            c.append("    printf(\"%ld\\n\", (long) (").append(expr).append("));\n");
        }
        c.append("    return 0;\n}\n");
        Files.writeString(dir.resolve("probe.c"), c, StandardCharsets.UTF_8);
        Outcome cc = PythonProcesses.run(List.of("gcc", "-I" + inc.out().strip(), "-o", "probe", "probe.c"), dir,
                PythonProcesses.baseEnvironment(), null);
        assertEquals(0, cc.exitStatus(), cc.err());
        Outcome probe = PythonProcesses.run(List.of(dir.resolve("probe").toString()), dir,
                PythonProcesses.baseEnvironment(), null);
        List<String> lines = probe.out().lines().toList();
        assertEquals(expected.size(), lines.size(), probe.err());
        Map<String, Long> actual = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(expected.keySet());
        for (int i = 0; i < keys.size(); i++) {
            actual.put(keys.get(i), Long.parseLong(lines.get(i)));
        }
        assertEquals(expected, actual);
    }
}
