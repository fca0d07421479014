package org.pyjit.ir.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pyjit.ir.IrModule;
import org.pyjit.ir.text.IrParser;
import org.pyjit.ir.text.RandomIr;

/** Well-formed IR passes: the canonical text files and every generated module. */
class VerifierValidTest {

    @ParameterizedTest
    @ValueSource(strings = {"/text/sum_to.ir", "/text/all_formats.ir"})
    void canonicalFilesAreValid(String path) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(path)) {
            IrModule m = IrParser.parseModule(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(List.of(), Verifier.check(m));
        }
    }

    @Property(tries = 200)
    void generatedModulesAreValid(@ForAll long seed) {
        IrModule m = RandomIr.module(seed);
        assertEquals(List.of(), Verifier.check(m));
    }
}
