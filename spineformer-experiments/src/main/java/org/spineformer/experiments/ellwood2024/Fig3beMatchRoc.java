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
import org.spineformer.analysis.roc.MatchScores;
import org.spineformer.analysis.roc.OperatingPoint;
import org.spineformer.analysis.roc.RocCurve;
import org.spineformer.analysis.stats.GaussianKde;
import org.spineformer.analysis.stats.Grid;
import org.spineformer.analysis.stats.Statistics;
import org.spineformer.cell.CellModel;
import org.spineformer.cell.replay.Stimulus;
import org.spineformer.experiments.output.Summary;
import org.spineformer.experiments.sweep.TrialSet;
import org.spineformer.experiments.train.AxonTrains;
import org.spineformer.experiments.train.SpikeTrains;
import org.spineformer.experiments.train.TrialSeeds;
import org.spineformer.experiments.trial.ReplayTrial;
import org.spineformer.experiments.trial.Replayed;
import org.spineformer.experiments.trial.TrialRunner;
import org.spineformer.io.csv.CsvTable;
import org.spineformer.io.npy.NpyArray;
import org.spineformer.io.npy.Npz;
import org.spineformer.io.plot.Plots;

/**
 * Figure 3B-E: how well one match window's calcium integral tells the matched axon from all the others, and the
 * threshold that does it at a false-positive rate of 0.1.
 *
 * <p>A run (DistributionOfCaIntegrals.py): every axon gets a 6 Hz train over [50, 50 + W] ms; the matched axon's
 * train sets the somatic pulses, at each of its spikes + 7 ms - d (the bAP delay of one of its spines), so that its
 * glutamate meets the bAP; the non-potentiating cell runs W + 150 ms from v_init -75 mV; each axon's value is the
 * final Ca^4 integral (g_dynamic) of its first spine. The paper made one run per spine, 1500, matching the spine's
 * axon with that spine's delay; here run i matches axon i mod 150 with the delay of its spine (i div 150) mod 10, so
 * 1500 runs are the paper's set and the first 150 cover every axon once.
 *
 * <p>Analysis (Figure_3BCDE_HistogramAndROCPlots.py): per run, the matched axon's integral is a positive and the
 * largest unmatched one a negative (a false detection is any unmatched axon crossing); the ROC of the two samples;
 * the threshold is the curve's point nearest a false-positive rate of 0.1. Standard errors: binomial for the
 * true-positive rate, bootstrap over runs for the threshold and the area under the curve.
 */
public final class Fig3beMatchRoc {
    public static final String PANEL = "fig3be";
    /** Bootstrap resamples for the threshold's and the AUC's standard errors. */
    static final int BOOTSTRAP_RESAMPLES = 1000;

    /**
     * @param matchWindowS the match window W (s): 0.5, 1 or 2 in the paper
     * @param runs match runs (the paper: 1500, one per spine)
     * @param seed the run's seed
     * @param trainStartMs the trains' window starts here and lasts W (50 ms)
     * @param tailMs the run continues this long after the window's start + W (100 ms, so tstop = W + 150 ms)
     * @param rateKhz every axon's rate (6 Hz; Figure 3F-G: 8 Hz)
     * @param jitterMs standard deviation of Gaussian noise added to each pulse time (0; Figure 3F-G: 1 or 2 ms)
     */
    public record Config(double matchWindowS, int runs, long seed, double trainStartMs, double tailMs, double rateKhz,
                         double jitterMs) {
        public Config {
            if (!(matchWindowS > 0 && Double.isFinite(matchWindowS))) {
                throw new IllegalArgumentException("matchWindowS = " + matchWindowS + " must be > 0");
            }
            Ellwood2024.requireAtMostMaxMatchWindow("matchWindowS", matchWindowS);
            if (runs < 1) {
                throw new IllegalArgumentException("runs = " + runs + " must be >= 1");
            }
            if (!(jitterMs >= 0)) {
                throw new IllegalArgumentException("jitterMs = " + jitterMs + " must be >= 0");
            }
        }

        public static Config paper(double matchWindowS) {
            return new Config(matchWindowS, Ellwood2024.SPINES, Request.DEFAULT_SEED, 50, 100, Ellwood2024.RATE_KHZ,
                    0);
        }

        /** {@code --quick}: 10 runs of the 1 s window (11.5 s of simulated time). */
        public static Config quick() {
            return paper(1).withRuns(10);
        }

        public double windowMs() {
            return 1000 * matchWindowS;
        }

        public double tstopMs() {
            return trainStartMs + windowMs() + tailMs;
        }

        public Config withRuns(int n) {
            return new Config(matchWindowS, n, seed, trainStartMs, tailMs, rateKhz, jitterMs);
        }

        public Config withSeed(long s) {
            return new Config(matchWindowS, runs, s, trainStartMs, tailMs, rateKhz, jitterMs);
        }

        public Config withMatchWindow(double w) {
            return new Config(w, runs, seed, trainStartMs, tailMs, rateKhz, jitterMs);
        }

        /** DistributionOfCaIntegralsWithNoise.py: the given rate and pulse jitter. */
        public Config withNoise(double rate, double jitter) {
            return new Config(matchWindowS, runs, seed, trainStartMs, tailMs, rate, jitter);
        }
    }

    /**
     * One match run.
     *
     * @param matchedAxon the axon whose train set the pulses
     * @param delaySpine the spine whose bAP delay placed them
     * @param delayMs that delay
     * @param pulses the number of somatic pulses
     * @param axonIntegrals each axon's final Ca^4 integral (its first spine's g_dynamic)
     * @param wallSeconds the simulation's wall time
     */
    public record Run(int matchedAxon, int delaySpine, double delayMs, int pulses, double[] axonIntegrals,
                      double wallSeconds) {
    }

    /**
     * @param scores the positives (matched) and negatives (largest unmatched) per run
     * @param roc their ROC curve
     * @param operatingPoint the point nearest a false-positive rate of 0.1: the threshold and its rates
     * @param auc the area under the ROC curve
     * @param thresholdSe the threshold's bootstrap standard error (NaN with one run)
     * @param aucSe the AUC's bootstrap standard error (NaN with one run)
     */
    public record Result(Config config, List<Run> runs, MatchScores scores, RocCurve roc,
                         OperatingPoint operatingPoint, double auc, double thresholdSe, double aucSe) {
    }

    private Fig3beMatchRoc() {
    }

    /** Which axon run i matches, and with which of its spines' delays. */
    static int matchedAxon(CellModel model, int run) {
        return run % model.axonCount();
    }

    static int delaySpine(CellModel model, int run) {
        int[] spines = model.axons()[matchedAxon(model, run)];
        return spines[(run / model.axonCount()) % spines.length];
    }

    /**
     * A run's inputs.
     *
     * @param matchedAxon the axon whose train sets the pulses
     * @param delaySpine the spine whose bAP delay places them
     * @param stimulus what the cell receives
     */
    public record Draw(int matchedAxon, int delaySpine, Stimulus stimulus) {
    }

    /** Draws run {@code index}'s inputs from its random stream. */
    public static Draw draw(CellModel model, Config c, BapDelays delays, int index, SplittableRandom random) {
        int axon = matchedAxon(model, index);
        int spine = delaySpine(model, index);
        AxonTrains trains = Ellwood2024.axonTrains(model, random, c.trainStartMs(), c.trainStartMs() + c.windowMs(),
                c.rateKhz());
        double[] post = SpikeTrains.shifted(trains.train(axon), Ellwood2024.OPTIMUM_OFFSET_MS - delays.of(spine));
        if (c.jitterMs() > 0) {
            // After the trains, as the script draws it; the 50 ms dead time keeps the jittered pulses in order.
            for (int i = 0; i < post.length; i++) {
                post[i] += c.jitterMs() * random.nextGaussian();
            }
        }
        return new Draw(axon, spine, Ellwood2024.stimulus(model, model.vInitMv(), c.tstopMs(),
                Double.POSITIVE_INFINITY, trains.perSpine(), post));
    }

    /** Run {@code index}: a pure function of the index, its random stream and the delays. */
    public static Run trial(CellModel model, Config c, BapDelays delays, int index, SplittableRandom random,
                            DoubleConsumer progress) {
        return replayed(model, c, delays, index, random).runAlone(progress);
    }

    /** Run {@code index} drawn, its replay not run yet (so that runs can go in lanes). */
    public static Replayed<Run> replayed(CellModel model, Config c, BapDelays delays, int index,
                                         SplittableRandom random) {
        Draw d = draw(model, c, delays, index, random);
        return new Replayed<>(model, d.stimulus(), List.of(), r -> {
            double[] values = new double[model.axonCount()];
            for (int a = 0; a < values.length; a++) {
                values[a] = r.finalGDynamic()[model.firstSpine(a)];
            }
            return new Run(d.matchedAxon(), d.delaySpine(), delays.of(d.delaySpine()), d.stimulus().post().length,
                    values, r.wallSeconds());
        });
    }

    /** The runs' label, what determines them (run.json), seed and count. */
    public static TrialSet trials(CellModel model, Config c, BapDelays delays) {
        String label = PANEL + " " + c.matchWindowS() + " s"
                + (c.jitterMs() > 0 ? ", " + c.jitterMs() + " ms jitter" : "");
        return new TrialSet("", label, Fingerprint.of(model, PANEL, c, "runs", "bap_delays_sha256",
                delays.sha256()), c.seed(), c.runs());
    }

    public static Result run(CellModel model, Config c, BapDelays delays, TrialRunner runner) {
        TrialSet t = trials(model, c, delays);
        List<Run> runs = runner.run(t.label(), t.fingerprint(), t.seed(), t.trials(),
                (ReplayTrial<Run>) (i, random) -> replayed(model, c, delays, i, random), Run.class);
        return analyse(c, runs);
    }

    /** The ROC analysis of the runs. */
    public static Result analyse(Config c, List<Run> runs) {
        double[][] values = runs.stream().map(Run::axonIntegrals).toArray(double[][]::new);
        int[] matched = runs.stream().mapToInt(Run::matchedAxon).toArray();
        MatchScores scores = MatchScores.fromAxonValues(values, matched);
        RocCurve roc = RocCurve.of(scores);
        OperatingPoint op = operatingPoint(roc);
        double[] bootThreshold = new double[BOOTSTRAP_RESAMPLES];
        double[] bootAuc = new double[BOOTSTRAP_RESAMPLES];
        SplittableRandom random = TrialSeeds.random(c.seed(), Long.MAX_VALUE); // a stream no trial uses
        int n = runs.size();
        for (int b = 0; b < BOOTSTRAP_RESAMPLES; b++) {
            double[] pos = new double[n];
            double[] neg = new double[n];
            for (int i = 0; i < n; i++) {
                int j = random.nextInt(n);
                pos[i] = scores.positives()[j];
                neg[i] = scores.negatives()[j];
            }
            RocCurve resampled = RocCurve.of(neg, pos);
            bootThreshold[b] = operatingPoint(resampled).threshold();
            bootAuc[b] = area(resampled);
        }
        return new Result(c, runs, scores, roc, op, area(roc), spread(bootThreshold), spread(bootAuc));
    }

    /**
     * The paper's operating point ({@link RocCurve#atFalsePositiveRate}, FPR 0.1), except that the curve's origin,
     * whose threshold is +infinity, gives way to the nearest point with a finite threshold (of several, the one with
     * the highest true-positive rate). The origin wins only on a
     * tie, when the samples separate perfectly ((0, 0) and (0, 1) are equally near 0.1): with the paper's 1500 runs
     * this does not happen, with the few runs of {@code --quick} it does, and an infinite threshold would be useless.
     */
    static OperatingPoint operatingPoint(RocCurve roc) {
        double target = Ellwood2024.THRESHOLD_FALSE_POSITIVE_RATE;
        OperatingPoint paper = roc.atFalsePositiveRate(target);
        if (Double.isFinite(paper.threshold())) {
            return paper;
        }
        double[] fpr = roc.falsePositiveRates();
        int best = -1;
        for (int i = 0; i < fpr.length; i++) {
            // Of equally near points the last: the same false-positive rate with the most true positives.
            if (Double.isFinite(roc.thresholds()[i])
                    && (best < 0 || Math.abs(fpr[i] - target) <= Math.abs(fpr[best] - target))) {
                best = i;
            }
        }
        return best < 0 ? paper : new OperatingPoint(roc.thresholds()[best], fpr[best], roc.truePositiveRates()[best]);
    }

    /** The area under the curve by the trapezoid rule (the points sklearn drops are collinear: no change). */
    static double area(RocCurve roc) {
        double a = 0;
        double[] x = roc.falsePositiveRates();
        double[] y = roc.truePositiveRates();
        for (int i = 1; i < x.length; i++) {
            a += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
        }
        return a;
    }

    /** The sample standard deviation of the finite values (a resample may give an infinite threshold), or NaN. */
    private static double spread(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        return finite.length < 2 ? Double.NaN : Statistics.sampleStandardDeviation(finite);
    }

    public static Summary summary(Result r, String bapDelaysSource) {
        Config c = r.config();
        double paper = Ellwood2024.hasPaperThreshold(c.matchWindowS()) ? Ellwood2024.paperThreshold(c.matchWindowS())
                : Double.NaN;
        Summary s = new Summary().put("panel", PANEL).put("match_window_s", c.matchWindowS())
                .put("runs", r.runs().size()).put("seed", c.seed())
                .put("target_false_positive_rate", Ellwood2024.THRESHOLD_FALSE_POSITIVE_RATE);
        addRoc(s, "", "", r);
        return s.exact("paper_threshold", "the paper's threshold", paper)
                .exact("threshold_over_paper", "threshold / the paper's", r.operatingPoint().threshold() / paper)
                .put("bootstrap_resamples", BOOTSTRAP_RESAMPLES)
                .put("bap_delays_source", bapDelaysSource)
                .put("simulation_wall_seconds_mean",
                        r.runs().stream().mapToDouble(Run::wallSeconds).average().orElse(Double.NaN));
    }

    /**
     * The ROC numbers of a result, keys prefixed by {@code prefix} and table labels by {@code label}: threshold,
     * false_positive_rate, true_positive_rate, auc, matched_integral, max_unmatched_integral.
     */
    static void addRoc(Summary s, String prefix, String label, Result r) {
        int n = r.runs().size();
        OperatingPoint op = r.operatingPoint();
        double tpr = op.truePositiveRate();
        double[] pos = r.scores().positives();
        double[] neg = r.scores().negatives();
        s.estimate(prefix + "threshold", label + "threshold at FPR 0.1 (Ca^4 integral)", op.threshold(),
                        r.thresholdSe(), n)
                .exact(prefix + "false_positive_rate", label + "false-positive rate at the threshold",
                        op.falsePositiveRate())
                .estimate(prefix + "true_positive_rate", label + "true-positive rate at the threshold", tpr,
                        Math.sqrt(tpr * (1 - tpr) / n), n)
                .estimate(prefix + "auc", label + "area under the ROC curve", r.auc(), r.aucSe(), n)
                .mean(prefix + "matched_integral", label + "matched axon's integral", Statistics.mean(pos),
                        Statistics.standardErrorOfMean(pos), n)
                .mean(prefix + "max_unmatched_integral", label + "largest unmatched integral", Statistics.mean(neg),
                        Statistics.standardErrorOfMean(neg), n);
    }

    /**
     * Writes summary.json, trials.csv and trials.npz (one row per run), roc.csv, and the plots fig3be_density
     * (the distributions of matched and unmatched integrals in units of the threshold; skipped when a sample
     * is degenerate) and fig3be_roc, as PNG and SVG.
     */
    public static Summary write(Result r, String bapDelaysSource, Path dir) throws IOException {
        List<Run> runs = r.runs();
        int n = runs.size();
        int[] run = new int[n];
        int[] axon = new int[n];
        int[] spine = new int[n];
        int[] pulses = new int[n];
        double[] delay = new double[n];
        for (int i = 0; i < n; i++) {
            run[i] = i;
            axon[i] = runs.get(i).matchedAxon();
            spine[i] = runs.get(i).delaySpine();
            pulses[i] = runs.get(i).pulses();
            delay[i] = runs.get(i).delayMs();
        }
        new CsvTable().add("run", run).add("matched_axon", axon).add("delay_spine", spine).add("delay_ms", delay)
                .add("pulses", pulses).add("matched_integral", r.scores().positives())
                .add("max_unmatched_integral", r.scores().negatives()).write(dir.resolve("trials.csv"));
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("axon_integrals", NpyArray.of(runs.stream().map(Run::axonIntegrals).toArray(double[][]::new)));
        arrays.put("matched_axon", NpyArray.of(axon));
        arrays.put("delay_spine", NpyArray.of(spine));
        arrays.put("delay_ms", NpyArray.of(delay));
        arrays.put("pulses", NpyArray.of(pulses));
        arrays.put("matched_integral", NpyArray.of(r.scores().positives()));
        arrays.put("max_unmatched_integral", NpyArray.of(r.scores().negatives()));
        arrays.put("roc_false_positive_rate", NpyArray.of(r.roc().falsePositiveRates()));
        arrays.put("roc_true_positive_rate", NpyArray.of(r.roc().truePositiveRates()));
        arrays.put("roc_threshold", NpyArray.of(r.roc().thresholds()));
        Npz.write(dir.resolve("trials.npz"), arrays);
        new CsvTable().add("false_positive_rate", r.roc().falsePositiveRates())
                .add("true_positive_rate", r.roc().truePositiveRates()).add("threshold", r.roc().thresholds())
                .write(dir.resolve("roc.csv"));
        String window = r.config().matchWindowS() + " s";
        Plots.writePngAndSvg(dir, PANEL + "_roc", Plots.roc("Figure 3E: ROC, match window " + window,
                List.of(new Plots.Series(window, r.roc().falsePositiveRates(), r.roc().truePositiveRates()))));
        List<Plots.Series> densities = densities(r);
        if (!densities.isEmpty()) {
            Plots.writePngAndSvg(dir, PANEL + "_density", densityChart("Figure 3B-D: integrals, match window "
                    + window, r, densities));
        }
        Summary s = summary(r, bapDelaysSource);
        s.write(dir);
        return s;
    }

    /**
     * Kernel density estimates of the matched integrals and of all unmatched ones, in units of the threshold (of the
     * integral itself when the threshold is not finite, as with very few runs), over [0, min(1.2 max, 4)] thresholds
     * as the script draws them; none when a sample is degenerate (one run, or all values equal).
     */
    static List<Plots.Series> densities(Result r) {
        double threshold = r.operatingPoint().threshold();
        boolean inThresholds = hasFiniteThreshold(r);
        double unit = inThresholds ? threshold : 1;
        double[] matched = r.scores().positives();
        List<Double> others = new ArrayList<>();
        for (Run run : r.runs()) {
            for (int a = 0; a < run.axonIntegrals().length; a++) {
                if (a != run.matchedAxon()) {
                    others.add(run.axonIntegrals()[a]);
                }
            }
        }
        double[] unmatched = others.stream().mapToDouble(Double::doubleValue).toArray();
        if (matched.length < 2 || Statistics.variance(matched) == 0 || Statistics.variance(unmatched) == 0) {
            return List.of();
        }
        double[] a = scaled(unmatched, unit);
        double[] b = scaled(matched, unit);
        double max = Math.max(Arrays.stream(a).max().orElseThrow(), Arrays.stream(b).max().orElseThrow());
        double[] x = Grid.linspace(0, inThresholds ? Math.min(1.2 * max, 4) : 1.2 * max, 1000);
        return List.of(new Plots.Series("unmatched axons", x, GaussianKde.of(a).density(x)),
                new Plots.Series("matched axon", x, GaussianKde.of(b).density(x)));
    }

    /** The x axis of {@link #densities}. */
    static String densityAxis(Result r) {
        return hasFiniteThreshold(r) ? "Ca^4 integral (thresholds)" : "Ca^4 integral (mM^4 ms)";
    }

    /** The plot of {@link #densities}: density per unit of {@link #densityAxis}. */
    static XYChart densityChart(String title, Result r, List<Plots.Series> densities) {
        return Plots.lines(title, densityAxis(r), hasFiniteThreshold(r) ? "density (per threshold)"
                : "density (per mM^4 ms)", densities, true);
    }

    private static boolean hasFiniteThreshold(Result r) {
        double t = r.operatingPoint().threshold();
        return t > 0 && Double.isFinite(t);
    }

    private static double[] scaled(double[] values, double by) {
        return Arrays.stream(values).map(v -> v / by).toArray();
    }

    static Summary reproduce(Request request) throws IOException {
        Config base = request.quick() ? Config.quick() : Config.paper(1);
        Config c = base.withMatchWindow(request.matchWindowOr(base.matchWindowS()))
                .withRuns(request.trialsOr(base.runs())).withSeed(request.seedOr());
        Sourced<BapDelays> delays = Fig2bBapDelays.resolve(request);
        Summary s = Ellwood2024.recordModel(write(run(request.model(), c, delays.value(), request.runner()),
                delays.source(), request.out()), request.model(), request.out());
        request.console().print(s.table("Figure 3B-E: match ROC, window " + c.matchWindowS() + " s (" + c.runs()
                + " runs)"));
        return s;
    }
}
