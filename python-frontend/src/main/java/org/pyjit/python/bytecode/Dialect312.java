package org.pyjit.python.bytecode;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.pyjit.python.layout.CPythonLayout;
import org.pyjit.python.layout.CPythonVersion;
import org.pyjit.python.layout.Opcode;
import org.pyjit.python.layout.OpcodeTable;

/**
 * CPython 3.12's bytecode. Sources (3.12 branch): the {@code family(...)} declarations and
 * cache comments {@code name/size} of {@code Python/bytecodes.c}; {@code _PyOpcode_Deopt} and
 * {@code _PyOpcode_Caches} in {@code Include/internal/pycore_opcode.h}; {@code DE_INSTRUMENT} in
 * {@code Python/instrumentation.c}. The corpus test checks the family map against
 * {@code dis.deoptmap} and the cache sizes against {@code opcode._inline_cache_entries}.
 *
 * <p>Jumps are relative, in code units, from the unit after the instruction's caches: forward for
 * JUMP_FORWARD, POP_JUMP_IF_*, FOR_ITER, SEND; backward for JUMP_BACKWARD(_NO_INTERRUPT). 3.12 has
 * no absolute jumps and no JUMP_IF_*_OR_POP.
 */
final class Dialect312 implements BytecodeDialect {

    static final Dialect312 INSTANCE = new Dialect312();

    private final OpcodeTable opcodes = CPythonLayout.forVersion(CPythonVersion.V3_12)
            .orElseThrow(() -> new IllegalStateException("no 3.12 layout table")).opcodes();
    private final Map<Opcode, Opcode> bases = new EnumMap<>(Opcode.class);

    private Dialect312() {
        family(Opcode.BINARY_OP, Opcode.BINARY_OP_ADD_FLOAT, Opcode.BINARY_OP_ADD_INT, Opcode.BINARY_OP_ADD_UNICODE,
                Opcode.BINARY_OP_INPLACE_ADD_UNICODE, Opcode.BINARY_OP_MULTIPLY_FLOAT, Opcode.BINARY_OP_MULTIPLY_INT,
                Opcode.BINARY_OP_SUBTRACT_FLOAT, Opcode.BINARY_OP_SUBTRACT_INT);
        family(Opcode.BINARY_SUBSCR, Opcode.BINARY_SUBSCR_DICT, Opcode.BINARY_SUBSCR_GETITEM,
                Opcode.BINARY_SUBSCR_LIST_INT, Opcode.BINARY_SUBSCR_TUPLE_INT);
        family(Opcode.CALL, Opcode.CALL_BOUND_METHOD_EXACT_ARGS, Opcode.CALL_PY_EXACT_ARGS,
                Opcode.CALL_PY_WITH_DEFAULTS, Opcode.CALL_NO_KW_TYPE_1, Opcode.CALL_NO_KW_STR_1,
                Opcode.CALL_NO_KW_TUPLE_1, Opcode.CALL_BUILTIN_CLASS, Opcode.CALL_NO_KW_BUILTIN_O,
                Opcode.CALL_NO_KW_BUILTIN_FAST, Opcode.CALL_BUILTIN_FAST_WITH_KEYWORDS, Opcode.CALL_NO_KW_LEN,
                Opcode.CALL_NO_KW_ISINSTANCE, Opcode.CALL_NO_KW_LIST_APPEND, Opcode.CALL_NO_KW_METHOD_DESCRIPTOR_O,
                Opcode.CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS, Opcode.CALL_NO_KW_METHOD_DESCRIPTOR_NOARGS,
                Opcode.CALL_NO_KW_METHOD_DESCRIPTOR_FAST);
        family(Opcode.COMPARE_OP, Opcode.COMPARE_OP_FLOAT, Opcode.COMPARE_OP_INT, Opcode.COMPARE_OP_STR);
        family(Opcode.FOR_ITER, Opcode.FOR_ITER_LIST, Opcode.FOR_ITER_TUPLE, Opcode.FOR_ITER_RANGE, Opcode.FOR_ITER_GEN);
        family(Opcode.LOAD_ATTR, Opcode.LOAD_ATTR_INSTANCE_VALUE, Opcode.LOAD_ATTR_MODULE, Opcode.LOAD_ATTR_WITH_HINT,
                Opcode.LOAD_ATTR_SLOT, Opcode.LOAD_ATTR_CLASS, Opcode.LOAD_ATTR_PROPERTY,
                Opcode.LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN, Opcode.LOAD_ATTR_METHOD_WITH_VALUES,
                Opcode.LOAD_ATTR_METHOD_NO_DICT, Opcode.LOAD_ATTR_METHOD_LAZY_DICT);
        family(Opcode.LOAD_CONST, Opcode.LOAD_CONST__LOAD_FAST);
        family(Opcode.LOAD_FAST, Opcode.LOAD_FAST__LOAD_CONST, Opcode.LOAD_FAST__LOAD_FAST);
        family(Opcode.LOAD_GLOBAL, Opcode.LOAD_GLOBAL_MODULE, Opcode.LOAD_GLOBAL_BUILTIN);
        family(Opcode.LOAD_SUPER_ATTR, Opcode.LOAD_SUPER_ATTR_ATTR, Opcode.LOAD_SUPER_ATTR_METHOD);
        family(Opcode.SEND, Opcode.SEND_GEN);
        family(Opcode.STORE_ATTR, Opcode.STORE_ATTR_INSTANCE_VALUE, Opcode.STORE_ATTR_SLOT,
                Opcode.STORE_ATTR_WITH_HINT);
        family(Opcode.STORE_FAST, Opcode.STORE_FAST__LOAD_FAST, Opcode.STORE_FAST__STORE_FAST);
        family(Opcode.STORE_SUBSCR, Opcode.STORE_SUBSCR_DICT, Opcode.STORE_SUBSCR_LIST_INT);
        family(Opcode.UNPACK_SEQUENCE, Opcode.UNPACK_SEQUENCE_TWO_TUPLE, Opcode.UNPACK_SEQUENCE_TUPLE,
                Opcode.UNPACK_SEQUENCE_LIST);
        // DE_INSTRUMENT: each instrumented opcode runs its base's code and keeps its base's caches.
        family(Opcode.RESUME, Opcode.INSTRUMENTED_RESUME);
        family(Opcode.RETURN_VALUE, Opcode.INSTRUMENTED_RETURN_VALUE);
        family(Opcode.RETURN_CONST, Opcode.INSTRUMENTED_RETURN_CONST);
        family(Opcode.CALL, Opcode.INSTRUMENTED_CALL);
        family(Opcode.CALL_FUNCTION_EX, Opcode.INSTRUMENTED_CALL_FUNCTION_EX);
        family(Opcode.YIELD_VALUE, Opcode.INSTRUMENTED_YIELD_VALUE);
        family(Opcode.JUMP_FORWARD, Opcode.INSTRUMENTED_JUMP_FORWARD);
        family(Opcode.JUMP_BACKWARD, Opcode.INSTRUMENTED_JUMP_BACKWARD);
        family(Opcode.POP_JUMP_IF_FALSE, Opcode.INSTRUMENTED_POP_JUMP_IF_FALSE);
        family(Opcode.POP_JUMP_IF_TRUE, Opcode.INSTRUMENTED_POP_JUMP_IF_TRUE);
        family(Opcode.POP_JUMP_IF_NONE, Opcode.INSTRUMENTED_POP_JUMP_IF_NONE);
        family(Opcode.POP_JUMP_IF_NOT_NONE, Opcode.INSTRUMENTED_POP_JUMP_IF_NOT_NONE);
        family(Opcode.FOR_ITER, Opcode.INSTRUMENTED_FOR_ITER);
        family(Opcode.END_FOR, Opcode.INSTRUMENTED_END_FOR);
        family(Opcode.END_SEND, Opcode.INSTRUMENTED_END_SEND);
        family(Opcode.LOAD_SUPER_ATTR, Opcode.INSTRUMENTED_LOAD_SUPER_ATTR);
        for (Opcode op : opcodes.entries().keySet()) {
            if (op.kind() == Opcode.Kind.BASE) {
                bases.put(op, op);
            }
        }
    }

    private void family(Opcode base, Opcode... members) {
        for (Opcode member : members) {
            bases.put(member, base);
        }
    }

    @Override
    public CPythonVersion version() {
        return CPythonVersion.V3_12;
    }

    @Override
    public OpcodeTable opcodes() {
        return opcodes;
    }

    @Override
    public Opcode baseOf(Opcode opcode) {
        Opcode base = bases.get(opcode);
        if (base == null) {
            throw new MalformedBytecodeException(-1, switch (opcode) {
                case INSTRUMENTED_LINE, INSTRUMENTED_INSTRUCTION -> opcode
                        + " hides the original opcode in _co_monitoring: read the code before line or"
                        + " instruction events are enabled";
                default -> opcode + " is not a CPython 3.12 opcode";
            });
        }
        return base;
    }

    @Override
    public int cacheUnits(Opcode base) {
        return opcodes.entry(base).cacheEntries();
    }

    @Override
    public InlineCache decodeCache(Opcode base, CodeUnits u, int first) {
        return switch (cacheUnits(base)) {
            case 0 -> new InlineCache.None();
            case 1 -> new InlineCache.Counter(u.u16(first));
            default -> switch (base) {
                case LOAD_GLOBAL -> new InlineCache.LoadGlobal(u.u16(first), u.u16(first + 1), u.u16(first + 2),
                        u.u16(first + 3));
                case LOAD_ATTR -> new InlineCache.LoadAttr(u.u16(first), u.u32(first + 1), u.u32(first + 3),
                        u.u64(first + 5));
                case STORE_ATTR -> new InlineCache.StoreAttr(u.u16(first), u.u32(first + 1), u.u16(first + 3));
                case CALL -> new InlineCache.Call(u.u16(first), u.u32(first + 1));
                default -> throw new IllegalStateException("no 3.12 cache layout for " + base);
            };
        };
    }

    @Override
    public StackEffect stackEffect(Opcode base, int oparg) {
        return StackEffects312.of(base, oparg);
    }

    @Override
    public List<Successor> successors(Instruction insn) {
        int next = insn.next();
        int delta = StackEffects312.of(insn.base(), insn.oparg()).delta();
        Successor fallThrough = new Successor(Successor.Kind.NEXT, next, delta);
        return switch (insn.base()) {
            case RETURN_VALUE, RETURN_CONST, RAISE_VARARGS, RERAISE, INTERPRETER_EXIT -> List.of();
            case JUMP_FORWARD -> List.of(new Successor(Successor.Kind.JUMP, next + insn.oparg(), 0));
            case JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT ->
                    List.of(new Successor(Successor.Kind.JUMP, next - insn.oparg(), 0));
            case POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE, SEND ->
                    List.of(fallThrough, new Successor(Successor.Kind.BRANCH_TAKEN, next + insn.oparg(), delta));
            // The compiler's target is the END_FOR; the interpreter skips it on exhaustion
            // (JUMPBY(INLINE_CACHE_ENTRIES_FOR_ITER + oparg + 1)) and reaches it only when a generator
            // run inline by FOR_ITER_GEN returns (return_offset = oparg, value pushed).
            case FOR_ITER -> List.of(fallThrough,
                    new Successor(Successor.Kind.ITERATOR_EXHAUSTED, next + insn.oparg() + 1, -1),
                    new Successor(Successor.Kind.GENERATOR_RETURN, next + insn.oparg(), delta));
            default -> List.of(fallThrough);
        };
    }
}
