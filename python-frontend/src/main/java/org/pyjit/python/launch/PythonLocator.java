package org.pyjit.python.launch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pyjit.python.layout.CPythonVersion;

/**
 * Finds the CPython to embed, in this order: {@code PYJIT_PYTHON}; a working {@code python3.12}
 * on {@code PATH}; the newest 3.12 under pyenv's {@code versions} directory.
 *
 * <p>"Working" is decided without running the candidate when possible (start-up time): a native
 * executable works; a pyenv shim is resolved the way pyenv resolves it ({@code PYENV_VERSION},
 * then {@code .python-version} files from the working directory upwards, then the global
 * {@code version} file) and skipped if it names no installed 3.12; any other script is run once
 * and asked for {@code sys.executable}.
 *
 * <p>The shared library is looked up beside the installation ({@code ../lib}, or the base
 * installation of a venv); only if it is not there is the interpreter asked through
 * {@code sysconfig} ({@code Py_ENABLE_SHARED}, {@code LIBDIR}, {@code INSTSONAME}).
 */
public final class PythonLocator {

    /** The feature version searched on PATH and under pyenv. */
    public static final CPythonVersion WANTED = CPythonVersion.V3_12;

    private static final Pattern LIB_NAME = Pattern.compile("libpython(\\d+)\\.(\\d+)[a-z]*\\.so.*");
    private static final Pattern VERSION_DIR = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    private final Map<String, String> env;
    private final Path workingDirectory;

    /**
     * A locator for a given environment.
     *
     * @param env the environment ({@code PYJIT_PYTHON}, {@code PATH}, {@code PYENV_ROOT},
     *     {@code PYENV_VERSION}, {@code HOME})
     * @param workingDirectory where {@code .python-version} lookup starts
     */
    public PythonLocator(Map<String, String> env, Path workingDirectory) {
        this.env = Map.copyOf(env);
        this.workingDirectory = workingDirectory.toAbsolutePath();
    }

    /**
     * Finds the installation.
     *
     * @return the installation to embed
     * @throws LaunchException if none is usable (one line explains why)
     */
    public PythonInstallation locate() throws LaunchException {
        String forced = env.getOrDefault("PYJIT_PYTHON", "");
        if (!forced.isEmpty()) {
            Path exe = workingDirectory.resolve(forced);
            if (!Files.isRegularFile(exe) || !Files.isExecutable(exe)) {
                throw new LaunchException("PYJIT_PYTHON=" + forced + " is not an executable file");
            }
            return describe(exe, "PYJIT_PYTHON");
        }
        List<String> reasons = new ArrayList<>();
        String exeName = "python" + WANTED;
        for (String dir : env.getOrDefault("PATH", "").split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = workingDirectory.resolve(dir).resolve(exeName);
            if (!Files.isRegularFile(candidate) || !Files.isExecutable(candidate)) {
                continue;
            }
            try {
                Optional<Path> working = workingExecutable(candidate);
                if (working.isPresent()) {
                    return describe(working.get(), "PATH");
                }
                reasons.add(candidate + " does not run");
            } catch (LaunchException e) {
                reasons.add(e.getMessage());
            }
        }
        Optional<Path> fromPyenv = newestPyenvVersion();
        if (fromPyenv.isPresent()) {
            return describe(fromPyenv.get(), "pyenv");
        }
        reasons.add("no " + WANTED + ".x under " + pyenvRoot().resolve("versions"));
        throw new LaunchException("no usable CPython " + WANTED + " shared build (set PYJIT_PYTHON): "
                + String.join("; ", reasons));
    }

    /** Describes an executable: finds its libpython and version. */
    private PythonInstallation describe(Path exe, String foundBy) throws LaunchException {
        Path lib = besideLibrary(exe).orElse(null);
        if (lib == null) {
            lib = askSysconfig(exe);
        }
        Matcher m = LIB_NAME.matcher(lib.getFileName().toString());
        if (!m.matches()) {
            throw new LaunchException(lib + " is not a libpython");
        }
        CPythonVersion version = new CPythonVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        return new PythonInstallation(exe.toAbsolutePath().normalize(), lib, version, foundBy);
    }

    /** {@code <prefix>/lib/libpython3.X.so.1.0} of the executable's (base) installation. */
    private static Optional<Path> besideLibrary(Path exe) {
        List<Path> prefixes = new ArrayList<>();
        String version = nameVersion(exe);
        try {
            Path real = exe.toRealPath();
            if (version.isEmpty()) {
                version = nameVersion(real);
            }
            if (real.getParent() != null && real.getParent().getParent() != null) {
                prefixes.add(real.getParent().getParent());
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        venvHome(exe).map(Path::getParent).ifPresent(prefixes::add);
        for (Path prefix : prefixes) {
            Path libDir = prefix.resolve("lib");
            if (!version.isEmpty()) {
                for (String suffix : List.of(".so.1.0", ".so")) {
                    Path lib = libDir.resolve("libpython" + version + suffix);
                    if (Files.isRegularFile(lib)) {
                        return Optional.of(lib);
                    }
                }
                continue; // the named version is absent here: never guess another one
            }
            try (Stream<Path> files = Files.list(libDir)) {
                Optional<Path> any = files.filter(f -> LIB_NAME.matcher(f.getFileName().toString()).matches())
                        .filter(Files::isRegularFile).sorted().findFirst();
                if (any.isPresent()) {
                    return any;
                }
            } catch (IOException e) {
                // no lib directory here
            }
        }
        return Optional.empty();
    }

    /** "3.12" for ".../python3.12", else "" (a plain "python" or a venv's "python3"). */
    private static String nameVersion(Path exe) {
        Matcher m = Pattern.compile("python(\\d+\\.\\d+)").matcher(exe.getFileName().toString());
        return m.matches() ? m.group(1) : "";
    }

    /** The {@code home} of a venv's {@code pyvenv.cfg} (next to or above the executable). */
    private static Optional<Path> venvHome(Path exe) {
        Path bin = exe.toAbsolutePath().getParent();
        for (Path dir = bin; dir != null && (dir.equals(bin) || dir.equals(bin.getParent())); dir = dir.getParent()) {
            Path cfg = dir.resolve("pyvenv.cfg");
            if (Files.isRegularFile(cfg)) {
                try {
                    for (String line : Files.readAllLines(cfg)) {
                        int eq = line.indexOf('=');
                        if (eq > 0 && line.substring(0, eq).trim().equals("home")) {
                            return Optional.of(Path.of(line.substring(eq + 1).trim()));
                        }
                    }
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** Runs the interpreter once to learn where its shared library is. */
    private static Path askSysconfig(Path exe) throws LaunchException {
        List<String> out = run(exe, "import sysconfig as s\n"
                + "print(s.get_config_var('Py_ENABLE_SHARED') or 0)\n"
                + "print(s.get_config_var('LIBDIR') or '')\n"
                + "print(s.get_config_var('INSTSONAME') or '')\n")
                .orElseThrow(() -> new LaunchException(exe + " does not run"));
        if (out.size() < 3 || !out.get(0).equals("1")) {
            throw new LaunchException(exe + " is not a shared build of CPython (rebuild with --enable-shared,"
                    + " e.g. PYTHON_CONFIGURE_OPTS=--enable-shared pyenv install)");
        }
        Path lib = Path.of(out.get(1), out.get(2));
        if (!Files.isRegularFile(lib)) {
            throw new LaunchException(exe + ": its shared library " + lib + " is missing");
        }
        return lib;
    }

    /** The executable a PATH candidate stands for, if it works. */
    private Optional<Path> workingExecutable(Path candidate) throws LaunchException {
        if (isElf(candidate)) {
            return Optional.of(candidate);
        }
        Path dir = candidate.toAbsolutePath().getParent();
        if (dir.getFileName() != null && dir.getFileName().toString().equals("shims")
                && Files.isDirectory(dir.getParent().resolve("versions"))) {
            return resolvePyenvShim(dir.getParent(), candidate.getFileName().toString());
        }
        return run(candidate, "import sys\nprint(sys.executable)\n").filter(l -> !l.isEmpty())
                .map(l -> Path.of(l.get(0)));
    }

    /** What pyenv would run for a shim, or empty when pyenv would refuse. */
    private Optional<Path> resolvePyenvShim(Path root, String exeName) {
        for (String version : pyenvVersionNames(root)) {
            Path exe = root.resolve("versions").resolve(version).resolve("bin").resolve(exeName);
            if (Files.isExecutable(exe)) {
                return Optional.of(exe);
            }
        }
        return Optional.empty();
    }

    /** pyenv's selected version names: PYENV_VERSION, .python-version upwards, global file. */
    private List<String> pyenvVersionNames(Path root) {
        String fromEnv = env.getOrDefault("PYENV_VERSION", "");
        if (!fromEnv.isEmpty()) {
            return List.of(fromEnv.split(":"));
        }
        for (Path dir = workingDirectory; dir != null; dir = dir.getParent()) {
            Path file = dir.resolve(".python-version");
            if (Files.isRegularFile(file)) {
                return versionFile(file);
            }
        }
        Path global = root.resolve("version");
        return Files.isRegularFile(global) ? versionFile(global) : List.of();
    }

    private static List<String> versionFile(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::trim)
                    .filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The newest {@code versions/3.12.N/bin/python3.12} under the pyenv root. */
    private Optional<Path> newestPyenvVersion() {
        Path versions = pyenvRoot().resolve("versions");
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(versions)) {
            return dirs.filter(d -> {
                Matcher m = VERSION_DIR.matcher(d.getFileName().toString());
                return m.matches() && m.group(1).equals(String.valueOf(WANTED.major()))
                        && m.group(2).equals(String.valueOf(WANTED.minor()));
            }).max(Comparator.comparingInt(PythonLocator::micro))
                    .map(d -> d.resolve("bin").resolve("python" + WANTED))
                    .filter(Files::isExecutable);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int micro(Path versionDir) {
        Matcher m = VERSION_DIR.matcher(versionDir.getFileName().toString());
        return m.matches() && m.group(3) != null ? Integer.parseInt(m.group(3)) : -1;
    }

    /**
     * {@code $PYENV_ROOT}, else the root of a pyenv shims directory on PATH, else
     * {@code pyenv root}, else {@code ~/.pyenv} (running {@code pyenv} costs tens of ms).
     */
    private Path pyenvRoot() {
        String root = env.getOrDefault("PYENV_ROOT", "");
        if (!root.isEmpty()) {
            return Path.of(root);
        }
        for (String dir : env.getOrDefault("PATH", "").split(":")) {
            Path d = Path.of(dir.isEmpty() ? "." : dir);
            if (d.getFileName() != null && d.getFileName().toString().equals("shims") && d.getParent() != null
                    && Files.isDirectory(d.getParent().resolve("versions"))) {
                return d.getParent();
            }
        }
        boolean pyenvOnPath = Stream.of(env.getOrDefault("PATH", "").split(":")).filter(s -> !s.isEmpty())
                .anyMatch(d -> Files.isExecutable(Path.of(d, "pyenv")));
        if (pyenvOnPath) {
            Optional<List<String>> out = runCommand(List.of("pyenv", "root"));
            if (out.isPresent() && !out.get().isEmpty()) {
                return Path.of(out.get().get(0));
            }
        }
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".pyenv");
    }

    private static boolean isElf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs {@code exe -I -c code}; its stdout lines if it exited 0 within 20 s. */
    private static Optional<List<String>> run(Path exe, String code) {
        return runCommand(List.of(exe.toString(), "-I", "-c", code));
    }

    private static Optional<List<String>> runCommand(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(text.lines().toList()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
