package org.pyjit.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kenai.jffi.Library;
import com.kenai.jffi.MemoryIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pyjit.codegen.CompiledFunction;
import org.pyjit.codegen.CompiledModule;
import org.pyjit.codegen.Jit;
import org.pyjit.codegen.memory.NativeInvoker;
import org.pyjit.codegen.memory.NativeKind;
import org.pyjit.codegen.memory.NativeSignature;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.TrapCode;
import org.pyjit.ir.TrapException;
import org.pyjit.ir.text.IrParser;

/**
 * Stack exhaustion in compiled code traps {@code stack_overflow} instead of faulting: unbounded
 * recursion (direct, through {@code call_indirect} and C entries, through native frames) and
 * 16 MiB stack slots, from several threads, with the JVM and the module usable afterwards.
 */
class StackOverflowTest {
    /** Every recursive function stores its depth at {@code [p]} before recursing. */
    static final IrModule RECURSION = IrParser.parseModule("""
            function %down(i64, i64) -> i64 {
            block0(v0: i64, v1: i64):
                store v1, v0+0
                v2 = iadd_imm v1, 1
                v3 = call %down(v0, v2)
                v4 = iadd_imm v3, 1
                return v4
            }
            function %indirect(i64, i64) -> i64 {
            block0(v0: i64, v1: i64):
                store v1, v0+0
                v2 = iadd_imm v1, 1
                v3 = func_addr %indirect
                v4 = call_indirect (i64, i64) -> i64, v3(v0, v2)
                return v4
            }
            function %big(i64, i64) -> i64 {
                ss0 = stack_slot 16777216, align 16
            block0(v0: i64, v1: i64):
                store v1, v0+0
                v2 = stack_addr ss0+16777208
                store v1, v2+0
                v3 = iadd_imm v1, 1
                v4 = call %big(v0, v3)
                v5 = load.i64 v2+0
                v6 = iadd v4, v5
                return v6
            }
            function %fib(i64) -> i64 {
            block0(v0: i64):
                v1 = icmp_imm slt v0, 2
                brif v1, block2, block1
            block1:
                v2 = iadd_imm v0, -1
                v3 = call %fib(v2)
                v4 = iadd_imm v0, -2
                v5 = call %fib(v4)
                v6 = iadd v3, v5
                return v6
            block2:
                return v0
            }
            ; %through_c(p, harness): the harness calls %down's C entry, which recurses until the
            ; limit; the trap unwinds through the harness's frames to the Java thunk.
            function %through_c(i64, i64) -> i64 {
            block0(v0: i64, v1: i64):
                v2 = func_addr %down
                v3 = call_indirect (i64, i64, i64) -> i64, v1(v2, v0, v0)
                return v3
            }
            """);

    private static final long DEPTH_CELL_BYTES = 8;

    @Test
    void unboundedRecursionTrapsRepeatedlyAndTheModuleStaysUsable() {
        MemoryIO io = MemoryIO.getInstance();
        long depth = io.allocateMemory(DEPTH_CELL_BYTES, true);
        try (CompiledModule m = Jit.host().compile(RECURSION)) {
            for (int round = 0; round < 3; round++) {
                for (String name : List.of("down", "indirect")) {
                    io.putLong(depth, -1);
                    TrapException e = assertThrows(TrapException.class, () -> m.function(name).call(depth, 0));
                    assertEquals(TrapCode.STACK_OVERFLOW, e.trapCode());
                    // The default 1 MiB Java stack minus guard zones and margin holds thousands of
                    // these small frames: the limit is neither missing nor absurdly high.
                    assertTrue(io.getLong(depth) > 1000, name + " recursed only " + io.getLong(depth));
                }
            }
            assertEquals(196418, m.function("fib").call(27));
        } finally {
            io.freeMemory(depth);
        }
    }

    /** Recursion through the address given as the last argument: a function's internal entry. */
    private static final IrModule INTERNAL = IrParser.parseModule("""
            function %down_via(i64, i64, i64) -> i64 {
            block0(v0: i64, v1: i64, v2: i64):
                store v1, v0+0
                v3 = iadd_imm v1, 1
                v4 = call_indirect (i64, i64, i64) -> i64, v2(v0, v3, v2)
                return v4
            }
            function %fib_via(i64, i64) -> i64 {
            block0(v0: i64, v1: i64):
                v2 = icmp_imm slt v0, 2
                brif v2, block2, block1
            block1:
                v3 = iadd_imm v0, -1
                v4 = call_indirect (i64, i64) -> i64, v1(v3, v1)
                v5 = iadd_imm v0, -2
                v6 = call_indirect (i64, i64) -> i64, v1(v5, v1)
                v7 = iadd v4, v6
                return v7
            block2:
                return v0
            }
            """);

    /**
     * Compiled code calling a function's internal entry (no C entry, no context lookup) passes
     * the stack limit on: results are right and unbounded recursion through it still traps.
     */
    @Test
    void internalEntriesKeepTheStackLimit() {
        MemoryIO io = MemoryIO.getInstance();
        long depth = io.allocateMemory(DEPTH_CELL_BYTES, true);
        try (CompiledModule m = Jit.host().compile(INTERNAL)) {
            CompiledFunction fib = m.function("fib_via");
            assertTrue(fib.internalEntry() != fib.address());
            assertEquals(6765, fib.call(20, fib.internalEntry()));
            CompiledFunction down = m.function("down_via");
            io.putLong(depth, -1);
            TrapException e = assertThrows(TrapException.class, () -> down.call(depth, 0, down.internalEntry()));
            assertEquals(TrapCode.STACK_OVERFLOW, e.trapCode());
            assertTrue(io.getLong(depth) > 1000, "recursed only " + io.getLong(depth));
            assertEquals(6765, fib.call(20, fib.address()));
        } finally {
            io.freeMemory(depth);
        }
    }

    @Test
    void sixteenMebibyteSlotsTrapBeforeTouchingTheStack() throws InterruptedException {
        MemoryIO io = MemoryIO.getInstance();
        long depth = io.allocateMemory(DEPTH_CELL_BYTES, true);
        try (CompiledModule m = Jit.host().compile(RECURSION)) {
            // On an ordinary thread the first 16 MiB frame is already too big.
            io.putLong(depth, -1);
            TrapException e = assertThrows(TrapException.class, () -> m.function("big").call(depth, 0));
            assertEquals(TrapCode.STACK_OVERFLOW, e.trapCode());
            assertEquals(-1, io.getLong(depth));
            // A 64 MiB thread stack holds a few such frames, then traps.
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread t = new Thread(null, () -> {
                try {
                    m.function("big").call(depth, 0);
                } catch (Throwable x) {
                    thrown.set(x);
                }
            }, "big-stack", 64L << 20);
            t.start();
            t.join();
            assertEquals(TrapException.class, thrown.get().getClass(), String.valueOf(thrown.get()));
            assertEquals(TrapCode.STACK_OVERFLOW, ((TrapException) thrown.get()).trapCode());
            assertTrue(io.getLong(depth) >= 2, "recursed " + io.getLong(depth));
        } finally {
            io.freeMemory(depth);
        }
    }

    @Test
    void twoThreadsOverflowIndependently() throws InterruptedException {
        MemoryIO io = MemoryIO.getInstance();
        try (CompiledModule m = Jit.host().compile(RECURSION)) {
            List<Thread> threads = new ArrayList<>();
            List<AtomicReference<String>> results = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                AtomicReference<String> result = new AtomicReference<>("not run");
                results.add(result);
                threads.add(new Thread(() -> {
                    long depth = io.allocateMemory(DEPTH_CELL_BYTES, true);
                    try {
                        StringBuilder sb = new StringBuilder();
                        for (int round = 0; round < 5; round++) {
                            try {
                                m.function(round % 2 == 0 ? "down" : "indirect").call(depth, 0);
                                sb.append("returned ");
                            } catch (TrapException e) {
                                sb.append(e.trapCode().text()).append(' ');
                            }
                            sb.append(m.function("fib").call(20)).append(' ');
                        }
                        result.set(sb.toString().strip());
                    } catch (Throwable x) {
                        result.set(x.toString());
                    } finally {
                        io.freeMemory(depth);
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            String expected = String.join(" ", List.of("stack_overflow 6765", "stack_overflow 6765",
                    "stack_overflow 6765", "stack_overflow 6765", "stack_overflow 6765"));
            for (AtomicReference<String> r : results) {
                assertEquals(expected, r.get());
            }
        }
    }

    @Test
    void nativeFramesBetweenThunkAndOverflow(@TempDir Path dir) throws IOException, InterruptedException {
        Library harness = Harness.build(dir);
        MemoryIO io = MemoryIO.getInstance();
        long depth = io.allocateMemory(DEPTH_CELL_BYTES, true);
        try (CompiledModule m = Jit.host().compile(RECURSION)) {
            // Java thunk → %through_c → C harness → %down's C entry → … overflow → back to the thunk.
            for (int round = 0; round < 2; round++) {
                io.putLong(depth, -1);
                TrapException e = assertThrows(TrapException.class,
                        () -> m.function("through_c").call(depth, harness.getSymbolAddress("call3")));
                assertEquals(TrapCode.STACK_OVERFLOW, e.trapCode());
                assertTrue(io.getLong(depth) > 1000, "recursed " + io.getLong(depth));
            }
            NativeInvoker call = NativeInvoker.of(NativeSignature.of(NativeKind.I64, NativeKind.POINTER,
                    NativeKind.I64));
            CompiledFunction fib = m.function("fib");
            // The C entry keeps the native caller's r15 (the harness checks a sentinel in it).
            assertEquals(6765, call.invokeLong(harness.getSymbolAddress("keeps_r15"), fib.address(), 20));
            // A thread that never called Java-side compiled code has no context: no limit, and
            // bounded code runs normally.
            assertEquals(832040, call.invokeLong(harness.getSymbolAddress("on_new_thread"), fib.address(), 30));
        } finally {
            io.freeMemory(depth);
        }
    }

    /** A gcc-built shared library of small native callers. */
    static final class Harness {
        static Library build(Path dir) throws IOException, InterruptedException {
            Path c = dir.resolve("harness.c");
            Files.writeString(c, """
                    #include <pthread.h>
                    #include <stdint.h>
                    typedef int64_t (*fn1)(int64_t);
                    typedef int64_t (*fn2)(int64_t, int64_t);
                    int64_t call3(fn2 f, int64_t a, int64_t b) { return f(a, b - b); }
                    struct job { fn1 f; int64_t arg; int64_t result; };
                    static void *run(void *p) { struct job *j = p; j->result = j->f(j->arg); return 0; }
                    int64_t on_new_thread(fn1 f, int64_t arg) {
                        struct job j = { f, arg, -1 };
                        pthread_t t;
                        if (pthread_create(&t, 0, run, &j) != 0) return -2;
                        pthread_join(t, 0);
                        return j.result;
                    }
                    """);
            Path s = dir.resolve("r15.s");
            Files.writeString(s, """
                    # int64_t keeps_r15(int64_t (*f)(int64_t), int64_t a): f(a), or -1 if f changed r15.
                        .text
                        .globl keeps_r15
                        .type keeps_r15, @function
                    keeps_r15:
                        push %r15
                        movabs $0x5ca1ab1e0ddba11, %r15
                        mov %rdi, %rax
                        mov %rsi, %rdi
                        call *%rax
                        movabs $0x5ca1ab1e0ddba11, %rcx
                        cmp %rcx, %r15
                        je 1f
                        mov $-1, %rax
                    1:  pop %r15
                        ret
                        .section .note.GNU-stack,"",@progbits
                    """);
            Path lib = dir.resolve("libharness.so");
            Process gcc = new ProcessBuilder("gcc", "-shared", "-fPIC", "-O1", "-pthread", "-o", lib.toString(),
                    c.toString(), s.toString()).redirectErrorStream(true).start();
            String out = new String(gcc.getInputStream().readAllBytes());
            assertEquals(0, gcc.waitFor(), "gcc failed: " + out);
            return Library.openLibrary(lib.toString(), Library.LAZY | Library.LOCAL);
        }
    }
}
