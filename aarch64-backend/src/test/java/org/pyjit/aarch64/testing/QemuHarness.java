package org.pyjit.aarch64.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pyjit.codegen.TrapSupport;

/**
 * Runs AArch64 code images under {@code qemu-aarch64} through a small static C harness (built
 * once per test JVM with {@code aarch64-linux-gnu-gcc -static}). The harness calls each function's
 * Java entry thunk exactly as {@code CompiledFunction} does and reports the result bits or the trap
 * code; its pthread key and the addresses of {@code pthread_getspecific} and {@code abort} form
 * the {@link TrapSupport} the code must be compiled with.
 */
public final class QemuHarness {
    private static QemuHarness instance;

    private final Path binary;
    private final TrapSupport traps;

    /** One call: the thunk's offset in the image and the raw argument bits. */
    public record Call(int thunkOffset, long[] args) {
    }

    /** A call's outcome: {@code trap == 0} and the raw result bits, or the non-zero trap code. */
    public record Result(long bits, int trap) {
    }

    /**
     * The outcomes of a batch, in call order: all of them, or those before the call that crashed.
     *
     * @param results one per completed call
     * @param failure null, or why the process stopped early (qemu's exit status and stderr)
     */
    public record Batch(List<Result> results, String failure) {
    }

    private QemuHarness(Path binary, TrapSupport traps) {
        this.binary = binary;
        this.traps = traps;
    }

    /** The harness, built on first use into {@code target/a64-harness}. */
    public static synchronized QemuHarness get() {
        if (instance == null) {
            instance = build();
        }
        return instance;
    }

    /** What the code run by this harness must be compiled with. */
    public TrapSupport traps() {
        return traps;
    }

    private static QemuHarness build() {
        String gcc = CrossTools.gcc();
        CrossTools.qemu();
        try {
            Path dir = Files.createDirectories(Path.of("target", "a64-harness"));
            Path src = dir.resolve("a64_harness.c");
            try (InputStream in = QemuHarness.class.getResourceAsStream("/harness/a64_harness.c")) {
                if (in == null) {
                    throw new IllegalStateException("test resource /harness/a64_harness.c missing");
                }
                Files.write(src, in.readAllBytes());
            }
            Path bin = dir.resolve("a64_harness");
            CrossTools.Run cc = CrossTools.run(List.of(gcc, "-static", "-O1", "-o", bin.toString(), src.toString()),
                    new byte[0]);
            if (cc.exitCode() != 0) {
                throw new AssertionError("building the qemu harness failed:\n" + cc.stderr());
            }
            CrossTools.Run sym = CrossTools.run(List.of(CrossTools.qemu(), bin.toString(), "--symbols"), new byte[0]);
            if (sym.exitCode() != 0) {
                throw new AssertionError("harness --symbols failed: " + sym.stderr());
            }
            String[] f = sym.stdout().trim().split(" ");
            return new QemuHarness(bin, new TrapSupport(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2])));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the calls in order in one qemu process; a crash ends the batch early (see {@link Batch}). */
    public Batch run(byte[] code, List<Call> calls) {
        try {
            Path image = Files.createTempFile("pyjit-a64", ".bin");
            try {
                Files.write(image, code);
                StringBuilder in = new StringBuilder();
                for (Call c : calls) {
                    in.append("call ").append(Integer.toHexString(c.thunkOffset())).append(' ').append(c.args().length);
                    for (long a : c.args()) {
                        in.append(' ').append(Long.toHexString(a));
                    }
                    in.append('\n');
                }
                CrossTools.Run r = CrossTools.run(List.of(CrossTools.qemu(), binary.toString(), image.toString(),
                        Long.toString(traps.tlsKey())), in.toString().getBytes(StandardCharsets.US_ASCII));
                List<Result> out = new ArrayList<>();
                for (String line : r.stdout().split("\n")) {
                    if (line.startsWith("ok ")) {
                        out.add(new Result(Long.parseUnsignedLong(line.substring(3).trim(), 16), 0));
                    } else if (line.startsWith("trap ")) {
                        out.add(new Result(0, Integer.parseInt(line.substring(5).trim())));
                    }
                }
                String failure = null;
                if (r.exitCode() != 0 || out.size() != calls.size()) {
                    failure = "qemu harness exited " + r.exitCode() + " after " + out.size() + " of " + calls.size()
                            + " calls (the next call crashed)\nstderr: " + r.stderr();
                }
                return new Batch(List.copyOf(out), failure);
            } finally {
                Files.deleteIfExists(image);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
