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
import java.util.stream.Stream;
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
 * Figure 4D: two matched axons share the query (TwoSpinePotentiationExample.py: 1 s window, exactly 6 pulses, each
 * axon firing at pulse - 7 ms + its own bAP delay, then on its own control train). Both should be potentiated, and
 * the soma should then follow the union of their control-phase spikes: each axon's failed fraction is scored against
 * the somatic spikes, and a somatic spike is spurious when neither axon explains it.
 */
public final class Fig4dTwoMatchedAxons {
    public static final String PANEL = "fig4d";

    /**
     * @param matchWindowS W (the paper: 1 s)
     * @param examples how many trials (the paper: 1)
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
            return new Config(1, 1, Request.DEFAULT_SEED, Ellwood2024.paperThreshold(1));
        }

        /** {@code --quick}: the paper's single trial (3 s of simulated time). */
        public static Config quick() {
            return paper();
        }

        /** The trial on the paper's cell (its timeline is every cell's). */
        public FullTrial protocol() {
            return protocol(CellModel.paper());
        }

        public FullTrial protocol(CellModel model) {
            return new FullTrial(matchWindowS, threshold, FullTrial.expectedPulses(matchWindowS), 2, model);
        }
    }

    /**
     * One trial; traces sampled every {@code sampleMs}.
     *
     * @param matchedAxons the two matched axons
     * @param matchedAxonSpikesMs their trains
     * @param potentiatedAxons the axons selected by the match phase (potentiated when the control phase starts)
     * @param matchedSpineIntegralsDelayed the low-passed integral of each one's first spine
     */
    public record Run(int[] matchedAxons, double[] pulsesMs, double[][] matchedAxonSpikesMs, double[] somaSpikesMs,
                      int[] potentiatedAxons, double sampleMs, double[] somaVMv,
                      double[][] matchedSpineIntegralsDelayed, double wallSeconds) {
    }

    /**
     * @param perAxon each matched axon's control-phase score against the somatic spikes
     * @param union the score against the union of both trains: its spurious spikes are explained by neither
     */
    public record Outcome(List<ControlPhaseOutcome> perAxon, ControlPhaseOutcome union) {
    }

    public record Result(Config config, List<Run> runs, List<Outcome> outcomes) {
    }

    private Fig4dTwoMatchedAxons() {
    }

    public static Run trial(CellModel model, Config c, BapDelays delays, SplittableRandom random,
                            DoubleConsumer progress) {
        FullTrial protocol = c.protocol(model);
        FullTrial.Draw d = protocol.draw(delays, random);
        String somaV = model.spikeTrace();
        Replay.Result r = protocol.simulate(d, Ellwood2024.EXAMPLE_SAVE_EVERY, List.of(somaV), progress);
        double[][] integrals = Arrays.stream(d.matchedAxons())
                .mapToObj(a -> Ellwood2024.trace(r, FullTrial.delayedIntegral(model, a))).toArray(double[][]::new);
        return new Run(d.matchedAxons(), d.pulsesMs(), d.matchedAxonSpikesMs(), r.somaSpikeTimesMs(),
                protocol.potentiatedAtControlStart(r), PyramidalCell.DT_MS * Ellwood2024.EXAMPLE_SAVE_EVERY,
                Ellwood2024.trace(r, somaV), integrals, r.wallSeconds());
    }

    /** The trials' label, what determines them (run.json), seed and count. */
    public static TrialSet trials(CellModel model, Config c, BapDelays delays) {
        return new TrialSet("", PANEL, Fingerprint.of(model, PANEL, c, "examples", "bap_delays_sha256",
                delays.sha256()), c.seed(), c.examples());
    }

    public static Result run(CellModel model, Config c, BapDelays delays, TrialRunner runner) {
        TrialSet t = trials(model, c, delays);
        return analyse(c, runner.run(t.label(), t.fingerprint(), t.seed(), t.trials(),
                (i, random, progress) -> trial(model, c, delays, random, progress), Run.class));
    }

    /** Scores each trial against each matched axon and their union. */
    public static Result analyse(Config c, List<Run> runs) {
        return new Result(c, runs, runs.stream().map(r -> score(r, c.protocol().controlStartMs())).toList());
    }

    static Outcome score(Run r, double controlStartMs) {
        List<ControlPhaseOutcome> perAxon = Arrays.stream(r.matchedAxonSpikesMs())
                .map(train -> ControlPhaseOutcome.score(train, r.somaSpikesMs(), controlStartMs)).toList();
        double[] union = Arrays.stream(r.matchedAxonSpikesMs()).flatMapToDouble(Arrays::stream).toArray();
        return new Outcome(perAxon, ControlPhaseOutcome.score(union, r.somaSpikesMs(), controlStartMs));
    }

    public static Summary summary(Result r, Threshold threshold, String bapDelaysSource) {
        Config c = r.config();
        Summary s = new Summary().put("panel", PANEL).put("match_window_s", c.matchWindowS())
                .put("examples", r.runs().size()).put("seed", c.seed()).put("threshold", c.threshold())
                .put("threshold_source", threshold.source()).put("threshold_path", threshold.path())
                .put("paper_threshold", threshold.paper());
        List<Map<String, Object>> details = new ArrayList<>();
        for (int i = 0; i < r.runs().size(); i++) {
            Run run = r.runs().get(i);
            Outcome o = r.outcomes().get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("example", i);
            m.put("matched_axons", run.matchedAxons());
            m.put("pulses", run.pulsesMs().length);
            m.put("potentiated_axons", run.potentiatedAxons());
            m.put("control_soma_spikes", o.union().somaticSpikes());
            m.put("fraction_spurious_spikes", o.union().spuriousFraction());
            String e = "example " + i;
            for (int k = 0; k < 2; k++) {
                m.put("axon" + (k + 1) + "_fraction_failed_spikes", o.perAxon().get(k).failedFraction());
                s.exact("example" + i + "_axon" + (k + 1) + "_fraction_failed_spikes", e + ": axon "
                        + run.matchedAxons()[k] + " failed fraction", o.perAxon().get(k).failedFraction());
            }
            s.exact("example" + i + "_fraction_spurious_spikes", e + ": spurious fraction (neither axon)",
                    o.union().spuriousFraction());
            s.exact("example" + i + "_control_soma_spikes", e + ": control-phase somatic spikes",
                    o.union().somaticSpikes());
            details.add(m);
        }
        return s.put("example_details", details).put("bap_delays_source", bapDelaysSource);
    }

    /**
     * Writes summary.json, trials.csv (one row per example), trials.npz (traces and spike times),
     * traces_example&lt;i&gt;.csv, and per example fig4d_example&lt;i&gt; (soma voltage) and
     * fig4d_example&lt;i&gt;_raster (both axons' and the soma's spikes) as PNG and SVG.
     */
    public static Summary write(Result r, Threshold threshold, String bapDelaysSource, Path dir) throws IOException {
        List<Run> runs = r.runs();
        int n = runs.size();
        int[] example = new int[n];
        int[] axon1 = new int[n];
        int[] axon2 = new int[n];
        double[] failed1 = new double[n];
        double[] failed2 = new double[n];
        double[] spurious = new double[n];
        for (int i = 0; i < n; i++) {
            example[i] = i;
            axon1[i] = runs.get(i).matchedAxons()[0];
            axon2[i] = runs.get(i).matchedAxons()[1];
            failed1[i] = r.outcomes().get(i).perAxon().get(0).failedFraction();
            failed2[i] = r.outcomes().get(i).perAxon().get(1).failedFraction();
            spurious[i] = r.outcomes().get(i).union().spuriousFraction();
        }
        new CsvTable().add("example", example).add("axon1", axon1).add("axon2", axon2)
                .add("axon1_fraction_failed_spikes", failed1).add("axon2_fraction_failed_spikes", failed2)
                .add("fraction_spurious_spikes", spurious).write(dir.resolve("trials.csv"));
        double[] t = Traces.time(runs.get(0).somaVMv().length, runs.get(0).sampleMs());
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("t_ms", NpyArray.of(t));
        for (int i = 0; i < n; i++) {
            Run run = runs.get(i);
            String p = "example" + i + "_";
            arrays.put(p + "v_soma_mv", NpyArray.of(run.somaVMv()));
            arrays.put(p + "g_delayed_matched_spines", NpyArray.of(run.matchedSpineIntegralsDelayed()));
            arrays.put(p + "pulse_times_ms", NpyArray.of(run.pulsesMs()));
            arrays.put(p + "axon1_times_ms", NpyArray.of(run.matchedAxonSpikesMs()[0]));
            arrays.put(p + "axon2_times_ms", NpyArray.of(run.matchedAxonSpikesMs()[1]));
            arrays.put(p + "soma_spike_times_ms", NpyArray.of(run.somaSpikesMs()));
            new CsvTable().add("t_ms", t).add("v_soma_mv", run.somaVMv())
                    .add("g_delayed_axon1_spine", run.matchedSpineIntegralsDelayed()[0])
                    .add("g_delayed_axon2_spine", run.matchedSpineIntegralsDelayed()[1])
                    .write(dir.resolve("traces_example" + i + ".csv"));
            Plots.writePngAndSvg(dir, PANEL + "_example" + i, Plots.lines("Figure 4D: two matched axons, soma",
                    "time (ms)", "v (mV)", List.of(new Plots.Series("soma", t, run.somaVMv())), false));
            Plots.writePngAndSvg(dir, PANEL + "_example" + i + "_raster", Plots.scatter("Figure 4D: spikes",
                    "time (ms)", "spike train (row: 1 soma, 2-3 axons)", Stream.of(row("axon " + run.matchedAxons()[0], run.matchedAxonSpikesMs()[0], 3),
                            row("axon " + run.matchedAxons()[1], run.matchedAxonSpikesMs()[1], 2),
                            row("soma", run.somaSpikesMs(), 1)).filter(x -> x.x().length > 0).toList()));
        }
        Npz.write(dir.resolve("trials.npz"), arrays);
        Summary s = summary(r, threshold, bapDelaysSource);
        s.write(dir);
        return s;
    }

    private static Plots.Series row(String name, double[] times, double y) {
        double[] ys = new double[times.length];
        Arrays.fill(ys, y);
        return new Plots.Series(name, times, ys);
    }

    static Summary reproduce(Request request) throws IOException {
        Config base = request.quick() ? Config.quick() : Config.paper();
        double window = request.matchWindowOr(base.matchWindowS());
        Threshold threshold = Threshold.resolve(request.model(), request.out(), window);
        Config c = new Config(window, request.trialsOr(base.examples()), request.seedOr(), threshold.value());
        Sourced<BapDelays> delays = Fig2bBapDelays.resolve(request);
        Summary s = Ellwood2024.recordModel(write(run(request.model(), c, delays.value(), request.runner()),
                threshold, delays.source(), request.out()), request.model(), request.out());
        request.console().print(s.table("Figure 4D: two matched axons, window " + window + " s, threshold "
                + c.threshold() + " from " + threshold.origin()));
        return s;
    }
}
