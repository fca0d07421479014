package org.pyjit.ir.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyjit.ir.Type.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pyjit.ir.Block;
import org.pyjit.ir.BlockCall;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.IntCC;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.Signature;
import org.pyjit.ir.StackSlot;
import org.pyjit.ir.TrapCode;
import org.pyjit.ir.TrapException;
import org.pyjit.ir.Value;

/** Control flow, memory, stack slots, calls and limits. */
class InterpreterTest {

    static IrFunction sumTo() {
        return FunctionBuilder.build("sum_to", Signature.of(I64, I64), b -> {
            Block entry = b.createBlock();
            Block header = b.createBlock();
            Block body = b.createBlock();
            Block exit = b.createBlock();
            Value n = b.appendEntryParams(entry).get(0);
            Value i = b.appendBlockParam(header, I64);
            Value sum = b.appendBlockParam(header, I64);
            Value result = b.appendBlockParam(exit, I64);
            b.switchToBlock(entry);
            Value zero = b.iconst(I64, 0);
            b.jump(header, zero, zero);
            b.switchToBlock(header);
            b.brif(b.icmp(IntCC.SLT, i, n), body, List.of(), exit, List.of(sum));
            b.switchToBlock(body);
            b.jump(header, b.iaddImm(i, 1), b.iadd(sum, i));
            b.switchToBlock(exit);
            b.ret(result);
        });
    }

    /** {@code %rec(n)}: n == 0 ? 0 : n + rec(n - 1). */
    static IrFunction recursive() {
        return FunctionBuilder.build("rec", Signature.of(I64, I64), b -> {
            Block entry = b.createBlock();
            Block base = b.createBlock();
            Block step = b.createBlock();
            Value n = b.appendEntryParams(entry).get(0);
            b.switchToBlock(entry);
            b.brif(b.icmpImm(IntCC.EQ, n, 0), base, step);
            b.switchToBlock(base);
            b.ret(n);
            b.switchToBlock(step);
            Value r = b.call("rec", Signature.of(I64, I64), b.iaddImm(n, -1)).get(0);
            b.ret(b.iadd(n, r));
        });
    }

    @Test
    void loopWithBlockParametersAndStepCount() {
        Interpreter in = new Interpreter(IrModule.of(sumTo()));
        assertArrayEquals(new long[] {45}, in.call("sum_to", 10));
        // entry 2 + header 2 per test (11 tests) + body 3 per iteration (10) + exit 1
        assertEquals(2 + 22 + 30 + 1, in.steps());
        assertArrayEquals(new long[] {0}, in.call("sum_to", -5));
        assertEquals(2 + 2 + 1, in.steps());
    }

    @Test
    void branchArgumentsAreAParallelCopy() {
        // block1(a, b) jumps to itself with (b, a): a swap that a sequential copy would break.
        IrFunction f = FunctionBuilder.build("swap", Signature.of(I64, I64, I64), b -> {
            Block entry = b.createBlock();
            Block loop = b.createBlock();
            Block exit = b.createBlock();
            List<Value> p = b.appendEntryParams(entry);
            Value x = b.appendBlockParam(loop, I64);
            Value y = b.appendBlockParam(loop, I64);
            Value k = b.appendBlockParam(loop, I64);
            b.switchToBlock(entry);
            b.jump(loop, p.get(0), p.get(1), b.iconst(I64, 3));
            b.switchToBlock(loop);
            Value k1 = b.iaddImm(k, -1);
            b.brif(k1, loop, List.of(y, x, k1), exit, List.of());
            b.switchToBlock(exit);
            b.ret(b.isub(x, y));
        });
        // Entered with (1, 10), (10, 1), (1, 10); the third iteration exits, reading (1, 10).
        assertArrayEquals(new long[] {1 - 10}, new Interpreter(IrModule.of(f)).call("swap", 1, 10));
    }

    @Test
    void brTableReadsTheIndexUnsigned() {
        IrFunction f = FunctionBuilder.build("table", Signature.of(I64, I8), b -> {
            Block entry = b.createBlock();
            Block dflt = b.createBlock();
            Block b0 = b.createBlock();
            Block b1 = b.createBlock();
            Value i = b.appendEntryParams(entry).get(0);
            Value d = b.appendBlockParam(dflt, I64);
            b.switchToBlock(entry);
            b.brTable(i, BlockCall.of(dflt, b.iconst(I64, 99)), List.of(BlockCall.of(b0), BlockCall.of(b1)));
            b.switchToBlock(dflt);
            b.ret(d);
            b.switchToBlock(b0);
            b.ret(b.iconst(I64, 10));
            b.switchToBlock(b1);
            b.ret(b.iconst(I64, 11));
        });
        Interpreter in = new Interpreter(IrModule.of(f));
        assertEquals(10, in.call("table", 0)[0]);
        assertEquals(11, in.call("table", 1)[0]);
        assertEquals(99, in.call("table", 2)[0]);
        assertEquals(99, in.call("table", -1)[0]); // 255
        assertEquals(99, in.call("table", -128)[0]); // 128
    }

    @Test
    void trapInstructionRaisesItsCode() {
        Interpreter in = new Interpreter(IrModule.of(FunctionBuilder.build("t", Signature.ofVoid(), b -> {
            Block e = b.createBlock();
            b.switchToBlock(e);
            b.trap(TrapCode.user(7));
        })));
        assertEquals(TrapCode.user(7), assertThrows(TrapException.class, () -> in.call("t")).trapCode());
    }

    @Test
    void memoryIsLittleEndianUnalignedAndBounded() {
        Memory mem = new Memory();
        Region r = mem.map(0x1000, 16);
        IrModule m = IrModule.of(
                Fns.straight("ld32", I32, List.of(I64), (b, p) -> b.load(I32, p.get(0), 1)),
                Fns.straight("st16", null, List.of(I64, I16), (b, p) -> {
                    b.store(p.get(1), p.get(0), -1);
                    return null;
                }),
                Fns.straight("ldf", F32, List.of(I64), (b, p) -> b.load(F32, p.get(0), 0)));
        Interpreter in = new Interpreter(m, mem, Interpreter.Limits.DEFAULT);
        r.buffer().put(1, (byte) 0xF0).put(2, (byte) 0xFF).put(3, (byte) 0xFF).put(4, (byte) 0xFF);
        assertEquals(-16, in.call("ld32", 0x1000)[0]); // 0xFFFFFFF0 sign-extended
        assertArrayEquals(new long[0], in.call("st16", 0x1010 - 1, 0x1234)); // bytes 14, 15
        assertEquals(0x34, r.buffer().get(14));
        assertEquals(0x12, r.buffer().get(15));
        assertEquals(TrapCode.HEAP_OUT_OF_BOUNDS,
                assertThrows(TrapException.class, () -> in.call("st16", 0x1010, 1)).trapCode()); // byte 16
        assertEquals(TrapCode.HEAP_OUT_OF_BOUNDS,
                assertThrows(TrapException.class, () -> in.call("ld32", 0x1000 + 12)).trapCode()); // 13..16
        assertEquals(TrapCode.HEAP_OUT_OF_BOUNDS,
                assertThrows(TrapException.class, () -> in.call("ld32", -1)).trapCode());
        assertEquals(TrapCode.HEAP_OUT_OF_BOUNDS,
                assertThrows(TrapException.class, () -> in.call("ld32", 0)).trapCode());
        r.buffer().putInt(0, 0xFFC0_0001);
        assertEquals(0xFFC0_0001L, in.call("ldf", 0x1000)[0]); // NaN bits kept, zero-extended
    }

    @Test
    void regionsMayNotOverlapEachOtherOrTheReservedRange() {
        Memory mem = new Memory();
        mem.map(100, 10);
        assertThrows(IllegalArgumentException.class, () -> mem.map(109, 1));
        assertThrows(IllegalArgumentException.class, () -> mem.map(95, 6));
        mem.map(110, 1);
        mem.map(90, 10);
        assertThrows(IllegalArgumentException.class, () -> mem.map(Memory.STACK_BASE, 8));
        assertThrows(IllegalArgumentException.class, () -> mem.map(Memory.RESERVED_BASE - 4, 8));
        assertThrows(IllegalArgumentException.class, () -> mem.map(-4, 8)); // wraps
        Region top = mem.map(-8, 8);
        mem.store(-8, 8, 42);
        assertEquals(42, mem.load(-8, 8));
        mem.unmap(top);
        assertNull(mem.regionAt(-8));
        assertThrows(TrapException.class, () -> mem.load(-8, 8));
    }

    /**
     * An access off the end of one slot traps even where a neighbour would be at that distance in a
     * packed layout (found by the mutation fuzzer: {@code load ss0+64} once read {@code ss1} in the
     * interpreter and other frame bytes natively).
     */
    @Test
    void runningOffASlotNeverReachesAnotherSlot() {
        for (int offset : new int[] {32, 48, 64, 4096, -8, -64, Integer.MAX_VALUE - 8, Integer.MIN_VALUE}) {
            IrFunction f = FunctionBuilder.build("off", Signature.of(I64), b -> {
                Block e = b.createBlock();
                b.switchToBlock(e);
                StackSlot ss0 = b.createStackSlot(32, 8);
                StackSlot ss1 = b.createStackSlot(32, 8);
                b.store(b.iconst(I64, 7), b.stackAddr(ss1, 0), 16);
                b.ret(b.load(I64, b.stackAddr(ss0, 0), offset));
            });
            TrapException t = assertThrows(TrapException.class, () -> new Interpreter(IrModule.of(f)).call("off"),
                    "offset " + offset);
            assertEquals(TrapCode.HEAP_OUT_OF_BOUNDS, t.trapCode(), "offset " + offset);
        }
    }

    /** {@code %slot(v)}: returns the old contents of an 8-byte slot, then stores v in it. */
    static IrFunction slotFn() {
        return FunctionBuilder.build("slot", Signature.of(I64, I64), b -> {
            Block e = b.createBlock();
            Value v = b.appendEntryParams(e).get(0);
            b.switchToBlock(e);
            StackSlot pad = b.createStackSlot(3, 1);
            StackSlot ss = b.createStackSlot(8, 8);
            b.store(b.iconst(I8, -1), b.stackAddr(pad, 2), 0);
            Value addr = b.stackAddr(ss, 0);
            Value old = b.load(I64, addr, 0);
            b.store(v, addr, 0);
            b.ret(old);
        });
    }

    @Test
    void stackSlotsAreZeroedPerCallAlignedAndDisjoint() {
        Interpreter in = new Interpreter(IrModule.of(slotFn()));
        assertEquals(0, in.call("slot", 5)[0]);
        assertEquals(0, in.call("slot", 6)[0]);
        IrFunction addr = FunctionBuilder.build("addr", Signature.of(I64), b -> {
            Block e = b.createBlock();
            b.switchToBlock(e);
            StackSlot ss = b.createStackSlot(16, 16);
            b.ret(b.stackAddr(ss, 4));
        });
        Interpreter in2 = new Interpreter(IrModule.of(addr));
        long a = in2.call("addr")[0];
        assertEquals(4, a & 15);
        assertTrue(Long.compareUnsigned(a, Memory.STACK_BASE) >= 0 && Long.compareUnsigned(a, Memory.FUNCTION_BASE) < 0);
        // Freed at return: the address no longer maps.
        assertNull(in2.memory().regionAt(a));
        assertThrows(TrapException.class, () -> in2.memory().load(a, 1));
    }

    @Test
    void runningOffASlotTraps() {
        Interpreter in = Fns.one(I64, List.of(), (b, p) -> b.load(I64, b.stackAddr(b.createStackSlot(8, 8), 4), 0));
        assertEquals(TrapCode.HEAP_OUT_OF_BOUNDS, assertThrows(TrapException.class, () -> in.call("f")).trapCode());
    }

    @Test
    void stepLimitTrapsAnEndlessLoop() {
        IrFunction spin = FunctionBuilder.build("spin", Signature.ofVoid(), b -> {
            Block e = b.createBlock();
            Block loop = b.createBlock();
            b.switchToBlock(e);
            b.jump(loop);
            b.switchToBlock(loop);
            b.jump(loop);
        });
        Interpreter in = new Interpreter(IrModule.of(spin), new Memory(), Interpreter.Limits.DEFAULT.withSteps(1000));
        assertEquals(TrapCode.STEP_LIMIT, assertThrows(TrapException.class, () -> in.call("spin")).trapCode());
        assertEquals(1000, in.steps());
        // Exactly at the limit is fine.
        Interpreter exact = new Interpreter(IrModule.of(sumTo()), new Memory(), Interpreter.Limits.DEFAULT.withSteps(55));
        assertEquals(45, exact.call("sum_to", 10)[0]);
        Interpreter under = new Interpreter(IrModule.of(sumTo()), new Memory(), Interpreter.Limits.DEFAULT.withSteps(54));
        assertThrows(TrapException.class, () -> under.call("sum_to", 10));
    }

    @Test
    void recursionWorksAndTooDeepRecursionTrapsInsteadOfCrashing() {
        Interpreter in = new Interpreter(IrModule.of(recursive()));
        assertEquals(5000L * 5001 / 2, in.call("rec", 5000)[0]);
        assertEquals(TrapCode.STACK_OVERFLOW, assertThrows(TrapException.class, () -> in.call("rec", 1_000_000)).trapCode());
        assertEquals(TrapCode.STACK_OVERFLOW, assertThrows(TrapException.class, () -> in.call("rec", -1)).trapCode());
        // Still usable afterwards, with depth and stack released.
        assertEquals(3, in.call("rec", 2)[0]);
        Interpreter shallow = new Interpreter(IrModule.of(recursive()), new Memory(), Interpreter.Limits.DEFAULT.withCallDepth(3));
        assertEquals(3, shallow.call("rec", 2)[0]);
        assertThrows(TrapException.class, () -> shallow.call("rec", 3));
    }

    @Test
    void stackBytesLimitTrapsAndTrapsReleaseSlots() {
        IrFunction deep = FunctionBuilder.build("deep", Signature.ofVoid(I64), b -> {
            Block e = b.createBlock();
            Value n = b.appendEntryParams(e).get(0);
            b.switchToBlock(e);
            b.createStackSlot(1 << 20, 16);
            b.call("deep", Signature.ofVoid(I64), n);
            b.ret();
        });
        Memory mem = new Memory();
        Interpreter in = new Interpreter(IrModule.of(deep), mem, Interpreter.Limits.DEFAULT);
        assertEquals(TrapCode.STACK_OVERFLOW, assertThrows(TrapException.class, () -> in.call("deep", 0)).trapCode());
        assertNull(mem.regionAt(Memory.STACK_BASE)); // every slot unmapped by the unwinding
        assertEquals(0, new Interpreter(IrModule.of(slotFn()), mem, Interpreter.Limits.DEFAULT).call("slot", 1)[0]);
    }

    @Test
    void callIndirectReachesIrFunctionsAndNativeHandlers() {
        Signature unary = Signature.of(I64, I64);
        IrFunction viaAddr = FunctionBuilder.build("via", Signature.of(I64, I64, I64), b -> {
            Block e = b.createBlock();
            List<Value> p = b.appendEntryParams(e);
            b.switchToBlock(e);
            b.ret(b.callIndirect(unary, p.get(0), p.get(1)).get(0));
        });
        IrFunction addrOf = Fns.straight("addr_of_rec", I64, List.of(), (b, p) -> b.funcAddr("rec"));
        Interpreter in = new Interpreter(IrModule.of(viaAddr, recursive(), addrOf));
        long recAddr = in.call("addr_of_rec")[0];
        assertEquals(in.functionAddress("rec"), recAddr);
        assertNotEquals(in.functionAddress("via"), recAddr);
        assertEquals(10, in.call("via", recAddr, 4)[0]);
        in.registerNative(0x5000, args -> args[0] * 3 + 0x1_0000_0000L);
        assertEquals(0x1_0000_0000L + 12, in.call("via", 0x5000, 4)[0]);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> in.call("via", 0x6000, 4));
        assertTrue(e.getMessage().contains("0x6000"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> in.call("via", in.functionAddress("addr_of_rec"), 1));
        assertThrows(IllegalArgumentException.class, () -> in.registerNative(Memory.FUNCTION_BASE, args -> 0));
    }

    @Test
    void nativeResultsAreNormalisedAndMayTrap() {
        Signature sig = Signature.of(I8, I64);
        Interpreter in = Fns.one(I8, List.of(I64), (b, p) -> b.callIndirect(sig, b.iconst(I64, 0x7000), p.get(0)).get(0));
        in.registerNative(0x7000, args -> {
            if (args[0] < 0) {
                throw new TrapException(TrapCode.user(1));
            }
            return args[0];
        });
        assertEquals(-1, in.call("f", 0x1FF)[0]);
        assertEquals(TrapCode.user(1), assertThrows(TrapException.class, () -> in.call("f", -1)).trapCode());
    }

    @Test
    void setupErrorsAreIllegalArguments() {
        Interpreter in = new Interpreter(IrModule.of(sumTo()));
        assertThrows(IllegalArgumentException.class, () -> in.call("nope"));
        assertThrows(IllegalArgumentException.class, () -> in.call("sum_to"));
        assertThrows(IllegalArgumentException.class, () -> in.functionAddress("nope"));
    }

    @Test
    void bitsRoundTrip() {
        assertEquals(-0.0, Bits.toDouble(Bits.ofDouble(-0.0)));
        assertEquals(0x8000_0000L, Bits.ofFloat(-0f));
        assertEquals(-0f, Bits.toFloat(0x8000_0000L));
        assertEquals(0xFFFF_FFFFL, Bits.normalize(-1, F32));
        assertEquals(-1, Bits.normalize(0xFF, I8));
        assertTrue(Bits.isNaN(0x7FC0_0000L, F32));
        assertTrue(!Bits.isNaN(0x7FC0_0000L, F64));
    }
}
