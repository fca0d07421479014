package org.pyjit.aarch64.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.pyjit.aarch64.testing.Objdump;

/**
 * Every encoder form over a register and immediate matrix, compared with GNU objdump's
 * disassembly (one objdump run for all cases). The expected text is generated here in objdump's
 * own spelling, aliases included ({@code mov}, {@code cmp}, {@code lsl}, {@code cset}, ...).
 */
class EncoderMatrixTest {
    /** One instruction: how to emit it and what objdump must print (asked after emission). */
    private record Case(Consumer<A64Assembler> emit, Supplier<String> expected) {
    }

    private static final Gp[] REGS = {Gp.R0, Gp.R3, Gp.R17, Gp.R30};
    private static final Fp[] FREGS = {Fp.V0, Fp.V7, Fp.V16, Fp.V31};

    private final List<Case> cases = new ArrayList<>();

    private void add(String expected, Consumer<A64Assembler> emit) {
        cases.add(new Case(emit, () -> expected));
    }

    private static String r(Gp g, Width w) {
        return g.name(w);
    }

    private static String hex(long v) {
        return "#0x" + Long.toHexString(v);
    }

    @Test
    void everyFormMatchesObjdump() {
        addSub();
        logical();
        moves();
        multiplyDivide();
        shifts();
        conditional();
        memory();
        pairs();
        branches();
        floating();
        misc();

        A64Assembler a = new A64Assembler();
        int[] offsets = new int[cases.size()];
        for (int i = 0; i < cases.size(); i++) {
            offsets[i] = a.position();
            cases.get(i).emit().accept(a);
            assertEquals(offsets[i] + 4, a.position(), "case " + i + " must emit exactly one instruction");
        }
        branchTail(a);
        byte[] code = a.finish().code();
        NavigableMap<Integer, String> dis = Objdump.disassemble(code);
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            String want = cases.get(i).expected().get();
            String got = dis.get(offsets[i]);
            if (!want.equals(got)) {
                int w = (code[offsets[i]] & 0xFF) | (code[offsets[i] + 1] & 0xFF) << 8
                        | (code[offsets[i] + 2] & 0xFF) << 16 | (code[offsets[i] + 3] & 0xFF) << 24;
                bad.add(String.format("@%x %08x: expected '%s', objdump '%s'", offsets[i], w, want, got));
            }
        }
        if (!bad.isEmpty()) {
            fail(bad.size() + " of " + cases.size() + " forms differ:\n" + String.join("\n", bad.subList(0, Math.min(60, bad.size()))));
        }
        assertTrue(cases.size() > 3000, "matrix size " + cases.size());
        System.out.println("[a64 encoder] " + cases.size() + " forms identical to objdump");
    }

    // ------------------------------------------------------------------ add/sub

    private void addSub() {
        for (Width w : Width.values()) {
            for (AddSubOp op : AddSubOp.values()) {
                for (Gp d : REGS) {
                    for (Gp n : REGS) {
                        for (Gp m : REGS) {
                            add(op.text() + " " + r(d, w) + ", " + r(n, w) + ", " + r(m, w),
                                    a -> a.addSub(op, w, d, n, m));
                        }
                        for (Shift s : new Shift[] {Shift.LSL, Shift.LSR, Shift.ASR}) {
                            for (int amt : new int[] {1, 5, w.bits() - 1}) {
                                add(op.text() + " " + r(d, w) + ", " + r(n, w) + ", " + r(Gp.R2, w) + ", " + s.text() + " #" + amt,
                                        a -> a.addSub(op, w, d, n, Gp.R2, s, amt));
                            }
                        }
                    }
                }
                // immediates, with SP where the form allows it
                Gp[] dsts = op.setsFlags() ? new Gp[] {Gp.R0, Gp.R30} : new Gp[] {Gp.R0, Gp.R30, Gp.SP};
                for (Gp d : dsts) {
                    for (Gp n : new Gp[] {Gp.R1, Gp.R29, Gp.SP}) {
                        for (long imm : new long[] {0, 1, 0x10, 4095, 0x1000, 0x7FF000, 0xFFF000}) {
                            String text;
                            if (op == AddSubOp.ADD && imm == 0 && (d == Gp.SP || n == Gp.SP)) {
                                text = "mov " + r(d, w) + ", " + r(n, w);
                            } else {
                                String i = imm >= 4096 ? hex(imm >>> 12) + ", lsl #12" : hex(imm);
                                text = op.text() + " " + r(d, w) + ", " + r(n, w) + ", " + i;
                            }
                            add(text, a -> a.addSubImm(op, w, d, n, imm));
                        }
                    }
                }
                for (long imm : new long[] {0, 7, 4095, 0x5000}) {
                    String i = imm >= 4096 ? hex(imm >>> 12) + ", lsl #12" : hex(imm);
                    if (op == AddSubOp.SUBS) {
                        add("cmp " + r(Gp.R4, w) + ", " + i, a -> a.cmp(w, Gp.R4, imm));
                    } else if (op == AddSubOp.ADDS) {
                        add("cmn " + r(Gp.SP, w) + ", " + i, a -> a.cmn(w, Gp.SP, imm));
                    }
                }
                // extended register
                Gp[] extDsts = op.setsFlags() ? new Gp[] {Gp.R0} : new Gp[] {Gp.R0, Gp.SP};
                for (Gp d : extDsts) {
                    for (Gp n : new Gp[] {Gp.R1, Gp.SP}) {
                        for (Extend e : Extend.values()) {
                            for (int amt : new int[] {0, 2, 4}) {
                                boolean x = w == Width.X && (e == Extend.UXTX || e == Extend.SXTX);
                                String m = r(Gp.R5, x ? Width.X : Width.W);
                                Extend lslForm = w == Width.X ? Extend.UXTX : Extend.UXTW;
                                String ext;
                                if ((d == Gp.SP || n == Gp.SP) && e == lslForm) {
                                    ext = amt == 0 ? "" : ", lsl #" + amt;
                                } else {
                                    ext = ", " + e.text() + (amt == 0 ? "" : " #" + amt);
                                }
                                add(op.text() + " " + r(d, w) + ", " + r(n, w) + ", " + m + ext,
                                        a -> a.addSubExt(op, w, d, n, Gp.R5, e, amt));
                            }
                        }
                    }
                }
            }
            add("cmp " + r(Gp.R1, w) + ", " + r(Gp.R2, w), a -> a.cmp(w, Gp.R1, Gp.R2));
            add("neg " + r(Gp.R1, w) + ", " + r(Gp.R2, w), a -> a.neg(w, Gp.R1, Gp.R2));
            add("mov " + r(Gp.R1, w) + ", " + r(Gp.R2, w), a -> a.mov(w, Gp.R1, Gp.R2));
            add("mov " + r(Gp.SP, w) + ", " + r(Gp.R2, w), a -> a.mov(w, Gp.SP, Gp.R2));
            add("mov " + r(Gp.R9, w) + ", " + r(Gp.SP, w), a -> a.mov(w, Gp.R9, Gp.SP));
        }
    }

    // ------------------------------------------------------------------ logical

    private static final long[] MASKS64 = {0xFF, 0x8, 0x5555555555555555L, 0xFFFFFFFF00000000L, 0x7FFFFFFFFFFFFFFFL,
            0x8000000000000000L, 0x0F0F0F0F0F0F0F0FL, 0x3FFC0L, 0xFFFF0000FFFF0000L, 0xFFFFFFFFFFFFFFFEL, 0x1L,
            0x6666666666666666L, 0xC3C3C3C3C3C3C3C3L};
    private static final long[] MASKS32 = {0xFF, 0x8, 0x55555555L, 0xFFFF0000L, 0x7FFFFFFFL, 0x80000000L,
            0xF0F0F0F0L, 0x3FFC0L, 0xFFFFFFFEL, 0x1L, 0x81818181L};

    private void logical() {
        for (Width w : Width.values()) {
            for (LogicOp op : LogicOp.values()) {
                for (Gp d : REGS) {
                    for (Gp n : REGS) {
                        for (Gp m : REGS) {
                            add(op.text() + " " + r(d, w) + ", " + r(n, w) + ", " + r(m, w), a -> a.logic(op, w, d, n, m));
                        }
                        for (Shift s : Shift.values()) {
                            add(op.text() + " " + r(d, w) + ", " + r(n, w) + ", " + r(Gp.R9, w) + ", " + s.text() + " #3",
                                    a -> a.logic(op, w, d, n, Gp.R9, s, 3));
                        }
                    }
                }
                if (op.inverts()) {
                    continue;
                }
                for (long imm : w == Width.X ? MASKS64 : MASKS32) {
                    for (Gp d : new Gp[] {Gp.R0, Gp.R30}) {
                        for (Gp n : new Gp[] {Gp.R1, Gp.R28}) {
                            add(op.text() + " " + r(d, w) + ", " + r(n, w) + ", " + hex(imm), a -> a.logicImm(op, w, d, n, imm));
                        }
                    }
                    if (op == LogicOp.AND) {
                        add("and " + r(Gp.SP, w) + ", " + r(Gp.R2, w) + ", " + hex(imm), a -> a.logicImm(op, w, Gp.SP, Gp.R2, imm));
                    }
                    if (op == LogicOp.ANDS) {
                        add("tst " + r(Gp.R2, w) + ", " + hex(imm), a -> a.tst(w, Gp.R2, imm));
                    }
                }
            }
            add("tst " + r(Gp.R1, w) + ", " + r(Gp.R2, w), a -> a.tst(w, Gp.R1, Gp.R2));
            add("mvn " + r(Gp.R1, w) + ", " + r(Gp.R2, w), a -> a.mvn(w, Gp.R1, Gp.R2));
        }
    }

    // ------------------------------------------------------------------ moves

    private void moves() {
        for (Width w : Width.values()) {
            for (int shift = 0; shift < w.bits(); shift += 16) {
                int sh = shift;
                for (int imm : new int[] {1, 0x1234, 0xFFFF, 0x8000}) {
                    long z = (long) imm << sh;
                    long nv = ~((long) imm << sh);
                    if (w == Width.W) {
                        nv &= 0xFFFF_FFFFL;
                    }
                    add("mov " + r(Gp.R7, w) + ", " + hex(z), a -> a.movz(w, Gp.R7, imm, sh));
                    boolean movnAlias = !(w == Width.W && imm == 0xFFFF);
                    String nText = movnAlias ? "mov " + r(Gp.R7, w) + ", " + hex(nv)
                            : "movn " + r(Gp.R7, w) + ", " + hex(imm) + (sh == 0 ? "" : ", lsl #" + sh);
                    add(nText, a -> a.movn(w, Gp.R7, imm, sh));
                    add("movk " + r(Gp.R30, w) + ", " + hex(imm) + (sh == 0 ? "" : ", lsl #" + sh),
                            a -> a.movk(w, Gp.R30, imm, sh));
                }
                if (sh != 0) {
                    add("movz " + r(Gp.R2, w) + ", #0x0, lsl #" + sh, a -> a.movz(w, Gp.R2, 0, sh));
                }
            }
            add("mov " + r(Gp.R2, w) + ", #0x0", a -> a.movz(w, Gp.R2, 0, 0));
        }
    }

    // ------------------------------------------------------------------ multiply, divide

    private void multiplyDivide() {
        for (Width w : Width.values()) {
            for (Gp d : REGS) {
                for (Gp n : REGS) {
                    for (Gp m : REGS) {
                        add("madd " + r(d, w) + ", " + r(n, w) + ", " + r(m, w) + ", " + r(Gp.R4, w),
                                a -> a.mul(MulOp.MADD, w, d, n, m, Gp.R4));
                        add("msub " + r(d, w) + ", " + r(n, w) + ", " + r(m, w) + ", " + r(Gp.R4, w),
                                a -> a.mul(MulOp.MSUB, w, d, n, m, Gp.R4));
                        add("mul " + r(d, w) + ", " + r(n, w) + ", " + r(m, w), a -> a.mul(w, d, n, m));
                        add("sdiv " + r(d, w) + ", " + r(n, w) + ", " + r(m, w), a -> a.div(true, w, d, n, m));
                        add("udiv " + r(d, w) + ", " + r(n, w) + ", " + r(m, w), a -> a.div(false, w, d, n, m));
                        if (w == Width.X) {
                            add("smulh " + r(d, w) + ", " + r(n, w) + ", " + r(m, w),
                                    a -> a.mul(MulOp.SMULH, w, d, n, m, Gp.ZR));
                            add("umulh " + r(d, w) + ", " + r(n, w) + ", " + r(m, w),
                                    a -> a.mul(MulOp.UMULH, w, d, n, m, Gp.ZR));
                        }
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ shifts, extensions

    private void shifts() {
        for (Width w : Width.values()) {
            for (Shift s : Shift.values()) {
                for (Gp d : REGS) {
                    for (Gp n : REGS) {
                        add(s.text() + " " + r(d, w) + ", " + r(n, w) + ", " + r(Gp.R12, w), a -> a.shiftReg(s, w, d, n, Gp.R12));
                    }
                }
                for (int amt = 1; amt < w.bits(); amt++) {
                    int k = amt;
                    add(s.text() + " " + r(Gp.R1, w) + ", " + r(Gp.R2, w) + ", #" + k, a -> a.shiftImm(s, w, Gp.R1, Gp.R2, k));
                }
            }
            for (Gp d : REGS) {
                for (Gp n : REGS) {
                    add("sxtb " + r(d, w) + ", " + r(n, Width.W), a -> a.sxtb(w, d, n));
                    add("sxth " + r(d, w) + ", " + r(n, Width.W), a -> a.sxth(w, d, n));
                    if (w == Width.X) {
                        add("sxtw " + r(d, w) + ", " + r(n, Width.W), a -> a.sxtw(d, n));
                    } else {
                        add("uxtb " + r(d, w) + ", " + r(n, w), a -> a.uxtb(d, n));
                        add("uxth " + r(d, w) + ", " + r(n, w), a -> a.uxth(d, n));
                    }
                }
            }
            add("extr " + r(Gp.R1, w) + ", " + r(Gp.R2, w) + ", " + r(Gp.R3, w) + ", #5", a -> a.extr(w, Gp.R1, Gp.R2, Gp.R3, 5));
        }
    }

    // ------------------------------------------------------------------ conditional select

    private void conditional() {
        for (Width w : Width.values()) {
            for (CondSelOp op : CondSelOp.values()) {
                for (Cond c : Cond.values()) {
                    for (Gp d : new Gp[] {Gp.R0, Gp.R30}) {
                        add(op.text() + " " + r(d, w) + ", " + r(Gp.R1, w) + ", " + r(Gp.R2, w) + ", " + c.text(),
                                a -> a.condSel(op, w, d, Gp.R1, Gp.R2, c));
                    }
                }
            }
            for (Cond c : Cond.values()) {
                if (c != Cond.AL && c != Cond.NV) {
                    for (Gp d : REGS) {
                        add("cset " + r(d, w) + ", " + c.text(), a -> a.cset(w, d, c));
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ memory

    private static String reg(MemOp op, int n) {
        return op.isFp() ? Fp.values()[n].name(op.fpWidth()) : Gp.of(n).name(op.regWidth());
    }

    private void memory() {
        for (MemOp op : MemOp.values()) {
            int size = 1 << op.log2Size();
            for (int t : new int[] {0, 5, 30}) {
                String rt = reg(op, t);
                for (Gp base : new Gp[] {Gp.R1, Gp.R29, Gp.SP}) {
                    String b = base.name(Width.X);
                    for (long off : new long[] {0, size, 4095L * size, 3 * size, -1, -256, 255, 1, -8}) {
                        if (!A64Assembler.isOffsetEncodable(op, off)) {
                            continue;
                        }
                        boolean scaled = off >= 0 && off % size == 0 && off / size < 4096;
                        String text = (scaled ? op.mnemonic() : op.unscaledMnemonic()) + " " + rt + ", [" + b
                                + (off == 0 ? "]" : ", #" + off + "]");
                        add(text, a -> emitMem(a, op, t, Addr.of(base, off)));
                    }
                    for (int off : new int[] {-256, -16, 8, 255}) {
                        add(op.mnemonic() + " " + rt + ", [" + b + ", #" + off + "]!",
                                a -> emitMem(a, op, t, new Addr.PreIndex(base, off)));
                        add(op.mnemonic() + " " + rt + ", [" + b + "], #" + off,
                                a -> emitMem(a, op, t, new Addr.PostIndex(base, off)));
                    }
                }
                for (Extend e : new Extend[] {Extend.UXTW, Extend.UXTX, Extend.SXTW, Extend.SXTX}) {
                    for (boolean scaled : new boolean[] {false, true}) {
                        String idx = Gp.R9.name(e.readsW() ? Width.W : Width.X);
                        String ext = e == Extend.UXTX ? "lsl" : e.text();
                        String amount = scaled ? " #" + op.log2Size() : "";
                        String tail = e == Extend.UXTX && !scaled ? "" : ", " + ext + amount;
                        add(op.mnemonic() + " " + rt + ", [x2, " + idx + tail + "]",
                                a -> emitMem(a, op, t, new Addr.RegOffset(Gp.R2, Gp.R9, e, scaled)));
                    }
                }
            }
        }
    }

    private static void emitMem(A64Assembler a, MemOp op, int t, Addr addr) {
        if (op.isFp()) {
            a.mem(op, Fp.values()[t], addr);
        } else {
            a.mem(op, Gp.of(t), addr);
        }
    }

    private void pairs() {
        for (boolean load : new boolean[] {false, true}) {
            String m = load ? "ldp" : "stp";
            for (Width w : Width.values()) {
                int sz = w == Width.X ? 8 : 4;
                for (int off : new int[] {0, sz, -64 * sz, 63 * sz}) {
                    String o = off == 0 ? "" : ", #" + off;
                    add(m + " " + r(Gp.R29, w) + ", " + r(Gp.R30, w) + ", [sp" + o + "]",
                            a -> a.pair(load, w, Gp.R29, Gp.R30, Addr.of(Gp.SP, off)));
                    add(m + " " + r(Gp.R19, w) + ", " + r(Gp.R20, w) + ", [x3, #" + (off == 0 ? -sz : off) + "]!",
                            a -> a.pair(load, w, Gp.R19, Gp.R20, new Addr.PreIndex(Gp.R3, off == 0 ? -sz : off)));
                    add(m + " " + r(Gp.R0, w) + ", " + r(Gp.R1, w) + ", [sp], #" + (off == 0 ? sz : off),
                            a -> a.pair(load, w, Gp.R0, Gp.R1, new Addr.PostIndex(Gp.SP, off == 0 ? sz : off)));
                }
            }
            for (FpWidth w : FpWidth.values()) {
                int sz = w.bytes();
                add(m + " " + Fp.V8.name(w) + ", " + Fp.V9.name(w) + ", [sp, #-" + 2 * sz + "]!",
                        a -> a.pair(load, w, Fp.V8, Fp.V9, new Addr.PreIndex(Gp.SP, -2 * sz)));
                add(m + " " + Fp.V14.name(w) + ", " + Fp.V15.name(w) + ", [x29, #" + 6 * sz + "]",
                        a -> a.pair(load, w, Fp.V14, Fp.V15, Addr.of(Gp.R29, 6 * sz)));
                add(m + " " + Fp.V0.name(w) + ", " + Fp.V31.name(w) + ", [sp], #" + 4 * sz,
                        a -> a.pair(load, w, Fp.V0, Fp.V31, new Addr.PostIndex(Gp.SP, 4 * sz)));
            }
        }
    }

    // ------------------------------------------------------------------ branches

    private Label back;
    private Label forward;
    private final List<Runnable> tail = new ArrayList<>();

    private void branches() {
        // Backward references target a label bound at offset 0 (before the first case); forward
        // ones a label bound after the last case.
        cases.add(0, new Case(a -> {
            back = a.newLabel("back");
            forward = a.newLabel("forward");
            a.bind(back);
            a.nop();
        }, () -> "nop"));
        Supplier<String> fwd = () -> "0x" + Integer.toHexString(forward.position());
        branchCase(a -> a.b(back), () -> "b 0x0");
        branchCase(a -> a.b(forward), () -> "b " + fwd.get());
        branchCase(a -> a.bl(back), () -> "bl 0x0");
        branchCase(a -> a.bl(forward), () -> "bl " + fwd.get());
        for (Cond c : Cond.values()) {
            branchCase(a -> a.bcond(c, back), () -> "b." + c.text() + " 0x0");
            branchCase(a -> a.bcond(c, forward), () -> "b." + c.text() + " " + fwd.get());
        }
        for (Width w : Width.values()) {
            for (Gp g : REGS) {
                branchCase(a -> a.cbz(w, g, back), () -> "cbz " + g.name(w) + ", 0x0");
                branchCase(a -> a.cbnz(w, g, forward), () -> "cbnz " + g.name(w) + ", " + fwd.get());
            }
        }
        for (int bit : new int[] {0, 1, 31, 32, 63}) {
            Width w = bit < 32 ? Width.W : Width.X;
            branchCase(a -> a.tbz(Gp.R4, bit, forward), () -> "tbz " + Gp.R4.name(w) + ", #" + bit + ", " + fwd.get());
            branchCase(a -> a.tbnz(Gp.R30, bit, forward), () -> "tbnz " + Gp.R30.name(w) + ", #" + bit + ", " + fwd.get());
        }
        branchCase(a -> a.adr(Gp.R3, back), () -> "adr x3, 0x0");
        branchCase(a -> a.adr(Gp.R3, forward), () -> "adr x3, " + fwd.get());
        for (Gp g : REGS) {
            add("br " + g.name(Width.X), a -> a.br(g));
            add("blr " + g.name(Width.X), a -> a.blr(g));
            add(g == Gp.R30 ? "ret" : "ret " + g.name(Width.X), a -> a.ret(g));
        }
        for (long k : new long[] {0x3FF0000000000000L, 0x123456789ABCDEF0L}) {
            branchCase(a -> a.ldrLiteral(MemOp.LDR_X, Gp.R5, a.constant(k)),
                    () -> "ldr x5, 0x" + Integer.toHexString(constLabel(k).position()));
            branchCase(a -> a.ldrLiteral(MemOp.LDR_D, Fp.V3, a.constant(k)),
                    () -> "ldr d3, 0x" + Integer.toHexString(constLabel(k).position()));
            branchCase(a -> a.ldrLiteral(MemOp.LDR_S, Fp.V3, a.constant(k)),
                    () -> "ldr s3, 0x" + Integer.toHexString(constLabel(k).position()));
            branchCase(a -> a.ldrLiteral(MemOp.LDR_W, Gp.R5, a.constant(k)),
                    () -> "ldr w5, 0x" + Integer.toHexString(constLabel(k).position()));
            branchCase(a -> a.ldrLiteral(MemOp.LDRSW, Gp.R5, a.constant(k)),
                    () -> "ldrsw x5, 0x" + Integer.toHexString(constLabel(k).position()));
        }
    }

    private A64Assembler lastAssembler;

    private Label constLabel(long k) {
        return lastAssembler.constant(k);
    }

    private void branchCase(Consumer<A64Assembler> emit, Supplier<String> expected) {
        cases.add(new Case(a -> {
            lastAssembler = a;
            emit.accept(a);
        }, expected));
    }

    private void branchTail(A64Assembler a) {
        a.bind(forward);
        a.nop();
    }

    // ------------------------------------------------------------------ floating point

    private void floating() {
        for (FpWidth w : FpWidth.values()) {
            for (Fp d : FREGS) {
                for (Fp n : FREGS) {
                    for (FpBinOp op : FpBinOp.values()) {
                        add(op.text() + " " + d.name(w) + ", " + n.name(w) + ", " + Fp.V2.name(w),
                                a -> a.fp(op, w, d, n, Fp.V2));
                    }
                    for (FpUnOp op : FpUnOp.values()) {
                        add(op.text() + " " + d.name(w) + ", " + n.name(w), a -> a.fp(op, w, d, n));
                    }
                    add("fcmp " + d.name(w) + ", " + n.name(w), a -> a.fcmp(w, d, n));
                    FpWidth other = w == FpWidth.D ? FpWidth.S : FpWidth.D;
                    add("fcvt " + d.name(other) + ", " + n.name(w), a -> a.fcvt(other, d, w, n));
                }
                add("fcmp " + d.name(w) + ", #0.0", a -> a.fcmpZero(w, d));
                for (Cond c : Cond.values()) {
                    add("fcsel " + d.name(w) + ", " + Fp.V1.name(w) + ", " + Fp.V2.name(w) + ", " + c.text(),
                            a -> a.fcsel(w, d, Fp.V1, Fp.V2, c));
                }
                for (Gp g : REGS) {
                    Width gw = w == FpWidth.D ? Width.X : Width.W;
                    add("fmov " + d.name(w) + ", " + g.name(gw), a -> a.fmov(w, d, g));
                    add("fmov " + g.name(gw) + ", " + d.name(w), a -> a.fmov(w, g, d));
                    for (Width iw : Width.values()) {
                        add("scvtf " + d.name(w) + ", " + g.name(iw), a -> a.scvtf(w, d, iw, g));
                        add("fcvtzs " + g.name(iw) + ", " + d.name(w), a -> a.fcvtzs(iw, g, w, d));
                    }
                }
            }
            for (int imm8 = 0; imm8 < 256; imm8++) {
                long bits = FpImmediate.expand(imm8, w);
                double v = w == FpWidth.D ? Double.longBitsToDouble(bits) : Float.intBitsToFloat((int) bits);
                String text = String.format(Locale.ROOT, "%.18e", v);
                add("fmov " + Fp.V9.name(w) + ", #" + text, a -> a.fmovImm(w, Fp.V9, bits));
            }
        }
    }

    private void misc() {
        add("nop", A64Assembler::nop);
        add("brk #0x0", a -> a.brk(0));
        add("brk #0xffff", a -> a.brk(0xFFFF));
        add("udf #7", a -> a.udf(7));
        add("adrp x1, 0x" + "PLACEHOLDER", a -> a.adrp(Gp.R1, 3));
        cases.set(cases.size() - 1, new Case(a -> {
            adrpAt = a.position();
            a.adrp(Gp.R1, 3);
        }, () -> "adrp x1, 0x" + Long.toHexString((adrpAt & ~0xFFFL) + 3 * 4096L)));
    }

    private int adrpAt;
}
