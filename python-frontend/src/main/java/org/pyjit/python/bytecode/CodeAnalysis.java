package org.pyjit.python.bytecode;

/**
 * Everything the translator needs to know about one code object's bytecode, checked for
 * consistency: instructions, exception table, control-flow graph and stack depths.
 *
 * @param code the decoded instructions
 * @param exceptionTable the parsed {@code co_exceptiontable}
 * @param graph the basic blocks
 * @param depths the stack depth at every instruction
 */
public record CodeAnalysis(Bytecode code, ExceptionTable exceptionTable, ControlFlowGraph graph,
                           StackDepths depths) {

    /**
     * Decodes and analyses a code object.
     *
     * @param dialect the running version's dialect
     * @param codeUnits the instruction bytes ({@code co_code_adaptive} or {@code co_code})
     * @param exceptionTable the bytes of {@code co_exceptiontable}
     * @param stackSize {@code co_stacksize}; the analysis must not exceed it
     * @return the analysis
     * @throws MalformedBytecodeException when any part is inconsistent
     */
    public static CodeAnalysis of(BytecodeDialect dialect, byte[] codeUnits, byte[] exceptionTable, int stackSize) {
        Bytecode code = Bytecode.decode(dialect, CodeUnits.of(codeUnits));
        ExceptionTable table = ExceptionTable.parse(exceptionTable);
        table.checkAgainst(code);
        StackDepths depths = StackDepths.compute(code, table);
        if (depths.max() > stackSize) {
            throw new MalformedBytecodeException(-1, "stack depth " + depths.max() + " exceeds co_stacksize "
                    + stackSize);
        }
        return new CodeAnalysis(code, table, ControlFlowGraph.build(code, table), depths);
    }
}
