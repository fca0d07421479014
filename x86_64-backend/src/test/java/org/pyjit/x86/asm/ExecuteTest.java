package org.pyjit.x86.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pyjit.codegen.memory.NativeInvoker.raw;
import static org.pyjit.codegen.memory.NativeKind.F64;
import static org.pyjit.codegen.memory.NativeKind.I64;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.pyjit.codegen.memory.CodeBlob;
import org.pyjit.codegen.memory.CodeCache;
import org.pyjit.codegen.memory.NativeInvoker;
import org.pyjit.codegen.memory.NativeSignature;

/** Runs assembled snippets on the CPU through the codegen memory layer. */
class ExecuteTest {
    private static final CodeCache CACHE = new CodeCache();
    private static final List<CodeBlob> BLOBS = new CopyOnWriteArrayList<>();
    private static final NativeInvoker I_I = NativeInvoker.of(NativeSignature.of(I64, I64));
    private static final NativeInvoker I_II = NativeInvoker.of(NativeSignature.of(I64, I64, I64));

    private static long place(Consumer<X86Assembler> body) {
        X86Assembler a = new X86Assembler();
        body.accept(a);
        CodeBlob blob = CACHE.install(a.finish().code());
        BLOBS.add(blob);
        return blob.address();
    }

    @AfterAll
    static void release() {
        BLOBS.forEach(CodeBlob::free);
        assertEquals(0, CACHE.mappedBytes());
    }

    @Test
    void loopSumsOneToNWithABackwardBranch() {
        long f = place(a -> {
            Label loop = a.newLabel("loop");
            Label done = a.newLabel("done");
            a.alu(AluOp.XOR, Width.B32, Gpr.RAX, Gpr.RAX);
            a.alu(AluOp.TEST, Width.B64, Gpr.RDI, Gpr.RDI);
            a.jcc(Cond.LE, done);
            a.bind(loop);
            a.alu(AluOp.ADD, Width.B64, Gpr.RAX, Gpr.RDI);
            a.alu(AluOp.SUB, Width.B64, Gpr.RDI, 1);
            a.jcc(Cond.NE, loop);
            a.bind(done);
            a.ret();
        });
        assertEquals(5050, I_I.invokeLong(f, 100));
        assertEquals(0, I_I.invokeLong(f, -3));
        assertEquals(500_000_500_000L, I_I.invokeLong(f, 1_000_000));
    }

    @Test
    void cvtsi2sdOfANegative64BitValue() {
        long f = place(a -> {
            a.cvtsi2sd(Xmm.XMM0, Width.B64, Gpr.RDI);
            a.ret();
        });
        NativeInvoker inv = NativeInvoker.of(NativeSignature.of(F64, I64));
        assertEquals(-5_000_000_000.0, inv.invokeDouble(f, -5_000_000_000L));
        assertEquals(-1.0, inv.invokeDouble(f, -1L));
    }

    @Test
    void setccIntoSil() {
        long f = place(a -> {
            a.alu(AluOp.CMP, Width.B64, Gpr.RDI, Gpr.RSI);
            a.setcc(Cond.L, Gpr.RSI);
            a.movzx(Width.B32, Gpr.RAX, Width.B8, Gpr.RSI);
            a.ret();
        });
        assertEquals(1, I_II.invokeLong(f, 1, 0x200)); // as "setl dh" it would leave sil = 0
        assertEquals(0, I_II.invokeLong(f, 0x300, 0x201));
        assertEquals(1, I_II.invokeLong(f, -1, 0));
    }

    @Test
    void signedDivisionWithCqo() {
        long f = place(a -> {
            a.mov(Width.B64, Gpr.RAX, Gpr.RDI);
            a.cqo();
            a.unary(UnaryOp.IDIV, Width.B64, Gpr.RSI);
            a.ret();
        });
        assertEquals(-3, I_II.invokeLong(f, -7, 2));
        assertEquals(Long.MIN_VALUE / 3, I_II.invokeLong(f, Long.MIN_VALUE, 3));
    }

    @Test
    void constantPoolLoadsAndSignMask() {
        long f = place(a -> {
            a.movsd(Xmm.XMM0, a.constant(2.5));
            a.sse(SseOp.ADDSD, Xmm.XMM0, a.constant(0.25));
            a.sse(SseOp.XORPD, Xmm.XMM0, a.constant128(Long.MIN_VALUE, 0));
            a.ret();
        });
        assertEquals(-2.75, NativeInvoker.of(NativeSignature.of(F64)).invokeDouble(f));
    }

    @Test
    void backwardRipReferenceReadsTheRightData() {
        long f = place(a -> {
            Label data = a.newLabel("data");
            Label entry = a.newLabel("entry");
            a.jmp(entry);
            a.bind(data);
            a.bytes(0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11);
            a.bind(entry);
            a.mov(Width.B64, Gpr.RAX, RipRel.of(data)); // backward: jnr alone gets the sign wrong (B5)
            a.ret();
        });
        assertEquals(0x1122_3344_5566_7788L, NativeInvoker.of(NativeSignature.of(I64)).invokeLong(f));
    }

    @Test
    void callsWithinTheBufferAndToAbsoluteAddresses() {
        long add = place(a -> {
            a.lea(Width.B64, Gpr.RAX, Mem.of(Gpr.RDI, Gpr.RSI, 1, 0));
            a.ret();
        });
        long f = place(a -> {
            Label helper = a.newLabel("times3");
            a.alu(AluOp.SUB, Width.B64, Gpr.RSP, 8);
            a.call(helper);
            a.mov(Width.B64, Gpr.RDI, Gpr.RAX);
            a.mov(Width.B64, Gpr.RSI, 1000);
            a.callAbsolute(add);
            a.alu(AluOp.ADD, Width.B64, Gpr.RSP, 8);
            a.ret();
            a.align(16);
            a.bind(helper);
            a.lea(Width.B64, Gpr.RAX, Mem.of(Gpr.RDI, Gpr.RDI, 2, 0));
            a.ret();
        });
        assertEquals(3 * 14 + 1000, I_I.invokeLong(f, 14));
    }

    @Test
    void doubleToIntegerAndBackThroughMovq() {
        long f = place(a -> {
            a.movq(Xmm.XMM9, Gpr.RDI);
            a.sse(SseOp.SQRTSD, Xmm.XMM9, Xmm.XMM9);
            a.roundsd(Xmm.XMM9, Xmm.XMM9, 1);
            a.cvttsd2si(Width.B64, Gpr.RAX, Xmm.XMM9);
            a.ret();
        });
        assertEquals(4, I_I.invokeLong(f, raw(24.0)));
        assertEquals(1_000_000, I_I.invokeLong(f, raw(1e12)));
    }
}
