package org.pyjit.python.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pyjit.python.layout.CPythonVersion;
import org.pyjit.python.layout.Opcode;

/** Hand-assembled 3.12 code units: decoding, caches, tables, graphs, depths and every rejection. */
class BytecodeDecodingTest {

    private static final BytecodeDialect D = BytecodeDialect.forVersion(CPythonVersion.V3_12).orElseThrow();

    /** Units from (opcode, oparg) pairs; an opcode is a name or a raw number. */
    private static byte[] units(Object... pairs) {
        byte[] out = new byte[pairs.length];
        for (int i = 0; i < pairs.length; i += 2) {
            out[i] = (byte) (pairs[i] instanceof Opcode op ? D.opcodes().number(op) : (Integer) pairs[i]);
            out[i + 1] = (byte) (int) (Integer) pairs[i + 1];
        }
        return out;
    }

    /** A raw 16-bit cache unit as an (opcode byte, oparg byte) pair. */
    private static Object[] cache(int value) {
        return new Object[] {value & 0xFF, value >>> 8};
    }

    private static Object[] concat(Object[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray();
    }

    private static Bytecode decode(Object... pairs) {
        return Bytecode.decode(D, CodeUnits.of(units(pairs)));
    }

    @Test
    void extendedArgIsFoldedIntoTheNextInstruction() {
        Bytecode code = decode(Opcode.EXTENDED_ARG, 1, Opcode.EXTENDED_ARG, 2, Opcode.LOAD_CONST, 3,
                Opcode.RETURN_VALUE, 0);
        Instruction load = code.instructions().get(0);
        assertEquals(new Instruction(0, 2, Opcode.LOAD_CONST, Opcode.LOAD_CONST, 0x010203, 0, new InlineCache.None()),
                load);
        assertEquals(2, load.prefixUnits());
        assertEquals(3, load.next());
        assertEquals(load, code.containing(1));
        assertTrue(code.startingAt(1).isEmpty());
        assertEquals(load, code.startingAt(0).orElseThrow());
    }

    @Test
    void loadAttrCacheReadsLittleEndianWordsAndPointer() {
        Bytecode code = decode(concat(new Object[] {Opcode.LOAD_ATTR_INSTANCE_VALUE, 4},
                cache(0x0340), cache(0x0078), cache(0x0002), cache(5), cache(0),
                cache(0x1111), cache(0x2222), cache(0x3333), cache(0x4444), new Object[] {Opcode.RETURN_VALUE, 0}));
        Instruction insn = code.instructions().get(0);
        assertEquals(Opcode.LOAD_ATTR, insn.base());
        assertTrue(insn.isRewritten());
        assertEquals(9, insn.cacheUnits());
        InlineCache.LoadAttr c = (InlineCache.LoadAttr) insn.cache();
        assertEquals(131192, c.typeVersion());
        assertEquals(5, c.index());
        assertEquals(0x4444333322221111L, c.descr());
        assertEquals(52, InlineCache.counterValue(c.counter()));
        assertEquals(0, InlineCache.counterBackoff(c.counter()));
        assertEquals(Opcode.RETURN_VALUE, code.instructions().get(1).opcode());
        assertEquals(10, code.instructions().get(1).index());
    }

    @Test
    void loadGlobalStoreAttrAndCallCachesUseTheirFields() {
        Bytecode code = decode(concat(new Object[] {Opcode.LOAD_GLOBAL_BUILTIN, 3},
                cache(17), cache(18), cache(50), cache(40),
                new Object[] {Opcode.STORE_ATTR_SLOT, 0}, cache(1), cache(0xFFFF), cache(0xFFFF), cache(24),
                new Object[] {Opcode.CALL_PY_EXACT_ARGS, 0}, cache(2), cache(794), cache(1),
                new Object[] {Opcode.RETURN_VALUE, 0}));
        assertEquals(new InlineCache.LoadGlobal(17, 18, 50, 40), code.instructions().get(0).cache());
        assertEquals(new InlineCache.StoreAttr(1, 0xFFFFFFFFL, 24), code.instructions().get(1).cache());
        assertEquals(new InlineCache.Call(2, 794 + 65536), code.instructions().get(2).cache());
    }

    @Test
    void instrumentedOpcodesMapToTheirBase() {
        Bytecode code = decode(Opcode.INSTRUMENTED_RESUME, 0, Opcode.RETURN_CONST, 0);
        assertEquals(Opcode.RESUME, code.instructions().get(0).base());
        MalformedBytecodeException e = assertThrows(MalformedBytecodeException.class,
                () -> decode(Opcode.INSTRUMENTED_LINE, 0, Opcode.RETURN_CONST, 0));
        assertTrue(e.getMessage().contains("_co_monitoring"), e.getMessage());
    }

    @Test
    void malformedCodeIsRejectedWithItsPosition() {
        assertThrows(MalformedBytecodeException.class, () -> CodeUnits.of(new byte[3]));
        assertMalformed("unknown opcode 169", 169, 0, Opcode.RETURN_CONST, 0);
        assertMalformed("cache units past the end", Opcode.RESUME, 0, Opcode.BINARY_OP, 0);
        assertMalformed("EXTENDED_ARG at the end", Opcode.RETURN_CONST, 0, Opcode.EXTENDED_ARG, 1);
        assertMalformed("more than three", Opcode.EXTENDED_ARG, 1, Opcode.EXTENDED_ARG, 1, Opcode.EXTENDED_ARG, 1,
                Opcode.EXTENDED_ARG, 1, Opcode.NOP, 0);
        assertMalformed("CACHE unit", Opcode.CACHE, 0, Opcode.RETURN_CONST, 0);
        assertMalformed("not an instruction start", Opcode.JUMP_FORWARD, 5, Opcode.RETURN_CONST, 0);
        assertMalformed("not an instruction start", Opcode.JUMP_BACKWARD, 3, Opcode.RETURN_CONST, 0);
        // Jumping into a cache unit.
        assertMalformed("not an instruction start", Opcode.JUMP_FORWARD, 1, Opcode.BINARY_OP, 0, 0, 0,
                Opcode.RETURN_CONST, 0);
        // Falling off the end.
        assertMalformed("not an instruction start", Opcode.NOP, 0);
    }

    private static void assertMalformed(String fragment, Object... pairs) {
        MalformedBytecodeException e = assertThrows(MalformedBytecodeException.class, () -> decode(pairs));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void exceptionTableParsesTheDocumentedExample() {
        // Objects/exception_handling_notes.txt: start 20, size 8, target 100, depth 3, no lasti.
        ExceptionTable table = ExceptionTable.parse(new byte[] {(byte) 148, 8, 65, 36, 6});
        assertEquals(List.of(new ExceptionTable.Entry(20, 28, 100, 3, false)), table.entries());
        assertEquals(4, table.entries().get(0).handlerDepth());
        assertTrue(table.handlerFor(27).isPresent());
        assertTrue(table.handlerFor(28).isEmpty());
        assertTrue(table.handlerFor(19).isEmpty());
        assertEquals(List.of(new ExceptionTable.Entry(20, 28, 100, 3, false),
                new ExceptionTable.Entry(40, 42, 50, 0, true)), ExceptionTable.parseHex("9408412406a8023201").entries());
    }

    @Test
    void malformedExceptionTablesAreRejected() {
        assertThrows(MalformedBytecodeException.class, () -> ExceptionTable.parse(new byte[] {20, 8, 1, 2}));
        assertThrows(MalformedBytecodeException.class, () -> ExceptionTable.parse(new byte[] {(byte) 148, 8, 65}));
        assertThrows(MalformedBytecodeException.class, () -> ExceptionTable.parse(new byte[] {(byte) 148, 0, 1, 2}));
        assertThrows(MalformedBytecodeException.class,
                () -> ExceptionTable.parse(new byte[] {(byte) 148, 8, (byte) 129, 2}));
        // Second entry starts inside the first.
        assertThrows(MalformedBytecodeException.class,
                () -> ExceptionTable.parse(new byte[] {(byte) 148, 8, 1, 2, (byte) 150, 1, 1, 2}));
        Bytecode code = decode(Opcode.NOP, 0, Opcode.RETURN_CONST, 0);
        assertThrows(MalformedBytecodeException.class,
                () -> new ExceptionTable(List.of(new ExceptionTable.Entry(0, 1, 5, 0, false))).checkAgainst(code));
    }

    @Test
    void loopGraphAndDepths() {
        // 0 RESUME; 1 LOAD_CONST; 2 POP_JUMP_IF_FALSE +1 -> 4; 3 JUMP_BACKWARD 4 -> 0; 4 RETURN_CONST
        byte[] u = units(Opcode.RESUME, 0, Opcode.LOAD_CONST, 0, Opcode.POP_JUMP_IF_FALSE, 1,
                Opcode.JUMP_BACKWARD, 4, Opcode.RETURN_CONST, 0);
        CodeAnalysis a = CodeAnalysis.of(D, u, new byte[0], 1);
        List<ControlFlowGraph.BasicBlock> blocks = a.graph().blocks();
        assertEquals(List.of(0, 3, 4), blocks.stream().map(ControlFlowGraph.BasicBlock::start).toList());
        assertEquals(List.of(new ControlFlowGraph.Edge.Flow(Successor.Kind.NEXT, 1, -1),
                new ControlFlowGraph.Edge.Flow(Successor.Kind.BRANCH_TAKEN, 2, -1)), blocks.get(0).successors());
        assertEquals(List.of(new ControlFlowGraph.Edge.Flow(Successor.Kind.JUMP, 0, 0)), blocks.get(1).successors());
        assertEquals(List.of(), blocks.get(2).successors());
        assertEquals(List.of(1), a.graph().predecessors(0));
        assertEquals(1, a.depths().max());
        assertThrows(MalformedBytecodeException.class, () -> CodeAnalysis.of(D, u, new byte[0], 0));
    }

    @Test
    void forIterHasExhaustedAndGeneratorReturnEdges() {
        // 0 LOAD_CONST; 1 GET_ITER; 2 FOR_ITER 2 (cache 3); 4 STORE_FAST; 5 JUMP_BACKWARD 4; 6 END_FOR; 7 RETURN_CONST
        byte[] u = units(Opcode.LOAD_CONST, 0, Opcode.GET_ITER, 0, Opcode.FOR_ITER_RANGE, 2, 0, 0,
                Opcode.STORE_FAST, 0, Opcode.JUMP_BACKWARD, 4, Opcode.END_FOR, 0, Opcode.RETURN_CONST, 0);
        CodeAnalysis a = CodeAnalysis.of(D, u, new byte[0], 2);
        Instruction forIter = a.code().startingAt(2).orElseThrow();
        assertEquals(List.of(new Successor(Successor.Kind.NEXT, 4, 1),
                new Successor(Successor.Kind.ITERATOR_EXHAUSTED, 7, -1),
                new Successor(Successor.Kind.GENERATOR_RETURN, 6, 1)), a.code().successors(forIter));
        assertEquals(2, a.depths().before(a.code().startingAt(6).orElseThrow()).getAsInt());
        assertEquals(0, a.depths().before(a.code().startingAt(7).orElseThrow()).getAsInt());
        assertEquals(2, a.depths().max());
    }

    @Test
    void handlersStartAtTheirDepthPlusLastiPlusException() {
        // 0 LOAD_CONST; 1 LOAD_CONST; 2 BINARY_OP; 3 RETURN_VALUE | handler 4: POP_TOP POP_TOP POP_TOP RETURN_CONST
        byte[] u = units(Opcode.LOAD_CONST, 0, Opcode.LOAD_CONST, 0, Opcode.BINARY_OP, 0, 0, 0, Opcode.RETURN_VALUE, 0,
                Opcode.POP_TOP, 0, Opcode.POP_TOP, 0, Opcode.POP_TOP, 0, Opcode.RETURN_CONST, 0);
        // Entry: units 1..4 (LOAD_CONST, BINARY_OP), target 5, depth 1, lasti.
        byte[] table = {(byte) (0x80 | 1), 3, 5, 3};
        CodeAnalysis a = CodeAnalysis.of(D, u, table, 3);
        Instruction handler = a.code().startingAt(5).orElseThrow();
        assertEquals(3, a.depths().before(handler).getAsInt());
        ControlFlowGraph.BasicBlock covered = a.graph().blockAt(2);
        assertTrue(covered.handler().isPresent());
        assertFalse(a.graph().blockAt(0).handler().isPresent());
        assertTrue(covered.successors().stream().anyMatch(e -> e instanceof ControlFlowGraph.Edge.Unwind w
                && a.graph().blocks().get(w.target()).start() == 5));
        // The same entry with depth 2 is below the covered LOAD_CONST's depth 1.
        assertThrows(MalformedBytecodeException.class, () -> CodeAnalysis.of(D, u, new byte[] {(byte) 0x81, 3, 5, 4}, 9));
    }

    @Test
    void inconsistentOrNegativeDepthsAreRejected() {
        // The join at RETURN_CONST is reached at depth 1 (fall through) and 0 (jump).
        MalformedBytecodeException join = assertThrows(MalformedBytecodeException.class, () -> CodeAnalysis.of(D,
                units(Opcode.LOAD_CONST, 0, Opcode.POP_JUMP_IF_FALSE, 1, Opcode.LOAD_CONST, 0, Opcode.RETURN_CONST, 0),
                new byte[0], 9));
        assertTrue(join.getMessage().contains("reached at depth"), join.getMessage());
        MalformedBytecodeException under = assertThrows(MalformedBytecodeException.class, () -> CodeAnalysis.of(D,
                units(Opcode.POP_TOP, 0, Opcode.RETURN_CONST, 0), new byte[0], 9));
        assertTrue(under.getMessage().contains("underflows"), under.getMessage());
    }
}
