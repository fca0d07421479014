package org.pyjit.python.compile;

import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;
import org.pyjit.python.layout.CPythonLayout;

/**
 * Tests on sys.monitoring tool sets ({@code _Py_LocalMonitors}/{@code _Py_GlobalMonitors}: one
 * byte per event, one bit per tool in each byte), shared by the entry callbacks and direct calls.
 */
public final class ToolSets {

    /** pyjit's tool id, {@code sys.monitoring.OPTIMIZER_ID}. */
    public static final int OUR_TOOL = 5;
    /** One bit per tool in each event's byte: every tool except ours. */
    private static final long OTHER_TOOLS = 0x0101010101010101L * (0xFF & ~(1 << OUR_TOOL));

    private ToolSets() {
    }

    /**
     * Emits a value that is non-zero iff a tool other than ours has an event in the tool set at
     * {@code owner + offset}: two overlapping 8-byte loads cover its 9 to 16 bytes.
     *
     * @param b the builder, positioned where the test goes
     * @param layout the running CPython's offsets (the number of events)
     * @param owner the interpreter state or the code's monitoring data
     * @param offset the tool set's offset in it
     * @return an i64, zero when only our tool (or none) has events
     * @throws IllegalStateException if the event count is outside 8..16
     */
    public static Value otherTools(FunctionBuilder b, CPythonLayout layout, Value owner, int offset) {
        int events = layout.monitoring().eventCount();
        if (events < 8 || events > 16) {
            throw new IllegalStateException("tool sets of " + events + " events");
        }
        Value low = b.load(Type.I64, owner, offset);
        Value high = b.load(Type.I64, owner, offset + events - 8);
        return b.binary(Opcode.BAND, b.binary(Opcode.BOR, low, high), b.iconst(Type.I64, OTHER_TOOLS));
    }
}
