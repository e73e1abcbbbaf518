package org.spineformer.experiments.sweep;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spineformer.experiments.trial.ReplayTrial;
import org.spineformer.experiments.trial.Trial;
import org.spineformer.experiments.trial.TrialRunner;

/**
 * A sweep ready to run: an experiment, its grid points and their trial sets, and the inputs they share, all
 * checked and resolved before any trial runs. Engines run the trials; {@link #finish} records what is missing,
 * analyses and writes a point the same way whatever the engine.
 *
 * <p>Layout: point p's outputs go to {@code DIR/<p.name()>}, exactly what {@code spineformer reproduce} writes for
 * the experiment, and each of its trial sets has its journal ({@code run.json}, {@code trials.jsonl}) in
 * {@code DIR/<p.name()>/<set.folder()>}, where a rerun finds the finished trials.
 */
public final class Sweep<C extends Record, I extends Serializable, R> {
    private final SweepableExperiment<C, I, R> experiment;
    private final Path dir;
    private final List<GridPoint<C>> points;
    private final I inputs;
    private final List<List<TrialSet>> trialSets;

    private Sweep(SweepableExperiment<C, I, R> experiment, Path dir, List<GridPoint<C>> points, I inputs) {
        this.experiment = experiment;
        this.dir = dir;
        this.points = List.copyOf(points);
        this.inputs = inputs;
        List<List<TrialSet>> sets = new ArrayList<>();
        for (GridPoint<C> p : points) {
            sets.add(List.copyOf(experiment.trialSets(p.config(), inputs)));
        }
        this.trialSets = List.copyOf(sets);
    }

    /**
     * Checks the parameters (nothing is written if they are wrong), then resolves the shared inputs.
     *
     * @param parameters the {@code --param} values, {@code name=v1,v2,...} each
     * @throws IllegalArgumentException naming a bad parameter or value
     */
    public static <C extends Record, I extends Serializable, R> Sweep<C, I, R> prepare(
            SweepableExperiment<C, I, R> experiment, List<String> parameters, Path dir, SweepEngine.Options options)
            throws IOException {
        List<GridPoint<C>> points = ParameterGrid.points(experiment, parameters);
        SweepTrials.checkRoundTrip(experiment, points);
        return new Sweep<>(experiment, dir, points, experiment.inputs(dir, options));
    }

    public SweepableExperiment<C, I, R> experiment() {
        return experiment;
    }

    /** The sweep's output directory. */
    public Path directory() {
        return dir;
    }

    public List<GridPoint<C>> points() {
        return points;
    }

    /** Point {@code point}'s output directory. */
    public Path directory(int point) {
        return dir.resolve(points.get(point).name());
    }

    /** Point {@code point}'s trial sets. */
    public List<TrialSet> trialSets(int point) {
        return trialSets.get(point);
    }

    /** Where the journal of set {@code set} of point {@code point} is. */
    public Path journalDirectory(int point, int set) {
        return directory(point).resolve(trialSets.get(point).get(set).folder());
    }

    /** What a worker needs to run any trial of this sweep. */
    public SweepTrials<C, I, R> trials() {
        return new SweepTrials<>(experiment, inputs, points, trialSets);
    }

    /**
     * Runs point {@code point}'s unrecorded trials with {@code runner} (none, after an engine that recorded them
     * all), then analyses and writes the point.
     */
    public void finish(int point, TrialRunner runner) throws IOException {
        GridPoint<C> p = points.get(point);
        List<List<R>> results = new ArrayList<>();
        List<TrialSet> sets = trialSets.get(point);
        for (int s = 0; s < sets.size(); s++) {
            int set = s;
            TrialSet t = sets.get(s);
            String label = p.name().isEmpty() ? t.label() : p.name() + " " + t.label();
            Trial<R> trial = experiment.replays()
                    ? (ReplayTrial<R>) (i, random) -> experiment.replayed(p.config(), inputs, set, i, random)
                    : (i, random, progress) -> experiment.trial(p.config(), inputs, set, i, random, progress);
            results.add(runner.in(journalDirectory(point, s)).run(label, t.fingerprint(), t.seed(), t.trials(), trial,
                    experiment.resultType()));
        }
        experiment.write(p.config(), inputs, results, directory(point));
    }
}
