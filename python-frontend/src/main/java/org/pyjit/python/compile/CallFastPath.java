package org.pyjit.python.compile;

import org.pyjit.ir.Block;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.IntCC;
import org.pyjit.ir.Signature;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;
import org.pyjit.python.layout.CPythonLayout;
import org.pyjit.python.layout.Opcode;
import org.pyjit.python.layout.TypeFlag;

/**
 * The CALLs that 3.12's specialising interpreter turned into a call of a C function, made by
 * compiled code without {@code PyObject_Vectorcall}'s layers: the guards of the quickened form's
 * {@code bytecodes.c} body, tested at run time, then the call itself (or, for
 * {@code list.append}, the append). A failed guard takes the generic vectorcall, so the result is
 * always the interpreter's. Only calls without keywords.
 *
 * <table>
 *   <caption>Quickened forms and what runs</caption>
 *   <tr><th>3.12 form</th><th>guards</th><th>call</th></tr>
 *   <tr><td>{@code CALL_NO_KW_BUILTIN_O}, {@code _FAST}, {@code CALL_NO_KW_LEN},
 *       {@code CALL_NO_KW_ISINSTANCE}</td>
 *       <td>exact {@code builtin_function_or_method}; {@code ml_flags} exactly the form's:
 *       {@code METH_O} (one argument; {@code len}) or {@code METH_FASTCALL} ({@code isinstance})</td>
 *       <td>{@code ml_meth(m_self, arg)} or {@code ml_meth(m_self, args, n)}</td></tr>
 *   <tr><td>{@code CALL_NO_KW_METHOD_DESCRIPTOR_O}, {@code _NOARGS}, {@code _FAST}</td>
 *       <td>exact {@code method_descriptor}; {@code self} exactly of its {@code d_type};
 *       {@code ml_flags} exactly the form's: {@code METH_O} (two with self), {@code METH_NOARGS}
 *       (one) or {@code METH_FASTCALL}</td>
 *       <td>{@code ml_meth(self, arg)}, {@code ml_meth(self, NULL)},
 *       {@code ml_meth(self, args + 1, n - 1)}</td></tr>
 *   <tr><td>{@code CALL_BUILTIN_FAST_WITH_KEYWORDS},
 *       {@code CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS} (no keywords given)</td>
 *       <td>as above, {@code ml_flags} exactly {@code METH_FASTCALL | METH_KEYWORDS}</td>
 *       <td>{@code ml_meth(self, args, n, NULL)}</td></tr>
 *   <tr><td>{@code CALL_BUILTIN_CLASS}</td>
 *       <td>{@code PyType_Check(callable)}, {@code tp_vectorcall} set</td>
 *       <td>{@code tp_vectorcall(callable, args, n, NULL)}</td></tr>
 *   <tr><td>{@code CALL_NO_KW_LIST_APPEND}</td>
 *       <td>the method slot is the {@code list.append} descriptor; {@code PyList_Check(self)}</td>
 *       <td>the item stored in place when the list has room, else {@code PyList_Append}</td></tr>
 *   <tr><td>{@code CALL_NO_KW_TYPE_1}, {@code _STR_1}, {@code _TUPLE_1}</td>
 *       <td>no method slot; the callable is {@code type}, {@code str}, {@code tuple}; one
 *       argument</td>
 *       <td>{@code Py_TYPE(arg)}, {@code PyObject_Str(arg)}, {@code PySequence_Tuple(arg)}</td></tr>
 * </table>
 *
 * <p>Recursion: {@code METH_O} and {@code METH_NOARGS} calls charge one unit of
 * {@code c_recursion_remaining} around the call, as the interpreter and
 * {@code PyObject_Vectorcall} both do; when none is left the generic path runs and raises
 * {@code RecursionError} as python does. {@code METH_FASTCALL} calls charge none, as in python.
 */
final class CallFastPath {

    /** {@code METH_NOARGS}, {@code METH_O}, {@code METH_FASTCALL} (Include/methodobject.h). */
    private static final int METH_NOARGS = 0x0004;
    private static final int METH_O = 0x0008;
    private static final int METH_FASTCALL = 0x0080;
    private static final int METH_KEYWORDS = 0x0002;
    private static final Signature P_OF_PP = Signature.of(Type.I64, Type.I64, Type.I64);
    private static final Signature P_OF_PPP = Signature.of(Type.I64, Type.I64, Type.I64, Type.I64);
    private static final Signature P_OF_PPPP = Signature.of(Type.I64, Type.I64, Type.I64, Type.I64, Type.I64);
    private static final Signature P_OF_P = Signature.of(Type.I64, Type.I64);
    private static final Signature INT_OF_PP = Signature.of(Type.I32, Type.I64, Type.I64);

    /**
     * How a C function takes its arguments ({@code ml_flags}, Include/methodobject.h); a site
     * specialised to one calls only functions with exactly these flags, as the interpreter does.
     */
    private enum Convention {
        /** {@code METH_O}: one argument; charges the C recursion budget. */
        ONE(METH_O),
        /** {@code METH_NOARGS}: none; charges the C recursion budget. */
        NONE(METH_NOARGS),
        /** {@code METH_FASTCALL}: a vector. */
        FAST(METH_FASTCALL),
        /** {@code METH_FASTCALL | METH_KEYWORDS} with no keyword names. */
        FAST_KEYWORDS(METH_FASTCALL | METH_KEYWORDS);

        final int flags;

        Convention(int flags) {
            this.flags = flags;
        }
    }

    private final Translator t;
    private final FunctionBuilder b;
    private final CPythonLayout.CallableLayout c;
    private final CPythonLayout.SequenceLayout lists;
    private final long listAppend;
    /** Counts each taken fast path (statistics), or null. */
    private final ExitSite held;

    /**
     * @param t the translation the code belongs to
     * @param b its builder, positioned at the CALL after its operands are known
     * @param listAppend the {@code list.append} descriptor ({@link CompileTimeObjects#listAppend})
     * @param held the site counting each taken fast path ({@code guard held}), or null: not counted
     */
    CallFastPath(Translator t, FunctionBuilder b, long listAppend, ExitSite held) {
        this.t = t;
        this.b = b;
        this.c = t.layout().callables();
        this.lists = t.layout().sequences();
        this.listAppend = listAppend;
        this.held = held;
    }

    /**
     * Whether {@code quickened} (a CALL without keywords) has a fast path here.
     *
     * @param plain the method slot is known to be NULL
     */
    static boolean covers(Opcode quickened, boolean plain) {
        return switch (quickened) {
            case CALL_NO_KW_BUILTIN_O, CALL_NO_KW_BUILTIN_FAST, CALL_NO_KW_LEN, CALL_NO_KW_ISINSTANCE,
                 CALL_BUILTIN_FAST_WITH_KEYWORDS, CALL_NO_KW_METHOD_DESCRIPTOR_O, CALL_NO_KW_METHOD_DESCRIPTOR_NOARGS,
                 CALL_NO_KW_METHOD_DESCRIPTOR_FAST, CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS, CALL_BUILTIN_CLASS,
                 CALL_NO_KW_TYPE_1, CALL_NO_KW_STR_1, CALL_NO_KW_TUPLE_1 -> true;
            case CALL_NO_KW_LIST_APPEND -> !plain;
            default -> false;
        };
    }

    /**
     * Emits the fast path; the current block ends. Every failed guard goes to {@code generic}
     * with nothing consumed.
     *
     * @param quickened the CALL's form in {@code co_code_adaptive} ({@link #covers})
     * @param method the method slot's value, or null if it is known to be NULL
     * @param callable the callable: the method slot's value if set, else the callable slot's
     * @param isMethod i8, non-zero iff the method slot is set (then the callable slot is self,
     *     argument 0)
     * @param args the first argument's address (self's in the method form)
     * @param positional the arguments after the callable slot
     * @param callableSlot the callable slot's stack index
     * @param generic the vectorcall path
     * @param release takes the call's result (0 with an exception set) and releases every
     *     operand from the method slot up
     * @param called takes the result with the operands already released
     */
    void emit(Opcode quickened, Value method, Value callable, Value isMethod, Value args, int positional,
              int callableSlot, Block generic, Block release, Block called) {
        Value total = b.select(isMethod, b.iconst(Type.I64, positional + 1), b.iconst(Type.I64, positional));
        switch (quickened) {
            case CALL_NO_KW_BUILTIN_O, CALL_NO_KW_LEN ->
                    builtin(callable, args, total, Convention.ONE, generic, release);
            case CALL_NO_KW_BUILTIN_FAST, CALL_NO_KW_ISINSTANCE ->
                    builtin(callable, args, total, Convention.FAST, generic, release);
            case CALL_BUILTIN_FAST_WITH_KEYWORDS ->
                    builtin(callable, args, total, Convention.FAST_KEYWORDS, generic, release);
            case CALL_NO_KW_METHOD_DESCRIPTOR_O -> descriptor(callable, args, total, Convention.ONE, generic, release);
            case CALL_NO_KW_METHOD_DESCRIPTOR_NOARGS ->
                    descriptor(callable, args, total, Convention.NONE, generic, release);
            case CALL_NO_KW_METHOD_DESCRIPTOR_FAST ->
                    descriptor(callable, args, total, Convention.FAST, generic, release);
            case CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS ->
                    descriptor(callable, args, total, Convention.FAST_KEYWORDS, generic, release);
            case CALL_BUILTIN_CLASS -> builtinClass(callable, args, total, generic, release);
            case CALL_NO_KW_LIST_APPEND ->
                    listAppend(method, t.slot(callableSlot), t.slot(callableSlot + 1), positional, generic, called);
            case CALL_NO_KW_TYPE_1 -> oneArgument(callable, isMethod, args, positional, CSymbol.TYPE_TYPE, null,
                    generic, release);
            case CALL_NO_KW_STR_1 -> oneArgument(callable, isMethod, args, positional, CSymbol.UNICODE_TYPE,
                    CSymbol.STR, generic, release);
            case CALL_NO_KW_TUPLE_1 -> oneArgument(callable, isMethod, args, positional, CSymbol.TUPLE_TYPE,
                    CSymbol.SEQUENCE_TUPLE, generic, release);
            default -> throw new IllegalArgumentException("no CALL fast path for " + quickened);
        }
    }

    /** A {@code builtin_function_or_method} taking one object or a vector. */
    private void builtin(Value callable, Value args, Value total, Convention convention, Block generic,
                         Block release) {
        require(b.icmp(IntCC.EQ, t.type(callable), t.constant(CSymbol.CFUNCTION_TYPE)), generic);
        Value def = b.load(Type.I64, callable, c.cfunctionDef());
        call(convention, def, b.load(Type.I64, callable, c.cfunctionSelf()), args, total, generic, release);
    }

    /** A {@code method_descriptor} of a C type called on an object of exactly that type. */
    private void descriptor(Value callable, Value args, Value total, Convention convention, Block generic,
                            Block release) {
        require(b.icmp(IntCC.EQ, t.type(callable), t.constant(CSymbol.METHOD_DESCRIPTOR_TYPE)), generic);
        require(b.icmpImm(IntCC.SGE, total, 1), generic);
        Value self = b.load(Type.I64, args, 0);
        require(b.icmp(IntCC.EQ, t.type(self), b.load(Type.I64, callable, c.descriptorType())), generic);
        Value def = b.load(Type.I64, callable, c.descriptorDef());
        call(convention, def, self, b.iaddImm(args, 8), b.iaddImm(total, -1), generic, release);
    }

    /**
     * Calls {@code def->ml_meth} with {@code self} and the {@code n} arguments at {@code vector}
     * in the calling convention the site was specialised to, if {@code ml_flags} is exactly that
     * convention's and the count fits; otherwise {@code generic}.
     */
    private void call(Convention convention, Value def, Value self, Value vector, Value n, Block generic,
                      Block release) {
        Value meth = b.load(Type.I64, def, c.defMeth());
        require(b.icmpImm(IntCC.EQ, b.load(Type.I32, def, c.defFlags()), convention.flags), generic);
        Value res = switch (convention) {
            case ONE -> {
                require(b.icmpImm(IntCC.EQ, n, 1), generic);
                yield charged(generic, () -> first(b.callIndirect(P_OF_PP, meth, self, b.load(Type.I64, vector, 0))));
            }
            case NONE -> {
                require(b.icmpImm(IntCC.EQ, n, 0), generic);
                yield charged(generic, () -> first(b.callIndirect(P_OF_PP, meth, self, b.iconst(Type.I64, 0))));
            }
            case FAST -> first(b.callIndirect(P_OF_PPP, meth, self, vector, n));
            case FAST_KEYWORDS -> first(b.callIndirect(P_OF_PPPP, meth, self, vector, n, b.iconst(Type.I64, 0)));
        };
        taken(release, res);
    }

    /** A type with {@code tp_vectorcall} called to make an instance ({@code int(x)}, {@code range(n)}). */
    private void builtinClass(Value callable, Value args, Value total, Block generic, Block release) {
        Value flags = b.load(Type.I64, t.type(callable), t.layout().type().flags());
        require(b.icmpImm(IntCC.NE, b.binaryImm(org.pyjit.ir.Opcode.BAND_IMM, flags, TypeFlag.TYPE_SUBCLASS.mask()), 0),
                generic);
        Value vectorcall = b.load(Type.I64, callable, t.layout().type().vectorcall());
        require(b.icmpImm(IntCC.NE, vectorcall, 0), generic);
        taken(release, first(b.callIndirect(P_OF_PPPP, vectorcall, callable, args, total, b.iconst(Type.I64, 0))));
    }

    /**
     * {@code list.append(item)}: the item's reference goes to the list (in place when it has room,
     * as {@code _PyList_AppendTakeRef}; else through {@code PyList_Append}, which takes its own);
     * the result is {@code None}, which the POP_TOP after the CALL drops.
     */
    private void listAppend(Value method, Value self, Value item, int positional, Block generic, Block called) {
        if (positional != 1) {
            b.jump(generic);
            return;
        }
        require(b.icmp(IntCC.EQ, method, b.iconst(Type.I64, listAppend)), generic);
        Value flags = b.load(Type.I64, t.type(self), t.layout().type().flags());
        require(b.icmpImm(IntCC.NE, b.binaryImm(org.pyjit.ir.Opcode.BAND_IMM, flags, TypeFlag.LIST_SUBCLASS.mask()), 0),
                generic);
        Value size = b.load(Type.I64, self, t.layout().object().size());
        Block room = b.createBlock();
        Block grow = b.createBlock();
        b.brif(b.icmp(IntCC.SGT, b.load(Type.I64, self, lists.listAllocated()), size), room, grow);
        b.switchToBlock(room);
        Value items = b.load(Type.I64, self, lists.listItems());
        b.store(item, b.iadd(items, b.binaryImm(org.pyjit.ir.Opcode.ISHL_IMM, size, 3)), 0);
        b.store(b.iaddImm(size, 1), self, t.layout().object().size());
        Value none = t.constant(CSymbol.NONE);
        releaseDescriptorAndList(method, self);
        taken(called, none);
        b.switchToBlock(grow);
        Value failed = b.callIndirect(INT_OF_PP, t.constant(CSymbol.LIST_APPEND), self, item).get(0);
        t.decref(item);
        releaseDescriptorAndList(method, self);
        taken(called, b.select(b.icmpImm(IntCC.EQ, failed, 0), none, b.iconst(Type.I64, 0)));
    }

    private void releaseDescriptorAndList(Value method, Value self) {
        t.decref(method);
        t.decref(self);
    }

    /** {@code type(x)}, {@code str(x)}, {@code tuple(x)}: the callable is the type itself. */
    private void oneArgument(Value callable, Value isMethod, Value args, int positional, CSymbol type, CSymbol convert,
                             Block generic, Block release) {
        if (positional != 1) {
            b.jump(generic);
            return;
        }
        require(b.icmpImm(IntCC.EQ, isMethod, 0), generic);
        require(b.icmp(IntCC.EQ, callable, t.constant(type)), generic);
        Value arg = b.load(Type.I64, args, 0);
        Value res = convert == null ? t.incref(t.type(arg)) : b.callIndirect(P_OF_P, t.constant(convert), arg).get(0);
        taken(release, res);
    }

    /**
     * Runs {@code call} with one unit of {@code c_recursion_remaining} charged, as
     * {@code _Py_EnterRecursiveCallTstate}/{@code _Py_LeaveRecursiveCallTstate} do; with none
     * left, {@code generic} (whose call raises the RecursionError).
     */
    private Value charged(Block generic, java.util.function.Supplier<Value> call) {
        int offset = t.layout().threadState().cRecursionRemaining();
        Value tstate = t.tstate();
        Value remaining = b.load(Type.I32, tstate, offset);
        require(b.icmpImm(IntCC.SGT, remaining, 0), generic);
        b.store(b.iaddImm(remaining, -1), tstate, offset);
        Value res = call.get();
        b.store(b.iaddImm(b.load(Type.I32, tstate, offset), 1), tstate, offset);
        return res;
    }

    /** A fast path's result goes to {@code target}. */
    private void taken(Block target, Value result) {
        if (held != null) {
            t.countSite(held);
        }
        b.jump(target, result);
    }

    private static Value first(java.util.List<Value> results) {
        return results.get(0);
    }

    /** Continues in a new block if {@code condition} holds, else goes to {@code otherwise}. */
    private void require(Value condition, Block otherwise) {
        Block ok = b.createBlock();
        b.brif(condition, ok, otherwise);
        b.switchToBlock(ok);
    }
}
