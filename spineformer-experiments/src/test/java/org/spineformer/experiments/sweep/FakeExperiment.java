package org.spineformer.experiments.sweep;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
import org.spineformer.experiments.output.Summary;
import org.spineformer.io.csv.CsvTable;

/**
 * An inexpensive stand-in for a panel: two trial sets per point (the second in a folder, as fig3fg's levels), a few
 * draws per trial, trials.csv and summary.json. Counts the trials it runs, per point directory name and index.
 */
final class FakeExperiment implements SweepableExperiment<FakeExperiment.Config, FakeExperiment.Inputs,
        FakeExperiment.Run> {
    /**
     * @param trials trials per set
     * @param seed the seed of set 0 (set 1 uses seed + 1)
     * @param scale multiplies every draw, must be > 0
     * @param mode text, to test parsing
     * @param shift follows scale when scale is given and shift is not (as fig5's threshold follows its window)
     */
    record Config(int trials, long seed, double scale, String mode, double shift) {
        Config {
            if (!(scale > 0)) {
                throw new IllegalArgumentException("scale = " + scale + " must be > 0");
            }
        }
    }

    record Inputs(double offset) implements Serializable {
    }

    record Run(int set, int index, double draw) {
    }

    /** Trials run, by "scale/set/index". */
    static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Class<Run> resultType() {
        return Run.class;
    }

    @Override
    public Config defaults() {
        return new Config(5, 7, 1, "plain", 0);
    }

    @Override
    public Config complete(Config c, Set<String> given) {
        return given.contains("scale") && !given.contains("shift")
                ? new Config(c.trials(), c.seed(), c.scale(), c.mode(), 10 * c.scale()) : c;
    }

    @Override
    public Inputs inputs(Path dir, SweepEngine.Options options) {
        return new Inputs(0.25);
    }

    @Override
    public List<TrialSet> trialSets(Config c, Inputs inputs) {
        return List.of(new TrialSet("", "fake", c, c.seed(), c.trials()),
                new TrialSet("second", "fake second", c, c.seed() + 1, c.trials()));
    }

    @Override
    public Run trial(Config c, Inputs inputs, int set, int index, SplittableRandom random, DoubleConsumer progress) {
        CALLS.computeIfAbsent(c.scale() + "/" + set + "/" + index, k -> new AtomicInteger()).incrementAndGet();
        return new Run(set, index, c.scale() * random.nextDouble() + inputs.offset() + c.shift());
    }

    @Override
    public void write(Config c, Inputs inputs, List<List<Run>> results, Path dir) throws IOException {
        List<Run> all = results.stream().flatMap(List::stream).toList();
        new CsvTable().add("set", all.stream().mapToInt(Run::set).toArray())
                .add("trial", all.stream().mapToInt(Run::index).toArray())
                .add("draw", all.stream().mapToDouble(Run::draw).toArray())
                .add("mode", all.stream().map(r -> c.mode()).toArray(String[]::new))
                .write(dir.resolve("trials.csv"));
        new Summary().put("panel", name()).put("trials", all.size()).put("scale", c.scale()).write(dir);
    }
}
