package org.pyjit.python.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pyjit.python.bytecode.CorpusDump.CodeRecord;
import org.pyjit.python.bytecode.CorpusDump.DisInstruction;
import org.pyjit.python.layout.CPythonVersion;
import org.pyjit.python.layout.Opcode;

/**
 * Decodes every code object of a warmed-up corpus exactly as CPython 3.12 itself lists it: one
 * python3.12 process dumps {@code co_code}, {@code _co_code_adaptive}, {@code co_exceptiontable},
 * {@code co_stacksize} and the {@code dis} views, and the Java side must agree on every
 * instruction, argument, jump target, stack effect, cache field and exception entry.
 */
class BytecodeCorpusTest {

    private static CorpusDump dump;
    private static final BytecodeDialect DIALECT = BytecodeDialect.forVersion(CPythonVersion.V3_12).orElseThrow();

    @BeforeAll
    static void runPython() throws Exception {
        dump = CorpusDump.run();
    }

    @Test
    void corpusIsLargeAndWarm() {
        int instructions = 0;
        int rewritten = 0;
        Set<Opcode> seen = EnumSet.noneOf(Opcode.class);
        for (CodeRecord c : dump.codes()) {
            for (Instruction insn : Bytecode.decode(DIALECT, CodeUnits.of(c.adaptive())).instructions()) {
                instructions++;
                seen.add(insn.opcode());
                if (insn.isRewritten()) {
                    rewritten++;
                }
            }
        }
        assertTrue(dump.codes().size() >= 40, "code objects: " + dump.codes().size());
        assertTrue(instructions >= 3000, "instructions: " + instructions);
        assertTrue(rewritten >= 300, "specialised instructions: " + rewritten);
        for (Opcode wanted : List.of(Opcode.LOAD_GLOBAL_MODULE, Opcode.LOAD_GLOBAL_BUILTIN,
                Opcode.LOAD_ATTR_INSTANCE_VALUE, Opcode.LOAD_ATTR_METHOD_WITH_VALUES, Opcode.STORE_ATTR_INSTANCE_VALUE,
                Opcode.CALL_PY_EXACT_ARGS, Opcode.BINARY_OP_ADD_INT, Opcode.COMPARE_OP_INT, Opcode.FOR_ITER_RANGE,
                Opcode.EXTENDED_ARG, Opcode.CHECK_EG_MATCH, Opcode.MATCH_CLASS, Opcode.SEND, Opcode.END_ASYNC_FOR)) {
            assertTrue(seen.contains(wanted) || wanted == Opcode.EXTENDED_ARG, "corpus lacks " + wanted);
        }
    }

    @Test
    void familiesMatchDisDeoptmap() {
        assertFalse(dump.deopt().isEmpty());
        dump.deopt().forEach((spec, base) ->
                assertEquals(Opcode.valueOf(base), DIALECT.baseOf(Opcode.valueOf(spec)), spec));
        for (Opcode op : DIALECT.opcodes().entries().keySet()) {
            if (op.kind() == Opcode.Kind.SPECIALIZED) {
                assertTrue(dump.deopt().containsKey(op.name()), op + " is not in dis.deoptmap");
            }
        }
    }

    @Test
    void cacheSizesMatchOpcodeModule() {
        for (Opcode op : DIALECT.opcodes().entries().keySet()) {
            if (op.kind() == Opcode.Kind.BASE) {
                assertEquals(dump.caches().getOrDefault(op.name(), 0), DIALECT.cacheUnits(op), op.name());
            }
        }
    }

    @Test
    void plainCodeMatchesDisInstructionByInstruction() {
        for (CodeRecord c : dump.codes()) {
            Bytecode code = Bytecode.decode(DIALECT, CodeUnits.of(c.coCode()));
            List<Instruction> insns = code.instructions();
            int k = 0;
            int prefixes = 0;
            for (DisInstruction d : c.instructions()) {
                String where = c.qualname() + " @" + d.offset();
                if (d.opname().equals("EXTENDED_ARG")) {
                    prefixes++;
                    continue;
                }
                Instruction insn = insns.get(k++);
                assertEquals(d.offset(), insn.byteOffset(), where);
                assertEquals(prefixes, insn.prefixUnits(), where + " prefixes");
                prefixes = 0;
                assertEquals(d.opname(), insn.opcode().name(), where);
                assertFalse(insn.isRewritten(), where);
                assertEquals(d.arg() == null ? 0 : d.arg(), insn.oparg(), where);
                checkJump(code, insn, d, where);
                checkStackEffects(code, insn, d, where);
            }
            assertEquals(insns.size(), k, c.qualname());
        }
    }

    private static void checkJump(Bytecode code, Instruction insn, DisInstruction d, String where) {
        List<Successor> taken = code.successors(insn).stream().filter(s -> s.kind() != Successor.Kind.NEXT).toList();
        if (d.jumpTarget() == null) {
            assertTrue(taken.isEmpty(), where + " has no jump in dis: " + taken);
            return;
        }
        int disTarget = d.jumpTarget() / 2;
        if (insn.base() == Opcode.FOR_ITER) {
            assertEquals(Opcode.END_FOR, code.startingAt(disTarget).orElseThrow().base(), where);
            assertEquals(List.of(Successor.Kind.ITERATOR_EXHAUSTED, Successor.Kind.GENERATOR_RETURN),
                    taken.stream().map(Successor::kind).toList(), where);
            assertEquals(disTarget + 1, taken.get(0).target(), where + " exhausted");
            assertEquals(disTarget, taken.get(1).target(), where + " generator return");
        } else {
            assertEquals(1, taken.size(), where);
            assertEquals(disTarget, taken.get(0).target(), where);
        }
    }

    private static void checkStackEffects(Bytecode code, Instruction insn, DisInstruction d, String where) {
        StackEffect effect = DIALECT.stackEffect(insn.base(), insn.oparg());
        // RETURN_GENERATOR: the compiler counts 0, the frame resumes with the sent value pushed.
        int expected = insn.base() == Opcode.RETURN_GENERATOR ? d.effect() + 1 : d.effect();
        assertEquals(expected, effect.delta(), where + " fall-through effect");
        for (Successor s : code.successors(insn)) {
            switch (s.kind()) {
                case NEXT -> assertEquals(expected, s.stackDelta(), where);
                case JUMP, BRANCH_TAKEN, GENERATOR_RETURN -> assertEquals(d.jumpEffect(), s.stackDelta(), where + " " + s);
                // dis counts FOR_ITER -> END_FOR (+1) then END_FOR (-2).
                case ITERATOR_EXHAUSTED -> assertEquals(d.jumpEffect() - 2, s.stackDelta(), where);
            }
        }
    }

    @Test
    void adaptiveCodeMatchesDisAdaptiveAndDeoptimisesToPlain() {
        int cached = 0;
        for (CodeRecord c : dump.codes()) {
            List<Instruction> plain = Bytecode.decode(DIALECT, CodeUnits.of(c.coCode())).instructions();
            List<Instruction> quick = Bytecode.decode(DIALECT, CodeUnits.of(c.adaptive())).instructions();
            assertEquals(plain.size(), quick.size(), c.qualname());
            Map<Integer, String> names = c.adaptiveOpnames();
            for (int i = 0; i < quick.size(); i++) {
                Instruction q = quick.get(i);
                Instruction p = plain.get(i);
                String where = c.qualname() + " @" + q.byteOffset();
                assertEquals(names.get(q.byteOffset()), q.opcode().name(), where);
                assertEquals(p.opcode(), q.base(), where);
                assertEquals(p.oparg(), q.oparg(), where);
                assertEquals(p.start(), q.start(), where);
                assertEquals(c.cacheFields().getOrDefault(q.byteOffset(), Map.of()), cacheFields(q.cache()), where);
                if (q.cacheUnits() > 0) {
                    cached++;
                }
            }
        }
        assertTrue(cached >= 500, "instructions with caches: " + cached);
    }

    /** The Java decode under dis's field names ({@code opcode._cache_format}). */
    private static Map<String, Long> cacheFields(InlineCache cache) {
        if (cache instanceof InlineCache.Counter k) {
            return Map.of("counter", (long) k.counter());
        } else if (cache instanceof InlineCache.LoadGlobal g) {
            return Map.of("counter", (long) g.counter(), "index", (long) g.index(),
                    "module_keys_version", (long) g.moduleKeysVersion(), "builtin_keys_version",
                    (long) g.builtinKeysVersion());
        } else if (cache instanceof InlineCache.LoadAttr a) {
            return Map.of("counter", (long) a.counter(), "version", a.typeVersion(),
                    "keys_version", a.keysVersion(), "descr", a.descr());
        } else if (cache instanceof InlineCache.StoreAttr s) {
            return Map.of("counter", (long) s.counter(), "version", s.typeVersion(), "index", (long) s.index());
        } else if (cache instanceof InlineCache.Call k) {
            return Map.of("counter", (long) k.counter(), "func_version", k.funcVersion());
        }
        return Map.of();
    }

    @Test
    void loadGlobalModuleIndexNamesTheGlobal() {
        int checked = 0;
        for (CodeRecord c : dump.codes()) {
            for (Instruction insn : Bytecode.decode(DIALECT, CodeUnits.of(c.adaptive())).instructions()) {
                if (insn.opcode() == Opcode.LOAD_GLOBAL_MODULE) {
                    InlineCache.LoadGlobal g = (InlineCache.LoadGlobal) insn.cache();
                    assertEquals(c.names().get(insn.oparg() >> 1), dump.globals().get(g.index()),
                            c.qualname() + " @" + insn.byteOffset());
                    assertTrue(g.moduleKeysVersion() != 0);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 10, "LOAD_GLOBAL_MODULE checked: " + checked);
    }

    @Test
    void exceptionTablesMatchDis() {
        int entries = 0;
        for (CodeRecord c : dump.codes()) {
            ExceptionTable table = ExceptionTable.parse(c.exceptionTable());
            List<CorpusDump.DisEntry> mine = new ArrayList<>();
            for (ExceptionTable.Entry e : table.entries()) {
                mine.add(new CorpusDump.DisEntry(2 * e.start(), 2 * e.end(), 2 * e.target(), e.depth(), e.lasti()));
            }
            assertEquals(c.entries(), mine, c.qualname());
            table.checkAgainst(Bytecode.decode(DIALECT, CodeUnits.of(c.adaptive())));
            entries += mine.size();
        }
        assertTrue(entries >= 50, "exception entries: " + entries);
    }

    @Test
    void stackDepthsFitCoStacksize() {
        List<String> below = new ArrayList<>();
        for (CodeRecord c : dump.codes()) {
            for (byte[] units : List.of(c.coCode(), c.adaptive())) {
                CodeAnalysis a = CodeAnalysis.of(DIALECT, units, c.exceptionTable(), c.stackSize());
                assertTrue(a.depths().max() <= c.stackSize(), c.qualname());
                if (units == c.adaptive() && a.depths().max() != c.stackSize()) {
                    below.add(c.qualname() + " " + a.depths().max() + "<" + c.stackSize());
                }
                for (Instruction insn : a.code().instructions()) {
                    boolean reachable = a.depths().isReachable(insn);
                    // Only END_FOR (reached when FOR_ITER_GEN's generator returns) may look dead
                    // here besides code the compiler leaves after a terminator.
                    assertTrue(reachable || insn.base() == Opcode.END_FOR || insn.base() == Opcode.NOP,
                            c.qualname() + " unreachable " + insn);
                }
            }
        }
        assertTrue(below.size() * 10 <= dump.codes().size(), "max depth below co_stacksize in: " + below);
    }

    @Test
    void graphsPartitionCodeAndEdgesFollowSuccessors() {
        int blocks = 0;
        for (CodeRecord c : dump.codes()) {
            CodeAnalysis a = CodeAnalysis.of(DIALECT, c.adaptive(), c.exceptionTable(), c.stackSize());
            ControlFlowGraph g = a.graph();
            List<Instruction> flat = g.blocks().stream().flatMap(b -> b.instructions().stream()).toList();
            assertEquals(a.code().instructions(), flat, c.qualname());
            Set<Integer> starts = g.blocks().stream().map(ControlFlowGraph.BasicBlock::start)
                    .collect(Collectors.toCollection(TreeSet::new));
            for (ControlFlowGraph.BasicBlock b : g.blocks()) {
                for (Instruction insn : b.instructions()) {
                    assertEquals(b.handler(), a.exceptionTable().handlerFor(insn.index()), c.qualname() + " " + insn);
                    assertEquals(b, g.blockAt(insn.index()));
                    if (insn != b.last()) {
                        assertEquals(List.of(Successor.Kind.NEXT),
                                a.code().successors(insn).stream().map(Successor::kind).toList(), c.qualname() + " " + insn);
                    }
                }
                for (ControlFlowGraph.Edge e : b.successors()) {
                    ControlFlowGraph.BasicBlock t = g.blocks().get(e.target());
                    assertTrue(starts.contains(t.start()));
                    assertTrue(g.predecessors(t.id()).contains(b.id()));
                    if (e instanceof ControlFlowGraph.Edge.Unwind u) {
                        assertEquals(u.entry().target(), t.start());
                        assertEquals(u.entry().handlerDepth(), a.depths().before(t.instructions().get(0)).getAsInt());
                    }
                }
                blocks++;
            }
            assertNotNull(g.blocks().get(0));
        }
        assertTrue(blocks > 300, "blocks: " + blocks);
    }
}
