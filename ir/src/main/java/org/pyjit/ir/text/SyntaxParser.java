package org.pyjit.ir.text;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.pyjit.ir.FloatCC;
import org.pyjit.ir.Format;
import org.pyjit.ir.Imm;
import org.pyjit.ir.IntCC;
import org.pyjit.ir.Ints;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Signature;
import org.pyjit.ir.TrapCode;
import org.pyjit.ir.Type;
import org.pyjit.ir.text.Syntax.Pos;
import org.pyjit.ir.text.Token.Kind;

/**
 * Recursive descent from tokens to {@link Syntax}. One item (slot, block header, instruction)
 * per line; everything that can be checked without looking at other lines is checked here.
 */
final class SyntaxParser {
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+");
    private static final Pattern HEX = Pattern.compile("-?0[xX][0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final List<Token> tokens;
    private int next;

    private SyntaxParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static List<Syntax.Function> parse(String text) {
        SyntaxParser p = new SyntaxParser(Lexer.tokenize(text));
        List<Syntax.Function> out = new ArrayList<>();
        p.skipNewlines();
        while (p.peek().kind() != Kind.EOF) {
            out.add(p.function());
            p.skipNewlines();
        }
        return out;
    }

    // ---------------------------------------------------------------- functions

    private Syntax.Function function() {
        Token kw = peek();
        if (!kw.isIdent("function")) {
            throw error(kw, "expected 'function' but found " + kw.describe());
        }
        advance();
        Token name = expectKind(Kind.FUNC_NAME, "a function name such as %f");
        Signature sig = signature();
        expect("{");
        expectEndOfLine();
        List<Syntax.Slot> slots = new ArrayList<>();
        List<Syntax.Block> blocks = new ArrayList<>();
        skipNewlines();
        while (isSlotName(peek()) && blocks.isEmpty()) {
            slots.add(slot(slots.size()));
            skipNewlines();
        }
        while (!peek().is("}")) {
            Token t = peek();
            if (t.kind() == Kind.EOF) {
                throw error(t, "missing '}' at the end of function " + IrPrinter.functionName(name.text()));
            }
            if (!isBlockHeader()) {
                throw error(t, blocks.isEmpty()
                        ? "expected a block such as 'block0:' but found " + t.describe()
                        : "expected an instruction or a block but found " + t.describe());
            }
            blocks.add(block());
            skipNewlines();
        }
        advance();
        expectEndOfLine();
        if (blocks.isEmpty()) {
            throw error(name, "function " + IrPrinter.functionName(name.text()) + " has no blocks");
        }
        return new Syntax.Function(name.text(), Pos.of(name), sig, slots, blocks);
    }

    private Signature signature() {
        List<Type> params = typeList();
        List<Type> returns = new ArrayList<>();
        if (peek().is("->")) {
            advance();
            if (peek().is("(")) {
                returns.addAll(typeList());
            } else {
                returns.add(type());
            }
        }
        return new Signature(params, returns);
    }

    private List<Type> typeList() {
        expect("(");
        List<Type> types = new ArrayList<>();
        if (!peek().is(")")) {
            types.add(type());
            while (peek().is(",")) {
                advance();
                types.add(type());
            }
        }
        expect(")");
        return types;
    }

    private Syntax.Slot slot(int expectedIndex) {
        Token name = advance();
        int index = number(name, "ss", "stack slot");
        if (index != expectedIndex) {
            throw error(name, "stack slot " + name.text() + " declared out of order; expected ss" + expectedIndex);
        }
        expect("=");
        Token kw = peek();
        if (!kw.isIdent("stack_slot")) {
            throw error(kw, "expected 'stack_slot' but found " + kw.describe());
        }
        advance();
        Token sizeTok = peek();
        int size = smallInt("a stack slot size");
        expect(",");
        Token alignKw = peek();
        if (!alignKw.isIdent("align")) {
            throw error(alignKw, "expected 'align' but found " + alignKw.describe());
        }
        advance();
        Token alignTok = peek();
        int align = smallInt("an alignment");
        if (size < 1 || size > org.pyjit.ir.StackSlot.MAX_SIZE) {
            throw error(sizeTok, "stack slot size must be 1.." + org.pyjit.ir.StackSlot.MAX_SIZE + ": " + size);
        }
        if (align < 1 || align > 16 || Integer.bitCount(align) != 1) {
            throw error(alignTok, "stack slot alignment must be 1, 2, 4, 8 or 16: " + align);
        }
        expectEndOfLine();
        return new Syntax.Slot(index, size, align, Pos.of(name));
    }

    // ---------------------------------------------------------------- blocks

    private boolean isBlockHeader() {
        Token t = peek();
        Token after = peekAt(1);
        return t.kind() == Kind.IDENT && t.text().startsWith("block")
                && (after.is(":") || after.is("(") || after.kind() == Kind.IDENT && after.text().equals("cold"));
    }

    private Syntax.Block block() {
        Token name = advance();
        int id = number(name, "block", "block");
        List<Syntax.Param> params = new ArrayList<>();
        if (peek().is("(")) {
            advance();
            do {
                Token v = advance();
                int vid = number(v, "v", "value");
                expect(":");
                params.add(new Syntax.Param(vid, Pos.of(v), type()));
            } while (acceptComma());
            expect(")");
        }
        boolean cold = false;
        if (peek().kind() == Kind.IDENT && peek().text().equals("cold")) {
            advance();
            cold = true;
        }
        expect(":");
        expectEndOfLine();
        List<Syntax.Inst> insts = new ArrayList<>();
        skipNewlines();
        while (!peek().is("}") && peek().kind() != Kind.EOF && !isBlockHeader()) {
            insts.add(inst());
            skipNewlines();
        }
        return new Syntax.Block(id, Pos.of(name), params, insts, cold);
    }

    // ---------------------------------------------------------------- instructions

    private Syntax.Inst inst() {
        List<Syntax.ValueRef> results = new ArrayList<>();
        Token first = peek();
        if (isValueName(first)) {
            results.add(valueRef());
            while (acceptComma()) {
                results.add(valueRef());
            }
            expect("=");
        }
        Token opTok = peek();
        if (opTok.kind() != Kind.IDENT) {
            throw error(opTok, "expected an opcode but found " + opTok.describe());
        }
        Opcode op = Opcode.fromText(opTok.text());
        if (op == null) {
            throw error(opTok, "unknown opcode '" + opTok.text() + "'");
        }
        advance();
        Type suffix = null;
        if (op.format().typed()) {
            if (!peek().is(".")) {
                throw error(peek(), op.text() + " needs a type suffix such as '" + op.text() + ".i64'");
            }
            advance();
            suffix = type();
        } else if (peek().is(".")) {
            throw error(peek(), op.text() + " takes no type suffix");
        }
        Pos pos = Pos.of(opTok);
        List<Syntax.ValueRef> args = new ArrayList<>();
        List<Syntax.Target> targets = new ArrayList<>();
        Syntax.ImmSyntax imm = new Syntax.Ready(Imm.None.INSTANCE);
        switch (op.format()) {
            case INT_CONST -> imm = new Syntax.Ready(new Imm.Int(intLiteral(peek(), suffix)));
            case FLOAT_CONST -> imm = new Syntax.Ready(new Imm.FloatBits(floatLiteral(op == Opcode.F32CONST ? Type.F32 : Type.F64)));
            case UNARY, CONVERT -> args.add(valueRef());
            case BINARY, OVERFLOW -> {
                args.add(valueRef());
                expect(",");
                args.add(valueRef());
            }
            case BINARY_IMM -> {
                args.add(valueRef());
                expect(",");
                Token t = peek();
                imm = new Syntax.IntLiteral(bigInteger(t), Pos.of(t));
            }
            case INT_COMPARE -> {
                imm = new Syntax.Ready(new Imm.IntCond(intCC()));
                args.add(valueRef());
                expect(",");
                args.add(valueRef());
            }
            case INT_COMPARE_IMM -> {
                IntCC cc = intCC();
                args.add(valueRef());
                expect(",");
                Token t = peek();
                imm = new Syntax.CondIntLiteral(cc, bigInteger(t), Pos.of(t));
            }
            case FLOAT_COMPARE -> {
                imm = new Syntax.Ready(new Imm.FloatCond(floatCC()));
                args.add(valueRef());
                expect(",");
                args.add(valueRef());
            }
            case SELECT -> {
                args.add(valueRef());
                expect(",");
                args.add(valueRef());
                expect(",");
                args.add(valueRef());
            }
            case LOAD -> {
                args.add(valueRef());
                imm = new Syntax.Ready(new Imm.Offset(offset()));
            }
            case STORE -> {
                args.add(valueRef());
                expect(",");
                args.add(valueRef());
                imm = new Syntax.Ready(new Imm.Offset(offset()));
            }
            case STACK_ADDR -> {
                Token s = advance();
                int slot = number(s, "ss", "stack slot");
                imm = new Syntax.SlotLiteral(slot, offset(), Pos.of(s));
            }
            case FUNC_ADDR -> imm = calleeName();
            case CALL -> {
                imm = calleeName();
                args.addAll(valueList());
            }
            case CALL_INDIRECT -> {
                imm = new Syntax.Ready(new Imm.Sig(signature()));
                expect(",");
                args.add(valueRef());
                args.addAll(valueList());
            }
            case JUMP -> targets.add(target());
            case BRIF -> {
                args.add(valueRef());
                expect(",");
                targets.add(target());
                expect(",");
                targets.add(target());
            }
            case BR_TABLE -> {
                args.add(valueRef());
                expect(",");
                targets.add(target());
                expect(",");
                expect("[");
                if (!peek().is("]")) {
                    do {
                        targets.add(target());
                    } while (acceptComma());
                }
                expect("]");
            }
            case RETURN -> {
                if (peek().kind() != Kind.NEWLINE && peek().kind() != Kind.EOF && !peek().is("}")) {
                    do {
                        args.add(valueRef());
                    } while (acceptComma());
                }
            }
            case TRAP -> {
                Token t = peek();
                TrapCode code = t.kind() == Kind.IDENT ? TrapCode.fromText(t.text()) : null;
                if (code == null) {
                    throw error(t, "unknown trap code " + t.describe()
                            + " (expected int_divz, int_ovf, bad_conversion, unreachable, heap_oob, step_limit,"
                            + " stack_overflow or user0..user" + TrapCode.USER_MAX + ")");
                }
                advance();
                imm = new Syntax.Ready(new Imm.Trap(code));
            }
        }
        expectEndOfLine();
        return new Syntax.Inst(op, pos, results, suffix, args, imm, targets);
    }

    private Syntax.Target target() {
        Token t = advance();
        int id = number(t, "block", "block");
        List<Syntax.ValueRef> args = peek().is("(") ? valueList() : List.of();
        return new Syntax.Target(id, Pos.of(t), args);
    }

    private List<Syntax.ValueRef> valueList() {
        expect("(");
        List<Syntax.ValueRef> out = new ArrayList<>();
        if (!peek().is(")")) {
            do {
                out.add(valueRef());
            } while (acceptComma());
        }
        expect(")");
        return out;
    }

    private Syntax.ValueRef valueRef() {
        Token t = advance();
        return new Syntax.ValueRef(number(t, "v", "value"), Pos.of(t));
    }

    private Syntax.CalleeName calleeName() {
        Token t = expectKind(Kind.FUNC_NAME, "a function name such as %f");
        return new Syntax.CalleeName(t.text(), Pos.of(t));
    }

    private IntCC intCC() {
        Token t = advance();
        IntCC cc = t.kind() == Kind.IDENT ? IntCC.fromText(t.text()) : null;
        if (cc == null) {
            throw error(t, "unknown integer condition " + t.describe());
        }
        return cc;
    }

    private FloatCC floatCC() {
        Token t = advance();
        FloatCC cc = t.kind() == Kind.IDENT ? FloatCC.fromText(t.text()) : null;
        if (cc == null) {
            throw error(t, "unknown float condition " + t.describe());
        }
        return cc;
    }

    /** {@code +N} or {@code -N}, a signed 32-bit byte offset. */
    private int offset() {
        Token t = peek();
        BigInteger v;
        if (t.is("+")) {
            advance();
            Token n = peek();
            if (n.kind() != Kind.NUMBER || n.text().startsWith("-")) {
                throw error(n, "expected an offset after '+' but found " + n.describe());
            }
            v = bigInteger(n);
            t = n;
        } else if (t.kind() == Kind.NUMBER && t.text().startsWith("-")) {
            v = bigInteger(t);
        } else {
            throw error(t, "expected an offset such as '+0' or '-8' but found " + t.describe());
        }
        if (v.bitLength() > 31) {
            throw error(t, "offset " + v + " does not fit in 32 bits");
        }
        return v.intValue();
    }

    // ---------------------------------------------------------------- literals

    /** An integer literal of type {@code type} (null: any 64-bit pattern), canonicalised. Consumes it. */
    private long intLiteral(Token t, Type type) {
        BigInteger v = bigInteger(t);
        return SyntaxParser.canonicalInt(v, type, Pos.of(t));
    }

    /**
     * {@code v} as an immediate of {@code type}: anything from the signed minimum to the unsigned
     * maximum of the width is accepted and canonicalised (so {@code 0xFF} is {@code -1} in i8).
     * A null or float {@code type} accepts any 64-bit pattern and keeps it as written.
     */
    static long canonicalInt(BigInteger v, Type type, Pos pos) {
        Type t = type != null && type.isInt() ? type : Type.I64;
        BigInteger min = BigInteger.valueOf(Ints.min(t));
        BigInteger max = t == Type.I64 ? U64_MAX : BigInteger.ONE.shiftLeft(t.bits()).subtract(BigInteger.ONE);
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            throw pos.error("immediate " + v + " is out of range for " + t);
        }
        return t == type ? Ints.canonical(v.longValue(), t) : v.longValue();
    }

    private BigInteger bigInteger(Token t) {
        if (t.kind() != Kind.NUMBER) {
            throw error(t, "expected an integer but found " + t.describe());
        }
        advance();
        String s = t.text();
        if (DECIMAL.matcher(s).matches()) {
            return new BigInteger(s);
        }
        if (HEX.matcher(s).matches()) {
            boolean neg = s.startsWith("-");
            BigInteger mag = new BigInteger(s.substring(neg ? 3 : 2), 16);
            return neg ? mag.negate() : mag;
        }
        throw error(t, "malformed integer '" + s + "'");
    }

    private int smallInt(String what) {
        Token t = peek();
        BigInteger v = bigInteger(t);
        if (v.signum() < 0 || v.bitLength() > 31) {
            throw error(t, what + " must be a non-negative 32-bit integer: " + v);
        }
        return v.intValue();
    }

    /** A float constant's raw bits: a decimal, {@code Infinity}/{@code inf} with optional {@code -}, {@code nan}, {@code nan:0xBITS}. */
    private long floatLiteral(Type type) {
        Token t = peek();
        boolean neg = false;
        if (t.is("-")) {
            neg = true;
            advance();
            t = peek();
        }
        if (t.kind() == Kind.IDENT && (t.text().equals("inf") || t.text().equals("Infinity"))) {
            advance();
            return type == Type.F32
                    ? Float.floatToRawIntBits(neg ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY) & 0xFFFF_FFFFL
                    : Double.doubleToRawLongBits(neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        if (!neg && t.isIdent("nan")) {
            advance();
            if (!peek().is(":")) {
                return type == Type.F32
                        ? Float.floatToRawIntBits(Float.NaN) & 0xFFFF_FFFFL
                        : Double.doubleToRawLongBits(Double.NaN);
            }
            advance();
            Token bitsTok = peek();
            if (bitsTok.kind() != Kind.NUMBER || !HEX.matcher(bitsTok.text()).matches() || bitsTok.text().startsWith("-")) {
                throw error(bitsTok, "expected the NaN's bits as hex such as 'nan:0x7ff8000000000001' but found "
                        + bitsTok.describe());
            }
            BigInteger bits = bigInteger(bitsTok);
            if (bits.bitLength() > type.bits()) {
                throw error(bitsTok, "NaN bits " + bitsTok.text() + " do not fit in " + type);
            }
            long raw = bits.longValue();
            boolean nan = type == Type.F32 ? Float.isNaN(Float.intBitsToFloat((int) raw)) : Double.isNaN(Double.longBitsToDouble(raw));
            if (!nan) {
                throw error(bitsTok, bitsTok.text() + " is not a NaN bit pattern of " + type);
            }
            return raw;
        }
        if (t.kind() != Kind.NUMBER || neg || !FLOAT.matcher(t.text()).matches()) {
            throw error(t, "expected a float constant such as 1.5, -0.0, inf or nan but found " + t.describe());
        }
        advance();
        return type == Type.F32
                ? Float.floatToRawIntBits(Float.parseFloat(t.text())) & 0xFFFF_FFFFL
                : Double.doubleToRawLongBits(Double.parseDouble(t.text()));
    }

    private Type type() {
        Token t = advance();
        Type type = t.kind() == Kind.IDENT ? Type.fromText(t.text()) : null;
        if (type == null) {
            throw error(t, "unknown type " + t.describe() + " (expected i8, i16, i32, i64, f32 or f64)");
        }
        return type;
    }

    // ---------------------------------------------------------------- names

    private static boolean isValueName(Token t) {
        return t.kind() == Kind.IDENT && t.text().matches("v[0-9]+");
    }

    private static boolean isSlotName(Token t) {
        return t.kind() == Kind.IDENT && t.text().matches("ss[0-9]+");
    }

    /** The number in {@code <prefix>N}, or an error naming what was expected. */
    private int number(Token t, String prefix, String what) {
        String s = t.text();
        if (t.kind() != Kind.IDENT || !s.startsWith(prefix) || !s.substring(prefix.length()).matches("0|[1-9][0-9]{0,8}")) {
            throw error(t, "expected a " + what + " such as '" + prefix + "0' but found " + t.describe());
        }
        return Integer.parseInt(s.substring(prefix.length()));
    }

    // ---------------------------------------------------------------- token plumbing

    private Token peek() {
        return tokens.get(next);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(next + ahead, tokens.size() - 1));
    }

    private Token advance() {
        Token t = tokens.get(next);
        if (t.kind() != Kind.EOF) {
            next++;
        }
        return t;
    }

    private void expect(String punct) {
        Token t = peek();
        if (!t.is(punct)) {
            throw error(t, "expected '" + punct + "' but found " + t.describe());
        }
        advance();
    }

    private Token expectKind(Kind kind, String what) {
        Token t = peek();
        if (t.kind() != kind) {
            throw error(t, "expected " + what + " but found " + t.describe());
        }
        return advance();
    }

    private boolean acceptComma() {
        if (peek().is(",")) {
            advance();
            return true;
        }
        return false;
    }

    /** The item must end here: a line end, the end of input, or a closing brace (consumed only if a line end). */
    private void expectEndOfLine() {
        Token t = peek();
        if (t.kind() == Kind.NEWLINE) {
            advance();
        } else if (t.kind() != Kind.EOF && !t.is("}")) {
            throw error(t, "expected end of line but found " + t.describe());
        }
    }

    private void skipNewlines() {
        while (peek().kind() == Kind.NEWLINE) {
            advance();
        }
    }

    private static IrParseException error(Token t, String detail) {
        return new IrParseException(t.line(), t.column(), detail);
    }
}
