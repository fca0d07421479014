package org.pyjit.x86;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.kenai.jffi.Library;
import com.kenai.jffi.MemoryIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pyjit.codegen.CompiledModule;
import org.pyjit.codegen.Jit;
import org.pyjit.codegen.memory.NativeInvoker;
import org.pyjit.codegen.memory.NativeKind;
import org.pyjit.codegen.memory.NativeSignature;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.TrapCode;
import org.pyjit.ir.TrapException;
import org.pyjit.ir.text.IrParser;

/** Compiled code called from C (a gcc-built harness) and C called from compiled code (qsort). */
class NativeInteropTest {
    static final IrModule SORT = IrParser.parseModule("""
            ; qsort(base, n, 8, %cmp): the comparator traps on the sentinel 666.
            function %cmp(i64, i64) -> i32 {
            block0(v0: i64, v1: i64):
                v2 = load.i64 v0+0
                v3 = load.i64 v1+0
                v4 = icmp_imm eq v2, 666
                brif v4, block3, block1
            block1:
                v5 = icmp slt v2, v3
                v6 = icmp sgt v2, v3
                v7 = uextend.i32 v5
                v8 = uextend.i32 v6
                v9 = isub v8, v7
                return v9
            block3:
                trap user5
            }
            function %sort(i64, i64, i64) {
            block0(v0: i64, v1: i64, v2: i64):
                v3 = func_addr %cmp
                v4 = iconst.i64 8
                call_indirect (i64, i64, i64, i64), v2(v0, v1, v4, v3)
                return
            }
            function %mix(i64, f64, i32, f64, i64, i64, i64, i64, i64) -> f64 {
            block0(v0: i64, v1: f64, v2: i32, v3: f64, v4: i64, v5: i64, v6: i64, v7: i64, v8: i64):
                v9 = fcvt_from_sint.f64 v0
                v10 = fmul v9, v1
                v11 = fcvt_from_sint.f64 v2
                v12 = fadd v10, v11
                v13 = fsub v12, v3
                v14 = iadd v7, v8
                v15 = fcvt_from_sint.f64 v14
                v16 = fadd v13, v15
                return v16
            }
            """);

    static long libc(String symbol) {
        return Library.getCachedInstance("libc.so.6", Library.LAZY | Library.GLOBAL).getSymbolAddress(symbol);
    }

    @Test
    void libcQsortCallsACompiledComparator() {
        MemoryIO io = MemoryIO.getInstance();
        long[] values = {5, -3, 99, 0, 42, -1000, 7, 7, Long.MAX_VALUE, Long.MIN_VALUE};
        long buf = io.allocateMemory(8L * values.length, true);
        try (CompiledModule m = Jit.host().compile(SORT)) {
            for (int i = 0; i < values.length; i++) {
                io.putLong(buf + 8L * i, values[i]);
            }
            m.function("sort").call(buf, values.length, libc("qsort"));
            long[] sorted = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                sorted[i] = io.getLong(buf + 8L * i);
            }
            long[] expected = values.clone();
            Arrays.sort(expected);
            assertArrayEquals(expected, sorted);

            // A trap inside the comparator unwinds through qsort's frames to the Java thunk.
            io.putLong(buf + 8, 666);
            TrapException e = assertThrows(TrapException.class,
                    () -> m.function("sort").call(buf, values.length, libc("qsort")));
            assertEquals(TrapCode.user(5), e.trapCode());
            assertEquals(0, m.function("cmp").call(buf + 16, buf + 16));
        } finally {
            io.freeMemory(buf);
        }
    }

    @Test
    void aGccBuiltHarnessCallsCompiledFunctionPointers(@TempDir Path dir) throws IOException, InterruptedException {
        Path src = dir.resolve("harness.c");
        Files.writeString(src, """
                #include <stdint.h>
                typedef double (*mix_fn)(int64_t, double, int32_t, double, int64_t, int64_t, int64_t, int64_t, int64_t);
                typedef int32_t (*cmp_fn)(const void *, const void *);
                double call_mix(mix_fn f) { return f(3, 0.5, -2, 0.25, 0, 0, 0, 40, 2); }
                int32_t call_cmp(cmp_fn f, int64_t a, int64_t b) { return f(&a, &b); }
                """);
        Path lib = dir.resolve("libharness.so");
        Process gcc = new ProcessBuilder("gcc", "-shared", "-fPIC", "-O1", "-o", lib.toString(), src.toString())
                .redirectErrorStream(true).start();
        String out = new String(gcc.getInputStream().readAllBytes());
        assertEquals(0, gcc.waitFor(), "gcc failed: " + out);
        Library harness = Library.openLibrary(lib.toString(), Library.LAZY | Library.LOCAL);
        try (CompiledModule m = Jit.host().compile(SORT)) {
            NativeInvoker mix = NativeInvoker.of(NativeSignature.of(NativeKind.F64, NativeKind.POINTER));
            double r = mix.invokeDouble(harness.getSymbolAddress("call_mix"), m.function("mix").address());
            assertEquals(3 * 0.5 - 2 - 0.25 + 42, r);
            NativeInvoker cmp = NativeInvoker.of(NativeSignature.of(NativeKind.I32, NativeKind.POINTER,
                    NativeKind.I64, NativeKind.I64));
            long cmpAddr = m.function("cmp").address();
            assertEquals(-1, cmp.invokeLong(harness.getSymbolAddress("call_cmp"), cmpAddr, -5, 3));
            assertEquals(1, cmp.invokeLong(harness.getSymbolAddress("call_cmp"), cmpAddr, 9, 3));
            assertEquals(0, cmp.invokeLong(harness.getSymbolAddress("call_cmp"), cmpAddr, 3, 3));
        }
    }
}
