package org.spineformer.experiments.sweep;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;
import org.spineformer.experiments.trial.Replayed;

/**
 * An experiment that {@code spineformer sweep} can run over a grid of its settings, on any {@link SweepEngine}.
 *
 * <p>Its parameters are the components of its config record. A grid point's trials fall into one or more
 * {@link TrialSet}s, each recorded in its own journal; trial i of a set draws from
 * {@code TrialSeeds.random(set seed, i)}, so it is the same on any engine, thread or machine. The experiment is
 * serializable (it is stateless) because a cluster ships it to its workers with the sweep's shared inputs.
 *
 * @param <C> the config, a record whose constructor checks its values
 * @param <I> the inputs every trial of the sweep shares, resolved once before any trial runs
 * @param <R> a trial's result, a record that Jackson writes and reads back
 */
public interface SweepableExperiment<C extends Record, I extends Serializable, R> extends Serializable {
    /** The name on the command line ({@code fig3be}). */
    String name();

    Class<C> configType();

    Class<R> resultType();

    /** The config of a grid point before the sweep's parameters are applied (the paper's). */
    C defaults();

    /**
     * The config of a grid point once the sweep has set the components named in {@code given}: components that
     * depend on those (the threshold that goes with a match window) follow them unless given too. By default
     * unchanged.
     *
     * @throws IllegalArgumentException if no config fits
     */
    default C complete(C config, Set<String> given) {
        return config;
    }

    /**
     * The inputs shared by every trial, found or computed once for the sweep writing to {@code dir}.
     *
     * @param options how the sweep runs (its console, and the threads for any preliminary run)
     */
    I inputs(Path dir, SweepEngine.Options options) throws IOException;

    /** A grid point's trials, in the order {@link #write} gets their results. */
    List<TrialSet> trialSets(C config, I inputs);

    /** Trial {@code index} of set {@code set}: a pure function of its arguments. */
    R trial(C config, I inputs, int set, int index, SplittableRandom random, DoubleConsumer progress);

    /**
     * Whether every trial is one replay of a cell ({@link #replayed}), so that a runner with lanes can run several
     * in one simulation. By default not.
     */
    default boolean replays() {
        return false;
    }

    /**
     * With {@link #replays}: trial {@code index} of set {@code set} drawn, its replay not run yet; run alone it gives
     * {@link #trial}'s result, bit for bit.
     */
    default Replayed<R> replayed(C config, I inputs, int set, int index, SplittableRandom random) {
        throw new UnsupportedOperationException(name() + " trials are not replays");
    }

    /**
     * Analyses a grid point's results (one list per trial set, in index order) and writes what
     * {@code spineformer reproduce} writes for the experiment into {@code dir}.
     */
    void write(C config, I inputs, List<List<R>> results, Path dir) throws IOException;
}
