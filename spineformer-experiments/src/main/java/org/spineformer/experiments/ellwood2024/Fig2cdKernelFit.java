package org.spineformer.experiments.ellwood2024;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;
import org.spineformer.analysis.kernel.CrossCorrelation;
import org.spineformer.analysis.kernel.KernelFit;
import org.spineformer.analysis.kernel.OverlapKernel;
import org.spineformer.analysis.kernel.SpikeBinning;
import org.spineformer.analysis.stats.Statistics;
import org.spineformer.cell.CellModel;
import org.spineformer.cell.replay.Replay;
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
 * Figure 2C-D: the calcium integral as a bilinear form of the presynaptic and postsynaptic trains,
 * {@code g_j ~ sum_{t,s} pre_j(t - d_j) K(s - t) post(s)}, fitted on training runs and tested on others.
 *
 * <p>A run (CollectOverlapData.py): every axon fires at 6 Hz over [50, 50 + W] ms, the query is an independent 6 Hz
 * train over the same window (no matched axon), the non-potentiating cell runs W + 150 ms. Even runs train, odd runs
 * test (the paper: 100 of each, made separately).
 *
 * <p>Fit (Figure_2CD_FitLinearModelToOverlapsAndPlot.py, {@link KernelFit}): every axon's first spine is a sample; its
 * train advanced by that spine's bAP delay and the query are binned at 1 ms over [50, 50 + W]; the integrals are
 * divided by the 1 s threshold; samples 4 s.d. above the mean are dropped (training and test sets separately); the
 * kernel over lags +-60 ms minimises the mean squared error plus 0.01 times its roughness, solved exactly rather than
 * by the script's Adam steps. The figure's number is the explained variance on the test runs; its standard error is
 * a bootstrap over test runs.
 */
public final class Fig2cdKernelFit {
    public static final String PANEL = "fig2cd";
    static final double START_MS = 50;
    static final double TAIL_MS = 100;
    static final double BIN_MS = 1;

    /**
     * @param runs match runs, even ones for training and odd ones for testing (the paper: 100 + 100)
     * @param seed the run's seed
     * @param matchWindowS W (the paper: 1 s)
     * @param maxLag the kernel's half width in bins (60: where the paper's soft window is 0.05)
     * @param smoothness the roughness penalty's weight (0.01)
     * @param threshold the integrals' unit, the 1 s threshold
     */
    public record Config(int runs, long seed, double matchWindowS, int maxLag, double smoothness, double threshold) {
        public Config {
            if (runs < 2) {
                throw new IllegalArgumentException("runs = " + runs + " must be >= 2 (one to train, one to test)");
            }
        }

        public static Config paper() {
            return new Config(200, Request.DEFAULT_SEED, 1, 60, KernelFit.PAPER_SMOOTHNESS,
                    Ellwood2024.paperThreshold(1));
        }

        /** {@code --quick}: 6 runs, 3 to train and 3 to test (6.9 s of simulated time). */
        public static Config quick() {
            return new Config(6, Request.DEFAULT_SEED, 1, 60, KernelFit.PAPER_SMOOTHNESS,
                    Ellwood2024.paperThreshold(1));
        }

        public double windowEndMs() {
            return START_MS + 1000 * matchWindowS;
        }
    }

    /**
     * One run.
     *
     * @param axonTrainsMs every axon's train
     * @param postMs the query
     * @param axonIntegrals every axon's first spine's final integral
     */
    public record Run(double[][] axonTrainsMs, double[] postMs, double[] axonIntegrals, double wallSeconds) {
    }

    /**
     * @param kernel the fitted kernel
     * @param lagsMs its lags
     * @param trainKept, testKept how many samples the outlier cut kept
     * @param explainedVarianceTrain on the training samples
     * @param explainedVarianceTest on the test samples, with its bootstrap standard error
     * @param testIntegrals, testPredictions the kept test samples (in thresholds) and the model's values
     */
    public record Result(Config config, List<Run> runs, OverlapKernel kernel, double[] lagsMs, int trainSamples,
                         int trainKept, int testSamples, int testKept, double explainedVarianceTrain,
                         double explainedVarianceTest, double explainedVarianceTestSe, double[] testIntegrals,
                         double[] testPredictions) {
    }

    private Fig2cdKernelFit() {
    }

    public static Run trial(CellModel model, Config c, SplittableRandom random, DoubleConsumer progress) {
        AxonTrains trains = Ellwood2024.axonTrains(model, random, START_MS, c.windowEndMs(), Ellwood2024.RATE_KHZ);
        double[] post = SpikeTrains.poisson(random, START_MS, c.windowEndMs(), Ellwood2024.RATE_KHZ,
                Ellwood2024.RECOVERY_MS);
        Replay.Result r = Ellwood2024.simulate(model, Ellwood2024.stimulus(model, model.vInitMv(),
                c.windowEndMs() + TAIL_MS, Double.POSITIVE_INFINITY, trains.perSpine(), post), false, List.of(),
                progress);
        double[] values = new double[model.axonCount()];
        for (int a = 0; a < values.length; a++) {
            values[a] = r.finalGDynamic()[model.firstSpine(a)];
        }
        return new Run(trains.trains(), post, values, r.wallSeconds());
    }

    /** The runs' label, what determines them (run.json), seed and count. */
    public static TrialSet trials(CellModel model, Config c) {
        return new TrialSet("", PANEL, Fingerprint.of(model, PANEL, c, "runs"), c.seed(), c.runs());
    }

    public static Result run(CellModel model, Config c, BapDelays delays, TrialRunner runner) {
        TrialSet t = trials(model, c);
        List<Run> runs = runner.run(t.label(), t.fingerprint(), t.seed(), t.trials(),
                (i, random, progress) -> trial(model, c, random, progress), Run.class);
        return analyse(model, c, runs, delays);
    }

    /** The samples of some runs: cross-correlations and integrals in thresholds, grouped by run. */
    private record Samples(List<double[][]> crossCorrelations, List<double[]> integrals) {
        double[][] rows() {
            return crossCorrelations.stream().flatMap(Arrays::stream).toArray(double[][]::new);
        }

        double[] values() {
            return integrals.stream().flatMapToDouble(Arrays::stream).toArray();
        }
    }

    private static Samples samples(CellModel model, Config c, List<Run> runs, BapDelays delays, int parity) {
        SpikeBinning binning = new SpikeBinning(START_MS, c.windowEndMs(), BIN_MS);
        List<double[][]> cc = new ArrayList<>();
        List<double[]> g = new ArrayList<>();
        for (int i = parity; i < runs.size(); i += 2) {
            Run run = runs.get(i);
            double[] post = binning.vector(run.postMs());
            double[][] rows = new double[model.axonCount()][];
            double[] values = new double[model.axonCount()];
            for (int a = 0; a < rows.length; a++) {
                double[] pre = binning.vector(run.axonTrainsMs()[a], delays.of(model.firstSpine(a)));
                rows[a] = CrossCorrelation.of(pre, post, c.maxLag());
                values[a] = run.axonIntegrals()[a] / c.threshold();
            }
            cc.add(rows);
            g.add(values);
        }
        return new Samples(cc, g);
    }

    /** The samples kept by the outlier cut (z < 4 over this set). */
    private static Samples kept(Samples s) {
        boolean[] keep = Statistics.belowZScore(s.values(), KernelFit.PAPER_OUTLIER_Z);
        List<double[][]> cc = new ArrayList<>();
        List<double[]> g = new ArrayList<>();
        int k = 0;
        for (int r = 0; r < s.integrals().size(); r++) {
            List<double[]> rows = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int a = 0; a < s.integrals().get(r).length; a++, k++) {
                if (keep[k]) {
                    rows.add(s.crossCorrelations().get(r)[a]);
                    values.add(s.integrals().get(r)[a]);
                }
            }
            cc.add(rows.toArray(double[][]::new));
            g.add(values.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return new Samples(cc, g);
    }

    static Result analyse(CellModel model, Config c, List<Run> runs, BapDelays delays) {
        Samples trainAll = samples(model, c, runs, delays, 0);
        Samples testAll = samples(model, c, runs, delays, 1);
        Samples train = kept(trainAll);
        Samples test = kept(testAll);
        OverlapKernel kernel = KernelFit.fit(train.rows(), train.values(), c.smoothness());
        double evTrain = kernel.explainedVariance(train.rows(), train.values());
        double[] testValues = test.values();
        double[] predictions = kernel.predictAll(test.rows());
        double evTest = Statistics.explainedVariance(testValues, predictions);
        // Bootstrap over test runs: the samples of one run share its query, so runs, not samples, are independent.
        SplittableRandom random = TrialSeeds.random(c.seed(), Long.MAX_VALUE);
        int n = test.integrals().size();
        double[] boot = new double[Fig3beMatchRoc.BOOTSTRAP_RESAMPLES];
        int valid = 0;
        for (int b = 0; b < boot.length && n >= 2; b++) {
            List<double[][]> cc = new ArrayList<>();
            List<double[]> g = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int j = random.nextInt(n);
                cc.add(test.crossCorrelations().get(j));
                g.add(test.integrals().get(j));
            }
            Samples resample = new Samples(cc, g);
            double[] values = resample.values();
            if (Statistics.variance(values) > 0) {
                boot[valid++] = Statistics.explainedVariance(values, kernel.predictAll(resample.rows()));
            }
        }
        double se = valid < 2 ? Double.NaN
                : Statistics.sampleStandardDeviation(Arrays.copyOf(boot, valid));
        return new Result(c, runs, kernel, kernel.lagsMs(new SpikeBinning(START_MS, c.windowEndMs(), BIN_MS)
                .binSpacingMs()), trainAll.values().length, train.values().length, testAll.values().length,
                testValues.length, evTrain, evTest, se, testValues, predictions);
    }

    public static Summary summary(Result r, Threshold threshold, String bapDelaysSource) {
        int peak = 0;
        double[] k = r.kernel().values();
        for (int i = 1; i < k.length; i++) {
            if (k[i] > k[peak]) {
                peak = i;
            }
        }
        int testRuns = r.runs().size() / 2;
        return new Summary().put("panel", PANEL).put("match_window_s", r.config().matchWindowS())
                .put("runs", r.runs().size()).put("train_runs", r.runs().size() - testRuns).put("test_runs", testRuns)
                .put("seed", r.config().seed()).put("max_lag_ms", r.lagsMs()[k.length - 1])
                .put("smoothness", r.config().smoothness())
                .put("threshold", r.config().threshold()).put("threshold_source", threshold.source())
                .put("threshold_path", threshold.path())
                .estimate("explained_variance_test", "explained variance, test runs", r.explainedVarianceTest(),
                        r.explainedVarianceTestSe(), testRuns)
                .exact("explained_variance_train", "explained variance, training runs", r.explainedVarianceTrain())
                .exact("kernel_peak_lag_ms", "kernel peak: lag pre -> post (ms)", r.lagsMs()[peak])
                .exact("kernel_peak", "kernel peak value", k[peak])
                .put("train_samples", r.trainSamples()).put("train_samples_kept", r.trainKept())
                .put("test_samples", r.testSamples()).put("test_samples_kept", r.testKept())
                .put("bap_delays_source", bapDelaysSource);
    }

    /**
     * Writes summary.json, trials.csv (one row per test sample kept: integral and prediction, in thresholds),
     * trials.npz (the kernel, lags, every run's integrals, and the test samples), kernel.csv (lag_ms, k) and the
     * plots fig2cd_kernel (2C) and fig2cd_fit (2D: prediction vs integral on the test runs), as PNG and SVG.
     */
    public static Summary write(Result r, Threshold threshold, String bapDelaysSource, Path dir) throws IOException {
        new CsvTable().add("integral_over_threshold", r.testIntegrals()).add("prediction", r.testPredictions())
                .write(dir.resolve("trials.csv"));
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("kernel", NpyArray.of(r.kernel().values()));
        arrays.put("lags_ms", NpyArray.of(r.lagsMs()));
        arrays.put("axon_integrals", NpyArray.of(r.runs().stream().map(Run::axonIntegrals).toArray(double[][]::new)));
        arrays.put("test_integral_over_threshold", NpyArray.of(r.testIntegrals()));
        arrays.put("test_prediction", NpyArray.of(r.testPredictions()));
        Npz.write(dir.resolve("trials.npz"), arrays);
        new CsvTable().add("lag_ms", r.lagsMs()).add("k", r.kernel().values()).write(dir.resolve("kernel.csv"));
        Plots.writePngAndSvg(dir, PANEL + "_kernel", Plots.lines("Figure 2C: fitted kernel", "lag pre -> post (ms)",
                "K (thresholds per spike pair)", List.of(new Plots.Series("K", r.lagsMs(), r.kernel().values())), false));
        Plots.writePngAndSvg(dir, PANEL + "_fit", Plots.scatter(String.format(Locale.ROOT,
                        "Figure 2D: test runs, explained variance %.3f", r.explainedVarianceTest()),
                "Ca^4 integral (thresholds)", "model (thresholds)", List.of(new Plots.Series("test samples", r.testIntegrals(),
                        r.testPredictions()))));
        Summary s = summary(r, threshold, bapDelaysSource);
        s.write(dir);
        return s;
    }

    static Summary reproduce(Request request) throws IOException {
        Config base = request.quick() ? Config.quick() : Config.paper();
        Threshold threshold = Threshold.resolve(request.model(), request.out(), base.matchWindowS());
        Config c = new Config(request.trialsOr(base.runs()), request.seedOr(), base.matchWindowS(), base.maxLag(),
                base.smoothness(), threshold.value());
        Sourced<BapDelays> delays = Fig2bBapDelays.resolve(request);
        Summary s = Ellwood2024.recordModel(write(run(request.model(), c, delays.value(), request.runner()),
                threshold, delays.source(), request.out()), request.model(), request.out());
        request.console().print(s.table("Figure 2C-D: kernel fit (" + c.runs() + " runs)"));
        return s;
    }
}
