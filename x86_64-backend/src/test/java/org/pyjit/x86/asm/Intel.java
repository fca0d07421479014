package org.pyjit.x86.asm;

/** Expected objdump Intel-syntax text for facade operands, written independently of the encoder. */
final class Intel {
    private Intel() {
    }

    static String r(Gpr g, Width w) {
        return g.assemblyName(w);
    }

    static String x(Xmm x) {
        return x.assemblyName();
    }

    static String ptr(int bytes) {
        return switch (bytes) {
            case 1 -> "BYTE PTR ";
            case 2 -> "WORD PTR ";
            case 4 -> "DWORD PTR ";
            case 8 -> "QWORD PTR ";
            case 16 -> "XMMWORD PTR ";
            default -> "";
        };
    }

    /** {@code [base+index*scale+disp]}; rbp/r13 bases print {@code +0x0} (they need a disp8). */
    static String m(Mem m) {
        StringBuilder sb = new StringBuilder("[").append(m.base().assemblyName(Width.B64));
        if (m.index() != null) {
            sb.append('+').append(m.index().assemblyName(Width.B64)).append('*').append(m.scale());
        }
        boolean needsDisp8 = m.base() == Gpr.RBP || m.base() == Gpr.R13;
        if (m.disp() > 0 || (m.disp() == 0 && needsDisp8)) {
            sb.append("+0x").append(Integer.toHexString(m.disp()));
        } else if (m.disp() < 0) {
            sb.append("-0x").append(Long.toHexString(-(long) m.disp()));
        }
        return sb.append(']').toString();
    }

    static String m(Mem m, int bytes) {
        return ptr(bytes) + m(m);
    }

    static String imm(Width w, long v) {
        long masked = switch (w) {
            case B8 -> v & 0xFF;
            case B16 -> v & 0xFFFF;
            case B32 -> v & 0xFFFF_FFFFL;
            case B64 -> v;
        };
        return "0x" + Long.toHexString(masked);
    }
}
