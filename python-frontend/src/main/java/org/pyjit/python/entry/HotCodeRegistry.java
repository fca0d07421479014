package org.pyjit.python.entry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.pyjit.python.compile.BodyCompiler;
import org.pyjit.python.compile.BodyCounters;
import org.pyjit.python.compile.CompileRefusedException;
import org.pyjit.python.layout.CPythonLayout;

/**
 * The Java side of the upcalls: attaches counter states to code objects (once each) and records
 * the code objects and loops that became hot. Runs on Python threads holding the GIL; the
 * monitor only guards against the exit report reading concurrently.
 *
 * <p>Invariant: a state is in {@link #records} exactly when its {@link CodeState#RECORDED} flag
 * is set; its code object is alive until {@link #released} removes the address.
 */
final class HotCodeRegistry {

    /** A hot code object: its counters live in native memory while the code object lives. */
    private static final class Record {
        final String name;
        CompileOutcome state;
        BodyCompiler.CompiledBody body;
        long code;
        boolean hotFunction;
        int hotLoops;
        long calls;
        long backEdges;
        long entered;
        long declined;
        /** Loop bodies by the target offset of their backward jumps; refusals as their reason. */
        final Map<Long, BodyCompiler.CompiledBody> loopBodies = new LinkedHashMap<>();
        final Map<Long, String> loopRefusals = new LinkedHashMap<>();

        Record(String name, CompileOutcome state, long code) {
            this.name = name;
            this.state = state;
            this.code = code;
        }
    }

    private final CApi api;
    private final CPythonLayout layout;
    private final long extraIndex;
    private final long disable;
    private final long none;
    private final BodyCompiler compiler;
    private final Consumer<String> log;
    private final Map<Long, Record> records = new LinkedHashMap<>();
    private final List<Record> released = new ArrayList<>();
    private long attached;

    HotCodeRegistry(CApi api, CPythonLayout layout, long extraIndex, long disable, BodyCompiler compiler,
                    Consumer<String> log) {
        this.api = api;
        this.none = api.none;
        this.compiler = compiler;
        this.layout = layout;
        this.extraIndex = extraIndex;
        this.disable = disable;
        this.log = log;
    }

    /**
     * The slow path of a code object's first event: allocates its zeroed state, sized by
     * {@code Py_SIZE(code)}, and stores it in {@code co_extra}.
     *
     * @param code the code object
     * @return the state, or 0 if it could not be attached (the callback then disables the event)
     */
    synchronized long attach(long code) {
        long units = CApi.MEMORY.getLong(code + layout.object().size());
        long state = api.calloc(CodeState.size(units));
        if (state == 0) {
            return 0;
        }
        CApi.MEMORY.putInt(state + CodeState.UNITS, (int) units);
        if (api.codeSetExtra(code, extraIndex, state) != 0) {
            api.errClear();
            api.free(state);
            return 0;
        }
        attached++;
        return state;
    }

    /**
     * A counter reached the threshold.
     *
     * @param code the code object
     * @param state its state
     * @param from the backward jump's offset in bytes, or -1 for a function's calls
     * @param to the jump's target, or -1
     * @return {@code DISABLE}: the location stops firing; or {@code None} for a function just
     *     compiled, whose {@code PY_START} keeps firing so that its next calls enter the body (this
     *     call runs in the interpreter)
     */
    synchronized long hot(long code, long state, long from, long to) {
        Record r = records.get(state);
        if (r == null) {
            String qualname = api.stringAttribute(code, "co_qualname");
            String file = api.stringAttribute(code, "co_filename");
            long line = api.longAttribute(code, "co_firstlineno");
            String base = file == null ? "?" : file.substring(file.lastIndexOf('/') + 1);
            r = new Record((qualname == null ? "?" : qualname) + " (" + base + ":" + line + ")",
                    new CompileOutcome(CompileState.of(CApi.MEMORY.getInt(code + layout.code().flags())), ""), code);
            records.put(state, r);
            CApi.MEMORY.putInt(state + CodeState.FLAGS,
                    CApi.MEMORY.getInt(state + CodeState.FLAGS) | CodeState.RECORDED);
        }
        long calls = CApi.MEMORY.getLong(state + CodeState.CALLS);
        if (from < 0) {
            r.hotFunction = true;
            long result = disable;
            if (compiler != null && r.state.state() == CompileState.NO_COMPILER) {
                try {
                    BodyCompiler.CompiledBody body = compiler.compile(code, r.name);
                    CApi.MEMORY.putLong(state + CodeState.ENTRY, body.address());
                    r.body = body;
                    r.state = new CompileOutcome(CompileState.COMPILED, "(" + body.codeBytes() + " bytes)");
                    result = none;
                } catch (CompileRefusedException e) {
                    r.state = new CompileOutcome(CompileState.REFUSED, e.getMessage());
                } catch (RuntimeException e) {
                    r.state = new CompileOutcome(CompileState.REFUSED, "compiler error: " + e);
                }
            }
            log.accept("hot: function " + r.name + " after " + calls + " calls; " + r.state.summary());
            return result;
        } else {
            r.hotLoops++;
            long edges = CApi.MEMORY.getInt(state + CodeState.LOOPS + 4 * (from / 2));
            long result = compiler == null ? disable : loop(r, code, state, from, to);
            log.accept("hot: loop " + from + "->" + to + " in " + r.name + " after " + edges
                    + " back edges (function: " + calls + " calls); " + loopText(r, to));
            return result;
        }
    }

    /**
     * Compiles (or reuses) the body of the loop a hot backward jump closes and files it in the
     * state's OSR table under the jump's code unit: the JUMP callback then continues the frame in
     * it, at once and at every later back edge. {@code None} keeps the jump's event firing;
     * {@code DISABLE} if the loop cannot be compiled.
     */
    private long loop(Record r, long code, long state, long from, long to) {
        CompileState kind = r.state.state();
        if (kind == CompileState.GENERATOR || kind == CompileState.BODY) {
            r.loopRefusals.put(to, kind.text());
            return disable;
        }
        BodyCompiler.CompiledBody body = r.loopBodies.get(to);
        if (body == null && !r.loopRefusals.containsKey(to)) {
            try {
                body = compiler.compileLoop(code, r.name, Math.toIntExact(to));
                r.loopBodies.put(to, body);
            } catch (CompileRefusedException e) {
                r.loopRefusals.put(to, e.getMessage());
            } catch (RuntimeException e) {
                r.loopRefusals.put(to, "compiler error: " + e);
            }
        }
        if (body == null) {
            return disable;
        }
        long table = CApi.MEMORY.getLong(state + CodeState.OSR);
        if (table == 0) {
            long units = Integer.toUnsignedLong(CApi.MEMORY.getInt(state + CodeState.UNITS));
            table = api.calloc(8 * units);
            if (table == 0) {
                return disable;
            }
            CApi.MEMORY.putLong(state + CodeState.OSR, table);
        }
        CApi.MEMORY.putLong(table + 8 * (from / 2), body.address());
        return none;
    }

    private static String loopText(Record r, long to) {
        BodyCompiler.CompiledBody body = r.loopBodies.get(to);
        if (body != null) {
            return "loop compiled (" + body.codeBytes() + " bytes)";
        }
        String refused = r.loopRefusals.get(to);
        return refused != null ? "loop not compiled: " + refused : r.state.summary();
    }

    /**
     * A recorded state's code object died: keep its final counts, free the memory.
     *
     * @param state the state
     */
    synchronized void released(long state) {
        Record r = records.remove(state);
        if (r != null) {
            snapshot(r, state);
            r.code = 0;
            released.add(r);
        }
        api.free(state);
    }

    private static void snapshot(Record r, long state) {
        r.calls = CApi.MEMORY.getLong(state + CodeState.CALLS);
        r.backEdges = CApi.MEMORY.getLong(state + CodeState.BACK_EDGES);
        r.entered = CApi.MEMORY.getLong(state + CodeState.ENTERED);
        r.declined = CApi.MEMORY.getLong(state + CodeState.DECLINED);
    }

    /** Code objects given a state so far. */
    synchronized long attachedCount() {
        return attached;
    }

    /** Every hot code object, live or dead, in the order they became hot (live first). */
    synchronized List<HotCode> hotCode() {
        List<HotCode> out = new ArrayList<>();
        for (Map.Entry<Long, Record> e : records.entrySet()) {
            snapshot(e.getValue(), e.getKey());
            out.add(row(e.getValue()));
        }
        for (Record r : released) {
            out.add(row(r));
        }
        return out;
    }

    private static HotCode row(Record r) {
        CompileOutcome outcome = r.body == null ? r.state
                : new CompileOutcome(r.state.state(),
                        r.state.detail() + ", entered " + r.entered + ", declined " + r.declined, report(r.body));
        if (!r.loopBodies.isEmpty() || !r.loopRefusals.isEmpty()) {
            List<String> lines = new ArrayList<>(outcome.report());
            String detail = outcome.detail();
            if (r.body == null) {
                detail += (detail.isEmpty() ? "" : ", ") + "entered " + r.entered + ", declined " + r.declined;
            }
            r.loopBodies.forEach((to, body) -> {
                lines.add("loop @" + to + ":");
                report(body).forEach(line -> lines.add("  " + line));
            });
            r.loopRefusals.forEach((to, why) -> lines.add("loop @" + to + " not compiled: " + why));
            boolean loopsOnly = r.body == null && !r.loopBodies.isEmpty();
            outcome = loopsOnly
                    ? new CompileOutcome(CompileState.COMPILED, (r.hotFunction ? "(loops only; function "
                            + r.state.summary() + "), " : "(loops only), ") + detail, lines)
                    : new CompileOutcome(outcome.state(), detail, lines);
        }
        return new HotCode(r.name, r.calls, r.backEdges, r.hotFunction, r.hotLoops, outcome);
    }

    /**
     * A compiled body's statistics lines: its costs, then each exit site used, most used first
     * ({@code JitStats} totals the exit lines by reason).
     */
    private static List<String> report(BodyCompiler.CompiledBody body) {
        BodyCounters.Snapshot counts = body.counters().snapshot();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT,
                "compiled in %.2f ms: %d IR instructions, %d bytes; entries %d, instructions %d",
                body.nanos() / 1e6, body.irInstructions(), body.codeBytes(), counts.entries(), counts.instructions()));
        counts.sites().stream().filter(c -> c.count() > 0)
                .sorted(Comparator.comparingLong(BodyCounters.SiteCount::count).reversed())
                .forEach(c -> lines.add(c.site().text() + ": " + c.count()));
        return lines;
    }
}
