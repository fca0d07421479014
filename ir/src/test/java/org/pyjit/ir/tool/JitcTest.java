package org.pyjit.ir.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link Jitc} in-process on each command, capturing its output. */
class JitcTest {
    @TempDir
    Path dir;

    record Result(int status, String out, String err) {
    }

    static Result jitc(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Jitc().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static final String SUM_TO = """
            function %sum_to(i64) -> i64 {
            block0(v0: i64):
                v1 = iconst.i64 0
                jump block1(v1, v1)
            block1(v2: i64, v3: i64):
                v4 = icmp slt v2, v0
                brif v4, block2, block3(v3)
            block2:
                v5 = iadd v3, v2
                v6 = iadd_imm v2, 1
                jump block1(v6, v5)
            block3(v7: i64):
                return v7
            }
            ; run: %sum_to(10) == 45
            ; run: %sum_to(3) == 3

            function %half(f64) -> f64 {
            block0(v0: f64):
                v1 = f64const 0.5
                v2 = fmul v0, v1
                return v2
            }
            ; run: %half(-0.0) == -0.0

            function %div(i32, i32) -> i32 {
            block0(v0: i32, v1: i32):
                v2 = sdiv v0, v1
                return v2
            }
            ; run: %div(1, 0) == trap int_divz

            function %nothing() {
            block0:
                return
            }
            ; run: %nothing() == void
            """;

    Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void interpPrintsResultsInRunLineNotation() throws IOException {
        String f = file("sum.jir", SUM_TO).toString();
        assertEquals(new Result(0, "45\n", ""), jitc("interp", f, "%sum_to", "10"));
        assertEquals(new Result(0, "45\n", ""), jitc("interp", f, "sum_to", "0xA"));
        assertEquals(new Result(0, "-0.0\n", ""), jitc("interp", f, "%half", "-0.0"));
        assertEquals(new Result(0, "inf\n", ""), jitc("interp", f, "%half", "inf"));
        assertEquals(new Result(0, "nan\n", ""), jitc("interp", f, "%half", "nan"));
        assertEquals(new Result(0, "trap int_divz\n", ""), jitc("interp", f, "%div", "7", "0"));
        assertEquals(new Result(0, "void\n", ""), jitc("interp", f, "%nothing"));
    }

    @Test
    void interpRejectsBadArgumentsWithOneLine() throws IOException {
        String f = file("sum.jir", SUM_TO).toString();
        Result wrongCount = jitc("interp", f, "%sum_to");
        assertEquals(2, wrongCount.status());
        assertTrue(wrongCount.err().contains("takes 1 arguments"), wrongCount.err());
        Result notAnInt = jitc("interp", f, "%sum_to", "1.5");
        assertEquals(2, notAnInt.status());
        assertTrue(notAnInt.err().contains("'1.5' is not an integer"), notAnInt.err());
        Result unknown = jitc("interp", f, "%nope");
        assertEquals(1, unknown.status());
        assertEquals(f + ": no function %nope\n", unknown.err());
        assertEquals(2, jitc("interp", f).status());
    }

    @Test
    void parseErrorsNameFileLineAndColumn() throws IOException {
        String f = file("bad.jir", "function %f() {\nblock0:\n    v0 = iadd3 v1\n}\n").toString();
        for (String cmd : new String[] {"verify", "print", "test"}) {
            Result r = jitc(cmd, f);
            assertEquals(1, r.status(), cmd);
            assertTrue(r.err().startsWith(f + ":3:10: unknown opcode 'iadd3'"), r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
        Result missing = jitc("print", dir.resolve("missing.jir").toString());
        assertEquals(1, missing.status());
        assertEquals(dir.resolve("missing.jir") + ": no such file\n", missing.err());
    }

    @Test
    void verifyPrintsOkOrTheErrors() throws IOException {
        assertEquals(new Result(0, "ok\n", ""), jitc("verify", file("sum.jir", SUM_TO).toString()));
        // Parses (result types are inferred) but returns an i8 from an i64 function.
        String bad = file("bad.jir", "function %f(i64) -> i64 {\nblock0(v0: i64):\n    v1 = iconst.i8 1\n    return v1\n}\n").toString();
        Result r = jitc("verify", bad);
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith(bad + ": function %f"), r.err());
        Result interp = jitc("interp", bad, "%f", "1");
        assertEquals(1, interp.status());
        assertEquals("", interp.out());
    }

    @Test
    void printWritesCanonicalText() throws IOException {
        Result r = jitc("print", file("sum.jir", SUM_TO).toString());
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("function %sum_to(i64) -> i64 {\n"), r.out());
        assertFalse(r.out().contains("; run:"));
        assertEquals(r, jitc("print", file("again.jir", r.out()).toString()));
    }

    @Test
    void testRunsRunLinesAndReportsFailures() throws IOException {
        assertEquals(new Result(0, "5 passed, 0 failed\n", ""), jitc("test", file("sum.jir", SUM_TO).toString()));
        String f = file("wrong.jir", SUM_TO + "; run: %sum_to(4) == 7\n; run: %half(1) == trap int_ovf\n").toString();
        Result r = jitc("test", f);
        assertEquals(1, r.status());
        assertEquals(f + ":38: FAIL %sum_to(4) == 7: expected 7, got 6\n"
                + f + ":39: FAIL %half(1) == trap int_ovf: expected trap int_ovf, got 0.5\n"
                + "5 passed, 2 failed\n", r.out());
        Result badLine = jitc("test", file("badline.jir", SUM_TO + "; run: sum_to(1)\n").toString());
        assertEquals(1, badLine.status());
        assertTrue(badLine.err().contains(":38: expected '%name(arg, ...)'"), badLine.err());
    }

    @Test
    void usageAndUnknownCommands() {
        Result help = jitc("--help");
        assertEquals(0, help.status());
        for (String cmd : new String[] {"verify", "interp", "print", "test"}) {
            assertTrue(help.out().contains("  " + cmd + " "), help.out());
        }
        assertEquals(2, jitc().status());
        Result unknown = jitc("frobnicate");
        assertEquals(2, unknown.status());
        assertEquals("jitc: unknown command 'frobnicate' (try jitc --help)\n", unknown.err());
    }
}
