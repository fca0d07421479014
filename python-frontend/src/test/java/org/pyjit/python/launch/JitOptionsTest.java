package org.pyjit.python.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class JitOptionsTest {

    @Test
    void defaults() throws LaunchException {
        JitOptions o = JitOptions.fromEnvironment(Map.of("PATH", "/bin"));
        assertEquals(new JitOptions(false, JitOptions.DEFAULT_THRESHOLD, false, Optional.empty(), List.of()), o);
        assertTrue(o.unknownVariablesWarning().isEmpty());
    }

    @Test
    void everyOption() throws LaunchException {
        JitOptions o = JitOptions.fromEnvironment(Map.of("PYJIT_DISABLE", "1", "PYJIT_THRESHOLD", "1",
                "PYJIT_STATS", "1", "PYJIT_LOG", "x.log", "PYJIT_PYTHON", "p", "PYJIT_PRELOADED", "l"));
        assertEquals(new JitOptions(true, 1, true, Optional.of(Path.of("x.log")), List.of()), o);
    }

    @Test
    void onStackReplacementIsOnWithTheCompilerUnlessTurnedOff() {
        assertTrue(JitOptions.osrRequested(Map.of("PYJIT_COMPILE", "1")));
        assertTrue(JitOptions.osrRequested(Map.of("PYJIT_COMPILE", "1", "PYJIT_OSR", "1")));
        assertFalse(JitOptions.osrRequested(Map.of("PYJIT_COMPILE", "1", "PYJIT_OSR", "0")));
    }

    @Property
    void validThresholdsParse(@ForAll @IntRange(min = 1, max = JitOptions.MAX_THRESHOLD) int n) throws LaunchException {
        assertEquals(n, JitOptions.fromEnvironment(Map.of("PYJIT_THRESHOLD", Integer.toString(n))).threshold());
    }

    @Test
    void invalidValuesAreRefused() {
        for (String v : List.of("0", "-1", "+5", " 5", "1e3", "1000000001", "x")) {
            LaunchException e = assertThrows(LaunchException.class,
                    () -> JitOptions.fromEnvironment(Map.of("PYJIT_THRESHOLD", v)));
            assertTrue(e.line().startsWith("pyjit: PYJIT_THRESHOLD=" + v + ": "), e.line());
        }
        assertThrows(LaunchException.class, () -> JitOptions.fromEnvironment(Map.of("PYJIT_STATS", "yes")));
    }

    @Test
    void unknownVariablesAreListedSorted() throws LaunchException {
        JitOptions o = JitOptions.fromEnvironment(Map.of("PYJIT_Z", "1", "PYJIT_A", "", "PYJITX", "1"));
        assertEquals(List.of("PYJIT_A", "PYJIT_Z"), o.unknownVariables());
        assertTrue(o.unknownVariablesWarning().orElseThrow().startsWith(
                "pyjit: warning: unknown environment variables PYJIT_A, PYJIT_Z"));
    }

    @Test
    void perfMapIsAKnownOptionOnlyOnForOne() throws LaunchException {
        assertTrue(JitOptions.fromEnvironment(Map.of("PYJIT_PERFMAP", "1")).unknownVariables().isEmpty());
        assertTrue(JitOptions.perfMapRequested(Map.of("PYJIT_PERFMAP", "1")));
        assertFalse(JitOptions.perfMapRequested(Map.of("PYJIT_PERFMAP", "yes")));
        assertFalse(JitOptions.perfMapRequested(Map.of()));
    }

    @Test
    void preloadIsUndoneExactly() {
        String jsig = "/jdk/lib/server/libjsig.so";
        assertEquals(Optional.empty(), LaunchEnvironment.userPreload(Optional.of(jsig), jsig));
        assertEquals(Optional.of(""), LaunchEnvironment.userPreload(Optional.of(jsig + " "), jsig));
        assertEquals(Optional.of("a.so b.so"), LaunchEnvironment.userPreload(Optional.of(jsig + " a.so b.so"), jsig));
        assertEquals(Optional.of("other.so"), LaunchEnvironment.userPreload(Optional.of("other.so"), jsig));
        assertFalse(LaunchEnvironment.userPreload(Optional.empty(), jsig).isPresent());
    }

    @Test
    void commandLineSplitsOnNul() {
        List<byte[]> parts = CommandLine.split(new byte[] {'a', 0, 0, 'b', 'c', 0});
        assertEquals(3, parts.size());
        assertEquals("", new String(parts.get(1)));
        assertEquals("bc", new String(parts.get(2)));
    }

    @Test
    void eventsEnterEveryBodyAtThresholdOneOrWhenAsked() throws LaunchException {
        assertTrue(JitOptions.enterEverywhere(Map.of("PYJIT_THRESHOLD", "1")));
        assertFalse(JitOptions.enterEverywhere(Map.of()));
        assertFalse(JitOptions.enterEverywhere(Map.of("PYJIT_THRESHOLD", "50")));
        assertTrue(JitOptions.enterEverywhere(Map.of("PYJIT_ENTER", "all")));
        assertFalse(JitOptions.enterEverywhere(Map.of("PYJIT_THRESHOLD", "1", "PYJIT_ENTER", "loops")));
        JitOptions.fromEnvironment(Map.of("PYJIT_ENTER", "loops"));
        LaunchException e = assertThrows(LaunchException.class,
                () -> JitOptions.fromEnvironment(Map.of("PYJIT_ENTER", "some")));
        assertTrue(e.getMessage().contains("PYJIT_ENTER=some"), e.getMessage());
    }
}
