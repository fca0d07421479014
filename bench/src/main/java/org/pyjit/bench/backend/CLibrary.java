package org.pyjit.bench.backend;

import com.kenai.jffi.Library;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A C source compiled with {@code gcc} from {@code PATH} into a shared library and loaded with
 * {@code dlopen}, so its functions can be called through the same invoker as compiled IR.
 */
final class CLibrary {
    private final Library library;
    private final Path sharedObject;

    private CLibrary(Library library, Path sharedObject) {
        this.library = library;
        this.sharedObject = sharedObject;
    }

    /**
     * Compiles {@code source} (C text) with {@code gcc <flags> -shared -fPIC} into
     * {@code outputDir/name.so} and loads it.
     *
     * @throws IllegalStateException if gcc is missing or fails, or the library does not load
     */
    static CLibrary build(String source, String name, Path outputDir, List<String> flags) {
        try {
            Files.createDirectories(outputDir);
            Path c = outputDir.resolve(name + ".c");
            Path so = outputDir.resolve(name + ".so").toAbsolutePath();
            Files.writeString(c, source, StandardCharsets.UTF_8);
            List<String> command = new java.util.ArrayList<>(List.of("gcc"));
            command.addAll(flags);
            command.addAll(List.of("-shared", "-fPIC", "-o", so.toString(), c.toString()));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
            Library lib = Library.openLibrary(so.toString(), Library.NOW | Library.LOCAL);
            if (lib == null) {
                throw new IllegalStateException("dlopen " + so + ": " + Library.getLastError());
            }
            return new CLibrary(lib, so);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run gcc (is it on PATH?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running gcc", e);
        }
    }

    /** The address of the exported function {@code symbol}. */
    long address(String symbol) {
        long a = library.getSymbolAddress(symbol);
        if (a == 0) {
            throw new IllegalStateException("no symbol " + symbol + " in " + sharedObject + ": " + Library.getLastError());
        }
        return a;
    }

    /** Where the shared object was written. */
    Path sharedObject() {
        return sharedObject;
    }
}
