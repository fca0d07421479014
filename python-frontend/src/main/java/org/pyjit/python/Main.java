package org.pyjit.python;

import org.pyjit.python.launch.Launcher;

/** The {@code pyjit} command: {@code pyjit [python options] [-c cmd | -m mod | file | -] [args]}. */
public final class Main {

    private Main() {
    }

    /**
     * Runs CPython with this command line and exits with its status.
     *
     * @param args python3.12's command line without {@code argv[0]}
     */
    public static void main(String[] args) {
        int status = new Launcher(System.getenv(), System.err).run(args);
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }
}
