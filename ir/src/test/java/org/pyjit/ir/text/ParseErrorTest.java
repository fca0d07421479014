package org.pyjit.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParseErrorTest {

    private static final String HEAD = "function %f(i64) -> i64 {\nblock0(v0: i64):\n";

    /**
     * Each case: the text after a two-line header (so line 3 is the first body line), the expected
     * line and column, and the expected message. {@code |} stands for a line break.
     */
    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '#', textBlock = """
            '    v1 = iadd3 v0, v0|    return v1|}' # 3 # 10 # unknown opcode 'iadd3'
            '    v1 = iconst.i65 1|    return v1|}' # 3 # 17 # unknown type 'i65' (expected i8, i16, i32, i64, f32 or f64)
            '    v1 = iadd v0 v0|    return v1|}' # 3 # 18 # expected ',' but found 'v0'
            '    jump block7|}' # 3 # 10 # unknown block block7
            '    v1 = iadd v0, v0|    v1 = isub v0, v0|    return v1|}' # 4 # 5 # v1 defined twice (first at line 3, column 5)
            '    return v9|}' # 3 # 12 # undefined value v9
            '    v1 = iconst.i8 300|    return v0|}' # 3 # 20 # immediate 300 is out of range for i8
            '    v1 = iadd_imm v0, 18446744073709551616|    return v0|}' # 3 # 23 # immediate 18446744073709551616 is out of range for i64
            '    v1 = icmp lt v0, v0|    return v0|}' # 3 # 15 # unknown integer condition 'lt'
            '    v1 = fcmp slt v0, v0|    return v0|}' # 3 # 15 # unknown float condition 'slt'
            '    v1 = load.i32 v0|    return v0|}' # 3 # 21 # expected an offset such as '+0' or '-8' but found end of line
            '    v1 = load.i32 v0+4294967296|    return v0|}' # 3 # 22 # offset 4294967296 does not fit in 32 bits
            '    v1 = iadd.i64 v0, v0|    return v1|}' # 3 # 14 # iadd takes no type suffix
            '    v1 = sextend v0|    return v1|}' # 3 # 18 # sextend needs a type suffix such as 'sextend.i64'
            '    v1, v2 = iadd v0, v0|    return v1|}' # 3 # 14 # iadd defines 1 result but 2 written
            '    v1 = call %g(v0)|    return v1|}' # 3 # 15 # unknown function %g
            '    v1 = stack_addr ss0+0|    return v1|}' # 3 # 21 # unknown stack slot ss0
            '    trap user70000|}' # 3 # 10 # unknown trap code 'user70000' (expected int_divz, int_ovf, bad_conversion, unreachable, heap_oob, step_limit, stack_overflow or user0..user65535)
            '    v1 = f64const 1.5f|    return v0|}' # 3 # 19 # expected a float constant such as 1.5, -0.0, inf or nan but found '1.5f'
            '    v1 = f64const nan:0x1|    return v0|}' # 3 # 23 # 0x1 is not a NaN bit pattern of f64
            '    v1 = iadd v0, v0 v0|    return v1|}' # 3 # 22 # expected end of line but found 'v0'
            '    v1 = iadd v0, v0 @|}' # 3 # 22 # unexpected character '@'
            '    return v0|' # 4 # 1 # missing '}' at the end of function %f
            '    v1 = iadd v2, v2|    v2 = iadd v1, v1|    return v1|}' # 3 # 5 # cannot infer the type of v1: its operands' types depend only on each other
            '    jump block1|block1:|    return v0|block1:|    return v0|}' # 6 # 1 # block1 defined twice (first at line 4)
            '    jump block1(v0,)|}' # 3 # 20 # expected a value such as 'v0' but found ')'
            '    v01 = iconst.i64 1|    return v0|}' # 3 # 5 # expected a value such as 'v0' but found 'v01'
            """)
    void malformedTextIsRejectedAtItsPosition(String body, int line, int column, String message) {
        String text = HEAD + body.replace('|', '\n');
        IrParseException e = assertThrows(IrParseException.class, () -> IrParser.parseModule(text));
        assertEquals(message, e.detail());
        assertEquals(line + ":" + column, e.line() + ":" + e.column(), e.getMessage());
        assertEquals("line " + line + ", column " + column + ": " + message, e.getMessage());
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '#', textBlock = """
            'function f() {|block0:|    return|}' # 1 # 10 # expected a function name such as %f but found 'f'
            'function %f() {|block0:|    return|}|function %f() {|block0:|    return|}' # 5 # 10 # function %f defined twice (first at line 1)
            'function %f(i64 {|block0:|    return|}' # 1 # 17 # expected ')' but found '{'
            'function %f() {|}' # 1 # 10 # function %f has no blocks
            'function %f() {|    ss1 = stack_slot 8, align 8|block0:|    return|}' # 2 # 5 # stack slot ss1 declared out of order; expected ss0
            'function %f() {|    ss0 = stack_slot 8, align 3|block0:|    return|}' # 2 # 31 # stack slot alignment must be 1, 2, 4, 8 or 16: 3
            'func %f() {' # 1 # 1 # expected 'function' but found 'func'
            'function %f() {|    return|}' # 2 # 5 # expected a block such as 'block0:' but found 'return'
            'function %"unterminated() {' # 1 # 10 # unterminated quoted function name
            """)
    void malformedFunctionsAreRejectedAtTheirPosition(String body, int line, int column, String message) {
        String text = body.replace('|', '\n');
        IrParseException e = assertThrows(IrParseException.class, () -> IrParser.parseModule(text));
        assertEquals("line " + line + ", column " + column + ": " + message, e.getMessage());
    }
}
