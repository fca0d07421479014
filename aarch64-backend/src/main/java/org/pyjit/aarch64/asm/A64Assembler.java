package org.pyjit.aarch64.asm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * An A64 encoder: every method appends one fixed 32-bit instruction (little-endian) or, for the
 * documented helpers, a short sequence. Operands are validated; an unencodable operand (an
 * immediate out of range, {@code sp} where the field means {@code xzr}, a branch target out of
 * reach) throws {@link IllegalArgumentException} instead of producing a different instruction.
 *
 * <p>Each encoding cites its instruction page in the Arm Architecture Reference Manual for A-profile
 * (DDI 0487): chapter C6.2 for base instructions, C7.2 for SIMD&amp;FP, and the C4.1 encoding class
 * the fixed bits come from.
 *
 * <p>Labels are bound once; forward references are patched at {@link #bind}. Constants requested
 * with {@link #constant} are placed after the code by {@link #finish}, 8-byte aligned, and reached
 * with PC-relative literal loads, so the image is position-independent.
 */
public final class A64Assembler {
    private byte[] buf = new byte[256];
    private int size;
    private final List<Fixup> fixups = new ArrayList<>();
    private final Map<Long, Label> constants = new LinkedHashMap<>();
    private boolean finished;

    /** A branch or literal reference awaiting its label. */
    private record Fixup(int at, FixKind kind, Label target) {
    }

    /** The PC-relative immediate fields, their width in bits and position. */
    private enum FixKind {
        /** B, BL: imm26 at bits 25..0, in words. */
        IMM26(26, 0, 4),
        /** B.cond, CBZ/CBNZ, LDR (literal): imm19 at bits 23..5, in words. */
        IMM19(19, 5, 4),
        /** TBZ/TBNZ: imm14 at bits 18..5, in words. */
        IMM14(14, 5, 4),
        /** ADR: immhi:immlo (21 bits) at 23..5 and 30..29, in bytes. */
        ADR21(21, 0, 1);

        final int bits;
        final int shift;
        final int unit;

        FixKind(int bits, int shift, int unit) {
            this.bits = bits;
            this.shift = shift;
            this.unit = unit;
        }
    }

    /** The current size in bytes (the offset of the next instruction). */
    public int position() {
        return size;
    }

    // ------------------------------------------------------------------ buffer and labels

    /** Appends one instruction word. */
    public void emit(int word) {
        if (finished) {
            throw new IllegalStateException("assembler is finished");
        }
        if (size + 4 > buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        putInt(size, word);
        size += 4;
    }

    private void putInt(int at, int word) {
        buf[at] = (byte) word;
        buf[at + 1] = (byte) (word >>> 8);
        buf[at + 2] = (byte) (word >>> 16);
        buf[at + 3] = (byte) (word >>> 24);
    }

    private int getInt(int at) {
        return (buf[at] & 0xFF) | (buf[at + 1] & 0xFF) << 8 | (buf[at + 2] & 0xFF) << 16 | (buf[at + 3] & 0xFF) << 24;
    }

    /** A fresh unbound label. */
    public Label newLabel(String name) {
        return new Label(name, this);
    }

    /** Binds {@code label} here and patches every earlier reference to it. */
    public void bind(Label label) {
        label.bindAt(size, this);
        fixups.removeIf(f -> {
            if (f.target() == label) {
                patch(f);
                return true;
            }
            return false;
        });
    }

    /** Pads with NOPs to a multiple of {@code alignment} bytes (a power of two, at least 4). */
    public void align(int alignment) {
        if (alignment < 4 || Integer.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("alignment must be a power of two >= 4: " + alignment);
        }
        while (size % alignment != 0) {
            nop();
        }
    }

    /** A label for the 8-byte constant {@code bits} in the pool (shared by equal constants). */
    public Label constant(long bits) {
        return constants.computeIfAbsent(bits, k -> newLabel("const_" + Long.toHexString(k)));
    }

    /**
     * Appends the constant pool and returns the code. Every referenced label must be bound.
     *
     * @throws IllegalStateException if a label is referenced but never bound
     */
    public AssembledCode finish() {
        int codeSize = size;
        if (!constants.isEmpty()) {
            align(8);
            codeSize = size;
            for (Map.Entry<Long, Label> e : constants.entrySet()) {
                bind(e.getValue());
                emit((int) (long) e.getKey());
                emit((int) (e.getKey() >>> 32));
            }
        }
        if (!fixups.isEmpty()) {
            throw new IllegalStateException("unbound labels referenced: "
                    + fixups.stream().map(f -> f.target().name()).distinct().toList());
        }
        finished = true;
        return new AssembledCode(Arrays.copyOf(buf, size), codeSize);
    }

    private void reference(int word, FixKind kind, Label target) {
        if (target.owner() != this) {
            throw new IllegalArgumentException("label " + target.name() + " belongs to another assembler");
        }
        int at = size;
        emit(word);
        Fixup f = new Fixup(at, kind, target);
        if (target.isBound()) {
            patch(f);
        } else {
            fixups.add(f);
        }
    }

    private void patch(Fixup f) {
        long delta = (long) f.target().position() - f.at();
        long units = delta / f.kind().unit;
        long limit = 1L << (f.kind().bits - 1);
        if (units < -limit || units >= limit) {
            throw new IllegalArgumentException("branch to " + f.target().name() + " out of range: " + delta
                    + " bytes does not fit a signed " + f.kind().bits + "-bit " + (f.kind().unit == 4 ? "word" : "byte")
                    + " offset");
        }
        int field = (int) units & (int) ((1L << f.kind().bits) - 1);
        int word = getInt(f.at());
        if (f.kind() == FixKind.ADR21) {
            word |= (field & 3) << 29 | (field >>> 2) << 5;
        } else {
            word |= field << f.kind().shift;
        }
        putInt(f.at(), word);
    }

    // ------------------------------------------------------------------ operand checks

    /** A register field where 31 means the zero register. */
    private static int rz(Gp g) {
        if (g == Gp.SP) {
            throw new IllegalArgumentException("sp is not valid here (register field 31 means the zero register)");
        }
        return g.encoding();
    }

    /** A register field where 31 means the stack pointer. */
    private static int rsp(Gp g) {
        if (g == Gp.ZR) {
            throw new IllegalArgumentException("the zero register is not valid here (register field 31 means sp)");
        }
        return g.encoding();
    }

    private static int sf(Width w) {
        return w.sf() << 31;
    }

    private static void range(String what, long v, long lo, long hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(what + " out of range " + lo + ".." + hi + ": " + v);
        }
    }

    // ------------------------------------------------------------------ add / subtract

    /**
     * ADD/ADDS/SUB/SUBS (shifted register): {@code rd = rn op (rm shift #amount)}. All three
     * registers are R0..R30 or ZR (C6.2 "ADD (shifted register)"; C4.1 "Add/subtract (shifted
     * register)": {@code sf op S 01011 shift 0 Rm imm6 Rn Rd}).
     */
    public void addSub(AddSubOp op, Width w, Gp rd, Gp rn, Gp rm, Shift shift, int amount) {
        if (shift == Shift.ROR) {
            throw new IllegalArgumentException("add/sub cannot rotate");
        }
        range("shift amount", amount, 0, w.bits() - 1);
        emit(sf(w) | op.bits() | 0x0B000000 | shift.encoding() << 22 | rz(rm) << 16 | amount << 10 | rz(rn) << 5 | rz(rd));
    }

    /** {@code rd = rn op rm}. */
    public void addSub(AddSubOp op, Width w, Gp rd, Gp rn, Gp rm) {
        addSub(op, w, rd, rn, rm, Shift.LSL, 0);
    }

    /** True if {@code imm} is an add/sub immediate: 0..4095, or 1..4095 shifted left by 12. */
    public static boolean isAddSubImm(long imm) {
        return (imm >= 0 && imm < 4096) || (imm > 0 && (imm & 0xFFF) == 0 && imm >>> 12 < 4096);
    }

    /**
     * ADD/ADDS/SUB/SUBS (immediate): {@code rd = rn op imm} with {@code imm} in 0..4095 or a
     * multiple of 4096 up to {@code 4095 << 12} (the {@code sh} bit). {@code rn} may be SP; so may
     * {@code rd} unless the operation sets flags (then it may be ZR). (C6.2 "ADD (immediate)";
     * C4.1 "Add/subtract (immediate)": {@code sf op S 100010 sh imm12 Rn Rd}.)
     */
    public void addSubImm(AddSubOp op, Width w, Gp rd, Gp rn, long imm) {
        if (!isAddSubImm(imm)) {
            throw new IllegalArgumentException("not an add/sub immediate (0..4095, optionally << 12): " + imm);
        }
        int sh = imm >= 4096 ? 1 : 0;
        int imm12 = (int) (sh == 1 ? imm >>> 12 : imm);
        int d = op.setsFlags() ? rz(rd) : rsp(rd);
        emit(sf(w) | op.bits() | 0x11000000 | sh << 22 | imm12 << 10 | rsp(rn) << 5 | d);
    }

    /**
     * ADD/ADDS/SUB/SUBS (extended register): {@code rd = rn op (extend(rm) << amount)}, amount
     * 0..4. {@code rn} may be SP, {@code rd} too unless flags are set; {@code rm} is a W register
     * unless the extend is UXTX/SXTX. (C6.2 "ADD (extended register)"; C4.1 "Add/subtract
     * (extended register)": {@code sf op S 01011 00 1 Rm option imm3 Rn Rd}.)
     */
    public void addSubExt(AddSubOp op, Width w, Gp rd, Gp rn, Gp rm, Extend ext, int amount) {
        range("extend shift", amount, 0, 4);
        int d = op.setsFlags() ? rz(rd) : rsp(rd);
        emit(sf(w) | op.bits() | 0x0B200000 | rz(rm) << 16 | ext.encoding() << 13 | amount << 10 | rsp(rn) << 5 | d);
    }

    /** ADD (shifted register) {@code rd = rn + rm}. */
    public void add(Width w, Gp rd, Gp rn, Gp rm) {
        addSub(AddSubOp.ADD, w, rd, rn, rm);
    }

    /** SUB (shifted register) {@code rd = rn - rm}. */
    public void sub(Width w, Gp rd, Gp rn, Gp rm) {
        addSub(AddSubOp.SUB, w, rd, rn, rm);
    }

    /** CMP (shifted register), the alias of SUBS ZR, rn, rm. */
    public void cmp(Width w, Gp rn, Gp rm) {
        addSub(AddSubOp.SUBS, w, Gp.ZR, rn, rm);
    }

    /** CMP (immediate), the alias of SUBS ZR, rn, #imm. */
    public void cmp(Width w, Gp rn, long imm) {
        addSubImm(AddSubOp.SUBS, w, Gp.ZR, rn, imm);
    }

    /** CMN (immediate), the alias of ADDS ZR, rn, #imm. */
    public void cmn(Width w, Gp rn, long imm) {
        addSubImm(AddSubOp.ADDS, w, Gp.ZR, rn, imm);
    }

    /** NEG, the alias of SUB rd, ZR, rm. */
    public void neg(Width w, Gp rd, Gp rm) {
        addSub(AddSubOp.SUB, w, rd, Gp.ZR, rm);
    }

    /**
     * MOV (register): ORR rd, ZR, rm; or, when either side is SP, MOV (to/from SP), the alias
     * of ADD rd, rn, #0.
     */
    public void mov(Width w, Gp rd, Gp rm) {
        if (rd == Gp.SP || rm == Gp.SP) {
            addSubImm(AddSubOp.ADD, w, rd, rm, 0);
        } else {
            logic(LogicOp.ORR, w, rd, Gp.ZR, rm, Shift.LSL, 0);
        }
    }

    // ------------------------------------------------------------------ logical

    /**
     * AND/BIC/ORR/ORN/EOR/EON/ANDS/BICS (shifted register); registers R0..R30 or ZR. (C6.2 "AND
     * (shifted register)"; C4.1 "Logical (shifted register)": {@code sf opc 01010 shift N Rm imm6
     * Rn Rd}.)
     */
    public void logic(LogicOp op, Width w, Gp rd, Gp rn, Gp rm, Shift shift, int amount) {
        range("shift amount", amount, 0, w.bits() - 1);
        emit(sf(w) | op.opc() << 29 | 0x0A000000 | shift.encoding() << 22 | op.n() << 21 | rz(rm) << 16
                | amount << 10 | rz(rn) << 5 | rz(rd));
    }

    /** {@code rd = rn op rm}. */
    public void logic(LogicOp op, Width w, Gp rd, Gp rn, Gp rm) {
        logic(op, w, rd, rn, rm, Shift.LSL, 0);
    }

    /**
     * AND/ORR/EOR/ANDS (immediate) with a bitmask immediate ({@link LogicalImmediate}); rejects
     * unencodable values. {@code rd} may be SP except for ANDS (ZR). (C6.2 "AND (immediate)";
     * C4.1 "Logical (immediate)": {@code sf opc 100100 N immr imms Rn Rd}.)
     */
    public void logicImm(LogicOp op, Width w, Gp rd, Gp rn, long imm) {
        if (op.inverts()) {
            throw new IllegalArgumentException(op + " has no immediate form");
        }
        OptionalInt enc = LogicalImmediate.encode(imm, w);
        if (enc.isEmpty()) {
            throw new IllegalArgumentException("0x" + Long.toHexString(imm) + " is not a " + w.bits()
                    + "-bit logical immediate");
        }
        int d = op == LogicOp.ANDS ? rz(rd) : rsp(rd);
        emit(sf(w) | op.opc() << 29 | 0x12000000 | enc.getAsInt() << 10 | rz(rn) << 5 | d);
    }

    /** TST (shifted register), the alias of ANDS ZR, rn, rm. */
    public void tst(Width w, Gp rn, Gp rm) {
        logic(LogicOp.ANDS, w, Gp.ZR, rn, rm);
    }

    /** TST (immediate), the alias of ANDS ZR, rn, #imm. */
    public void tst(Width w, Gp rn, long imm) {
        logicImm(LogicOp.ANDS, w, Gp.ZR, rn, imm);
    }

    /** MVN, the alias of ORN rd, ZR, rm. */
    public void mvn(Width w, Gp rd, Gp rm) {
        logic(LogicOp.ORN, w, rd, Gp.ZR, rm);
    }

    // ------------------------------------------------------------------ move wide

    private void moveWide(int opc, Width w, Gp rd, int imm16, int shift) {
        range("16-bit immediate", imm16, 0, 0xFFFF);
        if (shift % 16 != 0 || shift < 0 || shift >= w.bits()) {
            throw new IllegalArgumentException("move-wide shift must be 0, 16" + (w == Width.X ? ", 32 or 48" : "")
                    + ": " + shift);
        }
        emit(sf(w) | opc << 29 | 0x12800000 | (shift / 16) << 21 | imm16 << 5 | rz(rd));
    }

    /** MOVZ {@code rd = imm16 << shift} (C6.2 "MOVZ"; C4.1 "Move wide (immediate)": {@code sf opc 100101 hw imm16 Rd}). */
    public void movz(Width w, Gp rd, int imm16, int shift) {
        moveWide(2, w, rd, imm16, shift);
    }

    /** MOVN {@code rd = ~(imm16 << shift)} (C6.2 "MOVN"). */
    public void movn(Width w, Gp rd, int imm16, int shift) {
        moveWide(0, w, rd, imm16, shift);
    }

    /** MOVK: replaces bits {@code shift..shift+15} of rd with {@code imm16} (C6.2 "MOVK"). */
    public void movk(Width w, Gp rd, int imm16, int shift) {
        moveWide(3, w, rd, imm16, shift);
    }

    /**
     * Materialises {@code value} (its low 32 bits for W) in {@code rd} (R0..R30) with the fewest
     * instructions this helper knows: one MOVZ or MOVN when a single halfword differs from all
     * zeros or all ones, one ORR with a bitmask immediate, else MOVZ or MOVN (whichever leaves
     * fewer halfwords to fix) followed by one MOVK per remaining halfword (at most 4 in total).
     */
    public void movImm(Width w, Gp rd, long value) {
        if (rd == Gp.SP || rd == Gp.ZR) {
            throw new IllegalArgumentException("constant destination must be r0..r30: " + rd);
        }
        int chunks = w.bits() / 16;
        if (w == Width.W) {
            value &= 0xFFFF_FFFFL;
        }
        int zeros = 0;
        int ones = 0;
        for (int i = 0; i < chunks; i++) {
            int c = (int) (value >>> (16 * i)) & 0xFFFF;
            zeros += c == 0 ? 1 : 0;
            ones += c == 0xFFFF ? 1 : 0;
        }
        if (zeros < chunks - 1 && ones < chunks - 1 && LogicalImmediate.isEncodable(value, w)) {
            logicImm(LogicOp.ORR, w, rd, Gp.ZR, value);
            return;
        }
        boolean inverted = ones > zeros;
        int fill = inverted ? 0xFFFF : 0;
        boolean first = true;
        for (int i = 0; i < chunks; i++) {
            int c = (int) (value >>> (16 * i)) & 0xFFFF;
            if (c == fill) {
                continue;
            }
            if (first) {
                if (inverted) {
                    movn(w, rd, ~c & 0xFFFF, 16 * i);
                } else {
                    movz(w, rd, c, 16 * i);
                }
                first = false;
            } else {
                movk(w, rd, c, 16 * i);
            }
        }
        if (first) {
            // Every halfword equals the fill: 0 or all ones.
            if (inverted) {
                movn(w, rd, 0, 0);
            } else {
                movz(w, rd, 0, 0);
            }
        }
    }

    // ------------------------------------------------------------------ multiply and divide

    /**
     * MADD/MSUB {@code rd = ra ± rn*rm}, SMULH/UMULH {@code rd = high64(rn*rm)} (pass ZR as
     * {@code ra}). (C6.2 "MADD", "SMULH"; C4.1 "Data-processing (3 source)": {@code sf 00 11011
     * op31 Rm o0 Ra Rn Rd}.)
     */
    public void mul(MulOp op, Width w, Gp rd, Gp rn, Gp rm, Gp ra) {
        if (op.high() && (w != Width.X || ra != Gp.ZR)) {
            throw new IllegalArgumentException(op + " is 64-bit only and takes no addend");
        }
        emit(sf(w) | 0x1B000000 | op.bits() | rz(rm) << 16 | rz(ra) << 10 | rz(rn) << 5 | rz(rd));
    }

    /** MUL, the alias of MADD rd, rn, rm, ZR. */
    public void mul(Width w, Gp rd, Gp rn, Gp rm) {
        mul(MulOp.MADD, w, rd, rn, rm, Gp.ZR);
    }

    /**
     * SDIV/UDIV {@code rd = rn / rm} rounding toward zero. The hardware gives 0 for a zero
     * divisor and {@code MIN} for {@code MIN / -1}: it never faults. (C6.2 "SDIV", "UDIV"; C4.1
     * "Data-processing (2 source)": {@code sf 0 0 11010110 Rm 00001 o1 Rn Rd}.)
     */
    public void div(boolean signed, Width w, Gp rd, Gp rn, Gp rm) {
        emit(sf(w) | 0x1AC00800 | (signed ? 1 : 0) << 10 | rz(rm) << 16 | rz(rn) << 5 | rz(rd));
    }

    // ------------------------------------------------------------------ shifts and extensions

    /**
     * LSLV/LSRV/ASRV/RORV {@code rd = rn shift (rm mod width)} (C6.2 "LSLV" etc.; C4.1
     * "Data-processing (2 source)", opcode {@code 0010 op2}).
     */
    public void shiftReg(Shift shift, Width w, Gp rd, Gp rn, Gp rm) {
        emit(sf(w) | 0x1AC02000 | shift.encoding() << 10 | rz(rm) << 16 | rz(rn) << 5 | rz(rd));
    }

    /** The bitfield-move family: SBFM, BFM, UBFM (the {@code opc} field). */
    public enum BitfieldOp {
        /** Signed bitfield move. */
        SBFM,
        /** Bitfield move (inserts). */
        BFM,
        /** Unsigned bitfield move. */
        UBFM
    }

    /**
     * SBFM/BFM/UBFM (C6.2 "SBFM", "UBFM"; C4.1 "Bitfield": {@code sf opc 100110 N immr imms Rn
     * Rd}, {@code N = sf}).
     */
    public void bitfield(BitfieldOp op, Width w, Gp rd, Gp rn, int immr, int imms) {
        range("immr", immr, 0, w.bits() - 1);
        range("imms", imms, 0, w.bits() - 1);
        emit(sf(w) | op.ordinal() << 29 | 0x13000000 | w.sf() << 22 | immr << 16 | imms << 10 | rz(rn) << 5 | rz(rd));
    }

    /** EXTR {@code rd = (rn:rm) >> lsb} (C6.2 "EXTR"; C4.1 "Extract": {@code sf 00 100111 N 0 Rm imms Rn Rd}). */
    public void extr(Width w, Gp rd, Gp rn, Gp rm, int lsb) {
        range("extract position", lsb, 0, w.bits() - 1);
        emit(sf(w) | 0x13800000 | w.sf() << 22 | rz(rm) << 16 | lsb << 10 | rz(rn) << 5 | rz(rd));
    }

    /**
     * Shift by a constant 1..width-1: LSL = UBFM rd, rn, #(-n mod w), #(w-1-n); LSR = UBFM #n,
     * #(w-1); ASR = SBFM #n, #(w-1); ROR = EXTR rd, rn, rn, #n (C6.2 "LSL (immediate)" etc.).
     */
    public void shiftImm(Shift shift, Width w, Gp rd, Gp rn, int amount) {
        int bits = w.bits();
        range("shift amount", amount, 1, bits - 1);
        switch (shift) {
            case LSL -> bitfield(BitfieldOp.UBFM, w, rd, rn, bits - amount, bits - 1 - amount);
            case LSR -> bitfield(BitfieldOp.UBFM, w, rd, rn, amount, bits - 1);
            case ASR -> bitfield(BitfieldOp.SBFM, w, rd, rn, amount, bits - 1);
            case ROR -> extr(w, rd, rn, rn, amount);
        }
    }

    /** SXTB rd, Wn: SBFM #0, #7 (the source is always read as W). */
    public void sxtb(Width w, Gp rd, Gp rn) {
        bitfield(BitfieldOp.SBFM, w, rd, rn, 0, 7);
    }

    /** SXTH rd, Wn: SBFM #0, #15. */
    public void sxth(Width w, Gp rd, Gp rn) {
        bitfield(BitfieldOp.SBFM, w, rd, rn, 0, 15);
    }

    /** SXTW Xd, Wn: SBFM Xd, Xn, #0, #31. */
    public void sxtw(Gp rd, Gp rn) {
        bitfield(BitfieldOp.SBFM, Width.X, rd, rn, 0, 31);
    }

    /** UXTB Wd, Wn: UBFM Wd, Wn, #0, #7 (writing Wd zeroes the upper 32 bits). */
    public void uxtb(Gp rd, Gp rn) {
        bitfield(BitfieldOp.UBFM, Width.W, rd, rn, 0, 7);
    }

    /** UXTH Wd, Wn: UBFM Wd, Wn, #0, #15. */
    public void uxth(Gp rd, Gp rn) {
        bitfield(BitfieldOp.UBFM, Width.W, rd, rn, 0, 15);
    }

    // ------------------------------------------------------------------ conditional select

    /**
     * CSEL/CSINC/CSINV/CSNEG (C6.2 "CSEL"; C4.1 "Conditional select": {@code sf op S 11010100 Rm
     * cond op2 Rn Rd}).
     */
    public void condSel(CondSelOp op, Width w, Gp rd, Gp rn, Gp rm, Cond cond) {
        emit(sf(w) | op.bits() | 0x1A800000 | rz(rm) << 16 | cond.encoding() << 12 | rz(rn) << 5 | rz(rd));
    }

    /** CSET rd, cond: CSINC rd, ZR, ZR, invert(cond). */
    public void cset(Width w, Gp rd, Cond cond) {
        condSel(CondSelOp.CSINC, w, rd, Gp.ZR, Gp.ZR, cond.invert());
    }

    // ------------------------------------------------------------------ loads and stores

    /** A load or store of a general register (C6.2 "LDR (immediate)", "LDR (register)", "LDUR", ...). */
    public void mem(MemOp op, Gp rt, Addr a) {
        if (op.isFp()) {
            throw new IllegalArgumentException(op + " transfers an FP register");
        }
        memory(op, rz(rt), a);
    }

    /** A load or store of an FP register (C7.2 "LDR (immediate, SIMD&amp;FP)", "LDUR (SIMD&amp;FP)", ...). */
    public void mem(MemOp op, Fp rt, Addr a) {
        if (!op.isFp()) {
            throw new IllegalArgumentException(op + " transfers a general register");
        }
        memory(op, rt.encoding(), a);
    }

    /** True if {@code [base, #offset]} is encodable for {@code op} (scaled or unscaled). */
    public static boolean isOffsetEncodable(MemOp op, long offset) {
        int scale = op.log2Size();
        return (offset >= 0 && (offset & ((1 << scale) - 1)) == 0 && offset >>> scale < 4096)
                || (offset >= -256 && offset <= 255);
    }

    private void memory(MemOp op, int rt, Addr a) {
        int n = rsp(a.base());
        // C4.1 "Load/store register (unscaled immediate)" etc.: the unsigned-offset encoding
        // with bit 24 cleared, imm9 at 20..12 and the form in bits 11..10.
        int unscaled = op.base() & ~0x01000000;
        if (a instanceof Addr.Offset o) {
            int scale = op.log2Size();
            long off = o.offset();
            if (off >= 0 && (off & ((1 << scale) - 1)) == 0 && off >>> scale < 4096) {
                emit(op.base() | (int) (off >>> scale) << 10 | n << 5 | rt);
            } else if (off >= -256 && off <= 255) {
                emit(unscaled | ((int) off & 0x1FF) << 12 | n << 5 | rt);
            } else {
                throw new IllegalArgumentException("offset " + off + " not encodable for " + op
                        + " (scaled 0.." + (4095L << scale) + " or unscaled -256..255)");
            }
        } else if (a instanceof Addr.PreIndex p) {
            range("pre-index offset", p.offset(), -256, 255);
            emit(unscaled | (p.offset() & 0x1FF) << 12 | 0xC00 | n << 5 | rt);
        } else if (a instanceof Addr.PostIndex p) {
            range("post-index offset", p.offset(), -256, 255);
            emit(unscaled | (p.offset() & 0x1FF) << 12 | 0x400 | n << 5 | rt);
        } else {
            Addr.RegOffset r = (Addr.RegOffset) a;
            Extend e = r.extend();
            if (e != Extend.UXTW && e != Extend.UXTX && e != Extend.SXTW && e != Extend.SXTX) {
                throw new IllegalArgumentException("register offset extend must be uxtw, lsl, sxtw or sxtx: " + e);
            }
            // C4.1 "Load/store register (register offset)": ... 1 Rm option S 10 Rn Rt.
            emit(unscaled | 0x00200800 | rz(r.index()) << 16 | e.encoding() << 13 | (r.scaled() ? 1 : 0) << 12
                    | n << 5 | rt);
        }
    }

    private void pair(int base, int scale, int rt1, int rt2, Addr a) {
        int n = rsp(a.base());
        long off;
        int mode;
        if (a instanceof Addr.Offset o) {
            off = o.offset();
            mode = 0x01000000;
        } else if (a instanceof Addr.PreIndex p) {
            off = p.offset();
            mode = 0x01800000;
        } else if (a instanceof Addr.PostIndex p) {
            off = p.offset();
            mode = 0x00800000;
        } else {
            throw new IllegalArgumentException("load/store pair has no register offset");
        }
        if (off % scale != 0 || off / scale < -64 || off / scale > 63) {
            throw new IllegalArgumentException("pair offset must be a multiple of " + scale + " in "
                    + (-64 * scale) + ".." + (63 * scale) + ": " + off);
        }
        // C4.1 "Load/store register pair (offset / pre-indexed / post-indexed)":
        // opc 101 V mode L imm7 Rt2 Rn Rt.
        emit(base | mode | ((int) (off / scale) & 0x7F) << 15 | rt2 << 10 | n << 5 | rt1);
    }

    /** STP/LDP of two general registers (C6.2 "STP", "LDP"); offset, pre- or post-index addressing. */
    public void pair(boolean load, Width w, Gp rt1, Gp rt2, Addr a) {
        int base = (w == Width.X ? 0xA8000000 : 0x28000000) | (load ? 0x00400000 : 0);
        pair(base, w == Width.X ? 8 : 4, rz(rt1), rz(rt2), a);
    }

    /** STP/LDP of two FP registers (C7.2 "STP (SIMD&amp;FP)", "LDP (SIMD&amp;FP)"). */
    public void pair(boolean load, FpWidth w, Fp rt1, Fp rt2, Addr a) {
        int base = (w == FpWidth.D ? 0x6C000000 : 0x2C000000) | (load ? 0x00400000 : 0);
        pair(base, w.bytes(), rt1.encoding(), rt2.encoding(), a);
    }

    private static int literalOpcode(MemOp op) {
        // C4.1 "Load register (literal)": opc 011 V 00 imm19 Rt.
        return switch (op) {
            case LDR_W -> 0x18000000;
            case LDR_X -> 0x58000000;
            case LDRSW -> 0x98000000;
            case LDR_S -> 0x1C000000;
            case LDR_D -> 0x5C000000;
            default -> throw new IllegalArgumentException(op + " has no literal form");
        };
    }

    /** LDR (literal) of a general register: LDR_W, LDR_X or LDRSW from {@code target} (±1 MiB). */
    public void ldrLiteral(MemOp op, Gp rt, Label target) {
        if (op.isFp()) {
            throw new IllegalArgumentException(op + " transfers an FP register");
        }
        reference(literalOpcode(op) | rz(rt), FixKind.IMM19, target);
    }

    /** LDR (literal, SIMD&amp;FP) of an S or D register from {@code target} (±1 MiB). */
    public void ldrLiteral(MemOp op, Fp rt, Label target) {
        if (!op.isFp()) {
            throw new IllegalArgumentException(op + " transfers a general register");
        }
        reference(literalOpcode(op) | rt.encoding(), FixKind.IMM19, target);
    }

    // ------------------------------------------------------------------ branches

    /** B label, ±128 MiB (C6.2 "B"; C4.1 "Unconditional branch (immediate)": {@code 0 00101 imm26}). */
    public void b(Label target) {
        reference(0x14000000, FixKind.IMM26, target);
    }

    /** BL label, ±128 MiB (C6.2 "BL": {@code 1 00101 imm26}). */
    public void bl(Label target) {
        reference(0x94000000, FixKind.IMM26, target);
    }

    /** B.cond label, ±1 MiB (C6.2 "B.cond"; C4.1 "Conditional branch (immediate)": {@code 0101010 0 imm19 0 cond}). */
    public void bcond(Cond cond, Label target) {
        reference(0x54000000 | cond.encoding(), FixKind.IMM19, target);
    }

    /** CBZ (C6.2 "CBZ"; C4.1 "Compare and branch (immediate)": {@code sf 011010 op imm19 Rt}), ±1 MiB. */
    public void cbz(Width w, Gp rt, Label target) {
        reference(sf(w) | 0x34000000 | rz(rt), FixKind.IMM19, target);
    }

    /** CBNZ, ±1 MiB. */
    public void cbnz(Width w, Gp rt, Label target) {
        reference(sf(w) | 0x35000000 | rz(rt), FixKind.IMM19, target);
    }

    private void testBranch(int op, Gp rt, int bit, Label target) {
        range("bit number", bit, 0, 63);
        // C4.1 "Test and branch (immediate)": b5 011011 op b40 imm14 Rt.
        reference((bit >>> 5) << 31 | 0x36000000 | op << 24 | (bit & 31) << 19 | rz(rt), FixKind.IMM14, target);
    }

    /** TBZ: branch if bit {@code bit} of rt is 0 (C6.2 "TBZ"), ±32 KiB. */
    public void tbz(Gp rt, int bit, Label target) {
        testBranch(0, rt, bit, target);
    }

    /** TBNZ: branch if bit {@code bit} of rt is 1 (C6.2 "TBNZ"), ±32 KiB. */
    public void tbnz(Gp rt, int bit, Label target) {
        testBranch(1, rt, bit, target);
    }

    /** BR rn (C6.2 "BR"; C4.1 "Unconditional branch (register)"). */
    public void br(Gp rn) {
        emit(0xD61F0000 | rz(rn) << 5);
    }

    /** BLR rn (C6.2 "BLR"). */
    public void blr(Gp rn) {
        emit(0xD63F0000 | rz(rn) << 5);
    }

    /** RET (to x30) (C6.2 "RET"). */
    public void ret() {
        ret(Gp.LR);
    }

    /** RET rn. */
    public void ret(Gp rn) {
        emit(0xD65F0000 | rz(rn) << 5);
    }

    /** ADR rd, label: the label's address, ±1 MiB (C6.2 "ADR"; C4.1 "PC-rel. addressing": {@code 0 immlo 10000 immhi Rd}). */
    public void adr(Gp rd, Label target) {
        reference(0x10000000 | rz(rd), FixKind.ADR21, target);
    }

    /**
     * ADRP rd, #pages: the 4 KiB page {@code pages} away from this instruction's page (C6.2
     * "ADRP"). Takes a raw page delta because the image is only 16-byte aligned, so page deltas
     * to labels are not position-independent.
     */
    public void adrp(Gp rd, int pages) {
        range("page delta", pages, -(1 << 20), (1 << 20) - 1);
        emit(0x90000000 | (pages & 3) << 29 | ((pages >>> 2) & 0x7FFFF) << 5 | rz(rd));
    }

    // ------------------------------------------------------------------ system

    /** BRK #imm16 (C6.2 "BRK"; C4.1 "Exception generation"). */
    public void brk(int imm16) {
        range("brk immediate", imm16, 0, 0xFFFF);
        emit(0xD4200000 | imm16 << 5);
    }

    /** UDF #imm16: permanently undefined (C6.2 "UDF"). */
    public void udf(int imm16) {
        range("udf immediate", imm16, 0, 0xFFFF);
        emit(imm16);
    }

    /** NOP (C6.2 "NOP"; C4.1 "Hints"). */
    public void nop() {
        emit(0xD503201F);
    }

    // ------------------------------------------------------------------ floating point

    /**
     * FMUL/FDIV/FADD/FSUB/FMAX/FMIN (scalar) (C7.2 "FADD (scalar)" etc.; C4.1 "Floating-point
     * data-processing (2 source)": {@code 000 11110 ftype 1 Rm opcode 10 Rn Rd}).
     */
    public void fp(FpBinOp op, FpWidth w, Fp rd, Fp rn, Fp rm) {
        emit(0x1E200800 | w.ftype() << 22 | rm.encoding() << 16 | op.opcode() << 12 | rn.encoding() << 5 | rd.encoding());
    }

    /**
     * FMOV (register)/FABS/FNEG/FSQRT (scalar) (C7.2; C4.1 "Floating-point data-processing (1
     * source)": {@code 000 11110 ftype 1 opcode 10000 Rn Rd}).
     */
    public void fp(FpUnOp op, FpWidth w, Fp rd, Fp rn) {
        emit(0x1E204000 | w.ftype() << 22 | op.opcode() << 15 | rn.encoding() << 5 | rd.encoding());
    }

    /** FCVT between precisions (C7.2 "FCVT"; 1-source opcode {@code 0001 opc}, {@code opc} = target type). */
    public void fcvt(FpWidth to, Fp rd, FpWidth from, Fp rn) {
        if (to == from) {
            throw new IllegalArgumentException("fcvt needs two different precisions");
        }
        emit(0x1E204000 | from.ftype() << 22 | (4 | to.ftype()) << 15 | rn.encoding() << 5 | rd.encoding());
    }

    private void convert(int sfBit, int ftype, int rmodeOpcode, int rn, int rd) {
        // C4.1 "Conversion between floating-point and integer": sf 0 0 11110 ftype 1 rmode opcode 000000 Rn Rd.
        emit(sfBit << 31 | 0x1E200000 | ftype << 22 | rmodeOpcode << 16 | rn << 5 | rd);
    }

    /** FMOV (general): Sd ← Wn or Dd ← Xn, raw bits (C7.2 "FMOV (general)"). */
    public void fmov(FpWidth w, Fp rd, Gp rn) {
        convert(w == FpWidth.D ? 1 : 0, w.ftype(), 0b00111, rz(rn), rd.encoding());
    }

    /** FMOV (general): Wd ← Sn or Xd ← Dn, raw bits. */
    public void fmov(FpWidth w, Gp rd, Fp rn) {
        convert(w == FpWidth.D ? 1 : 0, w.ftype(), 0b00110, rn.encoding(), rz(rd));
    }

    /**
     * FMOV (scalar, immediate) of the value with raw bits {@code bits} (low 32 bits for S); rejects
     * values outside {@link FpImmediate} (C7.2 "FMOV (scalar, immediate)": {@code 000 11110 ftype 1
     * imm8 100 00000 Rd}).
     */
    public void fmovImm(FpWidth w, Fp rd, long bits) {
        OptionalInt imm8 = FpImmediate.encode(bits, w);
        if (imm8.isEmpty()) {
            throw new IllegalArgumentException("0x" + Long.toHexString(bits) + " is not an FMOV immediate");
        }
        emit(0x1E201000 | w.ftype() << 22 | imm8.getAsInt() << 13 | rd.encoding());
    }

    /** FCMP rn, rm (C7.2 "FCMP"; C4.1 "Floating-point compare": {@code ... Rm 00 1000 Rn 0 0 000}). */
    public void fcmp(FpWidth w, Fp rn, Fp rm) {
        emit(0x1E202000 | w.ftype() << 22 | rm.encoding() << 16 | rn.encoding() << 5);
    }

    /** FCMP rn, #0.0 ({@code opc = 01}). */
    public void fcmpZero(FpWidth w, Fp rn) {
        emit(0x1E202008 | w.ftype() << 22 | rn.encoding() << 5);
    }

    /** FCSEL rd = cond ? rn : rm (C7.2 "FCSEL"; C4.1 "Floating-point conditional select"). */
    public void fcsel(FpWidth w, Fp rd, Fp rn, Fp rm, Cond cond) {
        emit(0x1E200C00 | w.ftype() << 22 | rm.encoding() << 16 | cond.encoding() << 12 | rn.encoding() << 5
                | rd.encoding());
    }

    /** SCVTF (scalar, integer): signed integer rn to float rd, rounding per FPCR (nearest even) (C7.2 "SCVTF (scalar, integer)"). */
    public void scvtf(FpWidth to, Fp rd, Width from, Gp rn) {
        convert(from.sf(), to.ftype(), 0b00010, rz(rn), rd.encoding());
    }

    /**
     * FCVTZS (scalar, integer): float rn to signed integer rd rounding toward zero, saturating;
     * NaN gives 0 (C7.2 "FCVTZS (scalar, integer)", rmode 11 opcode 000).
     */
    public void fcvtzs(Width to, Gp rd, FpWidth from, Fp rn) {
        convert(to.sf(), from.ftype(), 0b11000, rn.encoding(), rz(rd));
    }
}
