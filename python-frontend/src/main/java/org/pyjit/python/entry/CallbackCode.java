package org.pyjit.python.entry;

import java.util.List;
import java.util.function.Supplier;
import org.pyjit.ir.Block;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.IntCC;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Signature;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;
import org.pyjit.python.compile.BodyCompiler;
import org.pyjit.python.compile.ToolSets;
import org.pyjit.python.entry.EntryData.Field;
import org.pyjit.python.layout.CPythonLayout;

/**
 * The IR of the four native functions behind the entry points, built with
 * {@link FunctionBuilder}:
 *
 * <ul>
 *   <li>{@value #PY_START}: the {@code PY_START} callback, a vectorcall function (and, with the
 *       same code, a {@code METH_FASTCALL} {@code ml_meth}: both receive the argument vector
 *       second). Counts a call of {@code args[0]}; at the threshold it upcalls once. It is also the
 *       {@code PY_RESUME} callback (a generator resumed after a {@code yield}, same arguments): a
 *       resumption counts as a call, and a compiled generator body is entered at the
 *       {@code RESUME} being executed. A function's body flagged
 *       {@link CodeState#DIRECT_CALLS_ONLY} is not entered: {@code DISABLE}.
 *   <li>{@value #JUMP}: the {@code JUMP} callback {@code (code, from, to)}. A forward jump returns
 *       {@code DISABLE}; a backward jump whose loop has a compiled body continues the frame in it
 *       (on-stack replacement, {@link LoopEntry}); otherwise it counts a back edge of its loop
 *       (indexed by the jump's code unit) and at the threshold upcalls once.
 *   <li>{@value #FREE_STATE}: the {@code co_extra} free function.
 *   <li>{@value #AFTER_FORK}: the {@code pthread_atfork} child handler: sets
 *       {@link Field#FORKED}, after which the callbacks return {@code DISABLE} and the free
 *       function frees without the release upcall (a forked child runs interpreted, and never
 *       calls Java).
 * </ul>
 *
 * <p>Invariants: no path calls Java except the attach upcall (once per code object), the hot
 * upcall (once per hot code object or loop: the location is then disabled, or keeps firing
 * without upcalls while a compile is pending) and the release of
 * a recorded state; every return value is an immortal object ({@code None} or {@code DISABLE}) or
 * what the hot upcall returned; no instruction can trap.
 */
final class CallbackCode {

    static final String PY_START = "pyjit_py_start";
    static final String JUMP = "pyjit_jump";
    static final String FREE_STATE = "pyjit_free_state";
    static final String AFTER_FORK = "pyjit_after_fork_child";

    /** {@code _PyCodeObjectExtra.ce_size} and {@code ce_extras[0]} (internal/pycore_code.h). */
    private static final int EXTRA_SIZE = 0;
    private static final int EXTRA_SLOTS = 8;

    private static final Signature VECTORCALL = Signature.of(Type.I64, Type.I64, Type.I64, Type.I64, Type.I64);
    private static final Signature ATTACH = Signature.of(Type.I64, Type.I64);
    private static final Signature HOT = Signature.of(Type.I64, Type.I64, Type.I64, Type.I64, Type.I64);
    private static final Signature UNARY_VOID = Signature.ofVoid(Type.I64);
    private static final Signature NO_ARGS = Signature.of(Type.I64);
    private static final Signature BODY = Signature.of(Type.I64, Type.I64, Type.I64);
    /**
     * {@code FRAME_OWNED_BY_GENERATOR} (internal/pycore_frame.h): frames owned by the thread (0) or
     * a generator (1) run bytecode; 2 (the C stack's entry frame) and 3 (a frame object's copy) do not.
     */
    private static final int FRAME_OWNED_BY_GENERATOR = 1;

    private final CPythonLayout layout;
    private final EntryData data;

    /**
     * @param layout the running CPython's offsets
     * @param data the block of run-time constants
     */
    CallbackCode(CPythonLayout layout, EntryData data) {
        this.layout = layout;
        this.data = data;
    }

    /** The module of the four functions. */
    IrModule module() {
        return IrModule.of(pyStart(), jump(), freeState(), afterFork());
    }

    private IrFunction pyStart() {
        return FunctionBuilder.build(PY_START, VECTORCALL, b -> {
            Block entry = b.createBlock();
            Value args = b.appendEntryParams(entry).get(1);
            b.switchToBlock(entry);
            Value base = b.iconst(Type.I64, data.address());
            notForked(b, base);
            Value code = b.load(Type.I64, args, 0);
            Block count = b.createBlock();
            Value state = b.appendBlockParam(count, Type.I64);
            new StateLookup(b, base, code).emit(count);
            b.switchToBlock(count);
            Block counting = b.createBlock();
            Block compiled = b.createBlock();
            Value body = b.load(Type.I64, state, CodeState.ENTRY);
            b.brif(b.icmpImm(IntCC.NE, body, 0), compiled, counting);
            b.switchToBlock(compiled);
            returnIf(b, base, state, CodeState.DIRECT_CALLS_ONLY, Field.DISABLE);
            new CompiledEntry(b, base, code, state).emit(body);
            b.switchToBlock(counting);
            Value calls = b.iaddImm(b.load(Type.I64, state, CodeState.CALLS), 1);
            b.store(calls, state, CodeState.CALLS);
            new ThresholdTest(b, base, code, state).emit(calls, b.iconst(Type.I64, -1), b.iconst(Type.I64, -1),
                    () -> b.load(Type.I64, state, CodeState.ENTRY));
        });
    }

    private IrFunction jump() {
        return FunctionBuilder.build(JUMP, VECTORCALL, b -> {
            Block entry = b.createBlock();
            Value args = b.appendEntryParams(entry).get(1);
            b.switchToBlock(entry);
            Value base = b.iconst(Type.I64, data.address());
            notForked(b, base);
            Value code = b.load(Type.I64, args, 0);
            Value fromObj = b.load(Type.I64, args, 8);
            Value toObj = b.load(Type.I64, args, 16);
            // Offsets are small non-negative ints: compact (lv_tag < 16), value = ob_digit[0].
            Value notCompact = b.binary(Opcode.BOR, b.load(Type.I64, fromObj, layout.longs().lvTag()),
                    b.load(Type.I64, toObj, layout.longs().lvTag()));
            Block disable = b.createBlock();
            Block offsets = b.createBlock();
            b.brif(b.icmpImm(IntCC.UGE, notCompact, 16), disable, offsets);
            b.switchToBlock(offsets);
            Value from = b.convert(Opcode.UEXTEND, Type.I64, b.load(Type.I32, fromObj, layout.longs().digits()));
            Value to = b.convert(Opcode.UEXTEND, Type.I64, b.load(Type.I32, toObj, layout.longs().digits()));
            Block backward = b.createBlock();
            b.brif(b.icmp(IntCC.UGT, to, from), disable, backward);
            b.switchToBlock(backward);
            Block count = b.createBlock();
            Value state = b.appendBlockParam(count, Type.I64);
            new StateLookup(b, base, code).emit(count);
            b.switchToBlock(count);
            Value unit = b.binaryImm(Opcode.USHR_IMM, from, 1);
            Value units = b.convert(Opcode.UEXTEND, Type.I64, b.load(Type.I32, state, CodeState.UNITS));
            Block inRange = b.createBlock();
            b.brif(b.icmp(IntCC.UGE, unit, units), disable, inRange);
            b.switchToBlock(inRange);
            Block counted = b.createBlock();
            new LoopEntry(b, base, code, state, unit).emit(counted);
            b.switchToBlock(counted);
            Value total = b.iaddImm(b.load(Type.I64, state, CodeState.BACK_EDGES), 1);
            b.store(total, state, CodeState.BACK_EDGES);
            Value slot = b.iadd(state, b.binaryImm(Opcode.ISHL_IMM, unit, 2));
            Value edges = b.iaddImm(b.load(Type.I32, slot, CodeState.LOOPS), 1);
            b.store(edges, slot, CodeState.LOOPS);
            new ThresholdTest(b, base, code, state).emit(b.convert(Opcode.SEXTEND, Type.I64, edges), from, to,
                    () -> new LoopEntry(b, base, code, state, unit).body());
            b.switchToBlock(disable);
            b.ret(b.load(Type.I64, base, Field.DISABLE.offset()));
        });
    }

    private IrFunction freeState() {
        return FunctionBuilder.build(FREE_STATE, UNARY_VOID, b -> {
            Block entry = b.createBlock();
            Value state = b.appendEntryParams(entry).get(0);
            b.switchToBlock(entry);
            Value base = b.iconst(Type.I64, data.address());
            Block recorded = b.createBlock();
            Block plain = b.createBlock();
            Block parent = b.createBlock();
            b.brif(b.icmpImm(IntCC.NE, b.load(Type.I64, base, Field.FORKED.offset()), 0), plain, parent);
            b.switchToBlock(parent);
            onFlag(b, state, CodeState.RECORDED, recorded, plain);
            b.switchToBlock(recorded);
            b.callIndirect(UNARY_VOID, b.load(Type.I64, base, Field.RELEASED.offset()), state);
            b.ret();
            b.switchToBlock(plain);
            b.callIndirect(UNARY_VOID, b.load(Type.I64, base, Field.FREE.offset()), state);
            b.ret();
        });
    }

    private IrFunction afterFork() {
        return FunctionBuilder.build(AFTER_FORK, Signature.ofVoid(), b -> {
            Block entry = b.createBlock();
            b.appendEntryParams(entry);
            b.switchToBlock(entry);
            b.store(b.iconst(Type.I64, 1), b.iconst(Type.I64, data.address()), Field.FORKED.offset());
            b.ret();
        });
    }

    /** In a forked child: return {@code DISABLE} at once (no upcall, no compiled code entered). */
    private static void notForked(FunctionBuilder b, Value base) {
        Block forked = b.createBlock();
        Block parent = b.createBlock();
        b.brif(b.icmpImm(IntCC.NE, b.load(Type.I64, base, Field.FORKED.offset()), 0), forked, parent);
        b.switchToBlock(forked);
        b.ret(b.load(Type.I64, base, Field.DISABLE.offset()));
        b.switchToBlock(parent);
    }

    /**
     * Returns the immortal object of {@code result} if the code state's {@code FLAGS} word has
     * {@code flag}; otherwise goes on in a new current block.
     */
    private static void returnIf(FunctionBuilder b, Value base, Value state, int flag, Field result) {
        Block set = b.createBlock();
        Block clear = b.createBlock();
        onFlag(b, state, flag, set, clear);
        b.switchToBlock(set);
        b.ret(b.load(Type.I64, base, result.offset()));
        b.switchToBlock(clear);
    }

    /** Branches to {@code set} if the code state's {@code FLAGS} word has {@code flag}, else to {@code clear}. */
    private static void onFlag(FunctionBuilder b, Value state, int flag, Block set, Block clear) {
        b.brif(b.binaryImm(Opcode.BAND_IMM, b.load(Type.I32, state, CodeState.FLAGS), flag), set, clear);
    }

    /**
     * Finds the code object's state in {@code co_extra[index]} and jumps to a block taking it; a
     * code object without one goes through the attach upcall, and if that fails the callback
     * returns {@code DISABLE}.
     */
    private final class StateLookup {
        private final FunctionBuilder b;
        private final Value base;
        private final Value code;

        StateLookup(FunctionBuilder b, Value base, Value code) {
            this.b = b;
            this.base = base;
            this.code = code;
        }

        void emit(Block found) {
            Block sized = b.createBlock();
            Block slotted = b.createBlock();
            Block attach = b.createBlock();
            Block attached = b.createBlock();
            Block failed = b.createBlock();
            Value index = b.load(Type.I64, base, Field.EXTRA_INDEX.offset());
            Value extra = b.load(Type.I64, code, layout.code().extra());
            b.brif(b.icmpImm(IntCC.EQ, extra, 0), attach, sized);
            b.switchToBlock(sized);
            b.brif(b.icmp(IntCC.ULE, b.load(Type.I64, extra, EXTRA_SIZE), index), attach, slotted);
            b.switchToBlock(slotted);
            Value state = b.load(Type.I64, b.iadd(extra, b.binaryImm(Opcode.ISHL_IMM, index, 3)), EXTRA_SLOTS);
            b.brif(b.icmpImm(IntCC.EQ, state, 0), attach, List.of(), found, List.of(state));
            b.switchToBlock(attach);
            Value fresh = b.callIndirect(ATTACH, b.load(Type.I64, base, Field.ATTACH.offset()), code).get(0);
            b.brif(b.icmpImm(IntCC.EQ, fresh, 0), failed, List.of(), attached, List.of());
            b.switchToBlock(attached);
            b.jump(found, fresh);
            b.switchToBlock(failed);
            b.ret(b.load(Type.I64, base, Field.DISABLE.offset()));
        }
    }

    /**
     * On-stack replacement at a back edge: if the code state's OSR table holds a body for this
     * backward jump (indexed by its code unit), the running frame continues in it, entered at the
     * jump's target through {@link CompiledEntry}. 3.12's {@code _Py_call_instrumentation_jump}
     * has already set {@code prev_instr} to the target and {@code stacktop} to the depth there, and
     * it resumes at whatever {@code prev_instr} names when we return (the body leaves it at a return
     * or deoptimisation instruction), or unwinds on NULL.
     */
    private final class LoopEntry {
        private final FunctionBuilder b;
        private final Value base;
        private final Value code;
        private final Value state;
        private final Value unit;

        LoopEntry(FunctionBuilder b, Value base, Value code, Value state, Value unit) {
            this.b = b;
            this.base = base;
            this.code = code;
            this.state = state;
            this.unit = unit;
        }

        /** Enters the loop's body if there is one, else continues in {@code none}. */
        void emit(Block none) {
            Block run = b.createBlock();
            Value body = b.appendBlockParam(run, Type.I64);
            Block tabled = b.createBlock();
            Value table = b.load(Type.I64, state, CodeState.OSR);
            b.brif(b.icmpImm(IntCC.EQ, table, 0), none, tabled);
            b.switchToBlock(tabled);
            Value found = b.load(Type.I64, b.iadd(table, b.binaryImm(Opcode.ISHL_IMM, unit, 3)), 0);
            b.brif(b.icmpImm(IntCC.EQ, found, 0), none, List.of(), run, List.of(found));
            b.switchToBlock(run);
            new CompiledEntry(b, base, code, state).emit(body);
        }

        /** The loop's body, or 0 (emitted in the current block). */
        Value body() {
            Block tabled = b.createBlock();
            Block done = b.createBlock();
            Value result = b.appendBlockParam(done, Type.I64);
            Value table = b.load(Type.I64, state, CodeState.OSR);
            b.brif(b.icmpImm(IntCC.EQ, table, 0), done, List.of(b.iconst(Type.I64, 0)), tabled, List.of());
            b.switchToBlock(tabled);
            b.jump(done, b.load(Type.I64, b.iadd(table, b.binaryImm(Opcode.ISHL_IMM, unit, 3)), 0));
            b.switchToBlock(done);
            return result;
        }
    }

    /**
     * Runs a compiled body on the calling frame, or declines and lets the interpreter run it.
     *
     * <p>Gate (all must hold, else {@code declined++} and {@code None}: never {@code DISABLE},
     * which would stop our {@code PY_START} for this code for good):
     * <ol>
     *   <li>{@code code->_co_instrumentation_version == interp->monitoring_version}: the code's
     *       instrumentation is current (it is whenever {@code INSTRUMENTED_RESUME} called us; this
     *       catches a change made by a tool called before us for the same event);
     *   <li>no tool but ours has any event, globally ({@code interp->monitors}) or for this code
     *       ({@code _co_monitoring->local_monitors}): {@code sys.settrace}/{@code setprofile}
     *       are tools 7/6 there, so a traced or profiled program runs interpreted and its tools
     *       see every event;
     *   <li>the frame is {@code tstate->cframe->current_frame}, of {@code code}, owned by the thread
 *       or (a generator's frame, resumed) by its generator;
     *   <li>{@code tstate->tracing == 1}: only {@code call_one_instrument}'s own increment.
     * </ol>
     *
     * <p>Around the body {@code tracing} and {@code what_event} are what they are outside any
     * callback (0 and -1; 3.12 {@code call_one_instrument} raises {@code tracing} and sets
     * {@code what_event} around every callback): code the body calls fires monitoring events
     * (nested compiled code is entered, other tools would see events) and {@code f_lineno}
     * cannot be set from it, as in python. Both are restored before returning, on the error path
     * too, so {@code call_one_instrument}'s decrement balances.
     *
     * <p>The body leaves {@code prev_instr} at the return instruction ({@code None}: the
     * interpreter executes it) or at the faulting instruction with an exception set (NULL: the
     * interpreter unwinds the frame); entered at a generator's RESUME it does not continue after,
     * it leaves the frame untouched and asks for {@code DISABLE} (that RESUME stops firing for
     * our tool).
     */
    private final class CompiledEntry {
        private final FunctionBuilder b;
        private final Value base;
        private final Value code;
        private final Value state;

        CompiledEntry(FunctionBuilder b, Value base, Value code, Value state) {
            this.b = b;
            this.base = base;
            this.code = code;
            this.state = state;
        }

        void emit(Value body) {
            CPythonLayout.MonitoringLayout monitoring = layout.monitoring();
            if (!(layout.threadState().currentFrame() instanceof CPythonLayout.CurrentFrameAccess.ViaCFrame via)) {
                throw new IllegalStateException("current frame not reached through cframe (not 3.12)");
            }
            Block decline = b.createBlock();
            Value ts = b.callIndirect(NO_ARGS, b.load(Type.I64, base, Field.THREAD_STATE_GET.offset())).get(0);
            Value interp = b.load(Type.I64, ts, layout.threadState().interp());
            Block current = b.createBlock();
            b.brif(b.icmp(IntCC.EQ, b.load(Type.I64, code, layout.code().instrumentationVersion()),
                    b.load(Type.I64, interp, layout.interpreter().monitoringVersion())), current, decline);
            b.switchToBlock(current);
            Block globallyAlone = b.createBlock();
            b.brif(otherTools(interp, monitoring.interpreterMonitors()), decline, globallyAlone);
            b.switchToBlock(globallyAlone);
            Value data = b.load(Type.I64, code, layout.code().monitoring());
            Block local = b.createBlock();
            Block alone = b.createBlock();
            b.brif(b.icmpImm(IntCC.EQ, data, 0), alone, local);
            b.switchToBlock(local);
            b.brif(otherTools(data, monitoring.localMonitors()), decline, alone);
            b.switchToBlock(alone);
            Value frame = b.load(Type.I64, b.load(Type.I64, ts, via.cframe()), via.currentFrame());
            Block ownCode = b.createBlock();
            Block ownThread = b.createBlock();
            Block run = b.createBlock();
            b.brif(b.icmp(IntCC.EQ, b.load(Type.I64, frame, layout.frame().code()), code), ownCode, decline);
            b.switchToBlock(ownCode);
            b.brif(b.icmpImm(IntCC.ULE, b.load(Type.I8, frame, layout.frame().owner()), FRAME_OWNED_BY_GENERATOR),
                    ownThread, decline);
            b.switchToBlock(ownThread);
            int tracingOffset = layout.threadState().tracing();
            Value tracing = b.load(Type.I32, ts, tracingOffset);
            b.brif(b.icmpImm(IntCC.EQ, tracing, 1), run, decline);
            b.switchToBlock(run);
            b.store(b.iaddImm(b.load(Type.I64, state, CodeState.ENTERED), 1), state, CodeState.ENTERED);
            Value whatEvent = b.load(Type.I32, ts, monitoring.whatEvent());
            b.store(b.iconst(Type.I32, 0), ts, tracingOffset);
            b.store(b.iconst(Type.I32, -1), ts, monitoring.whatEvent());
            Value ok = b.callIndirect(BODY, body, frame, ts).get(0);
            b.store(tracing, ts, tracingOffset);
            b.store(whatEvent, ts, monitoring.whatEvent());
            Block done = b.createBlock();
            Block failed = b.createBlock();
            Block returned = b.createBlock();
            Block disabled = b.createBlock();
            b.brif(b.icmpImm(IntCC.EQ, ok, 0), failed, returned);
            b.switchToBlock(failed);
            b.ret(b.iconst(Type.I64, 0));
            b.switchToBlock(returned);
            b.brif(b.icmpImm(IntCC.EQ, ok, BodyCompiler.DISABLE_LOCATION), disabled, done);
            b.switchToBlock(disabled);
            b.ret(b.load(Type.I64, base, Field.DISABLE.offset()));
            b.switchToBlock(done);
            b.ret(b.load(Type.I64, base, Field.NONE.offset()));
            b.switchToBlock(decline);
            b.store(b.iaddImm(b.load(Type.I64, state, CodeState.DECLINED), 1), state, CodeState.DECLINED);
            b.ret(b.load(Type.I64, base, Field.NONE.offset()));
        }

        private Value otherTools(Value owner, int offset) {
            return ToolSets.otherTools(b, layout, owner, offset);
        }
    }

    /**
     * Below the limit ({@code min(threshold, count limit)}): {@code None}. At the threshold: the
     * hot upcall; if it returned {@code None} and compiled a body for this location, the body runs
     * at once (the event that made the code hot runs compiled), else the upcall's result is
     * returned. Otherwise, i.e. at the count limit of a threshold that
     * is higher, or beyond the threshold (the location was re-armed, e.g. by
     * {@code sys.monitoring.restart_events()}, or a compile is pending): {@code None} while the
     * state's {@link CodeState#PENDING} flag is set (a body is being compiled on the compiler
     * thread; the location must keep firing until it is installed in {@code ENTRY} or the OSR
     * table, which the next event reads), else {@code DISABLE}; neither calls Java.
     */
    private final class ThresholdTest {
        private final FunctionBuilder b;
        private final Value base;
        private final Value code;
        private final Value state;

        ThresholdTest(FunctionBuilder b, Value base, Value code, Value state) {
            this.b = b;
            this.base = base;
            this.code = code;
            this.state = state;
        }

        /**
         * @param fresh emits, in the current block, a load of the location's body (0 if none);
         *              read again after the upcall, which may have installed one
         */
        void emit(Value count, Value from, Value to, Supplier<Value> fresh) {
            Block below = b.createBlock();
            Block reached = b.createBlock();
            Block hot = b.createBlock();
            Block beyond = b.createBlock();
            b.brif(b.icmp(IntCC.SLT, count, b.load(Type.I64, base, Field.LIMIT.offset())), below, reached);
            b.switchToBlock(below);
            b.ret(b.load(Type.I64, base, Field.NONE.offset()));
            b.switchToBlock(reached);
            b.brif(b.icmp(IntCC.EQ, count, b.load(Type.I64, base, Field.THRESHOLD.offset())), hot, beyond);
            b.switchToBlock(hot);
            Value result = b.callIndirect(HOT, b.load(Type.I64, base, Field.HOT.offset()), code, state, from, to).get(0);
            Block armed = b.createBlock();
            Block give = b.createBlock();
            b.brif(b.icmp(IntCC.EQ, result, b.load(Type.I64, base, Field.NONE.offset())), armed, give);
            b.switchToBlock(give);
            b.ret(result);
            b.switchToBlock(armed);
            Block run = b.createBlock();
            Value body = fresh.get();
            b.brif(b.icmpImm(IntCC.EQ, body, 0), give, run);
            b.switchToBlock(run);
            new CompiledEntry(b, base, code, state).emit(body);
            b.switchToBlock(beyond);
            returnIf(b, base, state, CodeState.PENDING, Field.NONE);
            b.ret(b.load(Type.I64, base, Field.DISABLE.offset()));
        }
    }
}
