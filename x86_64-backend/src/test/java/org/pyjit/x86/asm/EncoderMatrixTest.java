package org.pyjit.x86.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.pyjit.x86.asm.Intel.imm;
import static org.pyjit.x86.asm.Intel.m;
import static org.pyjit.x86.asm.Intel.r;
import static org.pyjit.x86.asm.Intel.x;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Encoder regression test: every form the facade supports, over all 16 GPRs in each operand
 * position, all 16 XMMs and a set of tricky addresses, assembled into one buffer, disassembled by
 * one objdump run and compared instruction by instruction with text generated here.
 */
class EncoderMatrixTest {
    private static final Gpr[] GPRS = Gpr.values();
    private static final Xmm[] XMMS = Xmm.values();
    private static final Width[] WIDTHS = Width.values();

    /** rsp/rbp/r12/r13 as base and index, disp 0/8/32-bit, negative; every base at least once. */
    static final List<Mem> ADDRESSES = buildAddresses();

    private static List<Mem> buildAddresses() {
        List<Mem> list = new ArrayList<>();
        for (Gpr base : Gpr.values()) {
            list.add(Mem.of(base));
            list.add(Mem.of(base, 8));
            list.add(Mem.of(base, -0x80));
            list.add(Mem.of(base, 0x12345));
            list.add(Mem.of(base, -0x7654321));
        }
        Gpr[] tricky = {Gpr.RSP, Gpr.RBP, Gpr.R12, Gpr.R13, Gpr.RAX, Gpr.R15};
        Gpr[] indexes = {Gpr.RBP, Gpr.R12, Gpr.R13, Gpr.RAX, Gpr.R15, Gpr.RSI};
        int[] scales = {1, 2, 4, 8};
        int[] disps = {0, 0x7f, -1, 0x100, Integer.MIN_VALUE};
        int k = 0;
        for (Gpr b : tricky) {
            for (Gpr i : indexes) {
                list.add(Mem.of(b, i, scales[k % 4], disps[k % 5]));
                k++;
            }
        }
        return List.copyOf(list);
    }

    private record Case(int start, int end, Function<AssembledCode, String> expected, String what) {
    }

    private static final X86Assembler ASM = new X86Assembler();
    private static final List<Case> CASES = new ArrayList<>();
    private static NavigableMap<Integer, String> disassembly;
    private static AssembledCode code;

    private static void c(String expected, Consumer<X86Assembler> emit) {
        c(done -> expected, expected, emit);
    }

    private static void c(Function<AssembledCode, String> expected, String what, Consumer<X86Assembler> emit) {
        int start = ASM.offset();
        emit.accept(ASM);
        assertTrue(ASM.offset() > start, "no bytes for " + what);
        CASES.add(new Case(start, ASM.offset(), expected, what));
    }

    private static Mem addr(int i) {
        return ADDRESSES.get(Math.floorMod(i * 7, ADDRESSES.size()));
    }

    @BeforeAll
    static void assembleEverything() {
        moves();
        arithmetic();
        controlFlow();
        sse();
        ripRelative();
        code = ASM.finish();
        disassembly = Objdump.disassemble(code.code());
    }

    static void moves() {
        for (Width w : WIDTHS) {
            for (Gpr d : GPRS) {
                for (Gpr s : GPRS) {
                    c("mov " + r(d, w) + "," + r(s, w), a -> a.mov(w, d, s));
                }
                long[] imms = {0, 1, -1, 0x7f, -0x80, 0xff, 0xffff, 0x7fff_ffff, -0x8000_0000L, 0xffff_ffffL,
                        0x8000_0000L, 0x1234_5678_9abc_def0L, -0x8000_0001L};
                for (long v : imms) {
                    if (w == Width.B64) {
                        boolean small = v == (int) v;
                        c((small ? "mov " : "movabs ") + r(d, w) + "," + imm(w, v), a -> a.mov(w, d, v));
                    } else if (v >= w.minImmediate() && v <= w.maxImmediate()) {
                        c("mov " + r(d, w) + "," + imm(w, v), a -> a.mov(w, d, v));
                    }
                }
                for (int i = 0; i < ADDRESSES.size(); i++) {
                    Mem mem = ADDRESSES.get(i);
                    c("mov " + r(d, w) + "," + m(mem, w.bytes()), a -> a.mov(w, d, mem));
                    c("mov " + m(mem, w.bytes()) + "," + r(d, w), a -> a.mov(w, mem, d));
                }
            }
            for (Mem mem : ADDRESSES) {
                for (long v : new long[] {5, -1, 0x7f}) {
                    c("mov " + m(mem, w.bytes()) + "," + imm(w, v), a -> a.mov(w, mem, v));
                }
            }
        }
        for (Width dw : new Width[] {Width.B16, Width.B32, Width.B64}) {
            for (Width sw : new Width[] {Width.B8, Width.B16}) {
                if (dw.bytes() <= sw.bytes()) {
                    continue;
                }
                for (Gpr d : GPRS) {
                    for (Gpr s : GPRS) {
                        c("movzx " + r(d, dw) + "," + r(s, sw), a -> a.movzx(dw, d, sw, s));
                        c("movsx " + r(d, dw) + "," + r(s, sw), a -> a.movsx(dw, d, sw, s));
                    }
                    Mem mem = addr(d.ordinal() + sw.ordinal());
                    c("movzx " + r(d, dw) + "," + m(mem, sw.bytes()), a -> a.movzx(dw, d, sw, mem));
                    c("movsx " + r(d, dw) + "," + m(mem, sw.bytes()), a -> a.movsx(dw, d, sw, mem));
                }
                for (Mem mem : ADDRESSES) {
                    c("movzx " + r(Gpr.R9, dw) + "," + m(mem, sw.bytes()), a -> a.movzx(dw, Gpr.R9, sw, mem));
                }
            }
        }
        for (Gpr d : GPRS) {
            for (Gpr s : GPRS) {
                c("movsxd " + r(d, Width.B64) + "," + r(s, Width.B32), a -> a.movsxd(d, s));
            }
            Mem mem = addr(d.ordinal());
            c("movsxd " + r(d, Width.B64) + "," + m(mem, 4), a -> a.movsxd(d, mem));
            for (Width w : new Width[] {Width.B32, Width.B64}) {
                for (Mem lm : ADDRESSES) {
                    c("lea " + r(d, w) + "," + m(lm), a -> a.lea(w, d, lm));
                }
            }
        }
        c("cdq", X86Assembler::cdq);
        c("cqo", X86Assembler::cqo);
        c("cdqe", X86Assembler::cdqe);
    }

    static void arithmetic() {
        for (AluOp op : AluOp.values()) {
            String mn = op.mnemonic();
            for (Width w : WIDTHS) {
                for (Gpr d : GPRS) {
                    for (Gpr s : GPRS) {
                        c(mn + " " + r(d, w) + "," + r(s, w), a -> a.alu(op, w, d, s));
                    }
                    for (long v : new long[] {1, -1, 0x7f, 0x80, -0x81, 0x7fff_ffff, -0x8000_0000L}) {
                        if (v >= w.minImmediate() && v <= w.maxImmediate()) {
                            c(mn + " " + r(d, w) + "," + imm(w, v), a -> a.alu(op, w, d, v));
                        }
                    }
                    Mem mem = addr(d.ordinal() + op.ordinal());
                    String ld = op == AluOp.TEST
                            ? mn + " " + m(mem, w.bytes()) + "," + r(d, w)
                            : mn + " " + r(d, w) + "," + m(mem, w.bytes());
                    c(ld, a -> a.alu(op, w, d, mem));
                    c(mn + " " + m(mem, w.bytes()) + "," + r(d, w), a -> a.alu(op, w, mem, d));
                }
                for (int i = 0; i < ADDRESSES.size(); i += 3) {
                    Mem mem = ADDRESSES.get(i);
                    long v = i % 2 == 0 ? 3 : -0x70;
                    c(mn + " " + m(mem, w.bytes()) + "," + imm(w, v), a -> a.alu(op, w, mem, v));
                }
            }
        }
        for (Width w : new Width[] {Width.B32, Width.B64}) {
            for (Gpr d : GPRS) {
                for (Gpr s : GPRS) {
                    c("imul " + r(d, w) + "," + r(s, w), a -> a.imul(w, d, s));
                }
                Gpr s = GPRS[(d.ordinal() * 5 + 3) % 16];
                c("imul " + r(d, w) + "," + r(s, w) + "," + imm(w, -10), a -> a.imul(w, d, s, -10));
                c("imul " + r(d, w) + "," + r(s, w) + "," + imm(w, 0x1000), a -> a.imul(w, d, s, 0x1000));
                Mem mem = addr(d.ordinal());
                c("imul " + r(d, w) + "," + m(mem, w.bytes()), a -> a.imul(w, d, mem));
            }
        }
        for (UnaryOp op : UnaryOp.values()) {
            for (Width w : WIDTHS) {
                for (Gpr g : GPRS) {
                    c(op.mnemonic() + " " + r(g, w), a -> a.unary(op, w, g));
                    Mem mem = addr(g.ordinal() + op.ordinal());
                    c(op.mnemonic() + " " + m(mem, w.bytes()), a -> a.unary(op, w, mem));
                }
            }
        }
        for (ShiftOp op : ShiftOp.values()) {
            for (Width w : WIDTHS) {
                for (Gpr g : GPRS) {
                    c(op.mnemonic() + " " + r(g, w) + ",cl", a -> a.shift(op, w, g, Gpr.RCX));
                    c(op.mnemonic() + " " + r(g, w) + ",1", a -> a.shift(op, w, g, 1));
                    int n = w == Width.B64 ? 63 : 5;
                    c(op.mnemonic() + " " + r(g, w) + ",0x" + Integer.toHexString(n), a -> a.shift(op, w, g, n));
                }
            }
        }
        for (Cond cc : Cond.values()) {
            for (Gpr g : GPRS) {
                c("set" + cc.suffix() + " " + r(g, Width.B8), a -> a.setcc(cc, g));
                Mem mem = addr(g.ordinal() + cc.ordinal());
                c("set" + cc.suffix() + " " + m(mem, 1), a -> a.setcc(cc, mem));
                for (Width w : new Width[] {Width.B16, Width.B32, Width.B64}) {
                    Gpr s = GPRS[(g.ordinal() + cc.ordinal() + w.ordinal()) % 16];
                    c("cmov" + cc.suffix() + " " + r(g, w) + "," + r(s, w), a -> a.cmov(cc, w, g, s));
                    c("cmov" + cc.suffix() + " " + r(g, w) + "," + m(mem, w.bytes()), a -> a.cmov(cc, w, g, mem));
                }
            }
        }
        for (Gpr d : GPRS) {
            for (Gpr s : GPRS) {
                c("cmove " + r(d, Width.B64) + "," + r(s, Width.B64), a -> a.cmov(Cond.E, Width.B64, d, s));
            }
        }
    }

    static void controlFlow() {
        for (Gpr g : GPRS) {
            c("call " + r(g, Width.B64), a -> a.call(g));
            c("jmp " + r(g, Width.B64), a -> a.jmp(g));
            c("push " + r(g, Width.B64), a -> a.push(g));
            c("pop " + r(g, Width.B64), a -> a.pop(g));
        }
        for (Mem mem : ADDRESSES) {
            c("call " + m(mem, 8), a -> a.call(mem));
            c("jmp " + m(mem, 8), a -> a.jmp(mem));
        }
        c("ret", X86Assembler::ret);
        c("nop", X86Assembler::nop);
        c("ud2", X86Assembler::ud2);
        c("int3", X86Assembler::int3);
        String[] nops = {"nop", "xchg ax,ax", "nop DWORD PTR [rax]", "nop DWORD PTR [rax+0x0]",
                "nop DWORD PTR [rax+rax*1+0x0]", "nop WORD PTR [rax+rax*1+0x0]", "nop DWORD PTR [rax+0x0]",
                "nop DWORD PTR [rax+rax*1+0x0]", "nop WORD PTR [rax+rax*1+0x0]"};
        for (int n = 1; n <= 9; n++) {
            int len = n;
            c(nops[n - 1], a -> a.nop(len));
        }
        c("movabs r11,0x7fff12345678; call r11", a -> a.callAbsolute(0x7fff_1234_5678L));
        c("movabs r11,0x10; call r11", a -> a.callAbsolute(0x10));

        Label back = ASM.newLabel("back");
        ASM.bind(back);
        int backAt = ASM.offset();
        for (Cond cc : Cond.values()) {
            c("j" + cc.suffix() + " 0x" + Integer.toHexString(backAt), a -> a.jcc(cc, back));
        }
        c("jmp 0x" + Integer.toHexString(backAt), a -> a.jmp(back));
        c("call 0x" + Integer.toHexString(backAt), a -> a.call(back));
        Label fwd = ASM.newLabel("fwd");
        for (Cond cc : Cond.values()) {
            c(done -> "j" + cc.suffix() + " 0x" + Integer.toHexString(done.offsetOf(fwd)), "jcc fwd",
                    a -> a.jcc(cc, fwd));
        }
        c(done -> "jmp 0x" + Integer.toHexString(done.offsetOf(fwd)), "jmp fwd", a -> a.jmp(fwd));
        c(done -> "call 0x" + Integer.toHexString(done.offsetOf(fwd)), "call fwd", a -> a.call(fwd));
        for (int i = 0; i < 20; i++) {
            c("nop DWORD PTR [rax+rax*1+0x0]", a -> a.nop(8));
        }
        ASM.bind(fwd);
        c("jmp 0x" + Integer.toHexString(backAt), a -> a.jmp(back));
    }

    static void sse() {
        for (Xmm d : XMMS) {
            for (Xmm s : XMMS) {
                c("movsd " + x(d) + "," + x(s), a -> a.movsd(d, s));
                c("movss " + x(d) + "," + x(s), a -> a.movss(d, s));
                c("movaps " + x(d) + "," + x(s), a -> a.movaps(d, s));
                c("movapd " + x(d) + "," + x(s), a -> a.movapd(d, s));
                for (SseOp op : SseOp.values()) {
                    c(op.mnemonic() + " " + x(d) + "," + x(s), a -> a.sse(op, d, s));
                }
                c("roundsd " + x(d) + "," + x(s) + ",0x9", a -> a.roundsd(d, s, 9));
            }
            for (Gpr g : GPRS) {
                c("movq " + x(d) + "," + r(g, Width.B64), a -> a.movq(d, g));
                c("movq " + r(g, Width.B64) + "," + x(d), a -> a.movq(g, d));
                c("movd " + x(d) + "," + r(g, Width.B32), a -> a.movd(d, g));
                c("movd " + r(g, Width.B32) + "," + x(d), a -> a.movd(g, d));
                for (Width w : new Width[] {Width.B32, Width.B64}) {
                    c("cvtsi2sd " + x(d) + "," + r(g, w), a -> a.cvtsi2sd(d, w, g));
                    c("cvtsi2ss " + x(d) + "," + r(g, w), a -> a.cvtsi2ss(d, w, g));
                    c("cvttsd2si " + r(g, w) + "," + x(d), a -> a.cvttsd2si(w, g, d));
                    c("cvttss2si " + r(g, w) + "," + x(d), a -> a.cvttss2si(w, g, d));
                }
            }
            Mem mem = addr(d.ordinal());
            c("movsd " + x(d) + "," + m(mem, 8), a -> a.movsd(d, mem));
            c("movsd " + m(mem, 8) + "," + x(d), a -> a.movsd(mem, d));
            c("movss " + x(d) + "," + m(mem, 4), a -> a.movss(d, mem));
            c("movss " + m(mem, 4) + "," + x(d), a -> a.movss(mem, d));
            for (SseOp op : SseOp.values()) {
                Mem om = addr(d.ordinal() + op.ordinal());
                c(op.mnemonic() + " " + x(d) + "," + m(om, op.memoryBytes()), a -> a.sse(op, d, om));
            }
            for (Width w : new Width[] {Width.B32, Width.B64}) {
                c("cvtsi2sd " + x(d) + "," + m(mem, w.bytes()), a -> a.cvtsi2sd(d, w, mem));
                c("cvtsi2ss " + x(d) + "," + m(mem, w.bytes()), a -> a.cvtsi2ss(d, w, mem));
            }
        }
        for (Mem mem : ADDRESSES) {
            c("movsd " + x(Xmm.XMM9) + "," + m(mem, 8), a -> a.movsd(Xmm.XMM9, mem));
            c("cvtsi2sd " + x(Xmm.XMM12) + "," + m(mem, 8), a -> a.cvtsi2sd(Xmm.XMM12, Width.B64, mem));
        }
    }

    /** RIP-relative operands: constants after the code (forward) and a label bound earlier (backward). */
    static void ripRelative() {
        Label early = ASM.newLabel("early");
        ASM.bind(early);
        c("nop", X86Assembler::nop);
        rip("movsd " + x(Xmm.XMM3) + ",QWORD PTR ", ASM.constant(1.5), a -> a.movsd(Xmm.XMM3, ASM.constant(1.5)));
        rip("movss " + x(Xmm.XMM11) + ",DWORD PTR ", ASM.constant(2.5f), a -> a.movss(Xmm.XMM11, ASM.constant(2.5f)));
        rip("xorpd " + x(Xmm.XMM0) + ",XMMWORD PTR ", ASM.constant128(Long.MIN_VALUE, 0),
                a -> a.sse(SseOp.XORPD, Xmm.XMM0, ASM.constant128(Long.MIN_VALUE, 0)));
        rip("mov r13,QWORD PTR ", RipRel.of(ASM.constantLabel(42)),
                a -> a.mov(Width.B64, Gpr.R13, RipRel.of(ASM.constantLabel(42))));
        rip("cvtsi2sd xmm14,QWORD PTR ", RipRel.of(ASM.constantLabel(42)),
                a -> a.cvtsi2sd(Xmm.XMM14, Width.B64, RipRel.of(ASM.constantLabel(42))));
        rip("add eax,DWORD PTR ", new RipRel(ASM.constantLabel(7), 4),
                a -> a.alu(AluOp.ADD, Width.B32, Gpr.RAX, new RipRel(ASM.constantLabel(7), 4)));
        rip("lea rdx,", RipRel.of(early), a -> a.lea(Width.B64, Gpr.RDX, RipRel.of(early)));
        rip("lea r8,", new RipRel(early, -3), a -> a.lea(Width.B64, Gpr.R8, new RipRel(early, -3)));
    }

    private static void rip(String prefix, RipRel target, Consumer<X86Assembler> emit) {
        int[] end = new int[1];
        c(done -> prefix + "[rip+0x" + Long.toHexString((long) done.offsetOf(target.target()) + target.disp() - end[0]) + "]",
                prefix + "[rip+...]", a -> {
                    emit.accept(a);
                    end[0] = a.offset();
                });
    }

    @Test
    void everyFormMatchesObjdump() {
        List<String> mismatches = new ArrayList<>();
        for (Case k : CASES) {
            String actual = String.join("; ", disassembly.subMap(k.start(), k.end()).values());
            String expected = k.expected().apply(code);
            boolean aligned = disassembly.containsKey(k.start()) && (disassembly.containsKey(k.end()) || k.end() == code.codeSize());
            if (!expected.equals(actual) || !aligned) {
                mismatches.add("@" + Integer.toHexString(k.start()) + " expected [" + expected + "] got [" + actual + "]");
            }
        }
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " of " + CASES.size() + " forms differ from objdump:\n"
                    + String.join("\n", mismatches.subList(0, Math.min(40, mismatches.size()))));
        }
        assertTrue(CASES.size() > 20_000, "matrix too small: " + CASES.size());
    }

    @Test
    void constantPoolIsAlignedAndDeduplicated() {
        assertEquals(0, code.constantPoolOffset() % 16);
        // one 16-byte constant, then 1.5, 2.5f, 42, 7: five slots, no duplicates
        assertEquals(16 + 4 * 8, code.size() - code.constantPoolOffset());
    }
}
