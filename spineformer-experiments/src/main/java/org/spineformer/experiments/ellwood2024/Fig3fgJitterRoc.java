package org.spineformer.experiments.ellwood2024;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spineformer.cell.CellModel;
import org.spineformer.experiments.output.Summary;
import org.spineformer.experiments.trial.TrialRunner;
import org.spineformer.io.csv.CsvTable;
import org.spineformer.io.npy.NpyArray;
import org.spineformer.io.npy.Npz;
import org.spineformer.io.plot.Plots;

/**
 * Figure 3F-G: the Figure 3B-E match runs with noisy queries (DistributionOfCaIntegralsWithNoise.py): 1 s window,
 * 8 Hz trains, and Gaussian jitter of 1 or 2 ms s.d. added to every pulse time, so that the matched axon's
 * glutamate no longer meets the bAP exactly. Each jitter level is a {@link Fig3beMatchRoc} run of its own (its
 * trials recorded in {@code DIR/jitter_<s>ms/}), analysed the same way: ROC, threshold at false-positive rate 0.1.
 */
public final class Fig3fgJitterRoc {
    public static final String PANEL = "fig3fg";
    /** The presynaptic rate of the noise runs: 8 Hz. */
    public static final double RATE_KHZ = 0.008;

    /**
     * @param runs match runs per jitter level (the paper: 1500)
     * @param seed the run's seed
     * @param jittersMs the jitter levels (the paper: 1 and 2 ms)
     */
    public record Config(int runs, long seed, List<Double> jittersMs) {
        public Config {
            if (runs < 1) {
                throw new IllegalArgumentException("runs = " + runs + " must be >= 1");
            }
            jittersMs = List.copyOf(jittersMs);
        }

        public static Config paper() {
            return new Config(Ellwood2024.SPINES, Request.DEFAULT_SEED, List.of(1.0, 2.0));
        }

        /** {@code --quick}: 3 runs per level (6.9 s of simulated time). */
        public static Config quick() {
            return new Config(3, Request.DEFAULT_SEED, paper().jittersMs());
        }

        /** The Figure 3B-E config of one jitter level. */
        public Fig3beMatchRoc.Config level(double jitterMs) {
            return Fig3beMatchRoc.Config.paper(1).withRuns(runs).withSeed(seed).withNoise(RATE_KHZ, jitterMs);
        }
    }

    public record Result(Config config, List<Fig3beMatchRoc.Result> levels) {
    }

    private Fig3fgJitterRoc() {
    }

    /** The folder, under the panel's, that records a level's trials. */
    static String folder(double jitterMs) {
        return "jitter_" + Panels.windowName(jitterMs) + "ms";
    }

    /** Runs every level; {@code runner}'s directory (if any) gets one subfolder per level. */
    public static Result run(CellModel model, Config c, BapDelays delays, TrialRunner runner) {
        List<Fig3beMatchRoc.Result> levels = new ArrayList<>();
        for (double jitter : c.jittersMs()) {
            TrialRunner level = runner.directory() == null ? runner
                    : runner.in(runner.directory().resolve(folder(jitter)));
            levels.add(Fig3beMatchRoc.run(model, c.level(jitter), delays, level));
        }
        return new Result(c, levels);
    }

    public static Summary summary(Result r, String bapDelaysSource) {
        Summary s = new Summary().put("panel", PANEL).put("match_window_s", 1.0).put("rate_hz", 1000 * RATE_KHZ)
                .put("runs", r.config().runs()).put("seed", r.config().seed()).put("jitters_ms", r.config().jittersMs())
                .put("target_false_positive_rate", Ellwood2024.THRESHOLD_FALSE_POSITIVE_RATE);
        for (int i = 0; i < r.levels().size(); i++) {
            String f = folder(r.config().jittersMs().get(i));
            Fig3beMatchRoc.addRoc(s, f + "_", f.replace('_', ' ') + ": ", r.levels().get(i));
        }
        return s.put("bootstrap_resamples", Fig3beMatchRoc.BOOTSTRAP_RESAMPLES)
                .put("bap_delays_source", bapDelaysSource);
    }

    /**
     * Writes summary.json, trials.csv (one row per run and level), trials.npz (per level, prefixed
     * {@code jitter_<s>ms_}), roc.csv (jitter_ms, false_positive_rate, true_positive_rate, threshold), and the plots
     * fig3fg_roc (every level) and fig3fg_density_jitter_&lt;s&gt;ms, as PNG and SVG.
     */
    public static Summary write(Result r, String bapDelaysSource, Path dir) throws IOException {
        List<Double> jitterColumn = new ArrayList<>();
        List<Integer> run = new ArrayList<>();
        List<Integer> axon = new ArrayList<>();
        List<Integer> pulses = new ArrayList<>();
        List<Double> matched = new ArrayList<>();
        List<Double> unmatched = new ArrayList<>();
        List<Double> rocJitter = new ArrayList<>();
        List<Double> fpr = new ArrayList<>();
        List<Double> tpr = new ArrayList<>();
        List<Double> thr = new ArrayList<>();
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        List<Plots.Series> curves = new ArrayList<>();
        for (int l = 0; l < r.levels().size(); l++) {
            double jitter = r.config().jittersMs().get(l);
            Fig3beMatchRoc.Result level = r.levels().get(l);
            String f = folder(jitter);
            for (int i = 0; i < level.runs().size(); i++) {
                jitterColumn.add(jitter);
                run.add(i);
                axon.add(level.runs().get(i).matchedAxon());
                pulses.add(level.runs().get(i).pulses());
                matched.add(level.scores().positives()[i]);
                unmatched.add(level.scores().negatives()[i]);
            }
            for (int i = 0; i < level.roc().thresholds().length; i++) {
                rocJitter.add(jitter);
                fpr.add(level.roc().falsePositiveRates()[i]);
                tpr.add(level.roc().truePositiveRates()[i]);
                thr.add(level.roc().thresholds()[i]);
            }
            arrays.put(f + "_axon_integrals", NpyArray.of(level.runs().stream()
                    .map(Fig3beMatchRoc.Run::axonIntegrals).toArray(double[][]::new)));
            arrays.put(f + "_matched_axon", NpyArray.of(level.runs().stream()
                    .mapToInt(Fig3beMatchRoc.Run::matchedAxon).toArray()));
            arrays.put(f + "_matched_integral", NpyArray.of(level.scores().positives()));
            arrays.put(f + "_max_unmatched_integral", NpyArray.of(level.scores().negatives()));
            curves.add(new Plots.Series(Panels.windowName(jitter) + " ms jitter", level.roc().falsePositiveRates(),
                    level.roc().truePositiveRates()));
            List<Plots.Series> densities = Fig3beMatchRoc.densities(level);
            if (!densities.isEmpty()) {
                Plots.writePngAndSvg(dir, PANEL + "_density_" + f, Fig3beMatchRoc.densityChart("Figure 3F: "
                        + "integrals, " + Panels.windowName(jitter) + " ms jitter", level, densities));
            }
        }
        new CsvTable().add("jitter_ms", doubles(jitterColumn)).add("run", ints(run)).add("matched_axon", ints(axon))
                .add("pulses", ints(pulses)).add("matched_integral", doubles(matched))
                .add("max_unmatched_integral", doubles(unmatched)).write(dir.resolve("trials.csv"));
        Npz.write(dir.resolve("trials.npz"), arrays);
        new CsvTable().add("jitter_ms", doubles(rocJitter)).add("false_positive_rate", doubles(fpr))
                .add("true_positive_rate", doubles(tpr)).add("threshold", doubles(thr)).write(dir.resolve("roc.csv"));
        Plots.writePngAndSvg(dir, PANEL + "_roc", Plots.roc("Figure 3G: ROC with jittered queries", curves));
        Summary s = summary(r, bapDelaysSource);
        s.write(dir);
        return s;
    }

    private static double[] doubles(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    static Summary reproduce(Request request) throws IOException {
        Config base = request.quick() ? Config.quick() : Config.paper();
        Config c = new Config(request.trialsOr(base.runs()), request.seedOr(), base.jittersMs());
        Sourced<BapDelays> delays = Fig2bBapDelays.resolve(request);
        Summary s = Ellwood2024.recordModel(write(run(request.model(), c, delays.value(), request.runner()),
                delays.source(), request.out()), request.model(), request.out());
        request.console().print(s.table("Figure 3F-G: match ROC with jittered queries (" + c.runs()
                + " runs per level)"));
        return s;
    }
}
