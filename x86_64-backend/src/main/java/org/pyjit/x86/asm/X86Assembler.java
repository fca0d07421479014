package org.pyjit.x86.asm;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import jnr.x86asm.Asm;
import jnr.x86asm.Assembler;
import jnr.x86asm.Immediate;
import jnr.x86asm.Register;
import jnr.x86asm.XMMRegister;

/**
 * A validating x86-64 assembler: every form a code generator needs, each checked before it is
 * emitted, with the jnr-x86asm 1.0.2 bugs (see package documentation) routed around.
 *
 * <p>Each instruction is encoded either by a fresh {@code jnr.x86asm.Assembler} (the forms the
 * audit found correct) whose bytes are copied into this assembler's own growable buffer, or by
 * {@link RawEncoder}. Invalid operands throw {@link IllegalArgumentException} before any byte is
 * written; an encoder that writes nothing throws {@link IllegalStateException} (B10).
 *
 * <p>Labels ({@link #newLabel()}, {@link #bind(Label)}) may be used before or after binding;
 * rel32 and RIP disp32 fields are patched by {@link #finish()}, which also appends the constant
 * pool and throws if a referenced label was never bound. Not thread-safe; one use.
 */
public final class X86Assembler {
    private enum FixupKind { REL32, REL8 }

    /** A field at {@code at} holding {@code target + addend - end}. */
    private record Fixup(int at, int end, Label target, int addend, FixupKind kind) {
    }

    private record PoolKey(long lo, long hi, boolean wide) {
    }

    private final ByteSink out = new ByteSink();
    private final List<Fixup> fixups = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private final Map<PoolKey, Label> pool = new LinkedHashMap<>();
    private boolean finished;

    /** Creates an empty assembler. */
    public X86Assembler() {
    }

    // ---------------------------------------------------------------- labels, constants, buffer

    /** @return a new unbound label */
    public Label newLabel() {
        return newLabel("L" + labels.size());
    }

    /**
     * @param name a name for dumps and error messages
     * @return a new unbound label
     */
    public Label newLabel(String name) {
        Label l = new Label(this, Objects.requireNonNull(name, "name"));
        labels.add(l);
        return l;
    }

    /**
     * Binds {@code label} to the current offset.
     *
     * @throws IllegalStateException if it is already bound
     * @throws IllegalArgumentException if it belongs to another assembler
     */
    public void bind(Label label) {
        open();
        own(label);
        label.bindAt(out.size());
    }

    /** @return the number of bytes emitted so far */
    public int offset() {
        return out.size();
    }

    /**
     * A label on an 8-byte constant in the pool after the code; equal bit patterns share one slot.
     *
     * @param bits the constant's bits (little-endian in memory)
     * @return the label, usable as {@code RipRel.of(label)}
     */
    public Label constantLabel(long bits) {
        open();
        return pool.computeIfAbsent(new PoolKey(bits, 0, false), k -> newLabel("const_" + Long.toHexString(bits)));
    }

    /**
     * A RIP-relative operand for a {@code double} constant in the pool.
     *
     * @param value the constant (bit pattern preserved, NaN payloads and -0.0 included)
     * @return the operand, e.g. for {@code movsd(xmm, constant(1.5))}
     */
    public RipRel constant(double value) {
        return RipRel.of(constantLabel(Double.doubleToRawLongBits(value)));
    }

    /**
     * A RIP-relative operand for a {@code float} constant in the pool (upper 32 bits zero).
     *
     * @param value the constant
     * @return the operand
     */
    public RipRel constant(float value) {
        return RipRel.of(constantLabel(Float.floatToRawIntBits(value) & 0xFFFF_FFFFL));
    }

    /**
     * A RIP-relative operand for a 16-byte, 16-byte-aligned constant (packed masks such as the
     * sign bit for {@code xorpd}).
     *
     * @param lo bits 0..63
     * @param hi bits 64..127
     * @return the operand
     */
    public RipRel constant128(long lo, long hi) {
        open();
        return RipRel.of(pool.computeIfAbsent(new PoolKey(lo, hi, true),
                k -> newLabel("const128_" + Long.toHexString(hi) + "_" + Long.toHexString(lo))));
    }

    /**
     * Raw escape hatch: appends bytes verbatim. The caller is responsible for their meaning.
     *
     * @param bytes values 0..255 (or -128..127)
     */
    public void bytes(int... bytes) {
        open();
        for (int b : bytes) {
            if (b < -128 || b > 255) {
                throw new IllegalArgumentException("not a byte: " + b);
            }
        }
        for (int b : bytes) {
            out.put(b);
        }
    }

    /**
     * Finishes the code: appends the constant pool (16-byte aligned, int3 padding), binds its
     * labels, patches every fix-up and returns the bytes relocated at offset 0.
     *
     * @return the code and its metadata
     * @throws IllegalStateException if a referenced label is unbound or a short branch overflows
     */
    public AssembledCode finish() {
        open();
        int codeSize = out.size();
        while (!pool.isEmpty() && out.size() % 16 != 0) {
            out.put(0xCC);
        }
        int poolOffset = out.size();
        for (Map.Entry<PoolKey, Label> e : pool.entrySet()) {
            if (e.getKey().wide()) {
                e.getValue().bindAt(out.size());
                out.putLong(e.getKey().lo());
                out.putLong(e.getKey().hi());
            }
        }
        for (Map.Entry<PoolKey, Label> e : pool.entrySet()) {
            if (!e.getKey().wide()) {
                e.getValue().bindAt(out.size());
                out.putLong(e.getKey().lo());
            }
        }
        for (Fixup f : fixups) {
            if (!f.target().isBound()) {
                throw new IllegalStateException("label " + f.target().name() + " is referenced at offset "
                        + f.at() + " but never bound");
            }
            long value = (long) f.target().position() + f.addend() - f.end();
            switch (f.kind()) {
                case REL32 -> out.setInt(f.at(), Math.toIntExact(value));
                case REL8 -> {
                    if (value != (byte) value) {
                        throw new IllegalStateException("short branch to " + f.target() + " out of range: " + value);
                    }
                    out.setByte(f.at(), (int) value);
                }
            }
        }
        finished = true;
        Map<Label, Integer> offsets = new IdentityHashMap<>();
        for (Label l : labels) {
            if (l.isBound()) {
                offsets.put(l, l.position());
            }
        }
        return new AssembledCode(out.toArray(), codeSize, poolOffset, offsets);
    }

    // ---------------------------------------------------------------- moves

    /** {@code mov dst, src} between registers of one width. */
    public void mov(Width w, Gpr dst, Gpr src) {
        require(w, dst, src);
        jnr(null, byteRex(w, dst, src), a -> a.mov(reg(dst, w), reg(src, w)));
    }

    /**
     * {@code mov dst, imm}. B64: a value that fits int32 uses the sign-extended imm32 form,
     * anything else {@code movabs}. B8/B16/B32: the value must fit the width (signed or unsigned).
     */
    public void mov(Width w, Gpr dst, long imm) {
        require(w, dst);
        if (w != Width.B64) {
            checkImmediate(w, imm);
        }
        long v = w.signExtend(imm);
        jnr(null, byteRex(w, dst), a -> a.mov(reg(dst, w), Immediate.imm(v)));
    }

    /** {@code mov dst, [src]} (load). */
    public void mov(Width w, Gpr dst, Address src) {
        require(w, dst, src);
        jnr(src, byteRex(w, dst), a -> a.mov(reg(dst, w), mem(src, w.bytes())));
    }

    /** {@code mov [dst], src} (store). */
    public void mov(Width w, Address dst, Gpr src) {
        require(w, src, dst);
        jnr(dst, byteRex(w, src), a -> a.mov(mem(dst, w.bytes()), reg(src, w)));
    }

    /** {@code mov [dst], imm} (B64: sign-extended imm32; an imm outside int32 is rejected, B11). */
    public void mov(Width w, Address dst, long imm) {
        require(w, dst);
        noRip(dst, "mov [m], imm");
        checkImmediate(w, imm);
        long v = w.signExtend(imm);
        jnr(dst, false, a -> a.mov(mem(dst, w.bytes()), Immediate.imm(v)));
    }

    /** {@code movzx dst, src}: zero-extends an 8- or 16-bit register into a wider one. */
    public void movzx(Width dstWidth, Gpr dst, Width srcWidth, Gpr src) {
        checkExtension(dstWidth, srcWidth, dst, src);
        jnr(null, srcWidth == Width.B8 && src.needsRexForByte(),
                a -> a.movzx(reg(dst, dstWidth), reg(src, srcWidth)));
    }

    /** {@code movzx dst, byte/word [src]}. */
    public void movzx(Width dstWidth, Gpr dst, Width srcWidth, Address src) {
        checkExtension(dstWidth, srcWidth, dst, src);
        jnr(src, false, a -> a.movzx(reg(dst, dstWidth), mem(src, srcWidth.bytes())));
    }

    /** {@code movsx dst, src}: sign-extends an 8- or 16-bit register into a wider one. */
    public void movsx(Width dstWidth, Gpr dst, Width srcWidth, Gpr src) {
        checkExtension(dstWidth, srcWidth, dst, src);
        jnr(null, srcWidth == Width.B8 && src.needsRexForByte(),
                a -> a.movsx(reg(dst, dstWidth), reg(src, srcWidth)));
    }

    /** {@code movsx dst, byte/word [src]}. */
    public void movsx(Width dstWidth, Gpr dst, Width srcWidth, Address src) {
        checkExtension(dstWidth, srcWidth, dst, src);
        jnr(src, false, a -> a.movsx(reg(dst, dstWidth), mem(src, srcWidth.bytes())));
    }

    /** {@code movsxd dst64, src32}. */
    public void movsxd(Gpr dst, Gpr src) {
        require(Width.B64, dst, src);
        jnr(null, false, a -> a.movsxd(reg(dst, Width.B64), reg(src, Width.B32)));
    }

    /** {@code movsxd dst64, dword [src]}. */
    public void movsxd(Gpr dst, Address src) {
        require(Width.B64, dst, src);
        jnr(src, false, a -> a.movsxd(reg(dst, Width.B64), mem(src, 4)));
    }

    /** {@code lea dst, [src]} with a 32- or 64-bit destination. */
    public void lea(Width w, Gpr dst, Address src) {
        require(w, dst, src);
        if (w != Width.B32 && w != Width.B64) {
            throw new IllegalArgumentException("lea destination must be 32 or 64 bits, not " + w);
        }
        jnr(src, false, a -> a.lea(reg(dst, w), mem(src, 0)));
    }

    /** {@code cmovcc dst, src} (16/32/64 bits). */
    public void cmov(Cond cc, Width w, Gpr dst, Gpr src) {
        require(w, dst, src);
        Objects.requireNonNull(cc, "cond");
        noByte(w, "cmov");
        jnr(null, false, a -> a.cmov(cc.jnr(), reg(dst, w), reg(src, w)));
    }

    /** {@code cmovcc dst, [src]} (16/32/64 bits). */
    public void cmov(Cond cc, Width w, Gpr dst, Address src) {
        require(w, dst, src);
        Objects.requireNonNull(cc, "cond");
        noByte(w, "cmov");
        jnr(src, false, a -> a.cmov(cc.jnr(), reg(dst, w), mem(src, w.bytes())));
    }

    /** {@code setcc dst8}: any low byte register, spl/bpl/sil/dil included (raw-encoded, B9). */
    public void setcc(Cond cc, Gpr dst) {
        open();
        Objects.requireNonNull(cc, "cond");
        Objects.requireNonNull(dst, "dst");
        int start = out.size();
        RawEncoder.setcc(out, cc, dst);
        advanced(start, "setcc");
    }

    /** {@code setcc byte [dst]}. */
    public void setcc(Cond cc, Address dst) {
        require(Width.B8, dst);
        Objects.requireNonNull(cc, "cond");
        jnr(dst, false, a -> a.set(cc.jnr(), mem(dst, 1)));
    }

    // ---------------------------------------------------------------- integer arithmetic

    /** {@code op dst, src} on registers. */
    public void alu(AluOp op, Width w, Gpr dst, Gpr src) {
        require(w, dst, src);
        Objects.requireNonNull(op, "op");
        Register d = reg(dst, w);
        Register s = reg(src, w);
        jnr(null, byteRex(w, dst, src), a -> {
            switch (op) {
                case ADD -> a.add(d, s);
                case OR -> a.or_(d, s);
                case ADC -> a.adc(d, s);
                case SBB -> a.sbb(d, s);
                case AND -> a.and_(d, s);
                case SUB -> a.sub(d, s);
                case XOR -> a.xor_(d, s);
                case CMP -> a.cmp(d, s);
                case TEST -> a.test(d, s);
            }
        });
    }

    /** {@code op dst, imm}; B64 takes a sign-extended imm32 only (B11). */
    public void alu(AluOp op, Width w, Gpr dst, long imm) {
        require(w, dst);
        Objects.requireNonNull(op, "op");
        checkImmediate(w, imm);
        Register d = reg(dst, w);
        Immediate i = Immediate.imm(w.signExtend(imm));
        jnr(null, byteRex(w, dst), a -> {
            switch (op) {
                case ADD -> a.add(d, i);
                case OR -> a.or_(d, i);
                case ADC -> a.adc(d, i);
                case SBB -> a.sbb(d, i);
                case AND -> a.and_(d, i);
                case SUB -> a.sub(d, i);
                case XOR -> a.xor_(d, i);
                case CMP -> a.cmp(d, i);
                case TEST -> a.test(d, i);
            }
        });
    }

    /** {@code op dst, [src]} ({@code test} is emitted as {@code test [src], dst}, its only encoding). */
    public void alu(AluOp op, Width w, Gpr dst, Address src) {
        require(w, dst, src);
        Objects.requireNonNull(op, "op");
        Register d = reg(dst, w);
        jnr(src, byteRex(w, dst), a -> {
            jnr.x86asm.Mem m = mem(src, w.bytes());
            switch (op) {
                case ADD -> a.add(d, m);
                case OR -> a.or_(d, m);
                case ADC -> a.adc(d, m);
                case SBB -> a.sbb(d, m);
                case AND -> a.and_(d, m);
                case SUB -> a.sub(d, m);
                case XOR -> a.xor_(d, m);
                case CMP -> a.cmp(d, m);
                case TEST -> a.test(m, d);
            }
        });
    }

    /** {@code op [dst], src}. */
    public void alu(AluOp op, Width w, Address dst, Gpr src) {
        require(w, src, dst);
        Objects.requireNonNull(op, "op");
        Register s = reg(src, w);
        jnr(dst, byteRex(w, src), a -> {
            jnr.x86asm.Mem m = mem(dst, w.bytes());
            switch (op) {
                case ADD -> a.add(m, s);
                case OR -> a.or_(m, s);
                case ADC -> a.adc(m, s);
                case SBB -> a.sbb(m, s);
                case AND -> a.and_(m, s);
                case SUB -> a.sub(m, s);
                case XOR -> a.xor_(m, s);
                case CMP -> a.cmp(m, s);
                case TEST -> a.test(m, s);
            }
        });
    }

    /** {@code op [dst], imm}; B64 takes a sign-extended imm32 only (B11). */
    public void alu(AluOp op, Width w, Address dst, long imm) {
        require(w, dst);
        Objects.requireNonNull(op, "op");
        noRip(dst, "op [m], imm");
        checkImmediate(w, imm);
        Immediate i = Immediate.imm(w.signExtend(imm));
        jnr(dst, false, a -> {
            jnr.x86asm.Mem m = mem(dst, w.bytes());
            switch (op) {
                case ADD -> a.add(m, i);
                case OR -> a.or_(m, i);
                case ADC -> a.adc(m, i);
                case SBB -> a.sbb(m, i);
                case AND -> a.and_(m, i);
                case SUB -> a.sub(m, i);
                case XOR -> a.xor_(m, i);
                case CMP -> a.cmp(m, i);
                case TEST -> a.test(m, i);
            }
        });
    }

    /** {@code imul dst, src} (32/64 bits; jnr's 16-bit form fails an internal assertion). */
    public void imul(Width w, Gpr dst, Gpr src) {
        require(w, dst, src);
        wide(w, "two-operand imul");
        jnr(null, false, a -> a.imul(reg(dst, w), reg(src, w)));
    }

    /** {@code imul dst, [src]} (32/64 bits). */
    public void imul(Width w, Gpr dst, Address src) {
        require(w, dst, src);
        wide(w, "two-operand imul");
        jnr(src, false, a -> a.imul(reg(dst, w), mem(src, w.bytes())));
    }

    /** {@code imul dst, src, imm} (32/64 bits; imm fits the width, int32 for B64). */
    public void imul(Width w, Gpr dst, Gpr src, long imm) {
        require(w, dst, src);
        wide(w, "three-operand imul");
        checkImmediate(w, imm);
        long v = w.signExtend(imm);
        jnr(null, false, a -> a.imul(reg(dst, w), reg(src, w), Immediate.imm(v)));
    }

    /** One-operand {@code not/neg/mul/imul/div/idiv src}. */
    public void unary(UnaryOp op, Width w, Gpr src) {
        require(w, src);
        Objects.requireNonNull(op, "op");
        Register r = reg(src, w);
        jnr(null, byteRex(w, src), a -> {
            switch (op) {
                case NOT -> a.not_(r);
                case NEG -> a.neg(r);
                case MUL -> a.mul(r);
                case IMUL -> a.imul(r);
                case DIV -> a.div(r);
                case IDIV -> a.idiv(r);
            }
        });
    }

    /** One-operand {@code not/neg/mul/imul/div/idiv [src]}. */
    public void unary(UnaryOp op, Width w, Address src) {
        require(w, src);
        Objects.requireNonNull(op, "op");
        jnr(src, false, a -> {
            jnr.x86asm.Mem m = mem(src, w.bytes());
            switch (op) {
                case NOT -> a.not_(m);
                case NEG -> a.neg(m);
                case MUL -> a.mul(m);
                case IMUL -> a.imul(m);
                case DIV -> a.div(m);
                case IDIV -> a.idiv(m);
            }
        });
    }

    /** Shift/rotate {@code dst} by CL; {@code count} must be {@link Gpr#RCX} (B10). */
    public void shift(ShiftOp op, Width w, Gpr dst, Gpr count) {
        require(w, dst, count);
        Objects.requireNonNull(op, "op");
        if (count != Gpr.RCX) {
            throw new IllegalArgumentException("a variable shift count must be in cl (RCX), not " + count);
        }
        Register d = reg(dst, w);
        Register cl = reg(Gpr.RCX, Width.B8);
        jnr(null, byteRex(w, dst), a -> {
            switch (op) {
                case ROL -> a.rol(d, cl);
                case ROR -> a.ror(d, cl);
                case SHL -> a.shl(d, cl);
                case SHR -> a.shr(d, cl);
                case SAR -> a.sar(d, cl);
            }
        });
    }

    /** Shift/rotate {@code dst} by a constant 0..63 (B64) or 0..31. */
    public void shift(ShiftOp op, Width w, Gpr dst, int count) {
        require(w, dst);
        Objects.requireNonNull(op, "op");
        int max = w == Width.B64 ? 63 : 31;
        if (count < 0 || count > max) {
            throw new IllegalArgumentException("shift count " + count + " outside 0.." + max + " for " + w);
        }
        Register d = reg(dst, w);
        Immediate i = Immediate.imm(count);
        jnr(null, byteRex(w, dst), a -> {
            switch (op) {
                case ROL -> a.rol(d, i);
                case ROR -> a.ror(d, i);
                case SHL -> a.shl(d, i);
                case SHR -> a.shr(d, i);
                case SAR -> a.sar(d, i);
            }
        });
    }

    /** {@code cdq}: sign-extends eax into edx (raw {@code 99}; jnr calls it cwde, B7). */
    public void cdq() {
        raw("cdq", RawEncoder::cdq);
    }

    /** {@code cqo}: sign-extends rax into rdx (raw {@code 48 99}; jnr calls it cdqe, B7). */
    public void cqo() {
        raw("cqo", RawEncoder::cqo);
    }

    /** {@code cdqe}: sign-extends eax into rax (raw {@code 48 98}; missing from jnr, B7). */
    public void cdqe() {
        raw("cdqe", RawEncoder::cdqe);
    }

    // ---------------------------------------------------------------- control flow

    /** {@code jmp label}: rel8 when the label is already bound and near, else rel32. */
    public void jmp(Label target) {
        open();
        own(target);
        int start = out.size();
        Integer rel8 = backwardRel8(target, 2);
        if (rel8 != null) {
            RawEncoder.jmpRel8(out, rel8);
        } else {
            int at = RawEncoder.jmpRel32(out);
            fixups.add(new Fixup(at, out.size(), target, 0, FixupKind.REL32));
        }
        advanced(start, "jmp");
    }

    /** {@code jcc label}: rel8 when the label is already bound and near, else rel32. */
    public void jcc(Cond cc, Label target) {
        open();
        Objects.requireNonNull(cc, "cond");
        own(target);
        int start = out.size();
        Integer rel8 = backwardRel8(target, 2);
        if (rel8 != null) {
            RawEncoder.jccRel8(out, cc, rel8);
        } else {
            int at = RawEncoder.jccRel32(out, cc);
            fixups.add(new Fixup(at, out.size(), target, 0, FixupKind.REL32));
        }
        advanced(start, "j" + cc.suffix());
    }

    /**
     * {@code call label} (rel32). The label may be bound later in the same buffer, e.g. the entry
     * of another function assembled into the same code.
     */
    public void call(Label target) {
        open();
        own(target);
        int start = out.size();
        int at = RawEncoder.callRel32(out);
        fixups.add(new Fixup(at, out.size(), target, 0, FixupKind.REL32));
        advanced(start, "call");
    }

    /** {@code call r64}. */
    public void call(Gpr target) {
        require(Width.B64, target);
        jnr(null, false, a -> a.call(reg(target, Width.B64)));
    }

    /** {@code call qword [m]}. */
    public void call(Address target) {
        require(Width.B64, target);
        jnr(target, false, a -> a.call(mem(target, 8)));
    }

    /** {@code jmp r64}. */
    public void jmp(Gpr target) {
        require(Width.B64, target);
        jnr(null, false, a -> a.jmp(reg(target, Width.B64)));
    }

    /** {@code jmp qword [m]}. */
    public void jmp(Address target) {
        require(Width.B64, target);
        jnr(target, false, a -> a.jmp(mem(target, 8)));
    }

    /**
     * Calls native code at an absolute address: {@code mov r11, imm64; call r11} (13 bytes, raw).
     * <b>Clobbers r11</b> (caller-saved scratch in the System V ABI, never an argument register).
     */
    public void callAbsolute(long address) {
        if (address == 0) {
            throw new IllegalArgumentException("call to address 0");
        }
        raw("callAbsolute", o -> RawEncoder.callAbsolute(o, address));
    }

    /** {@code ret}. */
    public void ret() {
        jnr(null, false, Assembler::ret);
    }

    /** {@code push r64}. */
    public void push(Gpr src) {
        require(Width.B64, src);
        jnr(null, false, a -> a.push(reg(src, Width.B64)));
    }

    /** {@code pop r64}. */
    public void pop(Gpr dst) {
        require(Width.B64, dst);
        jnr(null, false, a -> a.pop(reg(dst, Width.B64)));
    }

    /** One-byte {@code nop}. */
    public void nop() {
        jnr(null, false, Assembler::nop);
    }

    /**
     * Pads with the fewest recommended multi-byte NOPs (raw, up to 9 bytes each) until the offset
     * is a multiple of {@code alignment}.
     *
     * @param alignment a power of two, 1..4096
     */
    public void align(int alignment) {
        open();
        if (alignment < 1 || alignment > 4096 || Integer.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("alignment must be a power of two in 1..4096: " + alignment);
        }
        int pad = -out.size() & (alignment - 1);
        while (pad > 0) {
            int n = Math.min(pad, 9);
            RawEncoder.nop(out, n);
            pad -= n;
        }
    }

    /**
     * One multi-byte NOP instruction of exactly {@code length} bytes (raw).
     *
     * @param length 1..9
     */
    public void nop(int length) {
        open();
        if (length < 1 || length > 9) {
            throw new IllegalArgumentException("a single NOP is 1..9 bytes, not " + length);
        }
        raw("nop", o -> RawEncoder.nop(o, length));
    }

    /** {@code ud2}: guaranteed invalid opcode. */
    public void ud2() {
        jnr(null, false, Assembler::ud2);
    }

    /** {@code int3}: breakpoint. */
    public void int3() {
        jnr(null, false, Assembler::int3);
    }

    // ---------------------------------------------------------------- SSE

    /** {@code movsd dst, src} (low 64 bits; upper kept). */
    public void movsd(Xmm dst, Xmm src) {
        xx(dst, src);
        jnr(null, false, a -> a.movsd(xmm(dst), xmm(src)));
    }

    /** {@code movsd dst, qword [src]} (upper zeroed). */
    public void movsd(Xmm dst, Address src) {
        xa(dst, src);
        jnr(src, false, a -> a.movsd(xmm(dst), mem(src, 8)));
    }

    /** {@code movsd qword [dst], src}. */
    public void movsd(Address dst, Xmm src) {
        xa(src, dst);
        jnr(dst, false, a -> a.movsd(mem(dst, 8), xmm(src)));
    }

    /** {@code movss dst, src}. */
    public void movss(Xmm dst, Xmm src) {
        xx(dst, src);
        jnr(null, false, a -> a.movss(xmm(dst), xmm(src)));
    }

    /** {@code movss dst, dword [src]}. */
    public void movss(Xmm dst, Address src) {
        xa(dst, src);
        jnr(src, false, a -> a.movss(xmm(dst), mem(src, 4)));
    }

    /** {@code movss dword [dst], src}. */
    public void movss(Address dst, Xmm src) {
        xa(src, dst);
        jnr(dst, false, a -> a.movss(mem(dst, 4), xmm(src)));
    }

    /** {@code movaps dst, src} (full register copy). */
    public void movaps(Xmm dst, Xmm src) {
        xx(dst, src);
        jnr(null, false, a -> a.movaps(xmm(dst), xmm(src)));
    }

    /** {@code movapd dst, src} (full register copy). */
    public void movapd(Xmm dst, Xmm src) {
        xx(dst, src);
        jnr(null, false, a -> a.movapd(xmm(dst), xmm(src)));
    }

    /** {@code movq dst, src64} (bit copy into the low 64 bits, upper zeroed). */
    public void movq(Xmm dst, Gpr src) {
        xx(dst, Xmm.XMM0);
        require(Width.B64, src);
        jnr(null, false, a -> a.movq(xmm(dst), reg(src, Width.B64)));
    }

    /** {@code movq dst64, src} (bit copy of the low 64 bits). */
    public void movq(Gpr dst, Xmm src) {
        xx(src, Xmm.XMM0);
        require(Width.B64, dst);
        jnr(null, false, a -> a.movq(reg(dst, Width.B64), xmm(src)));
    }

    /** {@code movd dst, src32}. */
    public void movd(Xmm dst, Gpr src) {
        xx(dst, Xmm.XMM0);
        require(Width.B32, src);
        jnr(null, false, a -> a.movd(xmm(dst), reg(src, Width.B32)));
    }

    /** {@code movd dst32, src}. */
    public void movd(Gpr dst, Xmm src) {
        xx(src, Xmm.XMM0);
        require(Width.B32, dst);
        jnr(null, false, a -> a.movd(reg(dst, Width.B32), xmm(src)));
    }

    /** {@code op dst, src} for an {@link SseOp}. */
    public void sse(SseOp op, Xmm dst, Xmm src) {
        xx(dst, src);
        Objects.requireNonNull(op, "op");
        XMMRegister d = xmm(dst);
        XMMRegister s = xmm(src);
        jnr(null, false, a -> {
            switch (op) {
                case ADDSD -> a.addsd(d, s);
                case SUBSD -> a.subsd(d, s);
                case MULSD -> a.mulsd(d, s);
                case DIVSD -> a.divsd(d, s);
                case SQRTSD -> a.sqrtsd(d, s);
                case MINSD -> a.minsd(d, s);
                case MAXSD -> a.maxsd(d, s);
                case ADDSS -> a.addss(d, s);
                case SUBSS -> a.subss(d, s);
                case MULSS -> a.mulss(d, s);
                case DIVSS -> a.divss(d, s);
                case SQRTSS -> a.sqrtss(d, s);
                case MINSS -> a.minss(d, s);
                case MAXSS -> a.maxss(d, s);
                case UCOMISD -> a.ucomisd(d, s);
                case UCOMISS -> a.ucomiss(d, s);
                case ANDPD -> a.andpd(d, s);
                case ANDNPD -> a.andnpd(d, s);
                case ORPD -> a.orpd(d, s);
                case XORPD -> a.xorpd(d, s);
                case ANDPS -> a.andps(d, s);
                case ANDNPS -> a.andnps(d, s);
                case ORPS -> a.orps(d, s);
                case XORPS -> a.xorps(d, s);
                case CVTSD2SS -> a.cvtsd2ss(d, s);
                case CVTSS2SD -> a.cvtss2sd(d, s);
            }
        });
    }

    /** {@code op dst, [src]} for an {@link SseOp}; packed forms need a 16-byte aligned operand. */
    public void sse(SseOp op, Xmm dst, Address src) {
        xa(dst, src);
        Objects.requireNonNull(op, "op");
        XMMRegister d = xmm(dst);
        jnr(src, false, a -> {
            jnr.x86asm.Mem m = mem(src, op.memoryBytes());
            switch (op) {
                case ADDSD -> a.addsd(d, m);
                case SUBSD -> a.subsd(d, m);
                case MULSD -> a.mulsd(d, m);
                case DIVSD -> a.divsd(d, m);
                case SQRTSD -> a.sqrtsd(d, m);
                case MINSD -> a.minsd(d, m);
                case MAXSD -> a.maxsd(d, m);
                case ADDSS -> a.addss(d, m);
                case SUBSS -> a.subss(d, m);
                case MULSS -> a.mulss(d, m);
                case DIVSS -> a.divss(d, m);
                case SQRTSS -> a.sqrtss(d, m);
                case MINSS -> a.minss(d, m);
                case MAXSS -> a.maxss(d, m);
                case UCOMISD -> a.ucomisd(d, m);
                case UCOMISS -> a.ucomiss(d, m);
                case ANDPD -> a.andpd(d, m);
                case ANDNPD -> a.andnpd(d, m);
                case ORPD -> a.orpd(d, m);
                case XORPD -> a.xorpd(d, m);
                case ANDPS -> a.andps(d, m);
                case ANDNPS -> a.andnps(d, m);
                case ORPS -> a.orps(d, m);
                case XORPS -> a.xorps(d, m);
                case CVTSD2SS -> a.cvtsd2ss(d, m);
                case CVTSS2SD -> a.cvtss2sd(d, m);
            }
        });
    }

    /** {@code cvtsi2sd dst, src} from a 32- or 64-bit integer (64-bit raw-encoded, B4). */
    public void cvtsi2sd(Xmm dst, Width w, Gpr src) {
        cvtsi2fp(true, dst, w, src);
    }

    /** {@code cvtsi2sd dst, dword/qword [src]} (64-bit raw-encoded, B4). */
    public void cvtsi2sd(Xmm dst, Width w, Address src) {
        cvtsi2fp(true, dst, w, src);
    }

    /** {@code cvtsi2ss dst, src} from a 32- or 64-bit integer (64-bit raw-encoded, B4). */
    public void cvtsi2ss(Xmm dst, Width w, Gpr src) {
        cvtsi2fp(false, dst, w, src);
    }

    /** {@code cvtsi2ss dst, dword/qword [src]} (64-bit raw-encoded, B4). */
    public void cvtsi2ss(Xmm dst, Width w, Address src) {
        cvtsi2fp(false, dst, w, src);
    }

    /** {@code cvttsd2si dst, src}: truncating double to int32/int64 (0x80..0 on overflow/NaN). */
    public void cvttsd2si(Width w, Gpr dst, Xmm src) {
        cvtt(true, w, dst, src);
    }

    /** {@code cvttss2si dst, src}: truncating float to int32/int64. */
    public void cvttss2si(Width w, Gpr dst, Xmm src) {
        cvtt(false, w, dst, src);
    }

    /**
     * {@code roundsd dst, src, mode} (SSE4.1).
     *
     * @param mode the rounding immediate 0..15 (0 nearest, 1 floor, 2 ceil, 3 truncate; +8 to
     *     suppress the precision exception)
     */
    public void roundsd(Xmm dst, Xmm src, int mode) {
        xx(dst, src);
        if (mode < 0 || mode > 15) {
            throw new IllegalArgumentException("roundsd mode must be 0..15, not " + mode);
        }
        jnr(null, false, a -> a.roundsd(xmm(dst), xmm(src), Immediate.imm(mode)));
    }

    // ---------------------------------------------------------------- internals

    private void cvtsi2fp(boolean toDouble, Xmm dst, Width w, Object src) {
        open();
        Objects.requireNonNull(dst, "dst");
        Objects.requireNonNull(w, "width");
        Objects.requireNonNull(src, "src");
        if (w != Width.B32 && w != Width.B64) {
            throw new IllegalArgumentException("cvtsi2sd/ss source must be 32 or 64 bits, not " + w);
        }
        if (src instanceof Address a) {
            checkAddress(a);
        }
        String what = toDouble ? "cvtsi2sd" : "cvtsi2ss";
        if (w == Width.B64) {
            int start = out.size();
            int disp = src instanceof Gpr g
                    ? RawEncoder.cvtsi2fp64(out, toDouble, dst, g, null)
                    : RawEncoder.cvtsi2fp64(out, toDouble, dst, null, (Address) src);
            if (disp >= 0) {
                RipRel rip = (RipRel) src;
                fixups.add(new Fixup(disp, out.size(), rip.target(), rip.disp(), FixupKind.REL32));
            }
            advanced(start, what);
            return;
        }
        XMMRegister d = xmm(dst);
        if (src instanceof Gpr g) {
            Register s = reg(g, Width.B32);
            jnr(null, false, a -> {
                if (toDouble) {
                    a.cvtsi2sd(d, s);
                } else {
                    a.cvtsi2ss(d, s);
                }
            });
        } else {
            Address m = (Address) src;
            jnr(m, false, a -> {
                if (toDouble) {
                    a.cvtsi2sd(d, mem(m, 4));
                } else {
                    a.cvtsi2ss(d, mem(m, 4));
                }
            });
        }
    }

    private void cvtt(boolean fromDouble, Width w, Gpr dst, Xmm src) {
        require(w, dst);
        Objects.requireNonNull(src, "src");
        if (w != Width.B32 && w != Width.B64) {
            throw new IllegalArgumentException("cvtt*2si destination must be 32 or 64 bits, not " + w);
        }
        jnr(null, false, a -> {
            if (fromDouble) {
                a.cvttsd2si(reg(dst, w), xmm(src));
            } else {
                a.cvttss2si(reg(dst, w), xmm(src));
            }
        });
    }

    /** Encodes one instruction with a fresh jnr assembler and copies its bytes in. */
    private void jnr(Address memory, boolean forceRex, Consumer<Assembler> body) {
        open();
        Assembler a = new Assembler(Assembler.X86_64);
        body.accept(a);
        int n = a.offset();
        if (n == 0) {
            throw new IllegalStateException("jnr-x86asm emitted no bytes (B10) at offset " + out.size());
        }
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = a.getByteAt(i);
        }
        out.put(forceRex ? RawEncoder.withRex(bytes) : bytes);
        if (memory instanceof RipRel rip) {
            // jnr wrote a disp32 for a fresh, never-bound label as the last field (no immediate
            // follows: forms with immediates reject RipRel). Repoint it ourselves (B5).
            fixups.add(new Fixup(out.size() - 4, out.size(), rip.target(), rip.disp(), FixupKind.REL32));
        }
    }

    private void raw(String what, Consumer<ByteSink> body) {
        open();
        int start = out.size();
        body.accept(out);
        advanced(start, what);
    }

    private void advanced(int start, String what) {
        if (out.size() <= start) {
            throw new IllegalStateException(what + " emitted no bytes");
        }
    }

    private Integer backwardRel8(Label target, int length) {
        if (!target.isBound()) {
            return null;
        }
        long rel = (long) target.position() - (out.size() + length);
        return rel == (byte) rel ? (int) rel : null;
    }

    private static Register reg(Gpr g, Width w) {
        return switch (w) {
            case B8 -> Register.gpb(g.encoding());
            case B16 -> Register.gpw(g.encoding());
            case B32 -> Register.gpd(g.encoding());
            case B64 -> Register.gpq(g.encoding());
        };
    }

    private static XMMRegister xmm(Xmm x) {
        return XMMRegister.xmm(x.encoding());
    }

    /**
     * The jnr memory operand; a RipRel becomes a fresh jnr label (always a forward reference, whose
     * disp32 we patch). The third argument of jnr's ptr() is a shift, not a scale (B11).
     */
    private static jnr.x86asm.Mem mem(Address address, int bytes) {
        if (address instanceof RipRel) {
            jnr.x86asm.Label l = new jnr.x86asm.Label();
            return switch (bytes) {
                case 0 -> Asm.ptr(l, 0);
                case 1 -> Asm.byte_ptr(l, 0);
                case 2 -> Asm.word_ptr(l, 0);
                case 4 -> Asm.dword_ptr(l, 0);
                case 8 -> Asm.qword_ptr(l, 0);
                case 16 -> Asm.dqword_ptr(l, 0);
                default -> throw new IllegalArgumentException("operand size " + bytes);
            };
        }
        Mem m = (Mem) address;
        Register base = Register.gpq(m.base().encoding());
        long disp = m.disp();
        if (m.index() == null) {
            return switch (bytes) {
                case 0 -> Asm.ptr(base, disp);
                case 1 -> Asm.byte_ptr(base, disp);
                case 2 -> Asm.word_ptr(base, disp);
                case 4 -> Asm.dword_ptr(base, disp);
                case 8 -> Asm.qword_ptr(base, disp);
                case 16 -> Asm.dqword_ptr(base, disp);
                default -> throw new IllegalArgumentException("operand size " + bytes);
            };
        }
        Register index = Register.gpq(m.index().encoding());
        int shift = m.shift();
        return switch (bytes) {
            case 0 -> Asm.ptr(base, index, shift, disp);
            case 1 -> Asm.byte_ptr(base, index, shift, disp);
            case 2 -> Asm.word_ptr(base, index, shift, disp);
            case 4 -> Asm.dword_ptr(base, index, shift, disp);
            case 8 -> Asm.qword_ptr(base, index, shift, disp);
            case 16 -> Asm.dqword_ptr(base, index, shift, disp);
            default -> throw new IllegalArgumentException("operand size " + bytes);
        };
    }

    private static boolean byteRex(Width w, Gpr... regs) {
        if (w != Width.B8) {
            return false;
        }
        for (Gpr g : regs) {
            if (g.needsRexForByte()) {
                return true;
            }
        }
        return false;
    }

    private void open() {
        if (finished) {
            throw new IllegalStateException("assembler already finished");
        }
    }

    private void own(Label l) {
        Objects.requireNonNull(l, "label");
        if (l.owner() != this) {
            throw new IllegalArgumentException("label " + l.name() + " belongs to another assembler");
        }
    }

    private void checkAddress(Address a) {
        Objects.requireNonNull(a, "address");
        if (a instanceof RipRel rip) {
            own(rip.target());
        }
    }

    private void require(Width w, Object... operands) {
        open();
        Objects.requireNonNull(w, "width");
        for (Object o : operands) {
            Objects.requireNonNull(o, "operand");
            if (o instanceof Address a) {
                checkAddress(a);
            }
        }
    }

    private static void noRip(Address a, String form) {
        if (a instanceof RipRel) {
            throw new IllegalArgumentException("RIP-relative operand not supported in " + form);
        }
    }

    private static void wide(Width w, String form) {
        if (w != Width.B32 && w != Width.B64) {
            throw new IllegalArgumentException(form + " takes 32- or 64-bit operands, not " + w);
        }
    }

    private static void noByte(Width w, String form) {
        if (w == Width.B8) {
            throw new IllegalArgumentException(form + " has no 8-bit form");
        }
    }

    private static void checkImmediate(Width w, long imm) {
        if (imm < w.minImmediate() || imm > w.maxImmediate()) {
            throw new IllegalArgumentException("immediate " + imm + " (0x" + Long.toHexString(imm)
                    + ") does not fit " + w + (w == Width.B64 ? " (64-bit forms take a sign-extended imm32)" : ""));
        }
    }

    private void checkExtension(Width dstWidth, Width srcWidth, Gpr dst, Object src) {
        require(dstWidth, dst, src);
        Objects.requireNonNull(srcWidth, "source width");
        if (srcWidth != Width.B8 && srcWidth != Width.B16) {
            throw new IllegalArgumentException("movzx/movsx source must be 8 or 16 bits, not " + srcWidth
                    + " (use mov for 32->64 zero extension, movsxd for sign extension)");
        }
        if (dstWidth.bytes() <= srcWidth.bytes()) {
            throw new IllegalArgumentException("movzx/movsx must widen: " + srcWidth + " -> " + dstWidth);
        }
    }

    private void xx(Xmm a, Xmm b) {
        open();
        Objects.requireNonNull(a, "xmm operand");
        Objects.requireNonNull(b, "xmm operand");
    }

    private void xa(Xmm x, Address a) {
        open();
        Objects.requireNonNull(x, "xmm operand");
        checkAddress(a);
    }
}
