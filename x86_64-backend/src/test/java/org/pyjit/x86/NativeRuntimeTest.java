package org.pyjit.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.pyjit.codegen.CompiledModule;
import org.pyjit.codegen.Jit;
import org.pyjit.codegen.memory.ExecutableMemory;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.TrapCode;
import org.pyjit.ir.TrapException;
import org.pyjit.ir.text.IrParser;

/** Executable memory hygiene, trap unwinding and thread safety of compiled code. */
class NativeRuntimeTest {
    static final IrModule DIV = IrParser.parseModule("""
            function %div(i64, i64) -> i64 {
            block0(v0: i64, v1: i64):
                v2 = sdiv v0, v1
                return v2
            }
            function %outer(i64, i64) -> i64 {
            block0(v0: i64, v1: i64):
                v2 = call %div(v0, v1)
                v3 = iadd_imm v2, 1
                return v3
            }
            """);

    /** A mapping of /proc/self/maps. */
    record Mapping(long start, long end, String perms) {
        boolean contains(long a) {
            return a >= start && a < end;
        }
    }

    static List<Mapping> maps() throws IOException {
        List<Mapping> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            String[] f = line.split("\\s+");
            String[] range = f[0].split("-");
            out.add(new Mapping(Long.parseUnsignedLong(range[0], 16), Long.parseUnsignedLong(range[1], 16), f[1]));
        }
        return out;
    }

    @Test
    void codeIsNeverWritableAndExecutable() throws IOException {
        Jit jit = new Jit(new X86Backend(Allocators.checked()));
        try (CompiledModule m = jit.compile(DIV)) {
            long addr = m.function("div").address();
            List<Mapping> mine = maps().stream().filter(x -> x.contains(addr)).toList();
            assertEquals(1, mine.size());
            assertEquals("r-xp", mine.get(0).perms(), "compiled code mapping " + mine.get(0));
            assertEquals(7, m.function("div").call(21, 3));
        }
    }

    @Test
    void compilingAndFreeingTenThousandFunctionsDoesNotGrow() throws IOException {
        Jit jit = new Jit(new X86Backend());
        int baseMappings = ExecutableMemory.liveMappings();
        int baseLines = maps().size();
        for (int i = 0; i < 10_000; i++) {
            IrModule m = IrParser.parseModule("function %f(i64) -> i64 {\nblock0(v0: i64):\n    v1 = iadd_imm v0, "
                    + i + "\n    return v1\n}\n");
            try (CompiledModule c = jit.compile(m)) {
                if (i % 1000 == 0) {
                    assertEquals(i + 5, c.function("f").call(5));
                }
            }
            if (i % 2500 == 0) {
                assertTrue(maps().size() <= baseLines + 16, "mappings grew to " + maps().size());
            }
        }
        assertEquals(0, jit.codeCache().liveBlobs());
        assertEquals(0, jit.codeCache().slabCount());
        assertEquals(0, jit.codeCache().mappedBytes());
        assertEquals(baseMappings, ExecutableMemory.liveMappings());
        assertTrue(maps().size() <= baseLines + 16, "mappings grew from " + baseLines + " to " + maps().size());
    }

    @Test
    void divisionByZeroIsATrapAndTheJvmCarriesOn() {
        try (CompiledModule m = Jit.host().compile(DIV)) {
            TrapException e = assertThrows(TrapException.class, () -> m.function("div").call(1, 0));
            assertEquals(TrapCode.INT_DIVZ, e.trapCode());
            TrapException nested = assertThrows(TrapException.class, () -> m.function("outer").call(Long.MIN_VALUE, -1));
            assertEquals(TrapCode.INT_OVF, nested.trapCode());
            assertEquals(-3, m.function("div").call(-7, 2));
            assertEquals(6, m.function("outer").call(10, 2));
        }
    }

    @Test
    void trapsFromTwoThreadsUnwindTheirOwnCalls() throws Exception {
        try (CompiledModule m = Jit.host().compile(DIV)) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    long seed = t + 1;
                    results.add(pool.submit(() -> {
                        int traps = 0;
                        for (int i = 0; i < 2000; i++) {
                            long d = (i + seed) % 3 - 1; // -1, 0, 1
                            try {
                                long r = m.function("outer").call(1000 + i, d);
                                assertEquals((1000 + i) / d + 1, r);
                            } catch (TrapException e) {
                                assertEquals(0, d);
                                assertEquals(TrapCode.INT_DIVZ, e.trapCode());
                                traps++;
                            }
                        }
                        return traps;
                    }));
                }
                for (Future<Integer> f : results) {
                    int traps = f.get();
                    assertTrue(traps >= 666 && traps <= 667, "traps: " + traps);
                }
            } finally {
                pool.shutdown();
            }
            assertEquals(5, m.function("div").call(10, 2));
        }
    }
}
