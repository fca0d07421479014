package org.pyjit.codegen.memory;

import java.util.HexFormat;

/** Hand-assembled test functions (bytes checked against objdump when written). */
final class Code {
    private Code() {
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    /** {@code lea rax,[rdi+rsi]; ret}: I64(I64, I64) sum. */
    static final String ADD = "48 8d 04 37 c3";
    /** {@code addsd xmm0,xmm1; ret}. */
    static final String ADDSD = "f2 0f 58 c1 c3";
    /** {@code addss xmm0,xmm1; ret}. */
    static final String ADDSS = "f3 0f 58 c1 c3";
    /** {@code mov eax,edi; ret}: I32(I64) truncation. */
    static final String TRUNC32 = "89 f8 c3";
    /** Sum of ten I64 arguments: six in registers, four on the stack. */
    static final String SUM10 = "48 8d 04 37 48 01 d0 48 01 c8 4c 01 c0 4c 01 c8"
            + " 48 03 44 24 08 48 03 44 24 10 48 03 44 24 18 48 03 44 24 20 c3";
    /** {@code mov rax,[rsp+0x20]; ret}: returns the tenth I64 argument. */
    static final String TENTH = "48 8b 44 24 20 c3";
    /** F64(I64 a, F64 x, I32 b, F64 y) = (a + x) * b - y. */
    static final String MIXED = "f2 48 0f 2a d7 f2 0f 58 c2 f2 0f 2a d6 f2 0f 59 c2 f2 0f 5c c1 c3";
    /** F64(ten F64) = d9 - d10 + d8 (d9, d10 on the stack). */
    static final String TEN_DOUBLES = "f2 0f 10 44 24 08 f2 0f 5c 44 24 10 f2 0f 58 c7 c3";
    /** F64(seven I64, nine F64) = i7 + d9: both on the stack, i7 first. */
    static final String SPILLED_BOTH = "48 8b 44 24 08 f2 48 0f 2a c0 f2 0f 58 44 24 10 c3";
}
