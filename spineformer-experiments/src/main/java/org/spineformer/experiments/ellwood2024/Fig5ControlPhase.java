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
import org.knowm.xchart.XYChart;
import org.spineformer.cell.CellModel;
import org.spineformer.analysis.spikes.ControlPhaseOutcome;
import org.spineformer.analysis.spikes.PulseCountBin;
import org.spineformer.analysis.stats.Statistics;
import org.spineformer.experiments.output.Summary;
import org.spineformer.experiments.sweep.TrialSet;
import org.spineformer.experiments.trial.ReplayTrial;
import org.spineformer.experiments.trial.Replayed;
import org.spineformer.experiments.trial.TrialRunner;
import org.spineformer.io.csv.CsvTable;
import org.spineformer.io.npy.NpyArray;
import org.spineformer.io.npy.Npz;
import org.spineformer.io.plot.Plots;

/**
 * Figure 5A-C: how faithfully the control phase copies the matched axon, over full match-and-control trials.
 *
 * <p>A trial (CollectControlPhaseOutputs.py): a random matched axon; every axon fires at 6 Hz from 250 ms to the
 * control phase's end, silent in the 500 ms gap after the match window; the query is a 6 Hz train of somatic pulses
 * over the match window [250, 250 + W]; the matched axon fires at each pulse - 7 ms + d (the bAP delay of its first
 * spine) during the match window and on its own 6 Hz train during the 1 s control phase; the potentiating cell runs
 * 250 + W + 500 + 1000 + 250 ms from v_init -75 mV. Random draws in the script's order: matched axon, all axons'
 * trains, the pulses, the matched axon's control train.
 *
 * <p>Scoring ({@link ControlPhaseOutcome}, ProcessControlPhaseTests.py): failed spikes are control-phase spikes of
 * the matched axon with no somatic spike 0 to 20 ms after them, spurious spikes are somatic spikes with no
 * matched-axon spike 0 to 20 ms before them; the per-trial fractions are averaged over trials (5A, with
 * {@code np.std / sqrt(n)} errors) and over the trials of each match-window pulse count (5B: at least 5 trials,
 * 5C: at least 10; Figure_5ABC_successful_and_spurious_spikes.py).
 */
public final class Fig5ControlPhase {
    public static final String PANEL = "fig5";
    /** The integrals are sampled every 1 ms, enough to read them at the control phase's start. */
    static final int SELECTION_SAVE_EVERY = 40;

    /**
     * @param matchWindowS the match window W (s): 0.5, 1 or 2 in the paper
     * @param trials full trials (the paper: 1000 per window)
     * @param seed the run's seed
     * @param threshold the potentiation threshold (Ca^4 integral)
     */
    public record Config(double matchWindowS, int trials, long seed, double threshold) {
        public Config {
            if (!(matchWindowS > 0 && Double.isFinite(matchWindowS))) {
                throw new IllegalArgumentException("matchWindowS = " + matchWindowS + " must be > 0");
            }
            Ellwood2024.requireAtMostMaxMatchWindow("matchWindowS", matchWindowS);
            if (trials < 1) {
                throw new IllegalArgumentException("trials = " + trials + " must be >= 1");
            }
            if (!(threshold > 0)) {
                throw new IllegalArgumentException("threshold = " + threshold + " must be > 0");
            }
        }

        /** The paper's trials for a window, with its threshold for that window. */
        public static Config paper(double matchWindowS) {
            return new Config(matchWindowS, 1000, Request.DEFAULT_SEED, Ellwood2024.paperThreshold(matchWindowS));
        }

        /** {@code --quick}: 4 trials of the 1 s window (12 s of simulated time). */
        public static Config quick() {
            return paper(1).withTrials(4);
        }

        public Config withTrials(int n) {
            return new Config(matchWindowS, n, seed, threshold);
        }

        public Config withSeed(long s) {
            return new Config(matchWindowS, trials, s, threshold);
        }

        /** The window with the paper's threshold for it; set another threshold after. */
        public Config withMatchWindow(double w) {
            return new Config(w, trials, seed, Ellwood2024.hasPaperThreshold(w) ? Ellwood2024.paperThreshold(w)
                    : threshold);
        }

        public Config withThreshold(double t) {
            return new Config(matchWindowS, trials, seed, t);
        }
    }

    /**
     * One full trial.
     *
     * @param matchedAxon the matched axon
     * @param delayMs the bAP delay that placed its match-window spikes
     * @param pulsesMs the somatic pulses (the query), all in the match window
     * @param matchedAxonSpikesMs the matched axon's spikes, match and control phase
     * @param somaSpikesMs the somatic spikes (local maxima of soma v above 0 mV)
     * @param potentiatedAxons the axons selected by the match phase: first spine's low-passed integral at or above
     *     the threshold when the control phase starts
     * @param potentiatedAxonsAtEnd the same at the trial's end (the integrals keep growing in the control phase)
     * @param wallSeconds the simulation's wall time
     */
    public record Run(int matchedAxon, double delayMs, double[] pulsesMs, double[] matchedAxonSpikesMs,
                      double[] somaSpikesMs, int[] potentiatedAxons, int[] potentiatedAxonsAtEnd, double wallSeconds) {
        public boolean matchedPotentiated() {
            for (int a : potentiatedAxons) {
                if (a == matchedAxon) {
                    return true;
                }
            }
            return false;
        }

        public int unmatchedPotentiated() {
            return potentiatedAxons.length - (matchedPotentiated() ? 1 : 0);
        }
    }

    /**
     * @param outcomes each trial's control-phase score
     * @param failedByPulses Figure 5B: the failed fraction by match-window pulse count (at least 5 trials a bin)
     * @param spuriousByPulses Figure 5C: the spurious fraction by pulse count (at least 10 trials a bin)
     */
    public record Result(Config config, List<Run> runs, List<ControlPhaseOutcome> outcomes,
                         List<PulseCountBin> failedByPulses, List<PulseCountBin> spuriousByPulses) {
        public double[] failedFractions() {
            return outcomes.stream().mapToDouble(ControlPhaseOutcome::failedFraction).toArray();
        }

        public double[] spuriousFractions() {
            return outcomes.stream().mapToDouble(ControlPhaseOutcome::spuriousFraction).toArray();
        }

        public int[] pulseCounts() {
            return runs.stream().mapToInt(r -> r.pulsesMs().length).toArray();
        }
    }

    private Fig5ControlPhase() {
    }

    /** The trial's protocol on the paper's cell (its timeline is every cell's): one matched axon, a Poisson query. */
    public static FullTrial protocol(Config c) {
        return protocol(CellModel.paper(), c);
    }

    public static FullTrial protocol(CellModel model, Config c) {
        return new FullTrial(c.matchWindowS(), c.threshold(), FullTrial.ANY_PULSE_COUNT, 1, model);
    }

    /** One trial: a pure function of its random stream and the delays. */
    public static Run trial(CellModel model, Config c, BapDelays delays, SplittableRandom random,
                            DoubleConsumer progress) {
        return replayed(model, c, delays, random).runAlone(progress);
    }

    /** One trial drawn, its replay not run yet (so that trials can run in lanes). */
    public static Replayed<Run> replayed(CellModel model, Config c, BapDelays delays, SplittableRandom random) {
        FullTrial protocol = protocol(model, c);
        FullTrial.Draw d = protocol.draw(delays, random);
        return protocol.replayed(d, SELECTION_SAVE_EVERY, List.of(), r -> new Run(d.matchedAxons()[0],
                d.delaysMs()[0], d.pulsesMs(), d.matchedAxonSpikesMs()[0], r.somaSpikeTimesMs(),
                protocol.potentiatedAtControlStart(r), protocol.potentiatedAtEnd(r), r.wallSeconds()));
    }

    /** The trials' label, what determines them (run.json), seed and count. */
    public static TrialSet trials(CellModel model, Config c, BapDelays delays) {
        return new TrialSet("", PANEL + " " + c.matchWindowS() + " s",
                Fingerprint.of(model, PANEL, c, "trials", "bap_delays_sha256", delays.sha256()), c.seed(),
                c.trials());
    }

    public static Result run(CellModel model, Config c, BapDelays delays, TrialRunner runner) {
        TrialSet t = trials(model, c, delays);
        List<Run> runs = runner.run(t.label(), t.fingerprint(), t.seed(), t.trials(),
                (ReplayTrial<Run>) (i, random) -> replayed(model, c, delays, random), Run.class);
        return analyse(c, runs);
    }

    /** Scores every trial and bins the fractions by pulse count. */
    public static Result analyse(Config c, List<Run> runs) {
        double t0 = protocol(c).controlStartMs();
        List<ControlPhaseOutcome> outcomes = runs.stream()
                .map(r -> ControlPhaseOutcome.score(r.matchedAxonSpikesMs(), r.somaSpikesMs(), t0)).toList();
        int[] pulses = runs.stream().mapToInt(r -> r.pulsesMs().length).toArray();
        double[] failed = outcomes.stream().mapToDouble(ControlPhaseOutcome::failedFraction).toArray();
        double[] spurious = outcomes.stream().mapToDouble(ControlPhaseOutcome::spuriousFraction).toArray();
        return new Result(c, runs, outcomes, PulseCountBin.of(pulses, failed, PulseCountBin.FIGURE_5B_MIN_TRIALS),
                PulseCountBin.of(pulses, spurious, PulseCountBin.FIGURE_5C_MIN_TRIALS));
    }

    public static Summary summary(Result r, Threshold threshold, String bapDelaysSource) {
        Config c = r.config();
        int n = r.runs().size();
        double[] failed = r.failedFractions();
        double[] spurious = r.spuriousFractions();
        double matchedPotentiated = r.runs().stream().filter(Run::matchedPotentiated).count() / (double) n;
        double anyUnmatched = r.runs().stream().filter(run -> run.unmatchedPotentiated() > 0).count() / (double) n;
        double anyUnmatchedAtEnd = r.runs().stream()
                .filter(run -> Arrays.stream(run.potentiatedAxonsAtEnd()).anyMatch(a -> a != run.matchedAxon()))
                .count() / (double) n;
        double[] pulses = r.runs().stream().mapToDouble(run -> run.pulsesMs().length).toArray();
        return new Summary().put("panel", PANEL).put("match_window_s", c.matchWindowS()).put("trials", n)
                .put("seed", c.seed())
                .put("threshold", c.threshold()).put("threshold_source", threshold.source())
                .put("threshold_path", threshold.path()).put("paper_threshold", threshold.paper())
                .mean("fraction_failed_spikes", "fraction of failed spikes (5A)", Statistics.mean(failed),
                        Statistics.standardErrorOfMean(failed), n)
                .mean("fraction_spurious_spikes", "fraction of spurious spikes (5A)", Statistics.mean(spurious),
                        Statistics.standardErrorOfMean(spurious), n)
                .estimate("matched_axon_potentiated", "trials with the matched axon potentiated", matchedPotentiated,
                        binomialSe(matchedPotentiated, n), n)
                .estimate("any_unmatched_axon_potentiated", "trials with an unmatched axon potentiated", anyUnmatched,
                        binomialSe(anyUnmatched, n), n)
                .estimate("any_unmatched_axon_potentiated_at_end", "... by the trial's end", anyUnmatchedAtEnd,
                        binomialSe(anyUnmatchedAtEnd, n), n)
                .mean("pulses", "match-window pulses per trial", Statistics.mean(pulses),
                        Statistics.standardErrorOfMean(pulses), n)
                .put("by_pulse_count_failed", bins(r.failedByPulses(), c.matchWindowS(), "fraction_failed_spikes"))
                .put("by_pulse_count_spurious", bins(r.spuriousByPulses(), c.matchWindowS(),
                        "fraction_spurious_spikes"))
                .put("bap_delays_source", bapDelaysSource)
                .put("simulation_wall_seconds_mean",
                        r.runs().stream().mapToDouble(Run::wallSeconds).average().orElse(Double.NaN));
    }

    private static double binomialSe(double p, int n) {
        return Math.sqrt(p * (1 - p) / n);
    }

    private static List<Map<String, Object>> bins(List<PulseCountBin> bins, double windowS, String name) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PulseCountBin b : bins) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pulses", b.pulses());
            m.put("query_rate_hz", b.pulses() / windowS);
            m.put(name + "_mean", b.mean());
            m.put(name + "_sem", b.standardErrorOfMean());
            m.put(name + "_n", b.trials());
            out.add(m);
        }
        return out;
    }

    /**
     * Writes summary.json, trials.csv and trials.npz (one row per trial; the npz also holds every trial's spike
     * times, concatenated, with offsets), by_pulse_count.csv, and the plot fig5 (per-trial successful and spurious
     * fractions against the query rate, with the binned means when there are bins) as PNG and SVG.
     */
    public static Summary write(Result r, Threshold threshold, String bapDelaysSource, Path dir) throws IOException {
        List<Run> runs = r.runs();
        int n = runs.size();
        int[] trial = new int[n];
        int[] axon = new int[n];
        int[] axonSpikes = new int[n];
        int[] somaSpikes = new int[n];
        int[] failedSpikes = new int[n];
        int[] spuriousSpikes = new int[n];
        int[] matchedPotentiated = new int[n];
        int[] unmatchedPotentiated = new int[n];
        double[] delay = new double[n];
        for (int i = 0; i < n; i++) {
            Run run = runs.get(i);
            ControlPhaseOutcome o = r.outcomes().get(i);
            trial[i] = i;
            axon[i] = run.matchedAxon();
            delay[i] = run.delayMs();
            axonSpikes[i] = o.matchedAxonSpikes();
            somaSpikes[i] = o.somaticSpikes();
            failedSpikes[i] = o.failedSpikes();
            spuriousSpikes[i] = o.spuriousSpikes();
            matchedPotentiated[i] = run.matchedPotentiated() ? 1 : 0;
            unmatchedPotentiated[i] = run.unmatchedPotentiated();
        }
        new CsvTable().add("trial", trial).add("matched_axon", axon).add("delay_ms", delay)
                .add("pulses", r.pulseCounts()).add("matched_axon_control_spikes", axonSpikes)
                .add("soma_control_spikes", somaSpikes).add("failed_spikes", failedSpikes)
                .add("spurious_spikes", spuriousSpikes).add("fraction_failed_spikes", r.failedFractions())
                .add("fraction_spurious_spikes", r.spuriousFractions())
                .add("matched_axon_potentiated", matchedPotentiated)
                .add("unmatched_axons_potentiated", unmatchedPotentiated).write(dir.resolve("trials.csv"));
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("matched_axon", NpyArray.of(axon));
        arrays.put("delay_ms", NpyArray.of(delay));
        arrays.put("pulses", NpyArray.of(r.pulseCounts()));
        arrays.put("fraction_failed_spikes", NpyArray.of(r.failedFractions()));
        arrays.put("fraction_spurious_spikes", NpyArray.of(r.spuriousFractions()));
        arrays.put("failed_spikes", NpyArray.of(failedSpikes));
        arrays.put("spurious_spikes", NpyArray.of(spuriousSpikes));
        arrays.put("matched_axon_potentiated", NpyArray.of(matchedPotentiated));
        arrays.put("unmatched_axons_potentiated", NpyArray.of(unmatchedPotentiated));
        ragged(arrays, "pulse_times_ms", runs.stream().map(Run::pulsesMs).toList());
        ragged(arrays, "matched_axon_times_ms", runs.stream().map(Run::matchedAxonSpikesMs).toList());
        ragged(arrays, "soma_spike_times_ms", runs.stream().map(Run::somaSpikesMs).toList());
        Npz.write(dir.resolve("trials.npz"), arrays);
        writeBins(r, dir);
        List<Plots.Series> series = plotSeries(r);
        XYChart chart = Plots.scatter("Figure 5B-C: control phase, match window " + r.config().matchWindowS() + " s",
                "query rate (Hz)", "spikes (fraction)", series);
        for (Plots.Series means : series.subList(2, series.size())) {
            Plots.emphasize(chart, means.name());
        }
        Plots.writePngAndSvg(dir, PANEL, chart);
        Summary s = summary(r, threshold, bapDelaysSource);
        s.write(dir);
        return s;
    }

    /** A list of arrays as NAME (all values, concatenated) and NAME_offsets (trial i is offsets[i]..offsets[i+1]). */
    private static void ragged(Map<String, NpyArray> arrays, String name, List<double[]> parts) {
        long[] offsets = new long[parts.size() + 1];
        for (int i = 0; i < parts.size(); i++) {
            offsets[i + 1] = offsets[i] + parts.get(i).length;
        }
        double[] all = new double[(int) offsets[parts.size()]];
        for (int i = 0; i < parts.size(); i++) {
            System.arraycopy(parts.get(i), 0, all, (int) offsets[i], parts.get(i).length);
        }
        arrays.put(name, NpyArray.of(all));
        arrays.put(name + "_offsets", NpyArray.of(offsets));
    }

    private static void writeBins(Result r, Path dir) throws IOException {
        List<String> kind = new ArrayList<>();
        List<PulseCountBin> all = new ArrayList<>();
        for (PulseCountBin b : r.failedByPulses()) {
            kind.add("fraction_failed_spikes");
            all.add(b);
        }
        for (PulseCountBin b : r.spuriousByPulses()) {
            kind.add("fraction_spurious_spikes");
            all.add(b);
        }
        new CsvTable().add("quantity", kind.toArray(String[]::new))
                .add("pulses", all.stream().mapToInt(PulseCountBin::pulses).toArray())
                .add("query_rate_hz", all.stream().mapToDouble(b -> b.pulses() / r.config().matchWindowS()).toArray())
                .add("trials", all.stream().mapToInt(PulseCountBin::trials).toArray())
                .add("mean", all.stream().mapToDouble(PulseCountBin::mean).toArray())
                .add("sem", all.stream().mapToDouble(PulseCountBin::standardErrorOfMean).toArray())
                .write(dir.resolve("by_pulse_count.csv"));
    }

    /**
     * Per-trial points (successful = 1 - failed, as Figure 5B plots it), then the binned means when there are any.
     */
    private static List<Plots.Series> plotSeries(Result r) {
        double w = r.config().matchWindowS();
        double[] rate = r.runs().stream().mapToDouble(run -> run.pulsesMs().length / w).toArray();
        double[] successful = r.outcomes().stream().mapToDouble(o -> 1 - o.failedFraction()).toArray();
        List<Plots.Series> series = new ArrayList<>(List.of(
                new Plots.Series("successful, per trial", rate, successful),
                new Plots.Series("spurious, per trial", rate, r.spuriousFractions())));
        if (!r.failedByPulses().isEmpty()) {
            series.add(new Plots.Series("successful, mean by pulse count",
                    r.failedByPulses().stream().mapToDouble(b -> b.pulses() / w).toArray(),
                    r.failedByPulses().stream().mapToDouble(b -> 1 - b.mean()).toArray()));
        }
        if (!r.spuriousByPulses().isEmpty()) {
            series.add(new Plots.Series("spurious, mean by pulse count",
                    r.spuriousByPulses().stream().mapToDouble(b -> b.pulses() / w).toArray(),
                    r.spuriousByPulses().stream().mapToDouble(PulseCountBin::mean).toArray()));
        }
        return series;
    }

    static Summary reproduce(Request request) throws IOException {
        Config base = request.quick() ? Config.quick() : Config.paper(1);
        double window = request.matchWindowOr(base.matchWindowS());
        Threshold threshold = Threshold.resolve(request.model(), request.out(), window);
        Config c = base.withMatchWindow(window).withThreshold(threshold.value())
                .withTrials(request.trialsOr(base.trials())).withSeed(request.seedOr());
        request.console().println("fig5: threshold " + c.threshold() + " from " + threshold.origin());
        request.console().flush();
        Sourced<BapDelays> delays = Fig2bBapDelays.resolve(request);
        Summary s = Ellwood2024.recordModel(write(run(request.model(), c, delays.value(), request.runner()),
                threshold, delays.source(), request.out()), request.model(), request.out());
        request.console().print(s.table("Figure 5A-C: control phase, window " + window + " s (" + c.trials()
                + " trials, threshold " + c.threshold() + " from " + threshold.origin() + ")"));
        return s;
    }
}
