package org.pyjit.python.launch;

import java.util.Map;
import java.util.Optional;

/**
 * Undoes what {@code bin/pyjit} had to add to the environment for the JVM, so that the Python
 * program (and every subprocess it starts) sees the user's environment exactly.
 *
 * <p>{@code bin/pyjit} prepends the JDK's {@code libjsig.so} to {@code LD_PRELOAD} (signal
 * chaining, so that faulthandler and HotSpot share SIGSEGV) and records the prepended entry in
 * {@link #PRELOADED_VARIABLE}. The dynamic linker has consumed {@code LD_PRELOAD} by the time
 * Java runs, so the entry is removed again before CPython copies {@code environ}.
 */
final class LaunchEnvironment {

    /** The variable naming what {@code bin/pyjit} prepended to {@code LD_PRELOAD}. */
    static final String PRELOADED_VARIABLE = "PYJIT_PRELOADED";

    private LaunchEnvironment() {
    }

    /**
     * The {@code LD_PRELOAD} the user had, given the current one and what the launcher prepended.
     *
     * @param current the current {@code LD_PRELOAD}, if set
     * @param preloaded the entry the launcher prepended
     * @return the user's value, or empty if the user had none
     */
    static Optional<String> userPreload(Optional<String> current, String preloaded) {
        if (current.isEmpty() || !current.get().startsWith(preloaded)) {
            return current;
        }
        String rest = current.get().substring(preloaded.length());
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        // bin/pyjit joins with one space; LD_PRELOAD also accepts ':'.
        return Optional.of(rest.substring(1));
    }

    /**
     * Restores the user's environment in the C {@code environ}.
     *
     * @param env the environment the JVM started with
     * @param libc libc bindings
     */
    static void restore(Map<String, String> env, LibC libc) {
        String preloaded = env.get(PRELOADED_VARIABLE);
        if (preloaded == null) {
            return;
        }
        userPreload(Optional.ofNullable(env.get("LD_PRELOAD")), preloaded)
                .ifPresentOrElse(v -> libc.setenv("LD_PRELOAD", v), () -> libc.unsetenv("LD_PRELOAD"));
        libc.unsetenv(PRELOADED_VARIABLE);
    }
}
