package org.pyjit.ir;

/**
 * The opcode table: every IR operation, its text name and its {@link Format}. Semantics are
 * defined by the reference interpreter and written down in {@code docs/ir.md}.
 */
public enum Opcode {
    // Constants.
    /** Integer constant, truncated to the type's width. */
    ICONST("iconst", Format.INT_CONST),
    /** 32-bit float constant. */
    F32CONST("f32const", Format.FLOAT_CONST),
    /** 64-bit float constant. */
    F64CONST("f64const", Format.FLOAT_CONST),

    // Integer arithmetic (wrapping).
    /** Wrapping add. */
    IADD("iadd", Format.BINARY),
    /** Wrapping subtract. */
    ISUB("isub", Format.BINARY),
    /** Wrapping multiply. */
    IMUL("imul", Format.BINARY),
    /** Signed divide, rounding toward zero; traps on zero divisor and on MIN / -1. */
    SDIV("sdiv", Format.BINARY),
    /** Unsigned divide; traps on zero divisor. */
    UDIV("udiv", Format.BINARY),
    /** Signed remainder with the dividend's sign; traps on zero divisor; MIN % -1 is 0. */
    SREM("srem", Format.BINARY),
    /** Unsigned remainder; traps on zero divisor. */
    UREM("urem", Format.BINARY),
    /** Wrapping negation. */
    INEG("ineg", Format.UNARY),
    /** Add an immediate. */
    IADD_IMM("iadd_imm", Format.BINARY_IMM),
    /** Multiply by an immediate. */
    IMUL_IMM("imul_imm", Format.BINARY_IMM),

    // Bit operations and shifts (shift amounts are masked to the width).
    /** Bitwise and. */
    BAND("band", Format.BINARY),
    /** Bitwise or. */
    BOR("bor", Format.BINARY),
    /** Bitwise exclusive or. */
    BXOR("bxor", Format.BINARY),
    /** Bitwise not. */
    BNOT("bnot", Format.UNARY),
    /** Shift left. */
    ISHL("ishl", Format.BINARY),
    /** Logical shift right. */
    USHR("ushr", Format.BINARY),
    /** Arithmetic shift right. */
    SSHR("sshr", Format.BINARY),
    /** Rotate left. */
    ROTL("rotl", Format.BINARY),
    /** Rotate right. */
    ROTR("rotr", Format.BINARY),
    /** Bitwise and with an immediate. */
    BAND_IMM("band_imm", Format.BINARY_IMM),
    /** Bitwise or with an immediate. */
    BOR_IMM("bor_imm", Format.BINARY_IMM),
    /** Bitwise exclusive or with an immediate. */
    BXOR_IMM("bxor_imm", Format.BINARY_IMM),
    /** Shift left by an immediate. */
    ISHL_IMM("ishl_imm", Format.BINARY_IMM),
    /** Logical shift right by an immediate. */
    USHR_IMM("ushr_imm", Format.BINARY_IMM),
    /** Arithmetic shift right by an immediate. */
    SSHR_IMM("sshr_imm", Format.BINARY_IMM),

    // Comparisons and selection.
    /** Integer compare, i8 0/1. */
    ICMP("icmp", Format.INT_COMPARE),
    /** Integer compare with an immediate, i8 0/1. */
    ICMP_IMM("icmp_imm", Format.INT_COMPARE_IMM),
    /** Float compare, i8 0/1. */
    FCMP("fcmp", Format.FLOAT_COMPARE),
    /** {@code c != 0 ? a : b}. */
    SELECT("select", Format.SELECT),

    // Overflow-checked arithmetic: a wrapped result and an i8 signed-overflow flag.
    /** Add with signed-overflow flag. */
    IADD_OVERFLOW("iadd_overflow", Format.OVERFLOW),
    /** Subtract with signed-overflow flag. */
    ISUB_OVERFLOW("isub_overflow", Format.OVERFLOW),
    /** Multiply with signed-overflow flag. */
    IMUL_OVERFLOW("imul_overflow", Format.OVERFLOW),

    // Floating point (IEEE 754, round to nearest even).
    /** Add. */
    FADD("fadd", Format.BINARY),
    /** Subtract. */
    FSUB("fsub", Format.BINARY),
    /** Multiply. */
    FMUL("fmul", Format.BINARY),
    /** Divide. */
    FDIV("fdiv", Format.BINARY),
    /** Minimum: NaN if either is NaN; -0.0 is less than +0.0. */
    FMIN("fmin", Format.BINARY),
    /** Maximum: NaN if either is NaN; +0.0 is greater than -0.0. */
    FMAX("fmax", Format.BINARY),
    /** Negation (flips the sign bit, NaN included). */
    FNEG("fneg", Format.UNARY),
    /** Absolute value (clears the sign bit, NaN included). */
    FABS("fabs", Format.UNARY),
    /** Square root. */
    SQRT("sqrt", Format.UNARY),

    // Conversions: the result type is written after the opcode.
    /** Sign-extend to a wider integer type. */
    SEXTEND("sextend", Format.CONVERT),
    /** Zero-extend to a wider integer type. */
    UEXTEND("uextend", Format.CONVERT),
    /** Truncate to a narrower integer type. */
    IREDUCE("ireduce", Format.CONVERT),
    /** Signed integer to float, rounding to nearest even. */
    FCVT_FROM_SINT("fcvt_from_sint", Format.CONVERT),
    /** Float to signed integer, rounding toward zero; traps on NaN and out-of-range values. */
    FCVT_TO_SINT("fcvt_to_sint", Format.CONVERT),
    /** f32 to f64 (exact). */
    FPROMOTE("fpromote", Format.CONVERT),
    /** f64 to f32, rounding to nearest even. */
    FDEMOTE("fdemote", Format.CONVERT),
    /** Reinterpret the bits as another type of the same width. */
    BITCAST("bitcast", Format.CONVERT),

    // Memory.
    /** Load a value of the given type from {@code addr + offset} (little-endian, any alignment). */
    LOAD("load", Format.LOAD),
    /** Store a value to {@code addr + offset}. */
    STORE("store", Format.STORE),
    /** The address of a stack slot plus an offset. */
    STACK_ADDR("stack_addr", Format.STACK_ADDR),
    /** The native address of an IR function of the same module. */
    FUNC_ADDR("func_addr", Format.FUNC_ADDR),

    // Calls.
    /** Call an IR function of the same module. */
    CALL("call", Format.CALL),
    /** Call a native address with the C calling convention of the given signature. */
    CALL_INDIRECT("call_indirect", Format.CALL_INDIRECT),

    // Control flow.
    /** Unconditional branch. */
    JUMP("jump", Format.JUMP),
    /** Two-way branch on an integer being non-zero. */
    BRIF("brif", Format.BRIF),
    /** Multi-way branch on an unsigned index; out-of-range indices go to the default. */
    BR_TABLE("br_table", Format.BR_TABLE),
    /** Return from the function. */
    RETURN("return", Format.RETURN),
    /** Stop with a trap code. */
    TRAP("trap", Format.TRAP);

    private final String text;
    private final Format format;

    Opcode(String text, Format format) {
        this.text = text;
        this.format = format;
    }

    /** The opcode's name in the text format. */
    public String text() {
        return text;
    }

    /** The instruction format. */
    public Format format() {
        return format;
    }

    /** True if the instruction ends a block. */
    public boolean isTerminator() {
        return format.isTerminator();
    }

    /** True for opcodes that can trap at run time (besides {@link #TRAP} itself). */
    public boolean canTrap() {
        return switch (this) {
            case SDIV, UDIV, SREM, UREM, FCVT_TO_SINT, LOAD, STORE, CALL, CALL_INDIRECT -> true;
            default -> false;
        };
    }

    /** True for opcodes whose only effect is their result (no memory, calls, traps or control). */
    public boolean isPure() {
        return !canTrap() && !isTerminator() && this != STORE;
    }

    /** The opcode named {@code text}, or null. */
    public static Opcode fromText(String text) {
        for (Opcode op : values()) {
            if (op.text.equals(text)) {
                return op;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
