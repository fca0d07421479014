package org.pyjit.python.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.text.IrPrinter;

/**
 * {@code PYJIT_DUMP=DIR}: per compiled body, {@code NNN-label.ir} (the IR as {@link IrPrinter}
 * prints it), {@code NNN-label.bin} (the machine code) and {@code NNN-label.dis} (objdump's
 * disassembly at the code's address, or a line saying objdump was not found on PATH); and once,
 * the same three files for the helpers bodies call ({@code helpers.*}) and for the function watcher
 * ({@code watcher.*}).
 */
final class BodyDump {

    private final Path directory;
    private final String searchPath;

    /**
     * @param directory where the files go (created if missing)
     * @param searchPath the {@code PATH} to find objdump on
     */
    BodyDump(Path directory, String searchPath) {
        this.directory = directory;
        this.searchPath = searchPath == null ? "" : searchPath;
    }

    /**
     * Writes one body's files.
     *
     * @param index the body's number
     * @param label e.g. the code object's qualified name
     * @param function its IR
     * @param code its machine code
     * @param address where the code is
     * @throws IOException if a file cannot be written
     */
    void write(int index, String label, IrFunction function, byte[] code, long address) throws IOException {
        Files.createDirectories(directory);
        String stem = String.format("%03d-%s", index, label.replaceAll("[^A-Za-z0-9_.-]", "_"));
        Files.writeString(directory.resolve(stem + ".ir"), "; " + label + "\n" + IrPrinter.print(function));
        Path bin = directory.resolve(stem + ".bin");
        Files.write(bin, code);
        Files.writeString(directory.resolve(stem + ".dis"), disassemble(bin, address));
    }

    /**
     * Writes the helpers' files: {@code helpers.ir} (every function), {@code helpers.bin} and
     * {@code helpers.dis}.
     *
     * @param stem the file name without extension
     * @param module the helpers' IR
     * @param code their machine code
     * @param address where the code is
     * @throws IOException if a file cannot be written
     */
    void writeModule(String stem, IrModule module, byte[] code, long address) throws IOException {
        Files.createDirectories(directory);
        StringBuilder ir = new StringBuilder();
        for (IrFunction f : module.functions()) {
            ir.append(IrPrinter.print(f)).append('\n');
        }
        Files.writeString(directory.resolve(stem + ".ir"), ir);
        Path bin = directory.resolve(stem + ".bin");
        Files.write(bin, code);
        Files.writeString(directory.resolve(stem + ".dis"), disassemble(bin, address));
    }

    private String disassemble(Path bin, long address) throws IOException {
        Optional<Path> objdump = onPath("objdump");
        if (objdump.isEmpty()) {
            return "objdump not found on PATH: the raw machine code is in " + bin.getFileName() + " (loaded at 0x"
                    + Long.toHexString(address) + ")\n";
        }
        List<String> command = new ArrayList<>(List.of(objdump.get().toString(), "-D", "-b", "binary", "-m",
                "i386:x86-64", "--adjust-vma=0x" + Long.toHexString(address), bin.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "objdump did not finish\n";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return "interrupted while waiting for objdump\n";
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private Optional<Path> onPath(String tool) {
        for (String dir : searchPath.split(":")) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, tool);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }
}
