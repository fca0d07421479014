package org.pyjit.aarch64;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pyjit.aarch64.testing.QemuHarness;
import org.pyjit.codegen.MachineCode;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.Signature;
import org.pyjit.ir.TrapCode;
import org.pyjit.ir.TrapException;
import org.pyjit.ir.Type;
import org.pyjit.ir.tool.Executor;
import org.pyjit.ir.tool.GoldenFile;
import org.pyjit.ir.tool.RunLine;
import org.pyjit.ir.verify.Verifier;

/**
 * Every {@code ; run:} line of the IR golden files, compiled by this backend and run natively
 * under qemu-aarch64 (one process per file), compared with the expectation the interpreter
 * satisfies.
 */
class GoldenQemuTest {

    /** A golden file compiled and run once, lazily, shared by its run lines' tests. */
    private static final class FileRun {
        private final GoldenFile file;
        private QemuHarness.Batch batch;
        private RuntimeException compileError;

        FileRun(GoldenFile file) {
            this.file = file;
        }

        synchronized QemuHarness.Batch batch() {
            if (batch == null && compileError == null) {
                try {
                    QemuHarness h = QemuHarness.get();
                    Verifier.verify(file.module());
                    MachineCode mc = new A64Backend().compile(file.module(), h.traps());
                    List<QemuHarness.Call> calls = new ArrayList<>();
                    for (RunLine r : file.runs()) {
                        Signature sig = r.callee(file.module()).signature();
                        long[] args = r.arguments(sig);
                        for (int k = 0; k < args.length; k++) {
                            args[k] = canonical(sig.params().get(k), args[k]);
                        }
                        calls.add(new QemuHarness.Call(mc.javaEntries().get(r.function()), args));
                    }
                    batch = h.run(mc.code(), calls);
                } catch (RuntimeException e) {
                    compileError = e;
                }
            }
            if (compileError != null) {
                throw new AssertionError(file.name() + " does not compile: " + compileError, compileError);
            }
            return batch;
        }
    }

    static long canonical(Type type, long bits) {
        return switch (type) {
            case I8 -> (byte) bits;
            case I16 -> (short) bits;
            case I32 -> (int) bits;
            case I64, F64 -> bits;
            case F32 -> bits & 0xFFFF_FFFFL;
        };
    }

    /** This module's own files: AArch64-specific edges (their expectations are also checked on the interpreter). */
    static final java.nio.file.Path OWN_FILES = java.nio.file.Path.of("src", "test", "resources", "jir");

    @TestFactory
    Stream<DynamicNode> goldenRunLinesUnderQemu() {
        return runLines(GoldenFile.all(GoldenFile.defaultDirectory()), false);
    }

    @TestFactory
    Stream<DynamicNode> ownRunLinesUnderQemu() {
        return runLines(GoldenFile.all(OWN_FILES), true);
    }

    private static Stream<DynamicNode> runLines(List<GoldenFile> all, boolean checkInterpreter) {
        List<DynamicNode> files = new ArrayList<>();
        for (GoldenFile f : all) {
            FileRun run = new FileRun(f);
            List<DynamicTest> tests = new ArrayList<>();
            for (int k = 0; k < f.runs().size(); k++) {
                RunLine line = f.runs().get(k);
                int index = k;
                tests.add(DynamicTest.dynamicTest(line.line() + ": " + line.text(), () -> {
                    if (checkInterpreter) {
                        line.run(f.module(), Executor.interpreter()).assertPassed();
                    }
                    QemuHarness.Batch b = run.batch();
                    if (index >= b.results().size()) {
                        throw new AssertionError(b.failure());
                    }
                    QemuHarness.Result r = b.results().get(index);
                    Executor recorded = (module, fn, args) -> {
                        if (r.trap() != 0) {
                            throw new TrapException(TrapCode.fromCode(r.trap()));
                        }
                        IrFunction callee = module.function(fn);
                        List<Type> ret = callee.signature().returns();
                        return ret.isEmpty() ? new long[0] : new long[] {canonical(ret.get(0), r.bits())};
                    };
                    line.run(f.module(), recorded).assertPassed();
                }));
            }
            files.add(DynamicContainer.dynamicContainer(f.name(), tests));
        }
        return files.stream();
    }

    @Test
    void runLineFilesAreFound() {
        List<GoldenFile> golden = GoldenFile.all(GoldenFile.defaultDirectory());
        assertTrue(golden.size() >= 10, "golden files found: " + golden.size());
        assertTrue(golden.stream().mapToInt(g -> g.runs().size()).sum() >= 300, "golden run lines");
        assertTrue(!GoldenFile.all(OWN_FILES).isEmpty(), "own files in " + OWN_FILES.toAbsolutePath());
    }
}
