package org.pyjit.fuzz.replay;

import java.util.ArrayList;
import java.util.List;
import org.pyjit.fuzz.harness.Case;
import org.pyjit.ir.Ints;
import org.pyjit.ir.Type;
import org.pyjit.ir.interp.Bits;

/** Fixed edge-value argument sets for replaying a function without recorded runs. */
public final class EdgeArguments {
    private EdgeArguments() {
    }

    /** The edge values of {@code type} as raw bits: 0, ±1, MIN, MAX, or ±0.0, ±∞, NaN, 1.5. */
    public static List<Long> values(Type type) {
        return switch (type) {
            case I8, I16, I32, I64 -> List.of(0L, 1L, -1L, Ints.min(type), Ints.max(type), 7L);
            case F32 -> List.of(Bits.ofFloat(0f), Bits.ofFloat(-0f), Bits.ofFloat(Float.POSITIVE_INFINITY),
                    Bits.ofFloat(Float.NEGATIVE_INFINITY), Bits.ofFloat(Float.NaN), Bits.ofFloat(1.5f));
            case F64 -> List.of(Bits.ofDouble(0), Bits.ofDouble(-0.0), Bits.ofDouble(Double.POSITIVE_INFINITY),
                    Bits.ofDouble(Double.NEGATIVE_INFINITY), Bits.ofDouble(Double.NaN), Bits.ofDouble(1.5));
        };
    }

    /** Six cases: case {@code k} passes edge value {@code k} of each parameter's type, seed {@code k}. */
    public static List<Case> cases(List<Type> params) {
        List<Case> out = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            long[] args = new long[params.size()];
            for (int i = 0; i < args.length; i++) {
                List<Long> vs = values(params.get(i));
                args[i] = vs.get((k + i) % vs.size());
            }
            out.add(new Case(k, args));
        }
        return out;
    }
}
