package org.pyjit.ir.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.text.IrParser;

/**
 * Each file in resources/verify is a malformed module whose {@code ; expect: …} comment lines
 * are substrings of the errors the verifier must report: one error per line, no more.
 */
class VerifierTextTest {

    static Stream<Path> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(VerifierTextTest.class.getResource("/verify").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".ir")).sorted().toList();
        }
        return files.stream();
    }

    @Test
    void thereAreEnoughCases() throws Exception {
        assertTrue(cases().count() >= 25);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void malformedModuleIsRejectedWithTheExpectedErrors(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> expected = text.lines().filter(l -> l.startsWith("; expect: "))
                .map(l -> l.substring("; expect: ".length())).toList();
        assertFalse(expected.isEmpty(), "no expectations in " + file);
        List<String> actual = Verifier.check(IrParser.parseModule(text)).stream().map(VerifierError::toString).toList();
        List<String> unmatched = new ArrayList<>(actual);
        for (String e : expected) {
            String hit = unmatched.stream().filter(a -> a.contains(e)).findFirst().orElse(null);
            assertTrue(hit != null, "expected an error containing\n  " + e + "\nbut got\n  " + String.join("\n  ", actual));
            unmatched.remove(hit);
        }
        assertEquals(List.of(), unmatched, "unexpected further errors");
    }

    @Test
    void verifyThrowsWithEveryErrorInTheMessage() throws IOException {
        String text = """
                function %f(i64, i32) -> i64 {
                block0(v0: i64, v1: i32):
                    v2 = iadd v0, v1
                    v3 = bnot v9
                    return v2
                }
                """.replace("v9", "v1").replace("    return v2", "    v4 = fneg v0\n    return v2");
        IrModule m = IrParser.parseModule(text);
        VerifierException e = assertThrows(VerifierException.class, () -> Verifier.verify(m));
        assertEquals(2, e.errors().size());
        assertEquals("2 verifier errors:\n"
                + "function %f, block0, inst 0 (v2 = iadd v0, v1): TYPE_MISMATCH: iadd operands have types i64 and i32\n"
                + "function %f, block0, inst 2 (v4 = fneg v0): TYPE_MISMATCH: fneg operand v0 has type i64; f32 or f64 is required",
                e.getMessage());
        assertEquals(Rule.TYPE_MISMATCH, e.errors().get(0).rule());
        assertEquals(0, e.errors().get(0).instIndex());
    }
}
