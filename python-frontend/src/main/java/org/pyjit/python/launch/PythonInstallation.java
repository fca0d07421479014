package org.pyjit.python.launch;

import java.nio.file.Path;
import org.pyjit.python.layout.CPythonVersion;

/**
 * A CPython that pyjit can embed.
 *
 * @param executable the python executable as CPython should see it in {@code argv[0]} (a venv's
 *     own executable stays unresolved so that {@code getpath} finds {@code pyvenv.cfg})
 * @param libpython the shared library of the (base) installation
 * @param version the feature version, from the library's name
 * @param foundBy how it was found, for logs and errors (e.g. {@code PYJIT_PYTHON})
 */
public record PythonInstallation(Path executable, Path libpython, CPythonVersion version, String foundBy) { }
