package org.spineformer.experiments.ellwood2024;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;
import java.util.stream.Collectors;
import org.spineformer.cell.CellModel;
import org.spineformer.experiments.output.Summary;
import org.spineformer.experiments.sweep.SweepEngine;
import org.spineformer.experiments.sweep.SweepableExperiment;
import org.spineformer.experiments.sweep.TrialSet;
import org.spineformer.experiments.trial.Replayed;

/**
 * The panels {@code spineformer sweep} runs: those with independent trials. Each grid point gets what
 * {@code spineformer reproduce} writes for the panel, with the same journals, so a point's directory can also be
 * resumed or extended by {@code reproduce}. Defaults are the paper's (1 s window where there is one); the bAP
 * delays are resolved once, as {@code reproduce} does (DIR/bap_delays.npz, a fig2b run next to DIR, or a new one);
 * the potentiation threshold is a config component, the paper's for the window unless given.
 *
 * <p>Not swept: fig4a, which has no trials (it only draws the potentiation sigmoid).
 */
public final class PanelSweeps {
    /** In the order of {@link Panels#ALL_NAMES}. */
    private static final List<Panel<?, ?>> ALL = List.of(
            new OnePanel<>(Fig2bBapDelays.PANEL, Fig2bBapDelays.Config.class, Fig2bBapDelays.Run.class,
                    () -> Fig2bBapDelays.Config.paper(),
                    (c, in) -> Fig2bBapDelays.trials(in.model(), c),
                    (c, in, index, random, progress) -> Fig2bBapDelays.trial(in.model(), c, random, progress),
                    (c, in, runs, dir) -> Fig2bBapDelays.write(in.model(), Fig2bBapDelays.analyse(in.model(), c,
                            runs), dir))
                    .measuringDelays(),
            new OnePanel<>(Fig2aMatchExample.PANEL, Fig2aMatchExample.Config.class, Fig2aMatchExample.Run.class,
                    () -> Fig2aMatchExample.Config.paper(),
                    (c, in) -> Fig2aMatchExample.trials(in.model(), c, in.delays()),
                    (c, in, index, random, progress) -> Fig2aMatchExample.trial(in.model(), c, in.delays(), random,
                            progress),
                    (c, in, runs, dir) -> Fig2aMatchExample.write(new Fig2aMatchExample.Result(c, runs),
                            in.delaysSource(), dir)),
            new OnePanel<>(Fig2cdKernelFit.PANEL, Fig2cdKernelFit.Config.class, Fig2cdKernelFit.Run.class,
                    () -> Fig2cdKernelFit.Config.paper(),
                    (c, in) -> Fig2cdKernelFit.trials(in.model(), c),
                    (c, in, index, random, progress) -> Fig2cdKernelFit.trial(in.model(), c, random, progress),
                    (c, in, runs, dir) -> Fig2cdKernelFit.write(Fig2cdKernelFit.analyse(in.model(), c, runs,
                            in.delays()), Threshold.of(c.threshold(), c.matchWindowS()), in.delaysSource(), dir))
                    .completedBy((c, given) -> new Fig2cdKernelFit.Config(c.runs(), c.seed(), c.matchWindowS(),
                            c.maxLag(), c.smoothness(), threshold(c.matchWindowS(), c.threshold(), given))),
            new OnePanel<>(Fig3aOffsetScan.PANEL, Fig3aOffsetScan.Config.class, Fig3aOffsetScan.Run.class,
                    () -> Fig3aOffsetScan.Config.paper(),
                    (c, in) -> Fig3aOffsetScan.trials(in.model(), c),
                    (c, in, index, random, progress) -> Fig3aOffsetScan.trial(in.model(), index, random, progress),
                    (c, in, runs, dir) -> Fig3aOffsetScan.write(Fig3aOffsetScan.analyse(in.model(), c, runs,
                            in.delays()), in.delaysSource(), dir)),
            new OnePanel<>(Fig3beMatchRoc.PANEL, Fig3beMatchRoc.Config.class, Fig3beMatchRoc.Run.class,
                    () -> Fig3beMatchRoc.Config.paper(1),
                    (c, in) -> Fig3beMatchRoc.trials(in.model(), c, in.delays()),
                    (c, in, index, random, progress) -> Fig3beMatchRoc.trial(in.model(), c, in.delays(), index,
                            random, progress),
                    (c, in, runs, dir) -> Fig3beMatchRoc.write(Fig3beMatchRoc.analyse(c, runs), in.delaysSource(),
                            dir))
                    .replaying((c, in, index, random) -> Fig3beMatchRoc.replayed(in.model(), c, in.delays(), index,
                            random)),
            new Fig3fg(),
            new OnePanel<>(Fig4befPotentiationExamples.PANEL, Fig4befPotentiationExamples.Config.class,
                    Fig4befPotentiationExamples.Run.class, () -> Fig4befPotentiationExamples.Config.paper(),
                    (c, in) -> Fig4befPotentiationExamples.trials(in.model(), c, in.delays()),
                    (c, in, index, random, progress) -> Fig4befPotentiationExamples.trial(in.model(), c,
                            in.delays(), index, random, progress),
                    (c, in, runs, dir) -> Fig4befPotentiationExamples.write(
                            Fig4befPotentiationExamples.analyse(c, runs), Threshold.of(c.threshold(), c.matchWindowS()),
                            in.delaysSource(), dir))
                    .completedBy((c, given) -> new Fig4befPotentiationExamples.Config(c.matchWindowS(), c.examples(),
                            c.seed(), threshold(c.matchWindowS(), c.threshold(), given))),
            new OnePanel<>(Fig4cThresholdScan.PANEL, Fig4cThresholdScan.Config.class, Fig4cThresholdScan.Run.class,
                    () -> Fig4cThresholdScan.Config.paper(),
                    (c, in) -> Fig4cThresholdScan.trials(in.model(), c, in.delays()),
                    (c, in, index, random, progress) -> Fig4cThresholdScan.trial(in.model(), c, in.delays(), index,
                            progress),
                    (c, in, runs, dir) -> Fig4cThresholdScan.write(Fig4cThresholdScan.analyse(c, runs),
                            Threshold.of(c.threshold(), c.matchWindowS()), in.delaysSource(), dir))
                    .completedBy((c, given) -> c.withThreshold(threshold(c.matchWindowS(), c.threshold(), given))),
            new OnePanel<>(Fig4dTwoMatchedAxons.PANEL, Fig4dTwoMatchedAxons.Config.class,
                    Fig4dTwoMatchedAxons.Run.class, () -> Fig4dTwoMatchedAxons.Config.paper(),
                    (c, in) -> Fig4dTwoMatchedAxons.trials(in.model(), c, in.delays()),
                    (c, in, index, random, progress) -> Fig4dTwoMatchedAxons.trial(in.model(), c, in.delays(),
                            random, progress),
                    (c, in, runs, dir) -> Fig4dTwoMatchedAxons.write(Fig4dTwoMatchedAxons.analyse(c, runs),
                            Threshold.of(c.threshold(), c.matchWindowS()), in.delaysSource(), dir))
                    .completedBy((c, given) -> new Fig4dTwoMatchedAxons.Config(c.matchWindowS(), c.examples(),
                            c.seed(), threshold(c.matchWindowS(), c.threshold(), given))),
            new OnePanel<>(Fig5ControlPhase.PANEL, Fig5ControlPhase.Config.class, Fig5ControlPhase.Run.class,
                    () -> Fig5ControlPhase.Config.paper(1),
                    (c, in) -> Fig5ControlPhase.trials(in.model(), c, in.delays()),
                    (c, in, index, random, progress) -> Fig5ControlPhase.trial(in.model(), c, in.delays(), random,
                            progress),
                    (c, in, runs, dir) -> Fig5ControlPhase.write(Fig5ControlPhase.analyse(c, runs),
                            Threshold.of(c.threshold(), c.matchWindowS()), in.delaysSource(), dir))
                    .completedBy((c, given) -> c.withThreshold(threshold(c.matchWindowS(), c.threshold(), given)))
                    .replaying((c, in, index, random) -> Fig5ControlPhase.replayed(in.model(), c, in.delays(),
                            random)));

    private PanelSweeps() {
    }

    /**
     * The sweepable panel called {@code name}.
     *
     * @throws IllegalArgumentException naming the sweepable panels
     */
    public static SweepableExperiment<?, PanelInputs, ?> find(String name) {
        return find(name, CellModel.paper());
    }

    /**
     * The sweepable panel called {@code name}, on {@code model} ({@code --model}). A panel with a potentiation
     * threshold needs one given (--param threshold=...) for any cell but the paper's, whose thresholds it has.
     */
    public static SweepableExperiment<?, PanelInputs, ?> find(String name, CellModel model) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("cannot sweep '" + name + "': sweepable are "
                        + names() + (name.equals(Fig4aPotentiationSigmoid.PANEL) ? " (fig4a has no trials)" : "")))
                .on(model);
    }

    public static String names() {
        return ALL.stream().map(SweepableExperiment::name).collect(Collectors.joining(", "));
    }

    /** A panel: its name and types, its cell, and the cell and bAP delays as the inputs its trials share. */
    private abstract static class Panel<C extends Record, R> implements SweepableExperiment<C, PanelInputs, R> {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final Class<C> configType;
        private final Class<R> resultType;
        private final CellModel model;

        Panel(String name, Class<C> configType, Class<R> resultType, CellModel model) {
            this.name = name;
            this.configType = configType;
            this.resultType = resultType;
            this.model = model;
        }

        /** The same panel on another cell. */
        abstract Panel<C, R> on(CellModel model);

        CellModel model() {
            return model;
        }

        /**
         * For any cell but the paper's, a config with a threshold must have it given: the paper's thresholds are
         * its cell's.
         */
        C requireThreshold(C config, Set<String> given) {
            boolean hasThreshold = Arrays.stream(configType.getRecordComponents())
                    .anyMatch(c -> c.getName().equals("threshold"));
            if (!model.isPaper() && hasThreshold && !given.contains("threshold")) {
                throw new IllegalArgumentException(name + " on --model " + model.name() + " needs --param"
                        + " threshold=...: the paper's thresholds are for the paper's cell (reproduce fig3be --model"
                        + " measures one)");
            }
            return config;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Class<C> configType() {
            return configType;
        }

        @Override
        public Class<R> resultType() {
            return resultType;
        }

        @Override
        public PanelInputs inputs(Path dir, SweepEngine.Options options) throws IOException {
            Sourced<BapDelays> delays = Fig2bBapDelays.resolve(new Request(dir, null, null, null, options.threads(),
                    false, options.console(), options.progress(), options.interactive(), model));
            return new PanelInputs(model, delays.value(), delays.source());
        }
    }

    /** The config before anything else is set: the paper's. */
    private interface Defaults<C> extends Serializable {
        C get();
    }

    /** {@link SweepableExperiment#complete}. */
    private interface Completion<C> extends Serializable {
        C complete(C config, Set<String> given);
    }

    /** A grid point's one set of trials. */
    private interface Trials<C> extends Serializable {
        TrialSet of(C config, PanelInputs inputs);
    }

    /** One trial of the set. */
    private interface Trial<C, R> extends Serializable {
        R run(C config, PanelInputs inputs, int index, SplittableRandom random, DoubleConsumer progress);
    }

    /** One trial of the set as a replay, not run yet ({@link SweepableExperiment#replayed}). */
    private interface Replays<C, R> extends Serializable {
        Replayed<R> of(C config, PanelInputs inputs, int index, SplittableRandom random);
    }

    /** Analyses the set's results and writes the panel's outputs. */
    private interface Writer<C, R> extends Serializable {
        Summary write(C config, PanelInputs inputs, List<R> runs, Path dir) throws IOException;
    }

    /**
     * A panel whose grid points have one set of trials, made of the panel class's functions. They are lambdas, each
     * used once, not method references: javac 17 tells serialized method references apart by method name and
     * erased signature only, so {@code Fig2aMatchExample::trials} and {@code Fig5ControlPhase::trials} (or one
     * generic method used for two config types) would come back from a worker as the same function (JDK-8208752;
     * {@code PanelSweepsTest} checks every panel's round trip).
     */
    private static final class OnePanel<C extends Record, R> extends Panel<C, R> {
        private static final long serialVersionUID = 1L;
        private final Defaults<C> defaults;
        private final Trials<C> trials;
        private final Trial<C, R> trial;
        private final Writer<C, R> writer;
        /** null: the config needs no completion. */
        private final Completion<C> completion;
        /** Whether the panel measures the bAP delays itself (fig2b) instead of using them. */
        private final boolean measuresDelays;
        /** null: the trials are not replays (they do not run in lanes). */
        private final Replays<C, R> replays;

        OnePanel(String name, Class<C> configType, Class<R> resultType, Defaults<C> defaults, Trials<C> trials,
                 Trial<C, R> trial, Writer<C, R> writer) {
            this(name, configType, resultType, defaults, trials, trial, writer, null, false, null,
                    CellModel.paper());
        }

        private OnePanel(String name, Class<C> configType, Class<R> resultType, Defaults<C> defaults,
                         Trials<C> trials, Trial<C, R> trial, Writer<C, R> writer, Completion<C> completion,
                         boolean measuresDelays, Replays<C, R> replays, CellModel model) {
            super(name, configType, resultType, model);
            this.defaults = defaults;
            this.trials = trials;
            this.trial = trial;
            this.writer = writer;
            this.completion = completion;
            this.measuresDelays = measuresDelays;
            this.replays = replays;
        }

        /** The same panel, with components that follow the swept ones ({@link SweepableExperiment#complete}). */
        OnePanel<C, R> completedBy(Completion<C> completion) {
            return new OnePanel<>(name(), configType(), resultType(), defaults, trials, trial, writer, completion,
                    measuresDelays, replays, model());
        }

        /** The same panel, needing no bAP delays: it measures them. */
        OnePanel<C, R> measuringDelays() {
            return new OnePanel<>(name(), configType(), resultType(), defaults, trials, trial, writer, completion,
                    true, replays, model());
        }

        /** The same panel, its trials also given as replays (the same results), so that they can run in lanes. */
        OnePanel<C, R> replaying(Replays<C, R> replays) {
            return new OnePanel<>(name(), configType(), resultType(), defaults, trials, trial, writer, completion,
                    measuresDelays, replays, model());
        }

        @Override
        OnePanel<C, R> on(CellModel model) {
            return new OnePanel<>(name(), configType(), resultType(), defaults, trials, trial, writer, completion,
                    measuresDelays, replays, model);
        }

        @Override
        public C defaults() {
            return defaults.get();
        }

        @Override
        public C complete(C config, Set<String> given) {
            requireThreshold(config, given);
            return completion == null ? config : completion.complete(config, given);
        }

        @Override
        public PanelInputs inputs(Path dir, SweepEngine.Options options) throws IOException {
            return measuresDelays ? new PanelInputs(model(), null, null) : super.inputs(dir, options);
        }

        @Override
        public List<TrialSet> trialSets(C config, PanelInputs inputs) {
            return List.of(trials.of(config, inputs));
        }

        @Override
        public R trial(C config, PanelInputs inputs, int set, int index, SplittableRandom random,
                       DoubleConsumer progress) {
            return trial.run(config, inputs, index, random, progress);
        }

        @Override
        public boolean replays() {
            return replays != null;
        }

        @Override
        public Replayed<R> replayed(C config, PanelInputs inputs, int set, int index, SplittableRandom random) {
            return replays.of(config, inputs, index, random);
        }

        @Override
        public void write(C config, PanelInputs inputs, List<List<R>> results, Path dir) throws IOException {
            Ellwood2024.recordModel(writer.write(config, inputs, results.get(0), dir), inputs.model(), dir);
        }
    }

    /** The paper's threshold for a swept window, unless the threshold is swept too. */
    private static double threshold(double matchWindowS, double threshold, Set<String> given) {
        if (!given.contains("matchWindowS") || given.contains("threshold")) {
            return threshold;
        }
        if (!Ellwood2024.hasPaperThreshold(matchWindowS)) {
            throw new IllegalArgumentException("the paper has no threshold for matchWindowS = " + matchWindowS
                    + " (only for " + Ellwood2024.MATCH_WINDOWS_S + " s): give --param threshold=... too");
        }
        return Ellwood2024.paperThreshold(matchWindowS);
    }

    /** One trial set per jitter level, each in its folder under the point's, as {@code reproduce fig3fg} has. */
    private static final class Fig3fg extends Panel<Fig3fgJitterRoc.Config, Fig3beMatchRoc.Run> {
        private static final long serialVersionUID = 1L;

        Fig3fg() {
            this(CellModel.paper());
        }

        private Fig3fg(CellModel model) {
            super(Fig3fgJitterRoc.PANEL, Fig3fgJitterRoc.Config.class, Fig3beMatchRoc.Run.class, model);
        }

        @Override
        Fig3fg on(CellModel model) {
            return new Fig3fg(model);
        }

        @Override
        public Fig3fgJitterRoc.Config defaults() {
            return Fig3fgJitterRoc.Config.paper();
        }

        @Override
        public List<TrialSet> trialSets(Fig3fgJitterRoc.Config c, PanelInputs inputs) {
            List<TrialSet> sets = new ArrayList<>();
            for (double jitter : c.jittersMs()) {
                TrialSet level = Fig3beMatchRoc.trials(inputs.model(), c.level(jitter), inputs.delays());
                sets.add(new TrialSet(Fig3fgJitterRoc.folder(jitter), level.label(), level.fingerprint(),
                        level.seed(), level.trials()));
            }
            return sets;
        }

        @Override
        public Fig3beMatchRoc.Run trial(Fig3fgJitterRoc.Config c, PanelInputs inputs, int set, int index,
                                        SplittableRandom random, DoubleConsumer progress) {
            return Fig3beMatchRoc.trial(inputs.model(), c.level(c.jittersMs().get(set)), inputs.delays(), index,
                    random, progress);
        }

        @Override
        public boolean replays() {
            return true;
        }

        @Override
        public Replayed<Fig3beMatchRoc.Run> replayed(Fig3fgJitterRoc.Config c, PanelInputs inputs, int set, int index,
                                                    SplittableRandom random) {
            return Fig3beMatchRoc.replayed(inputs.model(), c.level(c.jittersMs().get(set)), inputs.delays(), index,
                    random);
        }

        @Override
        public void write(Fig3fgJitterRoc.Config c, PanelInputs inputs, List<List<Fig3beMatchRoc.Run>> results,
                          Path dir) throws IOException {
            List<Fig3beMatchRoc.Result> levels = new ArrayList<>();
            for (int l = 0; l < results.size(); l++) {
                levels.add(Fig3beMatchRoc.analyse(c.level(c.jittersMs().get(l)), results.get(l)));
            }
            Ellwood2024.recordModel(Fig3fgJitterRoc.write(new Fig3fgJitterRoc.Result(c, levels),
                    inputs.delaysSource(), dir), inputs.model(), dir);
        }
    }
}
