package org.pyjit.python.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pyjit.ir.Block;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.IrFunction;
import org.pyjit.ir.Type;

/** {@code PYJIT_DUMP}'s files, with and without objdump on the search path. */
class BodyDumpTest {

    @TempDir
    Path dir;

    private static final byte[] CODE = {(byte) 0x48, (byte) 0x89, (byte) 0xf8, (byte) 0xc3}; // mov rax,rdi; ret

    private static IrFunction identity() {
        return FunctionBuilder.build("f", Translator.BODY, b -> {
            Block entry = b.createBlock();
            var params = b.appendEntryParams(entry);
            b.switchToBlock(entry);
            b.ret(params.get(0));
        });
    }

    @Test
    void withoutObjdumpTheRawBytesAreKeptAndTheDisassemblySaysSo() throws IOException {
        new BodyDump(dir, dir.resolve("no-tools").toString()).write(3, "f (x.py:1)", identity(), CODE, 0x1000);
        String stem = "003-f__x.py_1_";
        assertTrue(Files.readString(dir.resolve(stem + ".ir")).contains("function %f(i64, i64) -> i64"));
        assertArrayEquals(CODE, Files.readAllBytes(dir.resolve(stem + ".bin")));
        assertEquals("objdump not found on PATH: the raw machine code is in " + stem + ".bin (loaded at 0x1000)\n",
                Files.readString(dir.resolve(stem + ".dis")));
    }

    @Test
    void objdumpDisassemblesAtTheCodeAddress() throws IOException {
        new BodyDump(dir, System.getenv("PATH")).write(0, "g", identity(), CODE, 0x7f0000001000L);
        String dis = Files.readString(dir.resolve("000-g.dis"));
        assertTrue(dis.contains("7f0000001000:") && dis.contains("ret"), dis);
    }

    @Test
    void helpersAreDumpedAsOneModule() throws IOException {
        new BodyDump(dir, dir.resolve("no-tools").toString()).writeModule("helpers",
                new org.pyjit.ir.IrModule(java.util.List.of(identity())), CODE, 0x2000);
        assertTrue(Files.readString(dir.resolve("helpers.ir")).contains("function %f(i64, i64) -> i64"));
        assertArrayEquals(CODE, Files.readAllBytes(dir.resolve("helpers.bin")));
        assertTrue(Files.readString(dir.resolve("helpers.dis")).contains("loaded at 0x2000"));
    }

    /** {@code PYJIT_PERFMAP}: perf's format, one line per symbol, appended, blanks replaced. */
    @Test
    void perfMapLinesAreHexStartSizeAndName() throws IOException {
        PerfMap map = new PerfMap(dir.resolve("perf-1.map"));
        map.add(0x7f0000001000L, 0x2a0, "pyjit:3:main (x.py:1)");
        map.add(0x7f0000002000L, 16, "pyjit_eval_breaker");
        assertEquals("7f0000001000 2a0 pyjit:3:main_(x.py:1)\n7f0000002000 10 pyjit_eval_breaker\n",
                Files.readString(map.file()));
    }
}
