package org.pyjit.ir.text;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.pyjit.ir.BasicBlock;
import org.pyjit.ir.BlockCall;
import org.pyjit.ir.Imm;
import org.pyjit.ir.Inst;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.StackSlot;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;

/**
 * Prints functions and modules in the text format that {@link IrParser} reads back exactly. The
 * printer never fails: a malformed instruction (wrong operand count, wrong immediate kind) is
 * printed as faithfully as its shape allows, so that verifier messages can show it, although
 * such text need not parse.
 */
public final class IrPrinter {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.$]*");
    private static final String INDENT = "    ";

    private IrPrinter() {
    }

    /** The text of every function of {@code module}, separated by blank lines. */
    public static String print(IrModule module) {
        return module.functions().stream().map(IrPrinter::print).collect(Collectors.joining("\n"));
    }

    /** The text of one function, ending with a newline. */
    public static String print(IrFunction function) {
        StringBuilder sb = new StringBuilder();
        sb.append("function ").append(functionName(function.name())).append(function.signature().text())
                .append(" {\n");
        for (StackSlot s : function.stackSlots()) {
            sb.append(INDENT).append(s).append(" = stack_slot ").append(s.size()).append(", align ")
                    .append(s.align()).append('\n');
        }
        for (BasicBlock b : function.blocks()) {
            sb.append(blockHeader(b)).append('\n');
            for (Inst inst : b.insts()) {
                sb.append(INDENT).append(printInst(inst)).append('\n');
            }
        }
        return sb.append("}\n").toString();
    }

    /**
     * A block's header line without the newline: {@code block1(v2: i64, v3: f64):}, with
     * {@code cold} before the colon for a cold block ({@code block4 cold:}).
     */
    public static String blockHeader(BasicBlock block) {
        String params = block.params().isEmpty() ? ""
                : block.params().stream().map(v -> v + ": " + v.type()).collect(Collectors.joining(", ", "(", ")"));
        return block.block() + params + (block.cold() ? " cold:" : ":");
    }

    /** One instruction without indentation or newline: {@code v5 = iadd v3, v4}. */
    public static String printInst(Inst inst) {
        StringBuilder sb = new StringBuilder();
        if (!inst.results().isEmpty()) {
            sb.append(values(inst.results())).append(" = ");
        }
        Opcode op = inst.opcode();
        sb.append(op.text());
        if (op.format().typed()) {
            sb.append('.').append(inst.results().isEmpty() ? "?" : inst.results().get(0).type().text());
        }
        String operands = switch (op.format()) {
            case INT_CONST, FLOAT_CONST, STACK_ADDR, FUNC_ADDR, TRAP -> immText(inst);
            case UNARY, CONVERT, BINARY, SELECT, OVERFLOW, RETURN -> values(inst.args());
            case BINARY_IMM -> join(values(inst.args()), immText(inst));
            case INT_COMPARE, FLOAT_COMPARE -> immText(inst) + " " + values(inst.args());
            case INT_COMPARE_IMM -> inst.imm() instanceof Imm.IntCondImm c
                    ? c.cc().text() + " " + join(values(inst.args()), Long.toString(c.value()))
                    : join(immText(inst), values(inst.args()));
            case LOAD -> address(inst.args(), 0, inst.imm());
            case STORE -> join(values(inst.args().subList(0, Math.min(1, inst.args().size()))),
                    address(inst.args(), 1, inst.imm()));
            case CALL -> immText(inst) + "(" + values(inst.args()) + ")";
            case CALL_INDIRECT -> immText(inst) + ", "
                    + (inst.args().isEmpty() ? "?" : inst.args().get(0).toString())
                    + "(" + values(inst.args().subList(Math.min(1, inst.args().size()), inst.args().size())) + ")";
            case JUMP -> targets(inst.targets());
            case BRIF -> join(values(inst.args()), targets(inst.targets()));
            case BR_TABLE -> join(join(values(inst.args()), inst.targets().isEmpty() ? "?" : target(inst.targets().get(0))),
                    inst.targets().stream().skip(1).map(IrPrinter::target).collect(Collectors.joining(", ", "[", "]")));
        };
        if (!operands.isEmpty()) {
            sb.append(' ').append(operands);
        }
        if (!op.format().isTerminator() && !inst.targets().isEmpty()) {
            sb.append(" ; stray targets: ").append(targets(inst.targets()));
        }
        return sb.toString();
    }

    /** A function name as written after {@code %}: plain, or quoted when it has other characters. */
    public static String functionName(String name) {
        if (PLAIN_NAME.matcher(name).matches()) {
            return "%" + name;
        }
        StringBuilder sb = new StringBuilder("%\"");
        for (char c : name.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * A float constant's text: {@link Double#toString}/{@link Float#toString} for numbers and
     * infinities, {@code nan} for the canonical quiet NaN, {@code nan:0x<bits>} for every other NaN.
     *
     * @param type {@link Type#F32} or {@link Type#F64}
     * @param bits the raw bits ({@code f32}: the low 32)
     */
    public static String floatText(Type type, long bits) {
        if (type == Type.F32) {
            int b = (int) bits;
            float f = Float.intBitsToFloat(b);
            if (!Float.isNaN(f)) {
                return Float.toString(f);
            }
            return b == Float.floatToRawIntBits(Float.NaN) ? "nan" : "nan:0x" + Integer.toHexString(b);
        }
        double d = Double.longBitsToDouble(bits);
        if (!Double.isNaN(d)) {
            return Double.toString(d);
        }
        return bits == Double.doubleToRawLongBits(Double.NaN) ? "nan" : "nan:0x" + Long.toHexString(bits);
    }

    private static String immText(Inst inst) {
        Imm imm = inst.imm();
        if (imm instanceof Imm.None) {
            return "";
        } else if (imm instanceof Imm.Int i) {
            return Long.toString(i.value());
        } else if (imm instanceof Imm.FloatBits f) {
            return floatText(inst.opcode() == Opcode.F32CONST ? Type.F32 : Type.F64, f.bits());
        } else if (imm instanceof Imm.IntCond c) {
            return c.cc().text();
        } else if (imm instanceof Imm.IntCondImm c) {
            return c.cc().text() + " " + c.value();
        } else if (imm instanceof Imm.FloatCond c) {
            return c.cc().text();
        } else if (imm instanceof Imm.Offset o) {
            return offset(o.offset());
        } else if (imm instanceof Imm.SlotRef s) {
            return s.slot() + offset(s.offset());
        } else if (imm instanceof Imm.Callee c) {
            return functionName(c.name());
        } else if (imm instanceof Imm.Sig s) {
            return s.signature().text();
        } else if (imm instanceof Imm.Trap t) {
            return t.code().text();
        }
        throw new AssertionError("unknown immediate " + imm);
    }

    private static String address(List<Value> args, int index, Imm imm) {
        String base = index < args.size() ? args.get(index).toString() : "?";
        String rest = args.size() > index + 1
                ? " ; extra operands: " + values(args.subList(index + 1, args.size())) : "";
        return base + (imm instanceof Imm.Offset o ? offset(o.offset()) : "+?") + rest;
    }

    private static String offset(int offset) {
        return offset < 0 ? Integer.toString(offset) : "+" + offset;
    }

    private static String targets(List<BlockCall> targets) {
        return targets.stream().map(IrPrinter::target).collect(Collectors.joining(", "));
    }

    private static String target(BlockCall call) {
        return call.args().isEmpty() ? call.block().toString() : call.block() + "(" + values(call.args()) + ")";
    }

    private static String values(List<Value> values) {
        return values.stream().map(Value::toString).collect(Collectors.joining(", "));
    }

    private static String join(String a, String b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : a + ", " + b;
    }
}
