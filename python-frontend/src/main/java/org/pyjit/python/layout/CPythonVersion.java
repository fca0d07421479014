package org.pyjit.python.layout;

/**
 * A CPython feature version ({@code major.minor}); the micro version never changes a layout.
 *
 * @param major the major version, 3
 * @param minor the minor version, e.g. 12
 */
public record CPythonVersion(int major, int minor) implements Comparable<CPythonVersion> {

    /** CPython 3.12. */
    public static final CPythonVersion V3_12 = new CPythonVersion(3, 12);

    /** Validates the components. */
    public CPythonVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("negative version component: " + major + "." + minor);
        }
    }

    /**
     * Decodes {@code PY_VERSION_HEX} (the value of the exported {@code Py_Version}).
     *
     * @param hex e.g. {@code 0x030C01F0} for 3.12.1 final
     * @return the feature version
     */
    public static CPythonVersion fromHex(long hex) {
        return new CPythonVersion((int) (hex >>> 24) & 0xFF, (int) (hex >>> 16) & 0xFF);
    }

    /**
     * Parses {@code "3.12"} (anything after a second dot is ignored).
     *
     * @param text the dotted version
     * @return the feature version
     * @throws IllegalArgumentException if the text is not a version
     */
    public static CPythonVersion parse(String text) {
        String[] parts = text.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a Python version: " + text);
        }
        try {
            return new CPythonVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a Python version: " + text, e);
        }
    }

    @Override
    public int compareTo(CPythonVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
