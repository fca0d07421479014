package org.pyjit.bench.compile;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pyjit.codegen.CompiledModule;
import org.pyjit.codegen.Jit;
import org.pyjit.codegen.MachineCode;
import org.pyjit.ir.IrModule;

/**
 * JMH: time per module of {@link Jit#generate} (verifier, instruction selection, register
 * allocation, emission to bytes) and of {@link Jit#compile} plus {@link CompiledModule#close}
 * (the same, then installing in and freeing from executable memory). {@link CompileBench} turns
 * the times into IR instructions per second. Forks run without {@code -ea}, so the backend's
 * allocation checker (on only under assertions) is not timed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class CompileThroughput {
    /** Which module to compile: a {@link Shape} name. */
    @Param({"SMALL", "KERNELS", "LARGE_1K", "LARGE_10K"})
    public String shape;

    private Jit jit;
    private IrModule module;

    /** Builds the module and compiles it once, so a module the backend rejects fails here. */
    @Setup
    public void setUp() {
        jit = Jit.host();
        module = Shape.valueOf(shape).module();
        jit.generate(module);
    }

    /** Backend compile to bytes, verification included. */
    @Benchmark
    public MachineCode generate() {
        return jit.generate(module);
    }

    /** Compile, install in executable memory, free. */
    @Benchmark
    public long compileAndInstall() {
        try (CompiledModule m = jit.compile(module)) {
            return m.address();
        }
    }
}
