package org.pyjit.ir.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pyjit.ir.BasicBlock;
import org.pyjit.ir.Inst;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.tool.Executor;
import org.pyjit.ir.tool.GoldenFile;
import org.pyjit.ir.verify.Verifier;

/**
 * Runs every {@code ; run:} line of every golden file with the interpreter, and checks that the
 * files together exercise every opcode.
 */
class GoldenTest {
    private static List<GoldenFile> files;

    @BeforeAll
    static void load() {
        files = GoldenFile.all(GoldenFile.defaultDirectory());
    }

    @TestFactory
    Stream<DynamicContainer> runLines() {
        Executor interpreter = Executor.interpreter();
        return files.stream().map(f -> DynamicContainer.dynamicContainer(f.name(), f.runs().stream().map(r ->
                DynamicTest.dynamicTest("line " + r.line() + ": " + r.text(),
                        () -> r.run(f.module(), interpreter).assertPassed()))));
    }

    @Test
    void everyFileVerifies() {
        for (GoldenFile f : files) {
            assertEquals(List.of(), Verifier.check(f.module()), f.name());
        }
    }

    @Test
    void everyFileHasRunLines() {
        assertTrue(files.size() >= 13, "golden files found: " + files.size());
        for (GoldenFile f : files) {
            assertFalse(f.runs().isEmpty(), f.name() + " has no run lines");
        }
    }

    @Test
    void everyOpcodeAppearsInAFileWithRunLines() {
        Set<Opcode> missing = EnumSet.allOf(Opcode.class);
        for (GoldenFile f : files) {
            for (IrFunction fn : f.module().functions()) {
                for (BasicBlock b : fn.blocks()) {
                    for (Inst i : b.insts()) {
                        missing.remove(i.opcode());
                    }
                }
            }
        }
        assertEquals(Set.of(), missing, "opcodes no golden file uses");
    }

    @Test
    void everyRunLineNamesAFunctionOfItsFile() {
        for (GoldenFile f : files) {
            f.runs().forEach(r -> r.arguments(r.callee(f.module()).signature()));
        }
    }
}
