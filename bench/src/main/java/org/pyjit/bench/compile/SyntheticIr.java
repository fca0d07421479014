package org.pyjit.bench.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.pyjit.ir.Block;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.IntCC;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.Opcode;
import org.pyjit.ir.Signature;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;

/**
 * Deterministic IR modules shaped like front-end output, for compile-time measurement: a chain of
 * counted loops whose bodies mix integer and f64 arithmetic, immediates, compares and selects,
 * loads and stores through a pointer argument, divisions, conversions, calls to a small leaf
 * function and if/else diamonds joined by block parameters. Loop-carried values flow from one
 * loop to the next, so registers stay under pressure across the whole function. The modules
 * verify; they are compiled, never run.
 */
final class SyntheticIr {
    private static final Signature MAIN = Signature.of(Type.I64, Type.I64, Type.I64, Type.F64);
    private static final Signature LEAF = Signature.of(Type.I64, Type.I64, Type.I64);
    private static final Opcode[] INT_OPS = {Opcode.IADD, Opcode.ISUB, Opcode.IMUL, Opcode.BAND, Opcode.BOR, Opcode.BXOR};
    private static final Opcode[] IMM_OPS = {Opcode.IADD_IMM, Opcode.IMUL_IMM, Opcode.ISHL_IMM, Opcode.SSHR_IMM, Opcode.BAND_IMM};
    private static final Opcode[] FLOAT_OPS = {Opcode.FADD, Opcode.FSUB, Opcode.FMUL};

    private SyntheticIr() {
    }

    /** A module of {@code %main} (about {@code targetInsts} instructions in all) and {@code %leaf}. */
    static IrModule generate(int targetInsts, long seed) {
        IrFunction leaf = FunctionBuilder.build("leaf", LEAF, b -> {
            Block entry = b.createBlock();
            List<Value> p = b.appendEntryParams(entry);
            b.switchToBlock(entry);
            b.ret(b.binaryImm(Opcode.IADD_IMM, b.binary(Opcode.BXOR, p.get(0), p.get(1)), 7));
        });
        int budget = Math.max(1, targetInsts - leaf.instCount());
        IrFunction main = FunctionBuilder.build("main", MAIN, b -> new Generator(b, new Random(seed)).emit(budget));
        return IrModule.of(main, leaf);
    }

    /** Emits the loops of {@code %main}. */
    private static final class Generator {
        private final FunctionBuilder b;
        private final Random rnd;
        private int emitted;

        Generator(FunctionBuilder b, Random rnd) {
            this.b = b;
            this.rnd = rnd;
        }

        void emit(int budget) {
            Block entry = b.createBlock();
            List<Value> p = b.appendEntryParams(entry);
            b.switchToBlock(entry);
            Value ptr = p.get(0), n = p.get(1);
            List<Value> ints = new ArrayList<>(List.of(n, iconst(3), iconst(1000)));
            List<Value> floats = new ArrayList<>(List.of(p.get(2), fconst(0.5)));
            Value accI = ptr, accF = p.get(2);
            while (emitted < budget) {
                // one loop: header(i, accI, accF), body (maybe with a diamond), exit
                int bodyOps = Math.max(2, Math.min(14, budget - emitted - 8));
                Block header = b.createBlock(), body = b.createBlock(), exit = b.createBlock();
                Value zero = iconst(0);
                count(0);
                b.jump(header, zero, accI, accF);
                count(1);
                b.switchToBlock(header);
                Value i = b.appendBlockParam(header, Type.I64);
                Value ai = b.appendBlockParam(header, Type.I64);
                Value af = b.appendBlockParam(header, Type.F64);
                Value more = b.icmp(IntCC.SLT, i, n);
                b.brif(more, body, exit);
                count(2);
                b.switchToBlock(body);
                List<Value> li = new ArrayList<>(ints);
                li.add(i);
                li.add(ai);
                List<Value> lf = new ArrayList<>(floats);
                lf.add(af);
                for (int k = 0; k < bodyOps; k++) {
                    op(ptr, li, lf);
                }
                Value nextI = b.iaddImm(i, 1);
                count(1);
                Value outI = li.get(li.size() - 1), outF = lf.get(lf.size() - 1);
                if (rnd.nextInt(2) == 0 && emitted + 6 < budget) {
                    Block left = b.createBlock(), right = b.createBlock(), join = b.createBlock();
                    Value c = b.icmpImm(IntCC.SGT, outI, rnd.nextInt(100));
                    b.brif(c, left, right);
                    b.switchToBlock(left);
                    Value l = b.binary(pick(INT_OPS), outI, pick(li));
                    b.jump(join, l);
                    b.switchToBlock(right);
                    Value r = b.binaryImm(Opcode.IADD_IMM, outI, rnd.nextInt(50));
                    b.jump(join, r);
                    b.switchToBlock(join);
                    outI = b.appendBlockParam(join, Type.I64);
                    count(6);
                }
                b.jump(header, nextI, outI, outF);
                count(1);
                b.switchToBlock(exit);
                ints.add(ai);
                floats.add(af);
                accI = ai;
                accF = af;
            }
            Value f = b.convert(Opcode.FCVT_FROM_SINT, Type.F64, accI);
            Value g = b.fadd(f, accF);
            Value h = b.convert(Opcode.BITCAST, Type.I64, g);
            b.ret(b.iadd(h, accI));
        }

        /** One random body instruction; its result joins the pools. */
        private void op(Value ptr, List<Value> ints, List<Value> floats) {
            switch (rnd.nextInt(10)) {
                case 0, 1, 2 -> ints.add(b.binary(pick(INT_OPS), pick(ints), pick(ints)));
                case 3 -> ints.add(b.binaryImm(pick(IMM_OPS), pick(ints), 1 + rnd.nextInt(7)));
                case 4 -> ints.add(b.load(Type.I64, ptr, 8 * rnd.nextInt(16)));
                case 5 -> b.store(pick(ints), ptr, 8 * rnd.nextInt(16));
                case 6 -> floats.add(b.binary(pick(FLOAT_OPS), pick(floats), pick(floats)));
                case 7 -> floats.add(b.convert(Opcode.FCVT_FROM_SINT, Type.F64, pick(ints)));
                case 8 -> {
                    Value c = b.icmp(IntCC.ULT, pick(ints), pick(ints));
                    ints.add(b.select(c, pick(ints), pick(ints)));
                    count(1);
                }
                case 9 -> {
                    if (rnd.nextBoolean()) {
                        Value d = b.binaryImm(Opcode.BOR_IMM, pick(ints), 1);
                        ints.add(b.binary(Opcode.SDIV, pick(ints), d));
                    } else {
                        ints.add(b.call("leaf", LEAF, pick(ints), pick(ints)).get(0));
                        count(-1);
                    }
                    count(1);
                }
                default -> throw new AssertionError();
            }
            count(1);
        }

        private Value iconst(long v) {
            count(1);
            return b.iconst(Type.I64, v);
        }

        private Value fconst(double v) {
            count(1);
            return b.f64const(v);
        }

        private <T> T pick(T[] options) {
            return options[rnd.nextInt(options.length)];
        }

        private Value pick(List<Value> pool) {
            // prefer recent values, as real code does
            int n = pool.size();
            return pool.get(n - 1 - Math.min(n - 1, (int) Math.abs(rnd.nextGaussian() * 6)));
        }

        private void count(int insts) {
            emitted += insts;
        }
    }
}
