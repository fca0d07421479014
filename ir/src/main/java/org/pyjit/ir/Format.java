package org.pyjit.ir;

/**
 * The shape of an instruction: how many value arguments and block targets it has, which
 * immediate it carries and how its results are typed. Each {@link Opcode} has exactly one format;
 * the printer, parser and verifier are driven by it.
 */
public enum Format {
    /** {@code v = iconst.T imm}: no arguments, an {@link Imm.Int}, one result of the given type. */
    INT_CONST(0, 0, true),
    /** {@code v = f64const imm}: no arguments, an {@link Imm.FloatBits}, one result. */
    FLOAT_CONST(0, 0, false),
    /** {@code v = op a}: one argument, one result of the argument's type. */
    UNARY(1, 0, false),
    /** {@code v = op.T a}: one argument, one result of the given type (conversions). */
    CONVERT(1, 0, true),
    /** {@code v = op a, b}: two arguments of one type, one result of that type. */
    BINARY(2, 0, false),
    /** {@code v = op a, imm}: one argument and an {@link Imm.Int}. */
    BINARY_IMM(1, 0, false),
    /** {@code v = icmp cc a, b}: an {@link Imm.IntCond}; the result is i8. */
    INT_COMPARE(2, 0, false),
    /** {@code v = icmp_imm cc a, imm}: an {@link Imm.IntCondImm}; the result is i8. */
    INT_COMPARE_IMM(1, 0, false),
    /** {@code v = fcmp cc a, b}: an {@link Imm.FloatCond}; the result is i8. */
    FLOAT_COMPARE(2, 0, false),
    /** {@code v = select c, a, b}. */
    SELECT(3, 0, false),
    /** {@code v, f = op a, b}: a result and an i8 overflow flag. */
    OVERFLOW(2, 0, false),
    /** {@code v = load.T addr+off}: an {@link Imm.Offset}. */
    LOAD(1, 0, true),
    /** {@code store v, addr+off}: an {@link Imm.Offset}, no result. */
    STORE(2, 0, false),
    /** {@code v = stack_addr ssN+off}: an {@link Imm.SlotRef}; the result is i64. */
    STACK_ADDR(0, 0, false),
    /** {@code v = func_addr %f}: an {@link Imm.Callee}; the result is i64. */
    FUNC_ADDR(0, 0, false),
    /** {@code v = call %f(args)}: an {@link Imm.Callee}; results per the callee's signature. */
    CALL(-1, 0, false),
    /** {@code v = call_indirect sig, callee(args)}: an {@link Imm.Sig}; first argument is the address. */
    CALL_INDIRECT(-1, 0, false),
    /** {@code jump blockN(args)}. */
    JUMP(0, 1, false),
    /** {@code brif c, blockA(args), blockB(args)}: taken to the first target when c is non-zero. */
    BRIF(1, 2, false),
    /** {@code br_table i, default(args), [b0(args), …]}: the default target comes first. */
    BR_TABLE(1, -1, false),
    /** {@code return args}. */
    RETURN(-1, 0, false),
    /** {@code trap code}: an {@link Imm.Trap}. */
    TRAP(0, 0, false);

    private final int fixedArgs;
    private final int fixedTargets;
    private final boolean typed;

    Format(int fixedArgs, int fixedTargets, boolean typed) {
        this.fixedArgs = fixedArgs;
        this.fixedTargets = fixedTargets;
        this.typed = typed;
    }

    /** The number of value arguments, or -1 when it varies. */
    public int fixedArgs() {
        return fixedArgs;
    }

    /** The number of block targets, or -1 when it varies (at least one). */
    public int fixedTargets() {
        return fixedTargets;
    }

    /** True when the text form names the result type after the opcode ({@code iconst.i64}). */
    public boolean typed() {
        return typed;
    }

    /** True for formats that end a block. */
    public boolean isTerminator() {
        return switch (this) {
            case JUMP, BRIF, BR_TABLE, RETURN, TRAP -> true;
            default -> false;
        };
    }
}
