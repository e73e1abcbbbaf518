package org.spineformer.experiments.ellwood2024;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;
import java.util.stream.Collectors;
import org.spineformer.experiments.sweep.SweepEngine;
import org.spineformer.experiments.sweep.SweepableExperiment;
import org.spineformer.experiments.sweep.TrialSet;

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
    private static final List<SweepableExperiment<?, PanelInputs, ?>> ALL = List.of(new Fig2b(), new Fig2a(),
            new Fig2cd(), new Fig3a(), new Fig3be(), new Fig3fg(), new Fig4bef(), new Fig4c(), new Fig4d(),
            new Fig5());

    private PanelSweeps() {
    }

    /**
     * The sweepable panel called {@code name}.
     *
     * @throws IllegalArgumentException naming the sweepable panels
     */
    public static SweepableExperiment<?, PanelInputs, ?> find(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("cannot sweep '" + name + "': sweepable are "
                        + names() + (name.equals(Fig4aPotentiationSigmoid.PANEL) ? " (fig4a has no trials)" : "")));
    }

    public static String names() {
        return ALL.stream().map(SweepableExperiment::name).collect(Collectors.joining(", "));
    }

    /** A panel: its name and types, and the bAP delays as the inputs its trials share. */
    private abstract static class Panel<C extends Record, R> implements SweepableExperiment<C, PanelInputs, R> {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final Class<C> configType;
        private final Class<R> resultType;

        Panel(String name, Class<C> configType, Class<R> resultType) {
            this.name = name;
            this.configType = configType;
            this.resultType = resultType;
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
                    false, options.console(), options.progress(), options.interactive()));
            return new PanelInputs(delays.value(), delays.source());
        }
    }

    /** A panel whose grid points have one set of trials. */
    private abstract static class OnePanel<C extends Record, R> extends Panel<C, R> {
        private static final long serialVersionUID = 1L;

        OnePanel(String name, Class<C> configType, Class<R> resultType) {
            super(name, configType, resultType);
        }

        @Override
        public List<TrialSet> trialSets(C config, PanelInputs inputs) {
            return List.of(trialSet(config, inputs.delays()));
        }

        @Override
        public R trial(C config, PanelInputs inputs, int set, int index, SplittableRandom random,
                       DoubleConsumer progress) {
            return runTrial(config, inputs.delays(), index, random, progress);
        }

        @Override
        public void write(C config, PanelInputs inputs, List<List<R>> results, Path dir) throws IOException {
            writeRuns(config, inputs, results.get(0), dir);
        }

        abstract TrialSet trialSet(C config, BapDelays delays);

        abstract R runTrial(C config, BapDelays delays, int index, SplittableRandom random, DoubleConsumer progress);

        abstract void writeRuns(C config, PanelInputs inputs, List<R> runs, Path dir) throws IOException;
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

    private static final class Fig2b extends OnePanel<Fig2bBapDelays.Config, Fig2bBapDelays.Run> {
        private static final long serialVersionUID = 1L;

        Fig2b() {
            super(Fig2bBapDelays.PANEL, Fig2bBapDelays.Config.class, Fig2bBapDelays.Run.class);
        }

        @Override
        public Fig2bBapDelays.Config defaults() {
            return Fig2bBapDelays.Config.paper();
        }

        /** Measures the delays: uses none. */
        @Override
        public PanelInputs inputs(Path dir, SweepEngine.Options options) {
            return new PanelInputs(null, null);
        }

        @Override
        TrialSet trialSet(Fig2bBapDelays.Config c, BapDelays delays) {
            return Fig2bBapDelays.trials(c);
        }

        @Override
        Fig2bBapDelays.Run runTrial(Fig2bBapDelays.Config c, BapDelays delays, int index, SplittableRandom random,
                                 DoubleConsumer progress) {
            return Fig2bBapDelays.trial(c, random, progress);
        }

        @Override
        void writeRuns(Fig2bBapDelays.Config c, PanelInputs inputs, List<Fig2bBapDelays.Run> runs, Path dir)
                throws IOException {
            Fig2bBapDelays.write(Fig2bBapDelays.analyse(c, runs), dir);
        }
    }

    private static final class Fig2a extends OnePanel<Fig2aMatchExample.Config, Fig2aMatchExample.Run> {
        private static final long serialVersionUID = 1L;

        Fig2a() {
            super(Fig2aMatchExample.PANEL, Fig2aMatchExample.Config.class, Fig2aMatchExample.Run.class);
        }

        @Override
        public Fig2aMatchExample.Config defaults() {
            return Fig2aMatchExample.Config.paper();
        }

        @Override
        TrialSet trialSet(Fig2aMatchExample.Config c, BapDelays delays) {
            return Fig2aMatchExample.trials(c, delays);
        }

        @Override
        Fig2aMatchExample.Run runTrial(Fig2aMatchExample.Config c, BapDelays delays, int index, SplittableRandom random,
                                    DoubleConsumer progress) {
            return Fig2aMatchExample.trial(c, delays, random, progress);
        }

        @Override
        void writeRuns(Fig2aMatchExample.Config c, PanelInputs inputs, List<Fig2aMatchExample.Run> runs, Path dir)
                throws IOException {
            Fig2aMatchExample.write(new Fig2aMatchExample.Result(c, runs), inputs.delaysSource(), dir);
        }
    }

    private static final class Fig2cd extends OnePanel<Fig2cdKernelFit.Config, Fig2cdKernelFit.Run> {
        private static final long serialVersionUID = 1L;

        Fig2cd() {
            super(Fig2cdKernelFit.PANEL, Fig2cdKernelFit.Config.class, Fig2cdKernelFit.Run.class);
        }

        @Override
        public Fig2cdKernelFit.Config defaults() {
            return Fig2cdKernelFit.Config.paper();
        }

        @Override
        public Fig2cdKernelFit.Config complete(Fig2cdKernelFit.Config c, Set<String> given) {
            return new Fig2cdKernelFit.Config(c.runs(), c.seed(), c.matchWindowS(), c.maxLag(), c.smoothness(),
                    threshold(c.matchWindowS(), c.threshold(), given));
        }

        @Override
        TrialSet trialSet(Fig2cdKernelFit.Config c, BapDelays delays) {
            return Fig2cdKernelFit.trials(c);
        }

        @Override
        Fig2cdKernelFit.Run runTrial(Fig2cdKernelFit.Config c, BapDelays delays, int index, SplittableRandom random,
                                  DoubleConsumer progress) {
            return Fig2cdKernelFit.trial(c, random, progress);
        }

        @Override
        void writeRuns(Fig2cdKernelFit.Config c, PanelInputs inputs, List<Fig2cdKernelFit.Run> runs, Path dir)
                throws IOException {
            Fig2cdKernelFit.write(Fig2cdKernelFit.analyse(c, runs, inputs.delays()),
                    Threshold.of(c.threshold(), c.matchWindowS()), inputs.delaysSource(), dir);
        }
    }

    private static final class Fig3a extends OnePanel<Fig3aOffsetScan.Config, Fig3aOffsetScan.Run> {
        private static final long serialVersionUID = 1L;

        Fig3a() {
            super(Fig3aOffsetScan.PANEL, Fig3aOffsetScan.Config.class, Fig3aOffsetScan.Run.class);
        }

        @Override
        public Fig3aOffsetScan.Config defaults() {
            return Fig3aOffsetScan.Config.paper();
        }

        @Override
        TrialSet trialSet(Fig3aOffsetScan.Config c, BapDelays delays) {
            return Fig3aOffsetScan.trials(c);
        }

        @Override
        Fig3aOffsetScan.Run runTrial(Fig3aOffsetScan.Config c, BapDelays delays, int index, SplittableRandom random,
                                  DoubleConsumer progress) {
            return Fig3aOffsetScan.trial(index, random, progress);
        }

        @Override
        void writeRuns(Fig3aOffsetScan.Config c, PanelInputs inputs, List<Fig3aOffsetScan.Run> runs, Path dir)
                throws IOException {
            Fig3aOffsetScan.write(Fig3aOffsetScan.analyse(c, runs, inputs.delays()), inputs.delaysSource(), dir);
        }
    }

    private static final class Fig3be extends OnePanel<Fig3beMatchRoc.Config, Fig3beMatchRoc.Run> {
        private static final long serialVersionUID = 1L;

        Fig3be() {
            super(Fig3beMatchRoc.PANEL, Fig3beMatchRoc.Config.class, Fig3beMatchRoc.Run.class);
        }

        @Override
        public Fig3beMatchRoc.Config defaults() {
            return Fig3beMatchRoc.Config.paper(1);
        }

        @Override
        TrialSet trialSet(Fig3beMatchRoc.Config c, BapDelays delays) {
            return Fig3beMatchRoc.trials(c, delays);
        }

        @Override
        Fig3beMatchRoc.Run runTrial(Fig3beMatchRoc.Config c, BapDelays delays, int index, SplittableRandom random,
                                 DoubleConsumer progress) {
            return Fig3beMatchRoc.trial(c, delays, index, random, progress);
        }

        @Override
        void writeRuns(Fig3beMatchRoc.Config c, PanelInputs inputs, List<Fig3beMatchRoc.Run> runs, Path dir)
                throws IOException {
            Fig3beMatchRoc.write(Fig3beMatchRoc.analyse(c, runs), inputs.delaysSource(), dir);
        }
    }

    /** One trial set per jitter level, each in its folder under the point's, as {@code reproduce fig3fg} has. */
    private static final class Fig3fg extends Panel<Fig3fgJitterRoc.Config, Fig3beMatchRoc.Run> {
        private static final long serialVersionUID = 1L;

        Fig3fg() {
            super(Fig3fgJitterRoc.PANEL, Fig3fgJitterRoc.Config.class, Fig3beMatchRoc.Run.class);
        }

        @Override
        public Fig3fgJitterRoc.Config defaults() {
            return Fig3fgJitterRoc.Config.paper();
        }

        @Override
        public List<TrialSet> trialSets(Fig3fgJitterRoc.Config c, PanelInputs inputs) {
            List<TrialSet> sets = new ArrayList<>();
            for (double jitter : c.jittersMs()) {
                TrialSet level = Fig3beMatchRoc.trials(c.level(jitter), inputs.delays());
                sets.add(new TrialSet(Fig3fgJitterRoc.folder(jitter), level.label(), level.fingerprint(),
                        level.seed(), level.trials()));
            }
            return sets;
        }

        @Override
        public Fig3beMatchRoc.Run trial(Fig3fgJitterRoc.Config c, PanelInputs inputs, int set, int index,
                                        SplittableRandom random, DoubleConsumer progress) {
            return Fig3beMatchRoc.trial(c.level(c.jittersMs().get(set)), inputs.delays(), index, random, progress);
        }

        @Override
        public void write(Fig3fgJitterRoc.Config c, PanelInputs inputs, List<List<Fig3beMatchRoc.Run>> results,
                          Path dir) throws IOException {
            List<Fig3beMatchRoc.Result> levels = new ArrayList<>();
            for (int l = 0; l < results.size(); l++) {
                levels.add(Fig3beMatchRoc.analyse(c.level(c.jittersMs().get(l)), results.get(l)));
            }
            Fig3fgJitterRoc.write(new Fig3fgJitterRoc.Result(c, levels), inputs.delaysSource(), dir);
        }
    }

    private static final class Fig4bef
            extends OnePanel<Fig4befPotentiationExamples.Config, Fig4befPotentiationExamples.Run> {
        private static final long serialVersionUID = 1L;

        Fig4bef() {
            super(Fig4befPotentiationExamples.PANEL, Fig4befPotentiationExamples.Config.class,
                    Fig4befPotentiationExamples.Run.class);
        }

        @Override
        public Fig4befPotentiationExamples.Config defaults() {
            return Fig4befPotentiationExamples.Config.paper();
        }

        @Override
        public Fig4befPotentiationExamples.Config complete(Fig4befPotentiationExamples.Config c, Set<String> given) {
            return new Fig4befPotentiationExamples.Config(c.matchWindowS(), c.examples(), c.seed(),
                    threshold(c.matchWindowS(), c.threshold(), given));
        }

        @Override
        TrialSet trialSet(Fig4befPotentiationExamples.Config c, BapDelays delays) {
            return Fig4befPotentiationExamples.trials(c, delays);
        }

        @Override
        Fig4befPotentiationExamples.Run runTrial(Fig4befPotentiationExamples.Config c, BapDelays delays, int index,
                                              SplittableRandom random, DoubleConsumer progress) {
            return Fig4befPotentiationExamples.trial(c, delays, index, random, progress);
        }

        @Override
        void writeRuns(Fig4befPotentiationExamples.Config c, PanelInputs inputs,
                   List<Fig4befPotentiationExamples.Run> runs, Path dir) throws IOException {
            Fig4befPotentiationExamples.write(Fig4befPotentiationExamples.analyse(c, runs),
                    Threshold.of(c.threshold(), c.matchWindowS()), inputs.delaysSource(), dir);
        }
    }

    private static final class Fig4c extends OnePanel<Fig4cThresholdScan.Config, Fig4cThresholdScan.Run> {
        private static final long serialVersionUID = 1L;

        Fig4c() {
            super(Fig4cThresholdScan.PANEL, Fig4cThresholdScan.Config.class, Fig4cThresholdScan.Run.class);
        }

        @Override
        public Fig4cThresholdScan.Config defaults() {
            return Fig4cThresholdScan.Config.paper();
        }

        @Override
        public Fig4cThresholdScan.Config complete(Fig4cThresholdScan.Config c, Set<String> given) {
            return c.withThreshold(threshold(c.matchWindowS(), c.threshold(), given));
        }

        @Override
        TrialSet trialSet(Fig4cThresholdScan.Config c, BapDelays delays) {
            return Fig4cThresholdScan.trials(c, delays);
        }

        @Override
        Fig4cThresholdScan.Run runTrial(Fig4cThresholdScan.Config c, BapDelays delays, int index,
                                     SplittableRandom random, DoubleConsumer progress) {
            return Fig4cThresholdScan.trial(c, delays, index, progress);
        }

        @Override
        void writeRuns(Fig4cThresholdScan.Config c, PanelInputs inputs, List<Fig4cThresholdScan.Run> runs, Path dir)
                throws IOException {
            Fig4cThresholdScan.write(Fig4cThresholdScan.analyse(c, runs),
                    Threshold.of(c.threshold(), c.matchWindowS()), inputs.delaysSource(), dir);
        }
    }

    private static final class Fig4d extends OnePanel<Fig4dTwoMatchedAxons.Config, Fig4dTwoMatchedAxons.Run> {
        private static final long serialVersionUID = 1L;

        Fig4d() {
            super(Fig4dTwoMatchedAxons.PANEL, Fig4dTwoMatchedAxons.Config.class, Fig4dTwoMatchedAxons.Run.class);
        }

        @Override
        public Fig4dTwoMatchedAxons.Config defaults() {
            return Fig4dTwoMatchedAxons.Config.paper();
        }

        @Override
        public Fig4dTwoMatchedAxons.Config complete(Fig4dTwoMatchedAxons.Config c, Set<String> given) {
            return new Fig4dTwoMatchedAxons.Config(c.matchWindowS(), c.examples(), c.seed(),
                    threshold(c.matchWindowS(), c.threshold(), given));
        }

        @Override
        TrialSet trialSet(Fig4dTwoMatchedAxons.Config c, BapDelays delays) {
            return Fig4dTwoMatchedAxons.trials(c, delays);
        }

        @Override
        Fig4dTwoMatchedAxons.Run runTrial(Fig4dTwoMatchedAxons.Config c, BapDelays delays, int index,
                                       SplittableRandom random, DoubleConsumer progress) {
            return Fig4dTwoMatchedAxons.trial(c, delays, random, progress);
        }

        @Override
        void writeRuns(Fig4dTwoMatchedAxons.Config c, PanelInputs inputs, List<Fig4dTwoMatchedAxons.Run> runs, Path dir)
                throws IOException {
            Fig4dTwoMatchedAxons.write(Fig4dTwoMatchedAxons.analyse(c, runs),
                    Threshold.of(c.threshold(), c.matchWindowS()), inputs.delaysSource(), dir);
        }
    }

    private static final class Fig5 extends OnePanel<Fig5ControlPhase.Config, Fig5ControlPhase.Run> {
        private static final long serialVersionUID = 1L;

        Fig5() {
            super(Fig5ControlPhase.PANEL, Fig5ControlPhase.Config.class, Fig5ControlPhase.Run.class);
        }

        @Override
        public Fig5ControlPhase.Config defaults() {
            return Fig5ControlPhase.Config.paper(1);
        }

        @Override
        public Fig5ControlPhase.Config complete(Fig5ControlPhase.Config c, Set<String> given) {
            return c.withThreshold(threshold(c.matchWindowS(), c.threshold(), given));
        }

        @Override
        TrialSet trialSet(Fig5ControlPhase.Config c, BapDelays delays) {
            return Fig5ControlPhase.trials(c, delays);
        }

        @Override
        Fig5ControlPhase.Run runTrial(Fig5ControlPhase.Config c, BapDelays delays, int index, SplittableRandom random,
                                   DoubleConsumer progress) {
            return Fig5ControlPhase.trial(c, delays, random, progress);
        }

        @Override
        void writeRuns(Fig5ControlPhase.Config c, PanelInputs inputs, List<Fig5ControlPhase.Run> runs, Path dir)
                throws IOException {
            Fig5ControlPhase.write(Fig5ControlPhase.analyse(c, runs), Threshold.of(c.threshold(), c.matchWindowS()),
                    inputs.delaysSource(), dir);
        }
    }
}
