package org.spineformer.experiments.ellwood2024;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;
import org.spineformer.analysis.spikes.Peaks;
import org.spineformer.analysis.stats.Statistics;
import org.spineformer.cell.CellModel;
import org.spineformer.cell.replay.Replay;
import org.spineformer.cell.replay.Stimulus;
import org.spineformer.experiments.output.Summary;
import org.spineformer.experiments.sweep.TrialSet;
import org.spineformer.experiments.train.AxonTrains;
import org.spineformer.experiments.train.SpikeTrains;
import org.spineformer.experiments.train.TrialSeeds;
import org.spineformer.experiments.trial.TrialRunner;
import org.spineformer.io.csv.CsvTable;
import org.spineformer.io.npy.NpyArray;
import org.spineformer.io.npy.Npz;
import org.spineformer.io.plot.Plots;

/**
 * Figure 3A: the matched spine's Ca^4 integral against the offset between its presynaptic spikes and the somatic
 * pulses (CollectCaDataForDifferentOffsets.py, Figure_3A_PlotOffsetData.py).
 *
 * <p>A run: every axon gets a 6 Hz train over [0, 350] ms; the tested axon (spines s .. s + 9, s = 0, 50, ..., 1450)
 * instead gets an 8 Hz train over [50, 300] ms redrawn until it has exactly 2 spikes; the pulses come at those spikes
 * + offset, offset -5 .. 20 ms in 1 ms steps; the non-potentiating cell runs 350 ms from -75 mV; the value is spine
 * s's final integral. The paper made 10 repetitions of every (spine, offset): 7800 runs. Run i has offset
 * i mod 26, spine (i div 26) mod 30 and repetition i div 780, so any prefix covers the offsets first, then the spines.
 *
 * <p>Analysis: each spine's mean over repetitions, smoothed by a 4th-order Butterworth low-pass (cutoff 0.2 per
 * ms, forward and backward: {@link ButterworthLowPass}), shifted by its bAP delay onto the time from the presynaptic
 * spike to the bAP's arrival ({@code np.interp(offsets, offsets + d, g)}), then mean and s.e.m. over spines, and the
 * best offset by a parabola through the peak of the mean.
 */
public final class Fig3aOffsetScan {
    public static final String PANEL = "fig3a";
    static final int OFFSETS = 26;
    static final double FIRST_OFFSET_MS = -5;
    static final int SPINES = 30;
    static final int SPINE_STEP = 50;
    static final int REPETITIONS = 10;
    /** The tested axon's train: 8 Hz over [50, 300] ms with exactly 2 spikes. */
    static final double PAIR_RATE_KHZ = 0.008;
    static final double PAIR_START_MS = 50;
    static final double PAIR_END_MS = 300;
    static final int PAIR_SPIKES = 2;
    static final double TSTOP_MS = 350;
    /** The smoothing of each spine's curve: butter(4, 0.2, fs = 1 sample per ms). */
    static final ButterworthLowPass SMOOTHING = ButterworthLowPass.design(4, 0.2, 1);

    /**
     * @param runs the number of runs (the paper: 26 offsets x 30 spines x 10 repetitions = 7800)
     * @param seed the run's seed
     */
    public record Config(int runs, long seed) {
        public Config {
            if (runs < 1) {
                throw new IllegalArgumentException("runs = " + runs + " must be >= 1");
            }
        }

        public static Config paper() {
            return new Config(OFFSETS * SPINES * REPETITIONS, Request.DEFAULT_SEED);
        }

        /** {@code --quick}: every offset once for spine 0, 26 runs (9.1 s of simulated time). */
        public static Config quick() {
            return new Config(OFFSETS, Request.DEFAULT_SEED);
        }
    }

    /** One run: the tested spine, the offset, the repetition and the spine's final integral. */
    public record Run(int spine, double offsetMs, int repetition, double integral, double wallSeconds) {
    }

    /**
     * @param offsetsMs the offsets (x axis)
     * @param spines the spines with every offset run at least once
     * @param spineMeans each of those spines' mean integral per offset (over repetitions), unsmoothed and unshifted
     * @param shifted the same smoothed and shifted by each spine's bAP delay
     * @param mean the mean over spines of the shifted curves
     * @param sem its standard error ({@code np.std / sqrt(n)}; 0 with one spine)
     * @param bestOffsetMs the parabola-refined peak of the mean
     * @param bestOffsetSe its bootstrap standard error over spines (NaN with one spine)
     */
    public record Result(Config config, List<Run> runs, double[] offsetsMs, int[] spines, double[][] spineMeans,
                         double[][] shifted, double[] mean, double[] sem, double bestOffsetMs, double bestOffsetSe) {
    }

    private Fig3aOffsetScan() {
    }

    static double offset(int run) {
        return FIRST_OFFSET_MS + run % OFFSETS;
    }

    /**
     * The spine run {@code run} tests: the j-th of {@link #SPINES} spines spread evenly over the grouped spines
     * (in the paper's cell every {@link #SPINE_STEP}-th: 0, 50, ..., 1450).
     */
    static int spine(CellModel model, int run) {
        int[] grouped = model.groupedSpines();
        return grouped[(int) ((long) ((run / OFFSETS) % SPINES) * grouped.length / SPINES)];
    }

    static int repetition(int run) {
        return run / (OFFSETS * SPINES);
    }

    /** Run {@code index}'s stimulus, drawn from its stream: all trains, then the tested pair. */
    public static Stimulus stimulus(CellModel model, int index, SplittableRandom random) {
        AxonTrains trains = Ellwood2024.axonTrains(model, random, 0, TSTOP_MS, Ellwood2024.RATE_KHZ);
        double[] pair = SpikeTrains.poissonWithCount(random, PAIR_START_MS, PAIR_END_MS, PAIR_RATE_KHZ,
                Ellwood2024.RECOVERY_MS, PAIR_SPIKES);
        trains = trains.withTrain(model.axonOf(spine(model, index)), pair);
        return Ellwood2024.stimulus(model, model.vInitMv(), TSTOP_MS, Double.POSITIVE_INFINITY, trains.perSpine(),
                SpikeTrains.shifted(pair, offset(index)));
    }

    public static Run trial(CellModel model, int index, SplittableRandom random, DoubleConsumer progress) {
        Replay.Result r = Ellwood2024.simulate(model, stimulus(model, index, random), false, List.of(), progress);
        int spine = spine(model, index);
        return new Run(spine, offset(index), repetition(index), r.finalGDynamic()[spine], r.wallSeconds());
    }

    /** The runs' label, what determines them (run.json), seed and count. */
    public static TrialSet trials(CellModel model, Config c) {
        return new TrialSet("", PANEL, Fingerprint.of(model, PANEL, c, "runs"), c.seed(), c.runs());
    }

    public static Result run(CellModel model, Config c, BapDelays delays, TrialRunner runner) {
        TrialSet t = trials(model, c);
        List<Run> runs = runner.run(t.label(), t.fingerprint(), t.seed(), t.trials(),
                (i, random, progress) -> trial(model, i, random, progress), Run.class);
        return analyse(model, c, runs, delays);
    }

    /** Which of the {@link #SPINES} tested spines {@code spine} is (the first, if a small cell repeats one). */
    static int slot(CellModel model, int spine) {
        for (int j = 0; j < SPINES; j++) {
            if (spine(model, j * OFFSETS) == spine) {
                return j;
            }
        }
        throw new IllegalArgumentException("spine " + spine + " is not one fig3a tests");
    }

    /** The curves and the best offset, the bootstrap drawing from a stream no run uses. */
    public static Result analyse(CellModel model, Config c, List<Run> runs, BapDelays delays) {
        return analyse(model, c, runs, delays, TrialSeeds.random(c.seed(), Long.MAX_VALUE));
    }

    /** The curves and the best offset; {@code random} drives the bootstrap. */
    static Result analyse(CellModel model, Config c, List<Run> runs, BapDelays delays, SplittableRandom random) {
        double[] offsets = new double[OFFSETS];
        for (int k = 0; k < OFFSETS; k++) {
            offsets[k] = FIRST_OFFSET_MS + k;
        }
        double[][] sum = new double[SPINES][OFFSETS];
        int[][] count = new int[SPINES][OFFSETS];
        for (Run r : runs) {
            int s = slot(model, r.spine());
            int k = (int) Math.round(r.offsetMs() - FIRST_OFFSET_MS);
            sum[s][k] += r.integral();
            count[s][k]++;
        }
        List<Integer> complete = new ArrayList<>();
        for (int s = 0; s < SPINES; s++) {
            boolean all = true;
            for (int k = 0; k < OFFSETS; k++) {
                all &= count[s][k] > 0;
            }
            if (all) {
                complete.add(s);
            }
        }
        if (complete.isEmpty()) {
            throw new IllegalArgumentException("runs = " + runs.size() + " do not cover the " + OFFSETS
                    + " offsets of any spine: use at least " + OFFSETS);
        }
        int n = complete.size();
        int[] spines = new int[n];
        double[][] means = new double[n][OFFSETS];
        double[][] shifted = new double[n][];
        for (int i = 0; i < n; i++) {
            int s = complete.get(i);
            spines[i] = s * SPINE_STEP;
            for (int k = 0; k < OFFSETS; k++) {
                means[i][k] = sum[s][k] / count[s][k];
            }
            shifted[i] = interp(offsets, SpikeTrains.shifted(offsets, delays.of(spines[i])),
                    SMOOTHING.filtfilt(means[i]));
        }
        double[] mean = new double[OFFSETS];
        double[] sem = new double[OFFSETS];
        double[] column = new double[n];
        for (int k = 0; k < OFFSETS; k++) {
            for (int i = 0; i < n; i++) {
                column[i] = shifted[i][k];
            }
            mean[k] = Statistics.mean(column);
            sem[k] = Statistics.standardErrorOfMean(column);
        }
        double best = Peaks.parabolicPeakTime(offsets, mean);
        double se = Double.NaN;
        if (n >= 2) {
            double[] boot = new double[Fig3beMatchRoc.BOOTSTRAP_RESAMPLES];
            for (int b = 0; b < boot.length; b++) {
                double[] m = new double[OFFSETS];
                for (int i = 0; i < n; i++) {
                    double[] curve = shifted[random.nextInt(n)];
                    for (int k = 0; k < OFFSETS; k++) {
                        m[k] += curve[k] / n;
                    }
                }
                boot[b] = Peaks.parabolicPeakTime(offsets, m);
            }
            se = Statistics.sampleStandardDeviation(boot);
        }
        return new Result(c, runs, offsets, spines, means, shifted, mean, sem, best, se);
    }

    /** {@code np.interp(x, xp, fp)}: linear, xp increasing, held constant beyond its ends. */
    static double[] interp(double[] x, double[] xp, double[] fp) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            if (v <= xp[0]) {
                out[i] = fp[0];
            } else if (v >= xp[xp.length - 1]) {
                out[i] = fp[fp.length - 1];
            } else {
                int j = 1;
                while (xp[j] < v) {
                    j++;
                }
                double f = (v - xp[j - 1]) / (xp[j] - xp[j - 1]);
                out[i] = fp[j - 1] + f * (fp[j] - fp[j - 1]);
            }
        }
        return out;
    }

    public static Summary summary(Result r, String bapDelaysSource) {
        int peak = 0;
        for (int k = 1; k < r.mean().length; k++) {
            if (r.mean()[k] > r.mean()[peak]) {
                peak = k;
            }
        }
        return new Summary().put("panel", PANEL).put("runs", r.runs().size()).put("seed", r.config().seed())
                .put("spines", r.spines().length)
                .estimate("best_offset_ms", "best offset, pre spike to bAP arrival (ms)", r.bestOffsetMs(),
                        r.bestOffsetSe(), r.spines().length)
                .mean("peak_integral", "mean integral at the best sampled offset", r.mean()[peak], r.sem()[peak],
                        r.spines().length)
                .put("peak_sampled_offset_ms", r.offsetsMs()[peak])
                .put("paper_optimum_offset_ms", Ellwood2024.OPTIMUM_OFFSET_MS)
                .put("bap_delays_source", bapDelaysSource);
    }

    /**
     * Writes summary.json, trials.csv and trials.npz (one row per run; the npz also holds the per-spine curves),
     * curve.csv (offset_ms, mean, sem) and fig3a.png/.svg.
     */
    public static Summary write(Result r, String bapDelaysSource, Path dir) throws IOException {
        List<Run> runs = r.runs();
        new CsvTable().add("run", IntStream.range(0, runs.size()).toArray())
                .add("spine", runs.stream().mapToInt(Run::spine).toArray())
                .add("repetition", runs.stream().mapToInt(Run::repetition).toArray())
                .add("offset_ms", runs.stream().mapToDouble(Run::offsetMs).toArray())
                .add("integral", runs.stream().mapToDouble(Run::integral).toArray()).write(dir.resolve("trials.csv"));
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("spine", NpyArray.of(runs.stream().mapToInt(Run::spine).toArray()));
        arrays.put("repetition", NpyArray.of(runs.stream().mapToInt(Run::repetition).toArray()));
        arrays.put("offset_ms", NpyArray.of(runs.stream().mapToDouble(Run::offsetMs).toArray()));
        arrays.put("integral", NpyArray.of(runs.stream().mapToDouble(Run::integral).toArray()));
        arrays.put("offsets_ms", NpyArray.of(r.offsetsMs()));
        arrays.put("curve_spines", NpyArray.of(r.spines()));
        arrays.put("spine_means", NpyArray.of(r.spineMeans()));
        arrays.put("spine_means_shifted", NpyArray.of(r.shifted()));
        Npz.write(dir.resolve("trials.npz"), arrays);
        new CsvTable().add("offset_ms", r.offsetsMs()).add("mean", r.mean()).add("sem", r.sem())
                .write(dir.resolve("curve.csv"));
        Plots.writePngAndSvg(dir, PANEL, Plots.lines("Figure 3A: Ca^4 integral vs offset (" + r.spines().length
                        + " spines)", "pre spike to bAP arrival (ms)", "Ca^4 integral (mM^4 ms)",
                List.of(new Plots.Series("mean", r.offsetsMs(), r.mean()),
                        new Plots.Series("mean + s.e.m.", r.offsetsMs(), add(r.mean(), r.sem(), 1)),
                        new Plots.Series("mean - s.e.m.", r.offsetsMs(), add(r.mean(), r.sem(), -1))), true));
        Summary s = summary(r, bapDelaysSource);
        s.write(dir);
        return s;
    }

    private static double[] add(double[] a, double[] b, double sign) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + sign * b[i];
        }
        return out;
    }

    static Summary reproduce(Request request) throws IOException {
        Config base = request.quick() ? Config.quick() : Config.paper();
        Config c = new Config(request.trialsOr(base.runs()), request.seedOr());
        Sourced<BapDelays> delays = Fig2bBapDelays.resolve(request);
        Summary s = Ellwood2024.recordModel(write(run(request.model(), c, delays.value(), request.runner()),
                delays.source(), request.out()), request.model(), request.out());
        request.console().print(s.table("Figure 3A: integral vs offset (" + c.runs() + " runs)"));
        return s;
    }
}
