package org.spineformer.cli;

import java.io.PrintStream;

/**
 * What an interrupted command (Ctrl-C, a kill) says as the JVM shuts down: its finished work is kept (trial journals,
 * whole files), so the way on is to run it again. Nothing is said when the command finished.
 */
final class InterruptNotice {
    static final String MESSAGE = "interrupted: rerun the same command to resume";

    private final PrintStream err;
    private volatile boolean finished;

    InterruptNotice(PrintStream err) {
        this.err = err;
    }

    /** The command returned: from now on shutting down is not an interruption. */
    void finished() {
        finished = true;
    }

    /** Runs in the shutdown hook. */
    void shuttingDown() {
        if (!finished) {
            err.println();
            err.println(MESSAGE);
            err.flush();
        }
    }
}
