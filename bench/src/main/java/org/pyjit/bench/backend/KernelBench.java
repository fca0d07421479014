package org.pyjit.bench.backend;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pyjit.codegen.CompiledModule;
import org.pyjit.codegen.Jit;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.text.IrParser;

/**
 * Run time of the kernels in {@code kernels/kernels.jir} compiled by {@link Jit#host()} against
 * the same kernels in {@code kernels/kernels.c} compiled by {@code gcc -O2} (from {@code PATH}, at
 * start-up, into {@code bench/target/kernels/}). Both are called at their native address through
 * one {@link org.pyjit.codegen.memory.NativeInvoker} per kernel with the same inputs; results are
 * checked against each other and a Java reference before timing. Timing interleaves the sides
 * call by call (IR, C, C, IR, …) and reports per round the median call time of each side; the
 * summary gives, over the rounds, the median and spread of the ratio IR time / C time.
 *
 * <p>Options: {@code --rounds N} (default 5), {@code --budget-ms M} per kernel and round (default
 * 400), {@code --only NAME,…} (kernel symbols), {@code --disasm NAME} (print the IR kernel's
 * machine code and gcc's, then exit). Not a test: never run by {@code mvn verify}.
 */
public final class KernelBench {
    private KernelBench() {
    }

    /** Entry point; see the class comment for the options. */
    public static void main(String[] args) throws IOException {
        int rounds = 5;
        long budgetNanos = 400_000_000L;
        List<Kernel> kernels = new ArrayList<>(List.of(Kernel.values()));
        String disasm = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(require(value, args[i++]));
                case "--budget-ms" -> budgetNanos = Long.parseLong(require(value, args[i++])) * 1_000_000L;
                case "--only" -> kernels = selectKernels(require(value, args[i++]));
                case "--disasm" -> disasm = require(value, args[i++]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --rounds N, --budget-ms M, --only k1,k2, --disasm NAME)");
            }
        }
        IrModule source = IrParser.parseModule(resource("kernels/kernels.jir"));
        Path outDir = targetDirectory().resolve("kernels");
        CLibrary c = CLibrary.build(resource("kernels/kernels.c"), "pyjit_kernels", outDir, List.of("-O2"));
        if (disasm != null) {
            KernelListing.print(Jit.host(), source, disasm, c.sharedObject());
            return;
        }
        System.out.printf("backend %s; C: gcc -O2 -> %s%n", Jit.host().backend().name(), c.sharedObject());
        List<CompiledModule> modules = new ArrayList<>();
        List<KernelPair> pairs = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (NativeArena arena = new NativeArena()) {
            for (Kernel k : kernels) {
                IrFunction f = source.function(k.symbol());
                CompiledModule m;
                try {
                    m = Jit.host().compile(IrModule.of(f));
                } catch (RuntimeException e) {
                    failures.add(k.symbol() + ": IR does not compile: " + e);
                    continue;
                }
                modules.add(m);
                KernelPair pair = new KernelPair(Workload.prepare(k, arena), m.function(k.symbol()).address(), c.address(k.symbol()));
                Optional<String> wrong = pair.check();
                if (wrong.isPresent()) {
                    failures.add(k.symbol() + ": wrong result: " + wrong.get());
                    continue;
                }
                pairs.add(pair);
            }
            failures.forEach(f -> System.out.println("SKIPPED " + f));
            print(new InterleavedTimer(pairs, budgetNanos).run(rounds), rounds);
        } finally {
            modules.forEach(CompiledModule::close);
        }
        if (!failures.isEmpty()) {
            System.exit(1);
        }
    }

    private static void print(List<InterleavedTimer.Result> results, int rounds) {
        System.out.printf("%n%-11s %-16s %6s %11s %11s %7s %13s %8s %13s%n", "kernel", "size", "calls", "IR ms cpu",
                "C ms cpu", "IR/C", "cpu min..max", "IR/C wall", "wall min..max");
        for (InterleavedTimer.Result r : results) {
            System.out.printf("%-11s %-16s %6d %11.3f %11.3f %7.2f %6.2f..%-5.2f %8.2f %6.2f..%-5.2f%n", r.kernel().symbol(),
                    r.kernel().size(), r.callsPerRound(), r.irCpu().median() / 1e6, r.cCpu().median() / 1e6,
                    r.ratioCpu().median(), r.ratioCpu().min(), r.ratioCpu().max(), r.ratioWall().median(),
                    r.ratioWall().min(), r.ratioWall().max());
        }
        System.out.printf("(per round: median call time of each side; columns: median over %d rounds, min..max over rounds;"
                + " cpu = the calling thread's CPU time)%n", rounds);
    }

    private static String require(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static List<Kernel> selectKernels(String names) {
        List<Kernel> out = new ArrayList<>();
        for (String name : names.split(",")) {
            out.add(byName(name.strip()));
        }
        return out;
    }

    static Kernel byName(String name) {
        for (Kernel k : Kernel.values()) {
            if (k.symbol().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no kernel " + name + "; kernels: "
                + java.util.Arrays.stream(Kernel.values()).map(Kernel::symbol).toList());
    }

    static String resource(String name) throws IOException {
        try (InputStream in = KernelBench.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("resource " + name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** {@code bench/target} when running from the build's classes, else {@code ./target}. */
    private static Path targetDirectory() {
        try {
            Path classes = Path.of(KernelBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(classes) && classes.getParent() != null) {
                return classes.getParent();
            }
            if (classes.getParent() != null && classes.getParent().getFileName().toString().equals("target")) {
                return classes.getParent();
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the working directory
        }
        return Path.of("target");
    }
}
