package org.pyjit.x86.asm;

/**
 * The encodings the facade emits itself, as raw bytes, because jnr-x86asm 1.0.2 gets them wrong
 * or lacks them. Each method cites the Intel SDM (Vol. 2, instruction-set reference) page it
 * follows. REX is {@code 0100WRXB} (SDM Vol. 2 §2.2.1); ModRM is {@code mod:2 reg:3 rm:3} and SIB
 * {@code scale:2 index:3 base:3} (SDM Vol. 2 §2.1.5, Tables 2-2 and 2-3).
 */
final class RawEncoder {
    private RawEncoder() {
    }

    static final int REX = 0x40;
    static final int REX_W = 0x08;
    static final int REX_R = 0x04;
    static final int REX_X = 0x02;
    static final int REX_B = 0x01;

    /** Placeholder for a RIP-relative disp32 or branch rel32 patched at finish. */
    static final int PLACEHOLDER = 0;

    /** REX bits R/X/B needed by a ModRM {@code reg} field and a memory operand (0 for none). */
    static int rexBits(int reg, Address address) {
        int rex = (reg & 8) != 0 ? REX_R : 0;
        if (address instanceof Mem m) {
            if (m.base().isExtended()) {
                rex |= REX_B;
            }
            if (m.index() != null && m.index().isExtended()) {
                rex |= REX_X;
            }
        }
        return rex;
    }

    /**
     * Emits ModRM (+SIB) (+disp) for {@code reg} and a memory operand. Rules (SDM Vol. 2 §2.1.5 and
     * §2.2.1.6): rm=100 means "SIB follows", so rsp/r12 as base need a SIB; mod=00 with rm=101 means
     * RIP+disp32, so rbp/r13 as base need mod=01 with disp8 0. Returns the offset of a RIP disp32
     * to patch, or -1.
     */
    static int modrmMemory(ByteSink out, int reg, Address address) {
        int r = (reg & 7) << 3;
        if (address instanceof RipRel) {
            out.put(r | 0b101);
            int at = out.size();
            out.putInt(PLACEHOLDER);
            return at;
        }
        Mem m = (Mem) address;
        int base = m.base().encoding() & 7;
        boolean sib = m.index() != null || base == 4;
        int mod = m.disp() == 0 && base != 5 ? 0b00 : (m.disp() == (byte) m.disp() ? 0b01 : 0b10);
        out.put(mod << 6 | r | (sib ? 0b100 : base));
        if (sib) {
            int index = m.index() == null ? 0b100 : m.index().encoding() & 7;
            out.put(m.shift() << 6 | index << 3 | base);
        }
        if (mod == 0b01) {
            out.put(m.disp());
        } else if (mod == 0b10) {
            out.putInt(m.disp());
        }
        return -1;
    }

    /** ModRM with mod=11 (register direct). */
    static void modrmRegister(ByteSink out, int reg, int rm) {
        out.put(0xC0 | (reg & 7) << 3 | (rm & 7));
    }

    /**
     * SETcc r/m8 — SDM Vol. 2B "SETcc—Set Byte on Condition": {@code 0F 90+cc /0}. A REX prefix
     * (0x40 when no extension bit is needed) selects SPL/BPL/SIL/DIL instead of AH/CH/DH/BH for
     * encodings 4..7 (SDM Vol. 2 §2.2.1.2, Table 2-5 note; jnr cannot, B9).
     */
    static void setcc(ByteSink out, Cond cond, Gpr dst) {
        if (dst.isExtended()) {
            out.put(REX | REX_B);
        } else if (dst.needsRexForByte()) {
            out.put(REX);
        }
        out.put(0x0F);
        out.put(0x90 + cond.encoding());
        modrmRegister(out, 0, dst.encoding());
    }

    /**
     * CVTSI2SD/CVTSI2SS xmm, r/m64 — SDM Vol. 2A "CVTSI2SD" ({@code F2 REX.W 0F 2A /r}) and
     * "CVTSI2SS" ({@code F3 REX.W 0F 2A /r}). jnr drops REX.W (B4). The mandatory F2/F3 prefix
     * precedes REX. Returns the RIP disp32 offset or -1.
     */
    static int cvtsi2fp64(ByteSink out, boolean toDouble, Xmm dst, Gpr srcReg, Address srcMem) {
        out.put(toDouble ? 0xF2 : 0xF3);
        if (srcReg != null) {
            int rex = REX | REX_W | (dst.encoding() >= 8 ? REX_R : 0) | (srcReg.isExtended() ? REX_B : 0);
            out.put(rex);
            out.put(0x0F);
            out.put(0x2A);
            modrmRegister(out, dst.encoding(), srcReg.encoding());
            return -1;
        }
        out.put(REX | REX_W | rexBits(dst.encoding(), srcMem));
        out.put(0x0F);
        out.put(0x2A);
        return modrmMemory(out, dst.encoding(), srcMem);
    }

    /** CDQ — SDM Vol. 2A "CWD/CDQ/CQO": {@code 99} (jnr names it cwde, B7). */
    static void cdq(ByteSink out) {
        out.put(0x99);
    }

    /** CQO — SDM Vol. 2A "CWD/CDQ/CQO": {@code REX.W 99} (jnr names it cdqe, B7). */
    static void cqo(ByteSink out) {
        out.put(REX | REX_W);
        out.put(0x99);
    }

    /** CDQE — SDM Vol. 2A "CBW/CWDE/CDQE": {@code REX.W 98} (missing from jnr, B7). */
    static void cdqe(ByteSink out) {
        out.put(REX | REX_W);
        out.put(0x98);
    }

    /** JMP rel32 — SDM Vol. 2A "JMP": {@code E9 cd}. Returns the rel32 offset. */
    static int jmpRel32(ByteSink out) {
        out.put(0xE9);
        int at = out.size();
        out.putInt(PLACEHOLDER);
        return at;
    }

    /** JMP rel8 — SDM Vol. 2A "JMP": {@code EB cb}. */
    static void jmpRel8(ByteSink out, int rel) {
        out.put(0xEB);
        out.put(rel);
    }

    /** Jcc rel32 — SDM Vol. 2A "Jcc": {@code 0F 80+cc cd}. Returns the rel32 offset. */
    static int jccRel32(ByteSink out, Cond cond) {
        out.put(0x0F);
        out.put(0x80 + cond.encoding());
        int at = out.size();
        out.putInt(PLACEHOLDER);
        return at;
    }

    /** Jcc rel8 — SDM Vol. 2A "Jcc": {@code 70+cc cb}. */
    static void jccRel8(ByteSink out, Cond cond, int rel) {
        out.put(0x70 + cond.encoding());
        out.put(rel);
    }

    /** CALL rel32 — SDM Vol. 2A "CALL": {@code E8 cd}. Returns the rel32 offset. */
    static int callRel32(ByteSink out) {
        out.put(0xE8);
        int at = out.size();
        out.putInt(PLACEHOLDER);
        return at;
    }

    /**
     * {@code mov r11, imm64; call r11} — SDM Vol. 2B "MOV": {@code REX.W+B B8+rd io} (always the
     * 10-byte form, so the target can be patched in place), SDM Vol. 2A "CALL": {@code REX.B FF /2}.
     */
    static void callAbsolute(ByteSink out, long target) {
        out.put(REX | REX_W | REX_B);
        out.put(0xB8 + (Gpr.R11.encoding() & 7));
        out.putLong(target);
        out.put(REX | REX_B);
        out.put(0xFF);
        modrmRegister(out, 2, Gpr.R11.encoding());
    }

    /**
     * Multi-byte NOP of 1..9 bytes — SDM Vol. 2B "NOP", Table 4-12 "Recommended Multi-Byte
     * Sequence of NOP Instruction" ({@code 0F 1F /0}, with {@code 66} for 2, 6 and 9 bytes).
     */
    static void nop(ByteSink out, int length) {
        int[] seq = switch (length) {
            case 1 -> new int[] {0x90};
            case 2 -> new int[] {0x66, 0x90};
            case 3 -> new int[] {0x0F, 0x1F, 0x00};
            case 4 -> new int[] {0x0F, 0x1F, 0x40, 0x00};
            case 5 -> new int[] {0x0F, 0x1F, 0x44, 0x00, 0x00};
            case 6 -> new int[] {0x66, 0x0F, 0x1F, 0x44, 0x00, 0x00};
            case 7 -> new int[] {0x0F, 0x1F, 0x80, 0x00, 0x00, 0x00, 0x00};
            case 8 -> new int[] {0x0F, 0x1F, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00};
            case 9 -> new int[] {0x66, 0x0F, 0x1F, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00};
            default -> throw new IllegalArgumentException("a single NOP is 1..9 bytes, not " + length);
        };
        for (int b : seq) {
            out.put(b);
        }
    }

    /**
     * Inserts the empty REX prefix 0x40 into a jnr encoding that has none, after any legacy
     * prefixes, so that byte-register fields 4..7 mean SPL/BPL/SIL/DIL rather than AH..BH
     * (SDM Vol. 2 §2.2.1.2; jnr has no such registers, B9). If a REX is already present the
     * fields already mean SPL..DIL.
     */
    static byte[] withRex(byte[] encoding) {
        int i = 0;
        while (i < encoding.length && isLegacyPrefix(encoding[i] & 0xFF)) {
            i++;
        }
        if (i < encoding.length && (encoding[i] & 0xF0) == REX) {
            return encoding;
        }
        byte[] out = new byte[encoding.length + 1];
        System.arraycopy(encoding, 0, out, 0, i);
        out[i] = (byte) REX;
        System.arraycopy(encoding, i, out, i + 1, encoding.length - i);
        return out;
    }

    private static boolean isLegacyPrefix(int b) {
        return switch (b) {
            case 0x66, 0x67, 0xF2, 0xF3, 0xF0, 0x2E, 0x36, 0x3E, 0x26, 0x64, 0x65 -> true;
            default -> false;
        };
    }
}
