package org.spineformer.experiments.sweep;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * Runs a prepared sweep's missing trials somewhere and leaves every grid point's outputs in its directory. Engines
 * are found by {@link SweepEngines} through {@link java.util.ServiceLoader}: {@code local} in this module, others
 * (Spark) in their own modules, on the class path only in their own builds.
 */
public interface SweepEngine {
    /** The name {@code --engine} takes. */
    String name();

    /**
     * Runs the trials not yet recorded, records them in each point's journals as they finish, then analyses and
     * writes every point.
     *
     * @throws org.spineformer.experiments.trial.TrialFailedException (local) or {@link SweepFailedException} (an
     *     engine that retries) when trials fail; the finished ones stay recorded, so running the sweep again
     *     resumes it
     */
    void run(Sweep<?, ?, ?> sweep, Options options) throws IOException;

    /**
     * How a sweep runs.
     *
     * @param threads worker threads of the local engine (and of any preliminary local run)
     * @param master the cluster's master URL for engines that have one, or null for the engine's default
     * @param console where notes go (stdout)
     * @param progress where progress goes (stderr), or null for none
     * @param interactive whether progress is drawn in place (a terminal)
     * @param lanes trials of the local engine run together in lanes, at least 1
     *     ({@link org.spineformer.experiments.trial.TrialRunner#withLanes})
     */
    record Options(int threads, String master, PrintWriter console, PrintWriter progress, boolean interactive,
                   int lanes) {
        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("--threads = " + threads + " must be >= 1");
            }
            if (lanes < 1) {
                throw new IllegalArgumentException("--lanes = " + lanes + " must be >= 1");
            }
            if (console == null) {
                throw new IllegalArgumentException("console is null");
            }
        }

        /** Options whose trials run one by one (no lanes). */
        public Options(int threads, String master, PrintWriter console, PrintWriter progress, boolean interactive) {
            this(threads, master, console, progress, interactive, 1);
        }
    }
}
