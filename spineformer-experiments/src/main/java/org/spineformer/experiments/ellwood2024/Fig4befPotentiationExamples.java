package org.spineformer.experiments.ellwood2024;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;
import org.spineformer.cell.CellModel;
import org.spineformer.analysis.spikes.ControlPhaseOutcome;
import org.spineformer.cell.PyramidalCell;
import org.spineformer.cell.replay.Replay;
import org.spineformer.experiments.output.Summary;
import org.spineformer.experiments.sweep.TrialSet;
import org.spineformer.experiments.trial.TrialRunner;
import org.spineformer.io.csv.CsvTable;
import org.spineformer.io.npy.NpyArray;
import org.spineformer.io.npy.Npz;
import org.spineformer.io.plot.Plots;

/**
 * Figures 4B, 4E and 4F: single full trials with traces. Even examples have round(6 Hz x W) = 6 query pulses, as
 * PotentiationExample.py (4B, 4F: the matched axon usually crosses the threshold and then drives the soma); odd
 * examples have 4, as FailedPotentiationExample.py (4E: too little calcium, no potentiation, a silent control phase).
 * Each example also follows the "second best" axon: the unmatched axon with the largest integral at the end of the
 * match window ({@code get_second_best_spine(1250, ...)}).
 */
public final class Fig4befPotentiationExamples {
    public static final String PANEL = "fig4bef";
    /** FailedPotentiationExample.py's query: 4 pulses in the 1 s window. */
    public static final int FAILED_EXAMPLE_PULSES = 4;

    /**
     * @param matchWindowS W (the paper: 1 s)
     * @param examples how many trials (the paper: 2, one of each kind)
     * @param seed the run's seed
     * @param threshold the potentiation threshold
     */
    public record Config(double matchWindowS, int examples, long seed, double threshold) {
        public Config {
            if (examples < 1) {
                throw new IllegalArgumentException("examples = " + examples + " must be >= 1");
            }
        }

        public static Config paper() {
            return new Config(1, 2, Request.DEFAULT_SEED, Ellwood2024.paperThreshold(1));
        }

        /** {@code --quick}: the paper's 2 examples (6 s of simulated time). */
        public static Config quick() {
            return paper();
        }

        public int pulses(int example) {
            return example % 2 == 0 ? FullTrial.expectedPulses(matchWindowS) : FAILED_EXAMPLE_PULSES;
        }

        /** Example {@code example}'s trial on the paper's cell (its timeline is every cell's). */
        public FullTrial protocol(int example) {
            return protocol(CellModel.paper(), example);
        }

        public FullTrial protocol(CellModel model, int example) {
            return new FullTrial(matchWindowS, threshold, pulses(example), 1, model);
        }
    }

    /**
     * One example, traces sampled every {@code sampleMs}.
     *
     * @param secondAxon the unmatched axon with the largest integral at the end of the match window
     */
    public record Run(int matchedAxon, int secondAxon, double[] pulsesMs, double[] matchedAxonSpikesMs,
                      double[] somaSpikesMs, int[] potentiatedAxons, double sampleMs, double[] somaVMv,
                      double[] matchedSpineVMv, double[] matchedSpineCaMM, double[] matchedSpineIntegral,
                      double[] matchedSpineIntegralDelayed, double[] secondSpineVMv, double[] secondSpineIntegral,
                      double wallSeconds) {
    }

    public record Result(Config config, List<Run> runs, List<ControlPhaseOutcome> outcomes) {
    }

    private Fig4befPotentiationExamples() {
    }

    public static Run trial(CellModel model, Config c, BapDelays delays, int index, SplittableRandom random,
                            DoubleConsumer progress) {
        FullTrial protocol = c.protocol(model, index);
        FullTrial.Draw d = protocol.draw(delays, random);
        int matched = d.matchedAxons()[0];
        int spine = model.firstSpine(matched);
        String somaV = model.spikeTrace();
        List<String> record = new ArrayList<>(List.of(somaV, "cai:spine_" + spine));
        for (int a = 0; a < model.axonCount(); a++) {
            record.add(headV(model, a));
            record.add(integral(model, a));
        }
        Replay.Result r = protocol.simulate(d, Ellwood2024.EXAMPLE_SAVE_EVERY, record, progress);
        double sampleMs = PyramidalCell.DT_MS * Ellwood2024.EXAMPLE_SAVE_EVERY;
        int atMatchEnd = (int) Math.round(protocol.matchEndMs() / sampleMs);
        int second = -1;
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < model.axonCount(); a++) {
            double g = Ellwood2024.trace(r, integral(model, a))[atMatchEnd];
            if (a != matched && g > best) {
                second = a;
                best = g;
            }
        }
        return new Run(matched, second, d.pulsesMs(), d.matchedAxonSpikesMs()[0], r.somaSpikeTimesMs(),
                protocol.potentiatedAtControlStart(r), sampleMs, Ellwood2024.trace(r, somaV),
                Ellwood2024.trace(r, headV(model, matched)), Ellwood2024.trace(r, "cai:spine_" + spine),
                Ellwood2024.trace(r, integral(model, matched)),
                Ellwood2024.trace(r, FullTrial.delayedIntegral(model, matched)),
                Ellwood2024.trace(r, headV(model, second)), Ellwood2024.trace(r, integral(model, second)),
                r.wallSeconds());
    }

    private static String headV(CellModel model, int axon) {
        return "v:spine_" + model.firstSpine(axon) + "_head";
    }

    private static String integral(CellModel model, int axon) {
        return "g_dynamic:spine_" + model.firstSpine(axon);
    }

    /** The examples' label, what determines them (run.json), seed and count. */
    public static TrialSet trials(CellModel model, Config c, BapDelays delays) {
        return new TrialSet("", PANEL, Fingerprint.of(model, PANEL, c, "examples", "bap_delays_sha256",
                delays.sha256()), c.seed(), c.examples());
    }

    public static Result run(CellModel model, Config c, BapDelays delays, TrialRunner runner) {
        TrialSet t = trials(model, c, delays);
        return analyse(c, runner.run(t.label(), t.fingerprint(), t.seed(), t.trials(),
                (i, random, progress) -> trial(model, c, delays, i, random, progress), Run.class));
    }

    /** Scores each example's control phase. */
    public static Result analyse(Config c, List<Run> runs) {
        double t0 = c.protocol(0).controlStartMs();
        return new Result(c, runs, runs.stream()
                .map(r -> ControlPhaseOutcome.score(r.matchedAxonSpikesMs(), r.somaSpikesMs(), t0)).toList());
    }

    public static Summary summary(Result r, Threshold threshold, String bapDelaysSource) {
        Config c = r.config();
        Summary s = new Summary().put("panel", PANEL).put("match_window_s", c.matchWindowS())
                .put("examples", r.runs().size()).put("seed", c.seed()).put("threshold", c.threshold())
                .put("threshold_source", threshold.source()).put("threshold_path", threshold.path())
                .put("paper_threshold", threshold.paper());
        List<Map<String, Object>> examples = new ArrayList<>();
        for (int i = 0; i < r.runs().size(); i++) {
            Run run = r.runs().get(i);
            ControlPhaseOutcome o = r.outcomes().get(i);
            double matchedEnd = selectionValue(c, run) / c.threshold();
            boolean potentiated = Arrays.stream(run.potentiatedAxons()).anyMatch(a -> a == run.matchedAxon());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("example", i);
            m.put("pulses", run.pulsesMs().length);
            m.put("matched_axon", run.matchedAxon());
            m.put("matched_axon_potentiated", potentiated);
            m.put("matched_integral_over_threshold", matchedEnd);
            m.put("second_axon", run.secondAxon());
            m.put("potentiated_axons", run.potentiatedAxons().length);
            m.put("control_soma_spikes", o.somaticSpikes());
            m.put("matched_axon_control_spikes", o.matchedAxonSpikes());
            m.put("fraction_failed_spikes", o.failedFraction());
            m.put("fraction_spurious_spikes", o.spuriousFraction());
            examples.add(m);
            String e = "example " + i + " (" + run.pulsesMs().length + " pulses)";
            s.exact("example" + i + "_matched_integral_over_threshold", e + ": matched integral / threshold at t0",
                    matchedEnd);
            s.exact("example" + i + "_fraction_failed_spikes", e + ": failed fraction", o.failedFraction());
            s.exact("example" + i + "_fraction_spurious_spikes", e + ": spurious fraction", o.spuriousFraction());
        }
        return s.put("example_details", examples).put("bap_delays_source", bapDelaysSource);
    }

    /** The matched spine's low-passed integral when the control phase starts, which decides its potentiation. */
    static double selectionValue(Config c, Run run) {
        int at = (int) Math.round(c.protocol(0).controlStartMs() / run.sampleMs());
        return run.matchedSpineIntegralDelayed()[Math.min(at, run.matchedSpineIntegralDelayed().length - 1)];
    }

    /**
     * Writes summary.json, trials.csv (one row per example), trials.npz (every trace), traces_example&lt;i&gt;.csv,
     * and per example the plots fig4bef_example&lt;i&gt;_soma and fig4bef_example&lt;i&gt;_integral (the matched and
     * second-best spines' integrals over the threshold) as PNG and SVG.
     */
    public static Summary write(Result r, Threshold threshold, String bapDelaysSource, Path dir) throws IOException {
        List<Run> runs = r.runs();
        double thr = r.config().threshold();
        new CsvTable().add("example", IntStream.range(0, runs.size()).toArray())
                .add("pulses", runs.stream().mapToInt(x -> x.pulsesMs().length).toArray())
                .add("matched_axon", runs.stream().mapToInt(Run::matchedAxon).toArray())
                .add("second_axon", runs.stream().mapToInt(Run::secondAxon).toArray())
                .add("matched_integral_over_threshold", runs.stream()
                        .mapToDouble(x -> selectionValue(r.config(), x) / thr).toArray())
                .add("potentiated_axons", runs.stream().mapToInt(x -> x.potentiatedAxons().length).toArray())
                .add("control_soma_spikes", r.outcomes().stream().mapToInt(ControlPhaseOutcome::somaticSpikes)
                        .toArray())
                .add("fraction_failed_spikes", r.outcomes().stream().mapToDouble(ControlPhaseOutcome::failedFraction)
                        .toArray())
                .add("fraction_spurious_spikes", r.outcomes().stream()
                        .mapToDouble(ControlPhaseOutcome::spuriousFraction).toArray())
                .write(dir.resolve("trials.csv"));
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        double[] t = Traces.time(runs.get(0).somaVMv().length, runs.get(0).sampleMs());
        arrays.put("t_ms", NpyArray.of(t));
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            String p = "example" + i + "_";
            arrays.put(p + "v_soma_mv", NpyArray.of(run.somaVMv()));
            arrays.put(p + "v_matched_spine_mv", NpyArray.of(run.matchedSpineVMv()));
            arrays.put(p + "ca_matched_spine_mm", NpyArray.of(run.matchedSpineCaMM()));
            arrays.put(p + "g_matched_spine", NpyArray.of(run.matchedSpineIntegral()));
            arrays.put(p + "g_delayed_matched_spine", NpyArray.of(run.matchedSpineIntegralDelayed()));
            arrays.put(p + "v_second_spine_mv", NpyArray.of(run.secondSpineVMv()));
            arrays.put(p + "g_second_spine", NpyArray.of(run.secondSpineIntegral()));
            arrays.put(p + "pulse_times_ms", NpyArray.of(run.pulsesMs()));
            arrays.put(p + "matched_axon_times_ms", NpyArray.of(run.matchedAxonSpikesMs()));
            arrays.put(p + "soma_spike_times_ms", NpyArray.of(run.somaSpikesMs()));
            new CsvTable().add("t_ms", t).add("v_soma_mv", run.somaVMv()).add("v_matched_spine_mv",
                    run.matchedSpineVMv()).add("ca_matched_spine_mm", run.matchedSpineCaMM())
                    .add("g_matched_spine", run.matchedSpineIntegral())
                    .add("g_delayed_matched_spine", run.matchedSpineIntegralDelayed())
                    .add("v_second_spine_mv", run.secondSpineVMv()).add("g_second_spine", run.secondSpineIntegral())
                    .write(dir.resolve("traces_example" + i + ".csv"));
            String title = "Figure 4" + (run.pulsesMs().length == FAILED_EXAMPLE_PULSES ? "E" : "B/F") + ", example "
                    + i + " (" + run.pulsesMs().length + " pulses)";
            Plots.writePngAndSvg(dir, PANEL + "_example" + i + "_soma", Plots.lines(title + ": soma", "time (ms)",
                    "v (mV)", List.of(new Plots.Series("soma", t, run.somaVMv())), false));
            Plots.writePngAndSvg(dir, PANEL + "_example" + i + "_integral", Plots.lines(title
                            + ": Ca^4 integrals", "time (ms)", "Ca^4 integral (thresholds)",
                    List.of(new Plots.Series("matched axon " + run.matchedAxon(), t,
                                    Traces.scaled(run.matchedSpineIntegral(), 1 / thr)),
                            new Plots.Series("second best, axon " + run.secondAxon(), t,
                                    Traces.scaled(run.secondSpineIntegral(), 1 / thr)),
                            new Plots.Series("threshold", new double[] {t[0], t[t.length - 1]}, new double[] {1, 1})),
                    true));
        }
        Npz.write(dir.resolve("trials.npz"), arrays);
        Summary s = summary(r, threshold, bapDelaysSource);
        s.write(dir);
        return s;
    }

    static Summary reproduce(Request request) throws IOException {
        Config base = request.quick() ? Config.quick() : Config.paper();
        double window = request.matchWindowOr(base.matchWindowS());
        Threshold threshold = Threshold.resolve(request.model(), request.out(), window);
        Config c = new Config(window, request.trialsOr(base.examples()), request.seedOr(), threshold.value());
        Sourced<BapDelays> delays = Fig2bBapDelays.resolve(request);
        Summary s = Ellwood2024.recordModel(write(run(request.model(), c, delays.value(), request.runner()),
                threshold, delays.source(), request.out()), request.model(), request.out());
        request.console().print(s.table("Figure 4B/E/F: potentiation examples, window " + window + " s, threshold "
                + c.threshold() + " from " + threshold.origin()));
        return s;
    }
}
