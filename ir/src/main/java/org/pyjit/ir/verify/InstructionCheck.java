package org.pyjit.ir.verify;

import java.util.List;
import org.pyjit.ir.BasicBlock;
import org.pyjit.ir.Format;
import org.pyjit.ir.Imm;
import org.pyjit.ir.Inst;
import org.pyjit.ir.Ints;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Signature;
import org.pyjit.ir.StackSlot;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;

/**
 * Per-instruction rules. First the shape (immediate kind, callee, operand, result and target
 * counts); an instruction of the wrong shape is not type-checked further, so one mistake gives
 * one error. Then the typing rules of its opcode and the ranges of its immediates.
 */
final class InstructionCheck {
    private final FunctionContext ctx;
    private final BasicBlock block;
    private final int index;
    private final Inst inst;

    private InstructionCheck(FunctionContext ctx, BasicBlock block, int index, Inst inst) {
        this.ctx = ctx;
        this.block = block;
        this.index = index;
        this.inst = inst;
    }

    static void run(FunctionContext ctx) {
        for (BasicBlock b : ctx.function.blocks()) {
            for (int i = 0; i < b.insts().size(); i++) {
                InstructionCheck c = new InstructionCheck(ctx, b, i, b.insts().get(i));
                if (c.shapeOk()) {
                    c.checkTypes();
                }
            }
        }
    }

    private void error(Rule rule, String message) {
        ctx.error(block, index, inst, rule, message);
    }

    private String op() {
        return inst.opcode().text();
    }

    // ---------------------------------------------------------------- shape

    private boolean shapeOk() {
        Format f = inst.opcode().format();
        Class<? extends Imm> kind = immKind(f);
        if (!kind.isInstance(inst.imm())) {
            error(Rule.IMMEDIATE_KIND, op() + " needs " + describe(kind) + " but has " + describe(inst.imm().getClass()));
            return false;
        }
        Signature sig = null;
        if (f == Format.CALL || f == Format.FUNC_ADDR) {
            String name = ((Imm.Callee) inst.imm()).name();
            sig = ctx.callee(name);
            if (sig == null) {
                error(Rule.UNKNOWN_FUNCTION, "no function %" + name + " in the module");
                return false;
            }
        } else if (f == Format.CALL_INDIRECT) {
            sig = ((Imm.Sig) inst.imm()).signature();
            if (sig.returns().size() > 1) {
                error(Rule.TOO_MANY_RETURNS, "the signature " + sig.text() + " has " + sig.returns().size()
                        + " return types; at most one is allowed");
                return false;
            }
        }
        int args = switch (f) {
            case CALL -> sig.params().size();
            case CALL_INDIRECT -> 1 + sig.params().size();
            case RETURN -> ctx.function.signature().returns().size();
            default -> f.fixedArgs();
        };
        if (inst.args().size() != args) {
            switch (f) {
                case CALL -> error(Rule.CALL_SIGNATURE, "%" + ((Imm.Callee) inst.imm()).name() + " takes "
                        + count(sig.params().size(), "argument") + " but " + inst.args().size() + " are passed");
                case CALL_INDIRECT -> error(Rule.CALL_SIGNATURE, "the signature " + sig.text() + " takes "
                        + count(sig.params().size(), "argument") + " but " + Math.max(0, inst.args().size() - 1)
                        + " are passed after the address");
                case RETURN -> error(Rule.RETURN_TYPES, "return gives " + count(inst.args().size(), "value") + " but %"
                        + ctx.function.name() + " returns " + count(args, "value"));
                default -> error(Rule.OPERAND_COUNT, op() + " takes " + count(args, "operand") + " but has "
                        + inst.args().size());
            }
            return false;
        }
        int results = switch (f) {
            case INT_CONST, FLOAT_CONST, UNARY, CONVERT, BINARY, BINARY_IMM, INT_COMPARE, INT_COMPARE_IMM,
                    FLOAT_COMPARE, SELECT, LOAD, STACK_ADDR, FUNC_ADDR -> 1;
            case OVERFLOW -> 2;
            case STORE, JUMP, BRIF, BR_TABLE, RETURN, TRAP -> 0;
            case CALL, CALL_INDIRECT -> sig.returns().size();
        };
        if (inst.results().size() != results) {
            error(Rule.RESULT_COUNT, op() + " defines " + count(results, "result") + " but has " + inst.results().size());
            return false;
        }
        int targets = inst.targets().size();
        boolean targetsOk = switch (f) {
            case JUMP -> targets == 1;
            case BRIF -> targets == 2;
            case BR_TABLE -> targets >= 1;
            default -> targets == 0;
        };
        if (!targetsOk) {
            String want = switch (f) {
                case JUMP -> "1 target";
                case BRIF -> "2 targets";
                case BR_TABLE -> "a default target";
                default -> "no targets";
            };
            error(Rule.TARGET_COUNT, op() + " takes " + want + " but has " + targets);
            return false;
        }
        return true;
    }

    private static Class<? extends Imm> immKind(Format f) {
        return switch (f) {
            case INT_CONST, BINARY_IMM -> Imm.Int.class;
            case FLOAT_CONST -> Imm.FloatBits.class;
            case INT_COMPARE -> Imm.IntCond.class;
            case INT_COMPARE_IMM -> Imm.IntCondImm.class;
            case FLOAT_COMPARE -> Imm.FloatCond.class;
            case LOAD, STORE -> Imm.Offset.class;
            case STACK_ADDR -> Imm.SlotRef.class;
            case FUNC_ADDR, CALL -> Imm.Callee.class;
            case CALL_INDIRECT -> Imm.Sig.class;
            case TRAP -> Imm.Trap.class;
            case UNARY, CONVERT, BINARY, SELECT, OVERFLOW, JUMP, BRIF, BR_TABLE, RETURN -> Imm.None.class;
        };
    }

    private static String describe(Class<?> kind) {
        return kind == Imm.None.class ? "no immediate" : "an Imm." + kind.getSimpleName() + " immediate";
    }

    // ---------------------------------------------------------------- typing

    private void checkTypes() {
        Opcode op = inst.opcode();
        switch (op) {
            case ICONST -> {
                Type t = result(0);
                if (isInt(t, "result")) {
                    canonical(inst.intImm(), t);
                }
            }
            case F32CONST -> {
                resultIs(0, Type.F32);
                long bits = ((Imm.FloatBits) inst.imm()).bits();
                if ((bits & 0xFFFF_FFFF_0000_0000L) != 0) {
                    error(Rule.IMMEDIATE_RANGE, "f32const bits 0x" + Long.toHexString(bits) + " do not fit in 32 bits");
                }
            }
            case F64CONST -> resultIs(0, Type.F64);
            case IADD, ISUB, IMUL, SDIV, UDIV, SREM, UREM, BAND, BOR, BXOR -> sameKindBinary(false);
            case FADD, FSUB, FMUL, FDIV, FMIN, FMAX -> sameKindBinary(true);
            case ISHL, USHR, SSHR, ROTL, ROTR -> {
                if (isInt(arg(0).type(), "operand " + arg(0))) {
                    isInt(arg(1).type(), "shift amount " + arg(1));
                    resultIs(0, arg(0).type());
                }
            }
            case INEG, BNOT -> {
                if (isInt(arg(0).type(), "operand " + arg(0))) {
                    resultIs(0, arg(0).type());
                }
            }
            case FNEG, FABS, SQRT -> {
                if (isFloat(arg(0).type(), "operand " + arg(0))) {
                    resultIs(0, arg(0).type());
                }
            }
            case IADD_IMM, IMUL_IMM, BAND_IMM, BOR_IMM, BXOR_IMM, ISHL_IMM, USHR_IMM, SSHR_IMM -> {
                if (isInt(arg(0).type(), "operand " + arg(0))) {
                    canonical(inst.intImm(), arg(0).type());
                    resultIs(0, arg(0).type());
                }
            }
            case ICMP -> {
                if (isInt(arg(0).type(), "operand " + arg(0)) && isInt(arg(1).type(), "operand " + arg(1))) {
                    sameTypes(arg(0), arg(1));
                }
                resultIs(0, Type.I8);
            }
            case ICMP_IMM -> {
                if (isInt(arg(0).type(), "operand " + arg(0))) {
                    canonical(inst.intImm(), arg(0).type());
                }
                resultIs(0, Type.I8);
            }
            case FCMP -> {
                if (isFloat(arg(0).type(), "operand " + arg(0)) && isFloat(arg(1).type(), "operand " + arg(1))) {
                    sameTypes(arg(0), arg(1));
                }
                resultIs(0, Type.I8);
            }
            case SELECT -> {
                isInt(arg(0).type(), "condition " + arg(0));
                if (sameTypes(arg(1), arg(2))) {
                    resultIs(0, arg(1).type());
                }
            }
            case IADD_OVERFLOW, ISUB_OVERFLOW, IMUL_OVERFLOW -> {
                if (isInt(arg(0).type(), "operand " + arg(0)) && isInt(arg(1).type(), "operand " + arg(1))
                        && sameTypes(arg(0), arg(1))) {
                    resultIs(0, arg(0).type());
                }
                resultIs(1, Type.I8);
            }
            case SEXTEND, UEXTEND -> {
                if (isInt(arg(0).type(), "operand " + arg(0)) && isInt(result(0), "result")
                        && result(0).bits() <= arg(0).type().bits()) {
                    error(Rule.TYPE_MISMATCH, op() + " from " + arg(0).type() + " to " + result(0)
                            + " does not widen; the result must be a strictly wider integer type");
                }
            }
            case IREDUCE -> {
                if (isInt(arg(0).type(), "operand " + arg(0)) && isInt(result(0), "result")
                        && result(0).bits() >= arg(0).type().bits()) {
                    error(Rule.TYPE_MISMATCH, op() + " from " + arg(0).type() + " to " + result(0)
                            + " does not narrow; the result must be a strictly narrower integer type");
                }
            }
            case FCVT_FROM_SINT -> {
                isInt(arg(0).type(), "operand " + arg(0));
                isFloat(result(0), "result");
            }
            case FCVT_TO_SINT -> {
                isFloat(arg(0).type(), "operand " + arg(0));
                isInt(result(0), "result");
            }
            case FPROMOTE -> {
                argIs(0, Type.F32);
                resultIs(0, Type.F64);
            }
            case FDEMOTE -> {
                argIs(0, Type.F64);
                resultIs(0, Type.F32);
            }
            case BITCAST -> {
                Type from = arg(0).type();
                Type to = result(0);
                if (from.bits() != to.bits() || from.isFloat() == to.isFloat()) {
                    error(Rule.TYPE_MISMATCH, "bitcast from " + from + " to " + to
                            + " must change between integer and float of the same width");
                }
            }
            case LOAD -> argIs(0, Type.I64);
            case STORE -> argIs(1, Type.I64);
            case STACK_ADDR -> {
                checkSlot();
                resultIs(0, Type.I64);
            }
            case FUNC_ADDR -> resultIs(0, Type.I64);
            case CALL -> matchSignature(ctx.callee(((Imm.Callee) inst.imm()).name()), 0,
                    "%" + ((Imm.Callee) inst.imm()).name());
            case CALL_INDIRECT -> {
                argIs(0, Type.I64);
                Signature sig = ((Imm.Sig) inst.imm()).signature();
                matchSignature(sig, 1, "the signature " + sig.text());
            }
            case JUMP, TRAP -> {
            }
            case BRIF -> isInt(arg(0).type(), "condition " + arg(0));
            case BR_TABLE -> isInt(arg(0).type(), "index " + arg(0));
            case RETURN -> {
                List<Type> want = ctx.function.signature().returns();
                for (int i = 0; i < want.size(); i++) {
                    if (arg(i).type() != want.get(i)) {
                        error(Rule.RETURN_TYPES, "return value " + arg(i) + " has type " + arg(i).type() + " but %"
                                + ctx.function.name() + " returns " + want.get(i));
                    }
                }
            }
        }
    }

    private void sameKindBinary(boolean isFloat) {
        boolean ok = isFloat
                ? isFloat(arg(0).type(), "operand " + arg(0)) & isFloat(arg(1).type(), "operand " + arg(1))
                : isInt(arg(0).type(), "operand " + arg(0)) & isInt(arg(1).type(), "operand " + arg(1));
        if (ok && sameTypes(arg(0), arg(1))) {
            resultIs(0, arg(0).type());
        }
    }

    private void matchSignature(Signature sig, int firstArg, String callee) {
        for (int i = 0; i < sig.params().size(); i++) {
            Value a = arg(firstArg + i);
            if (a.type() != sig.params().get(i)) {
                error(Rule.CALL_SIGNATURE, "argument " + i + " (" + a + ") has type " + a.type() + " but " + callee
                        + " takes " + sig.params().get(i));
            }
        }
        for (int i = 0; i < sig.returns().size(); i++) {
            if (result(i) != sig.returns().get(i)) {
                error(Rule.CALL_SIGNATURE, "result " + inst.results().get(i) + " has type " + result(i) + " but "
                        + callee + " returns " + sig.returns().get(i));
            }
        }
    }

    private void checkSlot() {
        Imm.SlotRef ref = (Imm.SlotRef) inst.imm();
        List<StackSlot> slots = ctx.function.stackSlots();
        StackSlot s = ref.slot();
        if (s.index() >= slots.size() || !slots.get(s.index()).equals(s)) {
            error(Rule.UNKNOWN_STACK_SLOT, s + " (size " + s.size() + ", align " + s.align()
                    + ") is not a stack slot of this function");
            return;
        }
        if (ref.offset() < 0 || ref.offset() >= s.size()) {
            error(Rule.IMMEDIATE_RANGE, "offset " + ref.offset() + " is outside " + s + " of size " + s.size());
        }
    }

    private void canonical(long value, Type t) {
        long c = Ints.canonical(value, t);
        if (c != value) {
            error(Rule.IMMEDIATE_RANGE, "immediate " + value + " is not canonical for " + t + " (canonical: " + c + ")");
        }
    }

    private Value arg(int i) {
        return inst.args().get(i);
    }

    private Type result(int i) {
        return inst.results().get(i).type();
    }

    private boolean isInt(Type t, String what) {
        if (!t.isInt()) {
            error(Rule.TYPE_MISMATCH, op() + " " + what + " has type " + t + "; an integer type is required");
            return false;
        }
        return true;
    }

    private boolean isFloat(Type t, String what) {
        if (!t.isFloat()) {
            error(Rule.TYPE_MISMATCH, op() + " " + what + " has type " + t + "; f32 or f64 is required");
            return false;
        }
        return true;
    }

    private boolean sameTypes(Value a, Value b) {
        if (a.type() != b.type()) {
            error(Rule.TYPE_MISMATCH, op() + " operands have types " + a.type() + " and " + b.type());
            return false;
        }
        return true;
    }

    private void argIs(int i, Type t) {
        if (arg(i).type() != t) {
            error(Rule.TYPE_MISMATCH, op() + " operand " + arg(i) + " has type " + arg(i).type() + "; " + t + " is required");
        }
    }

    private void resultIs(int i, Type t) {
        if (result(i) != t) {
            error(Rule.TYPE_MISMATCH, op() + " result " + inst.results().get(i) + " has type " + result(i) + "; "
                    + t + " is required");
        }
    }

    private static String count(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
