package org.pyjit.codegen.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyjit.codegen.memory.NativeInvoker.raw;
import static org.pyjit.codegen.memory.NativeKind.F32;
import static org.pyjit.codegen.memory.NativeKind.F64;
import static org.pyjit.codegen.memory.NativeKind.I32;
import static org.pyjit.codegen.memory.NativeKind.I64;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class NativeInvokerTest {
    private static final CodeCache CACHE = new CodeCache();

    private static long place(String hex) {
        return CACHE.install(Code.hex(hex)).address();
    }

    @AfterAll
    static void noLeak() {
        assertTrue(CACHE.liveBlobs() > 0);
    }

    @Test
    void integerFastPath() {
        NativeInvoker inv = NativeInvoker.of(NativeSignature.of(I64, I64, I64));
        assertTrue(inv.isFastPath());
        assertEquals(Long.MIN_VALUE, inv.invokeLong(place(Code.ADD), Long.MAX_VALUE, 1));
        assertEquals(-5, inv.invokeLong(place(Code.ADD), -2, -3));
    }

    @Test
    void narrowReturnsAreSignExtended() {
        NativeInvoker inv = NativeInvoker.of(NativeSignature.of(I32, I64));
        assertEquals(-1, inv.invokeLong(place(Code.TRUNC32), 0xFFFF_FFFFL));
        assertEquals(0x1234_5678, inv.invokeLong(place(Code.TRUNC32), 0x7777_7777_1234_5678L));
    }

    @Test
    void tenIntegerArgumentsUseTheStack() {
        NativeSignature sig = new NativeSignature(I64, Collections.nCopies(10, I64));
        NativeInvoker inv = NativeInvoker.of(sig);
        assertFalse(inv.isFastPath());
        long[] args = new long[10];
        long expected = 0;
        for (int i = 0; i < 10; i++) {
            args[i] = (long) Math.pow(10, i);
            expected += args[i];
        }
        assertEquals(expected, inv.invokeLong(place(Code.SUM10), args));
        assertEquals(1_000_000_000L, inv.invokeLong(place(Code.TENTH), args));
    }

    @Test
    void floatArgumentsAndResults() {
        NativeInvoker addsd = NativeInvoker.of(NativeSignature.of(F64, F64, F64));
        assertEquals(3.75, addsd.invokeDouble(place(Code.ADDSD), raw(1.5), raw(2.25)));
        NativeInvoker addss = NativeInvoker.of(NativeSignature.of(F32, F32, F32));
        assertEquals(0.75f, (float) addss.invokeDouble(place(Code.ADDSS), raw(0.5f), raw(0.25f)));
    }

    @Test
    void mixedIntegerAndFloatArguments() {
        NativeInvoker inv = NativeInvoker.of(NativeSignature.of(F64, I64, F64, I32, F64));
        // (a + x) * b - y with a = -4, x = 0.5, b = 3, y = 0.25
        assertEquals(-10.75, inv.invokeDouble(place(Code.MIXED), -4, raw(0.5), 3, raw(0.25)));
    }

    @Test
    void moreThanEightFloatArguments() {
        NativeInvoker inv = NativeInvoker.of(new NativeSignature(F64, Collections.nCopies(10, F64)));
        long[] args = new long[10];
        for (int i = 0; i < 10; i++) {
            args[i] = raw(i + 1.0);
        }
        assertEquals(9.0 - 10.0 + 8.0, inv.invokeDouble(place(Code.TEN_DOUBLES), args));
    }

    @Test
    void integerAndFloatArgumentsBothSpillInOrder() {
        List<NativeKind> params = new java.util.ArrayList<>();
        params.addAll(Collections.nCopies(7, I64));
        params.addAll(Collections.nCopies(9, F64));
        NativeInvoker inv = NativeInvoker.of(new NativeSignature(F64, params));
        long[] args = new long[16];
        for (int i = 0; i < 7; i++) {
            args[i] = i + 1;
        }
        for (int i = 0; i < 9; i++) {
            args[7 + i] = raw((i + 1) * 0.5);
        }
        assertEquals(7 + 4.5, inv.invokeDouble(place(Code.SPILLED_BOTH), args));
    }

    @Test
    void rejectsMisuse() {
        NativeInvoker inv = NativeInvoker.of(NativeSignature.of(I64, I64, I64));
        long addr = place(Code.ADD);
        assertThrows(IllegalArgumentException.class, () -> inv.invokeLong(addr, 1));
        assertThrows(IllegalArgumentException.class, () -> inv.invokeLong(0L, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> inv.invokeDouble(addr, 1, 2));
        assertThrows(IllegalArgumentException.class,
                () -> NativeInvoker.of(NativeSignature.of(F64, F64)).invokeLong(addr, raw(1.0)));
        assertThrows(IllegalArgumentException.class, () -> NativeSignature.of(I64, NativeKind.VOID));
    }
}
