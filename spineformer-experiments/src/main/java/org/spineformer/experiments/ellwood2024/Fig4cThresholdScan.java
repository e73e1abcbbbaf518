package org.spineformer.experiments.ellwood2024;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.spineformer.cell.CellModel;
import org.spineformer.analysis.spikes.ControlPhaseOutcome;
import org.spineformer.cell.PyramidalCell;
import org.spineformer.cell.replay.Replay;
import org.spineformer.experiments.output.Summary;
import org.spineformer.experiments.sweep.TrialSet;
import org.spineformer.experiments.train.TrialSeeds;
import org.spineformer.experiments.trial.TrialRunner;
import org.spineformer.io.csv.CsvTable;
import org.spineformer.io.npy.NpyArray;
import org.spineformer.io.npy.Npz;
import org.spineformer.io.plot.Plots;

/**
 * Figure 4C: one full trial (1 s window, exactly 6 query pulses) repeated with the threshold scaled by factors
 * geometric from 4 down to 0.25 sqrt 2 (PotentiationThresholdScan.py: {@code flip(geomspace(0.25 sqrt 2, 4, 9))}).
 * Every threshold sees the same inputs, drawn from the stream of trial 0 (the script reseeds numpy for each run).
 * A high threshold potentiates nothing and the soma stays silent in the control phase; a low one potentiates the
 * matched axon and then unmatched ones too, which add spurious spikes.
 */
public final class Fig4cThresholdScan {
    public static final String PANEL = "fig4c";

    /**
     * @param matchWindowS W (the paper: 1 s)
     * @param multipliers how many threshold factors (the paper: 9), geometric from highest to lowest
     * @param lowestMultiplier the smallest factor (0.25 sqrt 2)
     * @param highestMultiplier the largest factor (4)
     * @param seed the run's seed
     * @param threshold the threshold the factors multiply
     */
    public record Config(double matchWindowS, int multipliers, double lowestMultiplier, double highestMultiplier,
                         long seed, double threshold) {
        public Config {
            if (multipliers < 1) {
                throw new IllegalArgumentException("multipliers = " + multipliers + " must be >= 1");
            }
        }

        public static Config paper() {
            return new Config(1, 9, 0.25 * Math.sqrt(2), 4, Request.DEFAULT_SEED, Ellwood2024.paperThreshold(1));
        }

        /** {@code --quick}: 3 factors (4, 1.19, 0.354), 9 s of simulated time. */
        public static Config quick() {
            return paper().withMultipliers(3);
        }

        public Config withMultipliers(int n) {
            return new Config(matchWindowS, n, lowestMultiplier, highestMultiplier, seed, threshold);
        }

        public Config withSeed(long s) {
            return new Config(matchWindowS, multipliers, lowestMultiplier, highestMultiplier, s, threshold);
        }

        public Config withThreshold(double t) {
            return new Config(matchWindowS, multipliers, lowestMultiplier, highestMultiplier, seed, t);
        }

        /** Factor i, highest first ({@code np.flip(np.geomspace(low, high, n))}). */
        public double multiplier(int i) {
            if (multipliers == 1) {
                return highestMultiplier;
            }
            double fraction = (double) (multipliers - 1 - i) / (multipliers - 1);
            return lowestMultiplier * Math.pow(highestMultiplier / lowestMultiplier, fraction);
        }

        /** Threshold i's trial on the paper's cell (its timeline is every cell's). */
        public FullTrial protocol(int i) {
            return protocol(CellModel.paper(), i);
        }

        public FullTrial protocol(CellModel model, int i) {
            return new FullTrial(matchWindowS, threshold * multiplier(i), FullTrial.expectedPulses(matchWindowS), 1,
                    model);
        }
    }

    /**
     * One threshold.
     *
     * @param multiplier the factor
     * @param threshold the threshold used
     * @param matchedAxon the matched axon (the same in every run)
     * @param pulsesMs the query
     * @param matchedAxonSpikesMs the matched axon's train
     * @param somaSpikesMs the somatic spikes
     * @param potentiatedAxons the axons selected by the match phase (potentiated when the control phase starts)
     * @param sampleMs the soma trace's sample interval
     * @param somaVMv the soma's voltage
     */
    public record Run(double multiplier, double threshold, int matchedAxon, double[] pulsesMs,
                      double[] matchedAxonSpikesMs, double[] somaSpikesMs, int[] potentiatedAxons, double sampleMs,
                      double[] somaVMv, double wallSeconds) {
    }

    public record Result(Config config, List<Run> runs, List<ControlPhaseOutcome> outcomes) {
    }

    private Fig4cThresholdScan() {
    }

    public static Run trial(CellModel model, Config c, BapDelays delays, int index, DoubleConsumer progress) {
        FullTrial protocol = c.protocol(model, index);
        FullTrial.Draw d = protocol.draw(delays, TrialSeeds.random(c.seed(), 0));
        String somaV = model.spikeTrace();
        Replay.Result r = protocol.simulate(d, Ellwood2024.EXAMPLE_SAVE_EVERY, List.of(somaV), progress);
        return new Run(c.multiplier(index), protocol.threshold(), d.matchedAxons()[0], d.pulsesMs(),
                d.matchedAxonSpikesMs()[0], r.somaSpikeTimesMs(), protocol.potentiatedAtControlStart(r),
                PyramidalCell.DT_MS * Ellwood2024.EXAMPLE_SAVE_EVERY, Ellwood2024.trace(r, somaV), r.wallSeconds());
    }

    /** The runs' label, what determines them (run.json: the count too, which sets the factors), seed and count. */
    public static TrialSet trials(CellModel model, Config c, BapDelays delays) {
        return new TrialSet("", PANEL, Fingerprint.of(model, PANEL, c, null, "bap_delays_sha256", delays.sha256()),
                c.seed(), c.multipliers());
    }

    public static Result run(CellModel model, Config c, BapDelays delays, TrialRunner runner) {
        TrialSet t = trials(model, c, delays);
        return analyse(c, runner.run(t.label(), t.fingerprint(), t.seed(), t.trials(),
                (i, random, progress) -> trial(model, c, delays, i, progress), Run.class));
    }

    /** Scores each threshold's control phase. */
    public static Result analyse(Config c, List<Run> runs) {
        double t0 = c.protocol(0).controlStartMs();
        return new Result(c, runs, runs.stream()
                .map(r -> ControlPhaseOutcome.score(r.matchedAxonSpikesMs(), r.somaSpikesMs(), t0)).toList());
    }

    public static Summary summary(Result r, Threshold threshold, String bapDelaysSource) {
        Summary s = new Summary().put("panel", PANEL).put("match_window_s", r.config().matchWindowS())
                .put("multipliers", r.runs().size()).put("seed", r.config().seed())
                .put("threshold", r.config().threshold()).put("threshold_source", threshold.source())
                .put("threshold_path", threshold.path()).put("paper_threshold", threshold.paper())
                .put("matched_axon", r.runs().get(0).matchedAxon());
        List<Map<String, Object>> scan = new ArrayList<>();
        for (int i = 0; i < r.runs().size(); i++) {
            Run run = r.runs().get(i);
            ControlPhaseOutcome o = r.outcomes().get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("multiplier", run.multiplier());
            m.put("threshold", run.threshold());
            m.put("control_soma_spikes", o.somaticSpikes());
            m.put("fraction_failed_spikes", o.failedFraction());
            m.put("fraction_spurious_spikes", o.spuriousFraction());
            m.put("potentiated_axons", run.potentiatedAxons().length);
            m.put("matched_axon_potentiated", contains(run.potentiatedAxons(), run.matchedAxon()));
            scan.add(m);
            String x = String.format(Locale.ROOT, "x%.3f", run.multiplier());
            s.exact("control_soma_spikes_" + x, x + ": control-phase somatic spikes", o.somaticSpikes());
            s.exact("fraction_failed_spikes_" + x, x + ": failed fraction", o.failedFraction());
            s.exact("fraction_spurious_spikes_" + x, x + ": spurious fraction", o.spuriousFraction());
            s.exact("potentiated_axons_" + x, x + ": potentiated axons", run.potentiatedAxons().length);
        }
        return s.put("scan", scan).put("bap_delays_source", bapDelaysSource);
    }

    /**
     * Writes summary.json, trials.csv (one row per threshold), trials.npz (with every soma trace), traces.csv
     * (t_ms and one soma column per factor) and fig4c.png/.svg (the soma traces, stacked, highest threshold on top).
     */
    public static Summary write(Result r, Threshold threshold, String bapDelaysSource, Path dir)
            throws IOException {
        List<Run> runs = r.runs();
        int n = runs.size();
        double[] multiplier = runs.stream().mapToDouble(Run::multiplier).toArray();
        double[] thresholds = runs.stream().mapToDouble(Run::threshold).toArray();
        int[] somaSpikes = r.outcomes().stream().mapToInt(ControlPhaseOutcome::somaticSpikes).toArray();
        int[] potentiated = runs.stream().mapToInt(run -> run.potentiatedAxons().length).toArray();
        new CsvTable().add("multiplier", multiplier).add("threshold", thresholds)
                .add("control_soma_spikes", somaSpikes)
                .add("fraction_failed_spikes", r.outcomes().stream().mapToDouble(ControlPhaseOutcome::failedFraction)
                        .toArray())
                .add("fraction_spurious_spikes", r.outcomes().stream()
                        .mapToDouble(ControlPhaseOutcome::spuriousFraction).toArray())
                .add("potentiated_axons", potentiated).write(dir.resolve("trials.csv"));
        double[] t = Traces.time(runs.get(0).somaVMv().length, runs.get(0).sampleMs());
        double[][] v = runs.stream().map(Run::somaVMv).toArray(double[][]::new);
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("multiplier", NpyArray.of(multiplier));
        arrays.put("threshold", NpyArray.of(thresholds));
        arrays.put("t_ms", NpyArray.of(t));
        arrays.put("v_soma_mv", NpyArray.of(v));
        arrays.put("pulse_times_ms", NpyArray.of(runs.get(0).pulsesMs()));
        arrays.put("matched_axon_times_ms", NpyArray.of(runs.get(0).matchedAxonSpikesMs()));
        Npz.write(dir.resolve("trials.npz"), arrays);
        CsvTable traces = new CsvTable().add("t_ms", t);
        List<Plots.Series> stacked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = String.format(Locale.ROOT, "v_soma_x%.3f", multiplier[i]);
            traces.add(name, v[i]);
            stacked.add(new Plots.Series(String.format(Locale.ROOT, "%.3f x threshold", multiplier[i]), t,
                    Traces.offset(v[i], -Traces.STACK_MV * i)));
        }
        traces.write(dir.resolve("traces.csv"));
        Plots.writePngAndSvg(dir, PANEL, Plots.lines("Figure 4C: soma, threshold scan (traces " + (int) Traces.STACK_MV
                + " mV apart)", "time (ms)", "v (mV)", stacked, true));
        Summary s = summary(r, threshold, bapDelaysSource);
        s.write(dir);
        return s;
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    static Summary reproduce(Request request) throws IOException {
        Config base = request.quick() ? Config.quick() : Config.paper();
        double window = request.matchWindowOr(base.matchWindowS());
        Threshold threshold = Threshold.resolve(request.model(), request.out(), window);
        Config c = new Config(window, request.trialsOr(base.multipliers()), base.lowestMultiplier(),
                base.highestMultiplier(), request.seedOr(), threshold.value());
        Sourced<BapDelays> delays = Fig2bBapDelays.resolve(request);
        Summary s = Ellwood2024.recordModel(write(run(request.model(), c, delays.value(), request.runner()),
                threshold, delays.source(), request.out()), request.model(), request.out());
        request.console().print(s.table("Figure 4C: threshold scan, window " + window + " s, threshold "
                + c.threshold() + " from " + threshold.origin()));
        return s;
    }
}
