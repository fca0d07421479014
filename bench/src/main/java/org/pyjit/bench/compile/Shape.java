package org.pyjit.bench.compile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.text.IrParser;

/** The modules whose compilation is timed. */
enum Shape {
    /** One synthetic function of about 30 instructions (plus a 3-instruction leaf). */
    SMALL,
    /** The six run-time kernels of {@code kernels/kernels.jir} (~200 instructions, 6 functions). */
    KERNELS,
    /** One synthetic function of about 1,000 instructions. */
    LARGE_1K,
    /** One synthetic function of about 10,000 instructions. */
    LARGE_10K;

    /** Builds the module (deterministically). */
    IrModule module() {
        return switch (this) {
            case SMALL -> SyntheticIr.generate(33, 1);
            case KERNELS -> IrParser.parseModule(kernelsText());
            case LARGE_1K -> SyntheticIr.generate(1_000, 2);
            case LARGE_10K -> SyntheticIr.generate(10_000, 3);
        };
    }

    /** The number of IR instructions in {@code module}, terminators included. */
    static int instructions(IrModule module) {
        return module.functions().stream().mapToInt(IrFunction::instCount).sum();
    }

    private static String kernelsText() {
        try (InputStream in = Shape.class.getClassLoader().getResourceAsStream("kernels/kernels.jir")) {
            if (in == null) {
                throw new IllegalStateException("kernels/kernels.jir is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
