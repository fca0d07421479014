package org.pyjit.aarch64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pyjit.aarch64.testing.QemuHarness;
import org.pyjit.codegen.MachineCode;
import org.pyjit.ir.BasicBlock;
import org.pyjit.ir.Block;
import org.pyjit.ir.Inst;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Signature;
import org.pyjit.ir.TrapCode;
import org.pyjit.ir.Type;
import org.pyjit.ir.tool.Executor;
import org.pyjit.ir.tool.GoldenFile;
import org.pyjit.ir.tool.Outcome;

/**
 * Differential check beyond the written run lines: every golden function without calls or loops
 * (so it terminates natively on any input) gets edge-value and random arguments; the native
 * outcome under qemu must equal the interpreter's, bit for bit (any NaN matches any NaN, since
 * the interpreter's NaN payloads are the JVM host's).
 */
class RandomInputsQemuTest {
    private static final long[] EDGES = {0, 1, -1, 2, 7, 8, 31, 32, 63, 64, 127, 128, -128, 255, 32767, -32768, 65535,
            Integer.MAX_VALUE, Integer.MIN_VALUE, 0xFFFF_FFFFL, Long.MAX_VALUE, Long.MIN_VALUE};
    private static final double[] FLOATS = {0.0, -0.0, 1.0, -1.5, 0.5, 3.75, 1e10, -1e10, 2147483647.5, -2147483648.5,
            9.3e18, -9.3e18, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 1e-310};
    private static final int PER_FUNCTION = 24;

    private static long arg(Random rnd, Type t) {
        if (t.isFloat()) {
            double d = rnd.nextInt(3) == 0 ? (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(20))
                    : FLOATS[rnd.nextInt(FLOATS.length)];
            return t == Type.F64 ? Double.doubleToRawLongBits(d) : Float.floatToRawIntBits((float) d) & 0xFFFF_FFFFL;
        }
        long v = rnd.nextInt(3) == 0 ? rnd.nextLong() : EDGES[rnd.nextInt(EDGES.length)];
        return GoldenQemuTest.canonical(t, v);
    }

    private static boolean terminatesOnAnyInput(IrFunction f) {
        Set<Block> done = new HashSet<>();
        Set<Block> onPath = new HashSet<>();
        for (BasicBlock b : f.blocks()) {
            for (Inst i : b.insts()) {
                if (i.opcode() == Opcode.CALL || i.opcode() == Opcode.CALL_INDIRECT) {
                    return false;
                }
            }
        }
        return !cycle(f, f.entry().block(), done, onPath);
    }

    private static boolean cycle(IrFunction f, Block b, Set<Block> done, Set<Block> onPath) {
        if (onPath.contains(b)) {
            return true;
        }
        if (!done.add(b)) {
            return false;
        }
        onPath.add(b);
        for (Block s : f.block(b).successors()) {
            if (cycle(f, s, done, onPath)) {
                return true;
            }
        }
        onPath.remove(b);
        return false;
    }

    private static boolean same(Signature sig, Outcome want, Outcome got) {
        if (want.equals(got)) {
            return true;
        }
        if (want instanceof Outcome.Returned w && got instanceof Outcome.Returned g && !sig.returns().isEmpty()) {
            Type t = sig.returns().get(0);
            long a = w.bits()[0];
            long b = g.bits()[0];
            return t == Type.F64 ? Double.isNaN(Double.longBitsToDouble(a)) && Double.isNaN(Double.longBitsToDouble(b))
                    : t == Type.F32 && Float.isNaN(Float.intBitsToFloat((int) a)) && Float.isNaN(Float.intBitsToFloat((int) b));
        }
        return false;
    }

    @Test
    void nativeCodeAgreesWithTheInterpreterOnRandomInputs() {
        QemuHarness h = QemuHarness.get();
        Random rnd = new Random(0xA64);
        int compared = 0;
        List<String> bad = new ArrayList<>();
        for (GoldenFile file : GoldenFile.all(GoldenFile.defaultDirectory())) {
            MachineCode mc = new A64Backend().compile(file.module(), h.traps());
            List<QemuHarness.Call> calls = new ArrayList<>();
            List<IrFunction> fns = new ArrayList<>();
            for (IrFunction f : file.module().functions()) {
                if (!terminatesOnAnyInput(f) || f.signature().params().size() > 8) {
                    continue;
                }
                for (int k = 0; k < PER_FUNCTION; k++) {
                    long[] args = new long[f.signature().params().size()];
                    for (int a = 0; a < args.length; a++) {
                        args[a] = arg(rnd, f.signature().params().get(a));
                    }
                    calls.add(new QemuHarness.Call(mc.javaEntries().get(f.name()), args));
                    fns.add(f);
                }
            }
            QemuHarness.Batch batch = h.run(mc.code(), calls);
            assertEquals(null, batch.failure(), file.name());
            Executor interp = Executor.interpreter();
            for (int k = 0; k < calls.size(); k++) {
                IrFunction f = fns.get(k);
                Signature sig = f.signature();
                Outcome want = interp.outcome(file.module(), f.name(), calls.get(k).args());
                QemuHarness.Result r = batch.results().get(k);
                Outcome got = r.trap() != 0 ? new Outcome.Trapped(TrapCode.fromCode(r.trap()))
                        : new Outcome.Returned(sig.returns().isEmpty() ? new long[0]
                        : new long[] {GoldenQemuTest.canonical(sig.returns().get(0), r.bits())});
                compared++;
                if (!same(sig, want, got)) {
                    bad.add(file.name() + " %" + f.name() + java.util.Arrays.toString(calls.get(k).args())
                            + ": interpreter " + want.text(sig) + ", native " + got.text(sig));
                }
            }
        }
        assertTrue(bad.isEmpty(), bad.size() + " of " + compared + " differ:\n"
                + String.join("\n", bad.subList(0, Math.min(40, bad.size()))));
        assertTrue(compared > 2000, "compared " + compared);
        System.out.println("[a64 qemu] " + compared + " random calls agree with the interpreter");
    }
}
