package org.pyjit.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.pyjit.codegen.MachineCode;
import org.pyjit.codegen.TrapSupport;
import org.pyjit.ir.tool.GoldenFile;

/**
 * {@code test compile} golden files: each {@code compile/NAME.jir} is compiled and its listing
 * (IR, then objdump of each function body) must equal {@code compile/NAME.asm}. Run with
 * {@code -Dbless=true} to rewrite the expectations after an intended change.
 */
class CompileGoldenTest {
    static final Path DIR = Path.of("src", "test", "resources", "compile");

    @TestFactory
    Stream<DynamicTest> listingsMatch() throws IOException {
        boolean bless = Boolean.getBoolean("bless");
        var files = GoldenFile.all(DIR);
        assertTrue(files.size() >= 5, "compile golden files missing");
        return files.stream().map(g -> DynamicTest.dynamicTest(g.name(), () -> {
            MachineCode code = new X86Backend(Allocators.checked()).compile(g.module(), TrapSupport.host());
            String actual = AsmListing.of(g.module(), code);
            Path expected = DIR.resolve(g.name().replaceAll("\\.jir$", ".asm"));
            if (bless) {
                Files.writeString(expected, actual, StandardCharsets.UTF_8);
            }
            assertTrue(Files.exists(expected), expected + " is missing: run with -Dbless=true");
            assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual,
                    "listing of " + g.name() + " changed: inspect, then run with -Dbless=true");
        }));
    }
}
