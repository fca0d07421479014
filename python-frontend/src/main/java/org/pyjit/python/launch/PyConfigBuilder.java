package org.pyjit.python.launch;

import java.util.List;
import org.pyjit.python.layout.CPythonLayout.EmbeddingLayout;

/**
 * Builds a {@code PyConfig} the way {@code python3.12}'s own {@code main} does: the Python
 * configuration ({@code PYTHON*} variables honoured) with the command line handed to CPython's
 * argument parser untouched, {@code argv[0]} being the python executable so that
 * {@code sys.executable}, {@code sys.prefix} and venvs come out as under {@code python3.12}.
 *
 * <p>Native memory is owned by the returned {@link PyConfig} until {@link PyConfig#close()}.
 */
final class PyConfigBuilder {

    private final LibPython python;
    private final EmbeddingLayout layout;

    PyConfigBuilder(LibPython python, EmbeddingLayout layout) {
        this.python = python;
        this.layout = layout;
    }

    /**
     * A configured, not yet initialised, {@code PyConfig}.
     *
     * @param address the struct
     * @param status a {@code PyStatus} buffer reused for every call
     */
    record PyConfig(LibPython python, EmbeddingLayout layout, long address, long status) implements AutoCloseable {

        /**
         * {@code Py_InitializeFromConfig}.
         *
         * @return its status
         */
        PyStatus initialize() {
            python.initializeFromConfig(status, address);
            return PyStatus.read(status, layout);
        }

        /** {@code PyConfig_Clear} and free. */
        @Override
        public void close() {
            python.configClear(address);
            NativeCalls.MEMORY.freeMemory(address);
            NativeCalls.MEMORY.freeMemory(status);
        }
    }

    /**
     * Initialises the config and parses the command line.
     *
     * @param argv {@code argv[0]} (the python executable) followed by the user's arguments
     * @return the config and the status of {@code PyConfig_SetBytesArgv}
     */
    Built build(List<byte[]> argv) {
        long config = NativeCalls.MEMORY.allocateMemory(layout.configSize(), true);
        long status = NativeCalls.MEMORY.allocateMemory(layout.statusSize(), true);
        python.configInitPythonConfig(config);
        long array = NativeCalls.MEMORY.allocateMemory(8L * (argv.size() + 1), true);
        long[] strings = new long[argv.size()];
        try {
            for (int i = 0; i < strings.length; i++) {
                strings[i] = NativeCalls.cString(argv.get(i));
                NativeCalls.MEMORY.putAddress(array + 8L * i, strings[i]);
            }
            // CPython copies (decodes) the strings into the config.
            python.configSetBytesArgv(status, config, argv.size(), array);
        } finally {
            for (long s : strings) {
                if (s != 0) {
                    NativeCalls.MEMORY.freeMemory(s);
                }
            }
            NativeCalls.MEMORY.freeMemory(array);
        }
        return new Built(new PyConfig(python, layout, config, status), PyStatus.read(status, layout));
    }

    /**
     * The outcome of {@link #build(List)}.
     *
     * @param config the config (close it)
     * @param status the argument-setting status
     */
    record Built(PyConfig config, PyStatus status) { }
}
