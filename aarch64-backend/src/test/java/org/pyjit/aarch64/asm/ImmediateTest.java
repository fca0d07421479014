package org.pyjit.aarch64.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Bitmask and FMOV immediates against an independent decoder, and the constant materialiser. */
class ImmediateTest {

    /** DecodeBitMasks (wmask) written from the architecture's pseudocode, independent of the encoder. */
    static long decode(int n, int immr, int imms, int width) {
        int combined = n << 6 | (~imms & 0x3F);
        int len = 31 - Integer.numberOfLeadingZeros(combined);
        if (len < 1) {
            return 0;
        }
        int esize = 1 << len;
        int levels = esize - 1;
        int s = imms & levels;
        int r = immr & levels;
        if (s == levels) {
            return 0;
        }
        long welem = (1L << (s + 1)) - 1;
        long emask = esize == 64 ? -1L : (1L << esize) - 1;
        long rotated = r == 0 ? welem : ((welem >>> r) | (welem << (esize - r))) & emask;
        long out = 0;
        for (int i = 0; i < 64; i += esize) {
            out |= rotated << i;
        }
        return width == 32 ? out & 0xFFFF_FFFFL : out;
    }

    @Test
    void everyBitmaskImmediateRoundTrips() {
        Set<Long> seen = new HashSet<>();
        for (int n = 0; n <= 1; n++) {
            for (int immr = 0; immr < 64; immr++) {
                for (int imms = 0; imms < 64; imms++) {
                    long v = decode(n, immr, imms, 64);
                    if (v == 0 || (n == 0 && Long.numberOfLeadingZeros(~imms & 0x3F) == 64)) {
                        continue;
                    }
                    int enc = LogicalImmediate.encode(v, Width.X).orElseThrow(() -> new AssertionError(Long.toHexString(v)));
                    assertEquals(v, decode(enc >>> 12, (enc >>> 6) & 0x3F, enc & 0x3F, 64), Long.toHexString(v));
                    seen.add(v);
                }
            }
        }
        assertEquals(5334, seen.size(), "the architecture has 5334 distinct 64-bit bitmask immediates");
        int w = 0;
        for (long v : seen) {
            if ((v >>> 32) == (v & 0xFFFF_FFFFL)) {
                long low = v & 0xFFFF_FFFFL;
                int enc = LogicalImmediate.encode(low, Width.W).orElseThrow();
                assertEquals(0, enc >>> 12, "N is 0 for 32-bit operations");
                assertEquals(low, decode(0, (enc >>> 6) & 0x3F, enc & 0x3F, 32));
                w++;
            }
        }
        assertEquals(1302, w, "the architecture has 1302 distinct 32-bit bitmask immediates");
    }

    @Test
    void unencodableValuesAreRejected() {
        for (long v : new long[] {0, -1, 0b101, 0x1234, 0x8000_0000_0000_0005L}) {
            assertFalse(LogicalImmediate.isEncodable(v, Width.X), Long.toHexString(v));
        }
        assertFalse(LogicalImmediate.isEncodable(0xFFFF_FFFFL, Width.W));
        assertFalse(LogicalImmediate.isEncodable(0x1_0000_00FFL, Width.W), "upper bits set for a W operation");
        A64Assembler a = new A64Assembler();
        assertThrows(IllegalArgumentException.class, () -> a.logicImm(LogicOp.AND, Width.X, Gp.R0, Gp.R1, 0x1234));
        assertThrows(IllegalArgumentException.class, () -> a.logicImm(LogicOp.BIC, Width.X, Gp.R0, Gp.R1, 0xFF));
        assertThrows(IllegalArgumentException.class, () -> a.fmovImm(FpWidth.D, Fp.V0, 0));
        assertThrows(IllegalArgumentException.class, () -> a.fmovImm(FpWidth.D, Fp.V0, Double.doubleToRawLongBits(0.1)));
        assertEquals(0, a.position(), "rejected instructions emit nothing");
    }

    @Test
    void fmovImmediatesCoverTheDocumentedRange() {
        int n = 0;
        for (int s = 0; s < 2; s++) {
            for (int e = -3; e <= 4; e++) {
                for (int m = 0; m < 16; m++) {
                    double v = (s == 0 ? 1 : -1) * (16 + m) / 16.0 * Math.pow(2, e);
                    assertTrue(FpImmediate.encode(Double.doubleToRawLongBits(v), FpWidth.D).isPresent(), "" + v);
                    assertTrue(FpImmediate.encode(Float.floatToRawIntBits((float) v) & 0xFFFF_FFFFL, FpWidth.S).isPresent());
                    n++;
                }
            }
        }
        assertEquals(256, n);
    }

    /** Runs the MOVZ/MOVN/MOVK/ORR-immediate words {@link A64Assembler#movImm} emits. */
    static long simulate(byte[] code, Width w) {
        long x = 0;
        for (int at = 0; at < code.length; at += 4) {
            int word = (code[at] & 0xFF) | (code[at + 1] & 0xFF) << 8 | (code[at + 2] & 0xFF) << 16 | (code[at + 3] & 0xFF) << 24;
            int top = word & 0x7F800000;
            if (top == 0x12800000 || top == 0x52800000 || top == 0x72800000) {
                int opc = (word >>> 29) & 3;
                int hw = (word >>> 21) & 3;
                long imm = (long) ((word >>> 5) & 0xFFFF) << (16 * hw);
                x = switch (opc) {
                    case 0 -> ~imm;
                    case 2 -> imm;
                    case 3 -> (x & ~(0xFFFFL << (16 * hw))) | imm;
                    default -> throw new AssertionError("bad move-wide " + Integer.toHexString(word));
                };
            } else if ((word & 0x7F800000) == 0x32000000) {
                assertEquals(31, (word >>> 5) & 31, "orr from the zero register");
                x = decode((word >>> 22) & 1, (word >>> 16) & 0x3F, (word >>> 10) & 0x3F, w.bits());
            } else {
                throw new AssertionError("unexpected instruction " + Integer.toHexString(word));
            }
            if (w == Width.W) {
                x &= 0xFFFF_FFFFL;
            }
        }
        return x;
    }

    private static void checkMovImm(long v, Width w) {
        A64Assembler a = new A64Assembler();
        a.movImm(w, Gp.R3, v);
        byte[] code = a.finish().code();
        long want = w == Width.W ? v & 0xFFFF_FFFFL : v;
        assertEquals(want, simulate(code, w), "materialising 0x" + Long.toHexString(v));
        assertTrue(code.length <= 4 * (w.bits() / 16), "at most one instruction per halfword");
    }

    @Test
    void constantMaterialisationEdgeCases() {
        for (long v : new long[] {0, -1, 1, 0xFFFF, 0x10000, 0xFFFF_0000_0000_0000L, Long.MIN_VALUE, Long.MAX_VALUE,
                0x5555_5555_5555_5555L, 0x1234_5678_9ABC_DEF0L, 0xFFFF_FFFF_FFFF_1234L, 0x0000_FFFF_FFFF_0000L, -2}) {
            checkMovImm(v, Width.X);
            checkMovImm(v, Width.W);
        }
        assertEquals(4, sizeOf(Width.X, -1));
        assertEquals(4, sizeOf(Width.X, 0xFFFF_FFFF_FFFF_1234L));
        assertEquals(4, sizeOf(Width.X, 0x5555_5555_5555_5555L));
    }

    private static int sizeOf(Width w, long v) {
        A64Assembler a = new A64Assembler();
        a.movImm(w, Gp.R3, v);
        return a.position();
    }

    @Property(tries = 2000)
    void anyConstantMaterialises(@ForAll long v) {
        checkMovImm(v, Width.X);
        checkMovImm(v, Width.W);
    }
}
