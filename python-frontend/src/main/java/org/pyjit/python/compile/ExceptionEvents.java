package org.pyjit.python.compile;

import com.kenai.jffi.MemoryIO;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.pyjit.ir.Block;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.IntCC;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Signature;
import org.pyjit.ir.StackSlot;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;
import org.pyjit.python.layout.CPythonLayout;

/**
 * The {@code sys.monitoring} exception events compiled code fires where it plays 3.12's
 * {@code exception_unwind:} itself, and the one native helper, shared by every body, that calls
 * their callbacks.
 *
 * <p>3.12's interpreter fires {@code RAISE} (at the faulting instruction, after
 * {@code PyTraceBack_Here}) and {@code EXCEPTION_HANDLED} (at the handler, with the exception
 * pushed) through helpers libpython does not export ({@code monitor_raise},
 * {@code monitor_handled}, {@code _Py_call_instrumentation_arg}). A body tests inline whether
 * any tool has the event globally ({@link #listeners}, one byte load: 3.12.1 calls the global
 * tools for these events); only then does it call {@link #helper}, which does what
 * {@code no_tools_for_event}, {@code call_instrumentation_vector} and {@code call_one_instrument}
 * do: nothing while {@code tstate->tracing} is set or the code's
 * {@code _co_monitoring->active_monitors} byte (the global one without monitoring data) is 0;
 * otherwise the byte offset as an int, then for each tool of the global set (most significant
 * first) its callback for the event, if registered, called as {@code (code, offset, exception)}
 * with {@code PY_VECTORCALL_ARGUMENTS_OFFSET}, {@code tracing} raised and {@code what_event} set
 * around the call. A callback that fails stops the loop; one that returns {@code DISABLE} for
 * these (non-instrumented) events is removed with a ValueError, as 3.12 does.
 */
final class ExceptionEvents {

    /** {@code PY_MONITORING_EVENT_RAISE}. */
    static final int RAISE = 10;
    /** {@code PY_MONITORING_EVENT_EXCEPTION_HANDLED}. */
    static final int EXCEPTION_HANDLED = 11;
    /** {@code PY_MONITORING_EVENT_RERAISE}. */
    static final int RERAISE = 14;
    /** {@code PY_MONITORING_TOOL_IDS}. */
    private static final int TOOLS = 8;
    /**
     * {@code i32 (tstate, code, event, byte offset, exception or 0)}: 0, or -1 with the callback's
     * exception set. With exception 0 the raised exception is the argument, taken out for the
     * calls and set again unless one failed (3.12 {@code do_monitor_exc}); otherwise the
     * argument is borrowed and nothing is raised on success.
     */
    static final Signature HELPER = Signature.of(Type.I32, Type.I64, Type.I64, Type.I64, Type.I64, Type.I64);
    private static final Signature P_OF_NOTHING = Signature.of(Type.I64);
    private static final Signature P_OF_P = Signature.of(Type.I64, Type.I64);
    private static final Signature VOID_OF_P = Signature.ofVoid(Type.I64);
    private static final Signature VOID_OF_PP = Signature.ofVoid(Type.I64, Type.I64);
    private static final Signature P_OF_PPPP = Signature.of(Type.I64, Type.I64, Type.I64, Type.I64, Type.I64);
    private static final long ARGUMENTS_OFFSET = 1L << 63;

    private ExceptionEvents() {
    }

    /**
     * Emits the inline listener test: the event's global tool set ({@code interp->monitors}), the
     * tools 3.12.1 calls for an event that is not instrumented. Zero means no callback can run;
     * otherwise the helper makes the rest of the test ({@code no_tools_for_event}, {@code tracing}).
     *
     * @param b the builder, positioned where the test goes
     * @param layout the running CPython's offsets
     * @param interp {@code tstate->interp}
     * @param event an ungrouped event number
     * @return an i64, the event's tool byte
     */
    static Value listeners(FunctionBuilder b, CPythonLayout layout, Value interp, int event) {
        return b.convert(Opcode.UEXTEND, Type.I64,
                b.load(Type.I8, interp, layout.monitoring().interpreterMonitors() + event));
    }

    /**
     * The helper's IR ({@link #HELPER}).
     *
     * @param name its symbol
     * @param layout the running CPython's offsets
     * @param symbols the C-API addresses
     * @param disable {@code sys.monitoring.DISABLE}
     * @param messages {@link #messages}
     * @return the function
     */
    static IrFunction helper(String name, CPythonLayout layout, NativeSymbols symbols, long disable, long messages) {
        return FunctionBuilder.build(name, HELPER, b -> new HelperBody(b, layout, symbols, disable, messages).emit());
    }

    /**
     * Native NUL-terminated copies of 3.12's error for a {@code DISABLE} returned by an exception
     * event's callback, one per event, {@value #MESSAGE_STRIDE} bytes apart, indexed by
     * {@code event - RAISE}; allocated once, never freed (the helper lives as long as the process).
     */
    static long messages() {
        MemoryIO memory = MemoryIO.getInstance();
        int count = RERAISE - RAISE + 1;
        long block = memory.allocateMemory((long) count * MESSAGE_STRIDE, true);
        if (block == 0) {
            throw new OutOfMemoryError("no native memory for the exception event messages");
        }
        for (int event : new int[] {RAISE, EXCEPTION_HANDLED, RERAISE}) {
            byte[] text = ("Cannot disable " + name(event) + " events. Callback removed.")
                    .getBytes(StandardCharsets.US_ASCII);
            memory.putByteArray(block + (long) (event - RAISE) * MESSAGE_STRIDE, text, 0, text.length);
            memory.putByte(block + (long) (event - RAISE) * MESSAGE_STRIDE + text.length, (byte) 0);
        }
        return block;
    }

    /** The event's name in statistics. */
    static String name(int event) {
        return switch (event) {
            case RAISE -> "RAISE";
            case EXCEPTION_HANDLED -> "EXCEPTION_HANDLED";
            case RERAISE -> "RERAISE";
            default -> throw new IllegalArgumentException("not an exception event: " + event);
        };
    }

    /** Bytes per message in {@link #messages}. */
    static final int MESSAGE_STRIDE = 64;

    /** The helper's body: tests, the tool loop, and the exception bookkeeping around it. */
    private static final class HelperBody {
        private final FunctionBuilder b;
        private final CPythonLayout layout;
        private final NativeSymbols symbols;
        private final long disable;
        private final long messages;

        HelperBody(FunctionBuilder b, CPythonLayout layout, NativeSymbols symbols, long disable, long messages) {
            this.b = b;
            this.layout = layout;
            this.symbols = symbols;
            this.disable = disable;
            this.messages = messages;
        }

        void emit() {
            Block entry = b.createBlock();
            var params = b.appendEntryParams(entry);
            b.switchToBlock(entry);
            Value tstate = params.get(0);
            Value code = params.get(1);
            Value event = params.get(2);
            Value offset = params.get(3);
            Value given = params.get(4);
            int tracing = layout.threadState().tracing();
            Block untraced = b.createBlock();
            Block nothing = b.createBlock();
            b.brif(b.icmpImm(IntCC.NE, b.load(Type.I32, tstate, tracing), 0), nothing, untraced);
            b.switchToBlock(nothing);
            b.ret(b.iconst(Type.I32, 0));

            b.switchToBlock(untraced);
            Value interp = b.load(Type.I64, tstate, layout.threadState().interp());
            CPythonLayout.MonitoringLayout m = layout.monitoring();
            Value data = b.load(Type.I64, code, layout.code().monitoring());
            Value sets = b.select(b.icmpImm(IntCC.EQ, data, 0), b.iaddImm(interp, m.interpreterMonitors()),
                    b.iaddImm(data, m.activeMonitors()));
            Value active = b.convert(Opcode.UEXTEND, Type.I64, b.load(Type.I8, b.iadd(sets, event), 0));
            Block checked = b.createBlock();
            b.brif(b.icmpImm(IntCC.EQ, active, 0), nothing, checked);
            // The tools called for an event that is not instrumented (RAISE and later) are the
            // global ones (3.12.1 get_tools_for_instruction): a code's local_monitors bytes past
            // the local events are not kept, and active_monitors may have any bits set there.
            b.switchToBlock(checked);
            Value tools = b.convert(Opcode.UEXTEND, Type.I64,
                    b.load(Type.I8, b.iadd(b.iaddImm(interp, m.interpreterMonitors()), event), 0));
            Block listened = b.createBlock();
            b.brif(b.icmpImm(IntCC.EQ, tools, 0), nothing, listened);

            b.switchToBlock(listened);
            Value taken = b.icmpImm(IntCC.EQ, given, 0);
            Block take = b.createBlock();
            Block haveArgument = b.createBlock();
            Value argument = b.appendBlockParam(haveArgument, Type.I64);
            b.brif(taken, take, List.of(), haveArgument, List.of(given));
            b.switchToBlock(take);
            b.jump(haveArgument, call(P_OF_NOTHING, CSymbol.GET_RAISED_EXCEPTION));

            b.switchToBlock(haveArgument);
            Block done = b.createBlock();
            Value err = b.appendBlockParam(done, Type.I32);
            Value offsetObject = call(P_OF_P, CSymbol.LONG_FROM_LONG, offset);
            Block boxed = b.createBlock();
            b.brif(b.icmpImm(IntCC.EQ, offsetObject, 0), done, List.of(b.iconst(Type.I32, -1)), boxed,
                    List.of());

            b.switchToBlock(boxed);
            // args[0] is scratch for the callee (PY_VECTORCALL_ARGUMENTS_OFFSET); the call gets &args[1].
            StackSlot args = b.createStackSlot(32, 8);
            Value vector = b.stackAddr(args, 0);
            b.store(b.iconst(Type.I64, 0), vector, 0);
            b.store(code, vector, 8);
            b.store(offsetObject, vector, 16);
            b.store(argument, vector, 24);
            Block loopEnd = b.createBlock();
            Value loopErr = b.appendBlockParam(loopEnd, Type.I32);
            // Tools 7 .. 0, most significant first as most_significant_bit() picks them; the set
            // was read once, before the first callback, as 3.12 does.
            for (int tool = TOOLS - 1; tool >= 0; tool--) {
                Block next = b.createBlock();
                Block member = b.createBlock();
                b.brif(b.icmpImm(IntCC.EQ, b.binaryImm(Opcode.BAND_IMM, tools, 1L << tool), 0), next, member);
                b.switchToBlock(member);
                callOne(tstate, interp, event, tool, vector, loopEnd);
                b.jump(next);
                b.switchToBlock(next);
            }
            b.jump(loopEnd, b.iconst(Type.I32, 0));

            // After the last tool (0) or a failed callback (-1, its exception set).
            b.switchToBlock(loopEnd);
            decref(offsetObject);
            b.jump(done, loopErr);

            b.switchToBlock(done);
            Block restore = b.createBlock();
            Block finished = b.createBlock();
            b.brif(taken, restore, finished);
            b.switchToBlock(restore);
            Block ok = b.createBlock();
            Block failed = b.createBlock();
            b.brif(b.icmpImm(IntCC.EQ, err, 0), ok, failed);
            b.switchToBlock(ok);
            b.callIndirect(VOID_OF_P, constant(CSymbol.SET_RAISED_EXCEPTION), argument);
            b.jump(finished);
            b.switchToBlock(failed);
            decref(argument);
            b.jump(finished);
            b.switchToBlock(finished);
            b.ret(err);
        }

        /**
         * {@code call_one_instrument} for one tool of the set: its callback for the event, if
         * registered, with {@code what_event} and {@code tracing} set around the call; continues in
         * the current block, or jumps to {@code failed} with -1 and the error set.
         */
        private void callOne(Value tstate, Value interp, Value event, int tool, Value vector, Block failed) {
            CPythonLayout.MonitoringLayout m = layout.monitoring();
            int tracing = layout.threadState().tracing();
            Block next = b.createBlock();
            // &interp->monitoring_callables[tool][event]
            Value slotAddress = b.iadd(b.iaddImm(interp, m.callables() + 8L * m.callableEvents() * tool),
                    b.binaryImm(Opcode.ISHL_IMM, event, 3));
            Value callback = b.load(Type.I64, slotAddress, 0);
            Block registered = b.createBlock();
            b.brif(b.icmpImm(IntCC.EQ, callback, 0), next, registered);

            b.switchToBlock(registered);
            Value oldWhat = b.load(Type.I32, tstate, m.whatEvent());
            b.store(b.convert(Opcode.IREDUCE, Type.I32, event), tstate, m.whatEvent());
            b.store(b.iaddImm(b.load(Type.I32, tstate, tracing), 1), tstate, tracing);
            Value res = b.callIndirect(P_OF_PPPP, constant(CSymbol.VECTORCALL), callback, b.iaddImm(vector, 8),
                    b.iconst(Type.I64, 3 | ARGUMENTS_OFFSET), b.iconst(Type.I64, 0)).get(0);
            b.store(b.iaddImm(b.load(Type.I32, tstate, tracing), -1), tstate, tracing);
            b.store(oldWhat, tstate, m.whatEvent());
            Block returned = b.createBlock();
            b.brif(b.icmpImm(IntCC.EQ, res, 0), failed, List.of(b.iconst(Type.I32, -1)), returned, List.of());
            b.switchToBlock(returned);
            decref(res);
            Block disabled = b.createBlock();
            b.brif(b.icmp(IntCC.EQ, res, b.iconst(Type.I64, disable)), disabled, next);

            // Non-instrumented events cannot be disabled: ValueError, callback removed (Py_CLEAR).
            b.switchToBlock(disabled);
            Value message = b.iadd(b.iconst(Type.I64, messages - (long) RAISE * MESSAGE_STRIDE),
                    b.binaryImm(Opcode.IMUL_IMM, event, MESSAGE_STRIDE));
            b.callIndirect(VOID_OF_PP, constant(CSymbol.ERR_SET_STRING),
                    b.load(Type.I64, constant(CSymbol.VALUE_ERROR), 0), message);
            b.store(b.iconst(Type.I64, 0), slotAddress, 0);
            decref(callback);
            b.jump(failed, b.iconst(Type.I32, -1));
            b.switchToBlock(next);
        }

        private Value call(Signature sig, CSymbol f, Value... args) {
            return b.callIndirect(sig, constant(f), args).get(0);
        }

        private Value constant(CSymbol s) {
            return b.iconst(Type.I64, symbols.address(s));
        }

        private void decref(Value o) {
            RefCounts.decref(b, layout, symbols, o);
        }
    }
}
