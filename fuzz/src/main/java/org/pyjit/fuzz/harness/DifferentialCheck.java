package org.pyjit.fuzz.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.pyjit.codegen.Backend;
import org.pyjit.codegen.Jit;
import org.pyjit.ir.IrModule;

/**
 * The differential oracle: runs one entry function of a module on several argument sets in the
 * interpreter and on every given backend, each run starting from the same buffer contents, and
 * demands the same outcome (result bits with all NaNs equal, or trap code) and the same buffer
 * bytes afterwards (guards included). One instance owns one {@link TestBuffer}; not thread-safe.
 */
public final class DifferentialCheck implements AutoCloseable {

    /** How strictly to treat the input. */
    public enum Mode {
        /**
         * Generated code: must stay within the interpreter's limits and be address-safe; anything
         * else is a generator bug and fails.
         */
        GENERATED,
        /**
         * Mutated code: runs that hit interpreter-only traps, unknown call targets, or modules that
         * observe addresses are interpreted but not compared natively.
         */
        MUTANT
    }

    /** System property naming the file the last module run natively is written to. */
    public static final String LAST_NATIVE_PROPERTY = "fuzz.lastNative";

    private final List<Jit> jits;
    private final TestBuffer buffer = new TestBuffer();

    /** A check against the given backends (each with its own code cache). */
    public DifferentialCheck(List<Backend> backends) {
        this.jits = backends.stream().map(Jit::new).toList();
    }

    /** The backends on the class path that generate code for this JVM's {@code os.arch}. */
    public static List<Backend> hostBackends() {
        String arch = System.getProperty("os.arch");
        List<Backend> out = new ArrayList<>();
        for (Backend b : ServiceLoader.load(Backend.class)) {
            if (b.runsOn(arch)) {
                out.add(b);
            }
        }
        return out;
    }

    /** The backends being compared with the interpreter. */
    public List<Backend> backends() {
        return jits.stream().map(Jit::backend).toList();
    }

    /**
     * Runs {@code entry} of {@code module} on each argument set.
     *
     * @param module  a module that verifies
     * @param entry   the function called; its first parameter must be the buffer base
     * @param cases   the runs: memory seeds and arguments after the base
     * @param mode    how strictly to treat the module
     * @return what was run and compared
     * @throws Divergence on any disagreement
     */
    public Report run(IrModule module, String entry, List<Case> cases, Mode mode) {
        InterpreterRun interp = new InterpreterRun(module, buffer);
        List<long[]> fullArgs = new ArrayList<>();
        List<Outcome> expected = new ArrayList<>();
        List<byte[]> expectedMemory = new ArrayList<>();
        List<Boolean> comparable = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            long[] args = withBase(c.args());
            fullArgs.add(args);
            buffer.reset(c.seed());
            Outcome o;
            try {
                o = interp.call(entry, args);
            } catch (IllegalStateException e) {
                if (mode == Mode.MUTANT && e.getMessage() != null && e.getMessage().contains("call_indirect")) {
                    return new Report(i + 1, 0, cases.size());
                }
                throw e;
            }
            boolean limited = o instanceof Outcome.Trapped t && InterpreterRun.interpreterOnly(t.code());
            if (limited && mode == Mode.GENERATED) {
                throw Divergence.of("generated code hit an interpreter-only trap (generator bug)", module, entry,
                        c, "interpreter: " + o);
            }
            expected.add(o);
            expectedMemory.add(buffer.snapshot());
            comparable.add(!limited);
        }
        Optional<String> unsafe = AddressSafety.check(module);
        if (unsafe.isPresent()) {
            if (mode == Mode.GENERATED) {
                throw Divergence.of("generated code observes addresses (generator bug): " + unsafe.get(), module,
                        entry, cases.get(0), "");
            }
            return new Report(cases.size(), 0, cases.size());
        }
        recordBeforeNative(module, entry, cases);
        int compared = 0;
        for (Jit jit : jits) {
            try (NativeRun nat = new NativeRun(jit, module)) {
                for (int i = 0; i < fullArgs.size(); i++) {
                    if (!comparable.get(i)) {
                        continue;
                    }
                    buffer.reset(cases.get(i).seed());
                    Outcome actual = nat.call(entry, fullArgs.get(i));
                    byte[] memory = buffer.snapshot();
                    compare(jit, module, entry, cases.get(i), expected.get(i), actual, expectedMemory.get(i), memory);
                    compared++;
                }
            }
        }
        int skipped = (int) comparable.stream().filter(c -> !c).count();
        return new Report(cases.size(), compared, skipped);
    }

    private static void compare(Jit jit, IrModule module, String entry, Case c, Outcome expected, Outcome actual,
            byte[] expectedMemory, byte[] memory) {
        String diff = memoryDiff(expectedMemory, memory);
        if (expected.agreesWith(actual) && diff.isEmpty()) {
            return;
        }
        throw Divergence.of("interpreter and backend " + jit.backend().name() + " disagree", module, entry, c,
                "interpreter: " + expected + "\nnative:      " + actual + (diff.isEmpty() ? "" : "\nmemory:\n" + diff));
    }

    /** The differing bytes, as offsets from the base, at most 16 lines; empty if equal. */
    static String memoryDiff(byte[] expected, byte[] actual) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < expected.length && lines.size() < 16; i++) {
            if (expected[i] != actual[i]) {
                lines.add(String.format("  base%+d: interpreter 0x%02x, native 0x%02x", TestBuffer.relative(i),
                        expected[i] & 0xFF, actual[i] & 0xFF));
            }
        }
        return String.join("\n", lines);
    }

    /**
     * If the system property {@value #LAST_NATIVE_PROPERTY} names a file, writes the module and its
     * cases there as a regression file before any native run: when native code takes the JVM down,
     * that file is the crashing input.
     */
    private static void recordBeforeNative(IrModule module, String entry, List<Case> cases) {
        String path = System.getProperty(LAST_NATIVE_PROPERTY);
        if (path == null || path.isEmpty()) {
            return;
        }
        try {
            Files.writeString(Path.of(path), Divergence.regressionText(module, entry, cases));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    private long[] withBase(long[] args) {
        long[] out = new long[args.length + 1];
        out[0] = buffer.base();
        System.arraycopy(args, 0, out, 1, args.length);
        return out;
    }

    /** Frees the buffer. */
    @Override
    public void close() {
        buffer.close();
    }
}
