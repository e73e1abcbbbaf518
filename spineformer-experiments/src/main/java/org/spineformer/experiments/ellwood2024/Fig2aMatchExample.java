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
import org.knowm.xchart.XYChart;
import org.spineformer.cell.CellModel;
import org.spineformer.cell.PyramidalCell;
import org.spineformer.cell.replay.Replay;
import org.spineformer.cell.replay.Stimulus;
import org.spineformer.experiments.output.Summary;
import org.spineformer.experiments.sweep.TrialSet;
import org.spineformer.experiments.train.AxonTrains;
import org.spineformer.experiments.train.SpikeTrains;
import org.spineformer.experiments.trial.TrialRunner;
import org.spineformer.io.csv.CsvTable;
import org.spineformer.io.npy.NpyArray;
import org.spineformer.io.npy.Npz;
import org.spineformer.io.plot.Plots;

/**
 * Figure 2A: one match run, with the traces of a matched and an unmatched spine (SpikeTrainOverlapExample.py,
 * Figure_2A_PlotBasicOverlapExample.py). All axons fire at 6 Hz over [50, 1050] ms; a random spine is the matched
 * one: the pulses come at its axon's spikes + 7 ms - its bAP delay; the unmatched spine is (matched + 750) mod 1500;
 * the non-potentiating cell runs 1150 ms from -75 mV. The matched spine's voltage, calcium and integral rise with
 * every pulse; the unmatched spine's calcium stays low.
 */
public final class Fig2aMatchExample {
    public static final String PANEL = "fig2a";
    static final double START_MS = 50;
    static final double TAIL_MS = 100;

    /**
     * @param matchWindowS W (the paper: 1 s)
     * @param examples how many runs (the paper: 1)
     * @param seed the run's seed
     */
    public record Config(double matchWindowS, int examples, long seed) {
        public Config {
            if (examples < 1) {
                throw new IllegalArgumentException("examples = " + examples + " must be >= 1");
            }
        }

        public static Config paper() {
            return new Config(1, 1, Request.DEFAULT_SEED);
        }

        /** {@code --quick}: the paper's single run (1.15 s of simulated time). */
        public static Config quick() {
            return paper();
        }

        public double tstopMs() {
            return START_MS + 1000 * matchWindowS + TAIL_MS;
        }
    }

    /** One example; traces sampled every {@code sampleMs}. */
    public record Run(int matchedSpine, int unmatchedSpine, double[] pulsesMs, double[] matchedAxonSpikesMs,
                      double[] unmatchedAxonSpikesMs, double[] somaSpikesMs, double sampleMs, double[] somaVMv,
                      double[] matchedVMv, double[] matchedCaMM, double[] matchedIntegral, double[] unmatchedVMv,
                      double[] unmatchedCaMM, double[] unmatchedIntegral, double wallSeconds) {
    }

    public record Result(Config config, List<Run> runs) {
    }

    private Fig2aMatchExample() {
    }

    /** A run's inputs: the matched spine and what the cell receives. */
    record Draw(int matchedSpine, Stimulus stimulus) {
    }

    /** The run's inputs, drawn in the script's order: the matched spine, then every axon's train. */
    static Draw draw(CellModel model, Config c, BapDelays delays, SplittableRandom random) {
        int[] grouped = model.groupedSpines();
        int spine = grouped[random.nextInt(grouped.length)];
        AxonTrains trains = Ellwood2024.axonTrains(model, random, START_MS, START_MS + 1000 * c.matchWindowS(),
                Ellwood2024.RATE_KHZ);
        double[] post = SpikeTrains.shifted(trains.train(model.axonOf(spine)),
                Ellwood2024.OPTIMUM_OFFSET_MS - delays.of(spine));
        return new Draw(spine, Ellwood2024.stimulus(model, model.vInitMv(), c.tstopMs(), Double.POSITIVE_INFINITY,
                trains.perSpine(), post));
    }

    /** The spine shown unmatched: half the grouped spines further on (in the paper's cell, 750 spines on). */
    static int unmatched(CellModel model, int matchedSpine) {
        int[] grouped = model.groupedSpines();
        int i = java.util.Arrays.binarySearch(grouped, matchedSpine);
        return grouped[(i + grouped.length / 2) % grouped.length];
    }

    public static Run trial(CellModel model, Config c, BapDelays delays, SplittableRandom random,
                            DoubleConsumer progress) {
        Draw d = draw(model, c, delays, random);
        int m = d.matchedSpine();
        int u = unmatched(model, m);
        Stimulus s = d.stimulus();
        String somaV = model.spikeTrace();
        Replay.Result r = Ellwood2024.simulate(model, Ellwood2024.sampledEvery(s, Ellwood2024.EXAMPLE_SAVE_EVERY),
                false, List.of(somaV, head(m), "cai:spine_" + m, "g_dynamic:spine_" + m, head(u),
                        "cai:spine_" + u, "g_dynamic:spine_" + u), progress);
        return new Run(m, u, s.post(), s.pre()[m], s.pre()[u], r.somaSpikeTimesMs(),
                PyramidalCell.DT_MS * Ellwood2024.EXAMPLE_SAVE_EVERY, Ellwood2024.trace(r, somaV),
                Ellwood2024.trace(r, head(m)), Ellwood2024.trace(r, "cai:spine_" + m),
                Ellwood2024.trace(r, "g_dynamic:spine_" + m), Ellwood2024.trace(r, head(u)),
                Ellwood2024.trace(r, "cai:spine_" + u), Ellwood2024.trace(r, "g_dynamic:spine_" + u), r.wallSeconds());
    }

    private static String head(int spine) {
        return "v:spine_" + spine + "_head";
    }

    /** The examples' label, what determines them (run.json), seed and count. */
    public static TrialSet trials(CellModel model, Config c, BapDelays delays) {
        return new TrialSet("", PANEL, Fingerprint.of(model, PANEL, c, "examples", "bap_delays_sha256",
                delays.sha256()), c.seed(), c.examples());
    }

    public static Result run(CellModel model, Config c, BapDelays delays, TrialRunner runner) {
        TrialSet t = trials(model, c, delays);
        return new Result(c, runner.run(t.label(), t.fingerprint(), t.seed(), t.trials(),
                (i, random, progress) -> trial(model, c, delays, random, progress), Run.class));
    }

    public static Summary summary(Result r, String bapDelaysSource) {
        Summary s = new Summary().put("panel", PANEL).put("match_window_s", r.config().matchWindowS())
                .put("examples", r.runs().size()).put("seed", r.config().seed());
        List<Map<String, Object>> details = new ArrayList<>();
        for (int i = 0; i < r.runs().size(); i++) {
            Run run = r.runs().get(i);
            double matched = last(run.matchedIntegral());
            double unmatched = last(run.unmatchedIntegral());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("example", i);
            m.put("matched_spine", run.matchedSpine());
            m.put("unmatched_spine", run.unmatchedSpine());
            m.put("pulses", run.pulsesMs().length);
            m.put("matched_integral", matched);
            m.put("unmatched_integral", unmatched);
            m.put("matched_peak_ca_mm", max(run.matchedCaMM()));
            m.put("unmatched_peak_ca_mm", max(run.unmatchedCaMM()));
            details.add(m);
            s.exact("example" + i + "_matched_integral", "example " + i + ": matched spine's integral", matched);
            s.exact("example" + i + "_unmatched_integral", "example " + i + ": unmatched spine's integral", unmatched);
            s.exact("example" + i + "_integral_ratio", "example " + i + ": matched / unmatched", matched / unmatched);
        }
        return s.put("example_details", details).put("bap_delays_source", bapDelaysSource);
    }

    private static double last(double[] x) {
        return x[x.length - 1];
    }

    private static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** One example's plots by file name suffix: _voltage, _calcium and _integral, over the sample times t. */
    static Map<String, XYChart> charts(Run run, double[] t) {
        String m = "matched spine " + run.matchedSpine();
        String u = "unmatched spine " + run.unmatchedSpine();
        Map<String, XYChart> charts = new LinkedHashMap<>();
        charts.put("_voltage", Plots.lines("Figure 2A: voltage", "time (ms)", "v (mV)",
                List.of(new Plots.Series("soma", t, run.somaVMv()), new Plots.Series(m, t, run.matchedVMv()),
                        new Plots.Series(u, t, run.unmatchedVMv())), true));
        charts.put("_calcium", Plots.lines("Figure 2A: spine calcium", "time (ms)", "[Ca] (mM)",
                List.of(new Plots.Series(m, t, run.matchedCaMM()), new Plots.Series(u, t, run.unmatchedCaMM())),
                true));
        charts.put("_integral", Plots.lines("Figure 2A: Ca^4 integral", "time (ms)", "Ca^4 integral (mM^4 ms)",
                List.of(new Plots.Series(m, t, run.matchedIntegral()), new Plots.Series(u, t,
                        run.unmatchedIntegral())), true));
        return charts;
    }

    /**
     * Writes summary.json, trials.csv (one row per example), trials.npz and traces_example&lt;i&gt;.csv (all traces and
     * spike times), and per example the plots fig2a_example&lt;i&gt;_voltage, _calcium and _integral (PNG and SVG).
     */
    public static Summary write(Result r, String bapDelaysSource, Path dir) throws IOException {
        List<Run> runs = r.runs();
        new CsvTable().add("example", IntStream.range(0, runs.size()).toArray())
                .add("matched_spine", runs.stream().mapToInt(Run::matchedSpine).toArray())
                .add("unmatched_spine", runs.stream().mapToInt(Run::unmatchedSpine).toArray())
                .add("pulses", runs.stream().mapToInt(x -> x.pulsesMs().length).toArray())
                .add("matched_integral", runs.stream().mapToDouble(x -> last(x.matchedIntegral())).toArray())
                .add("unmatched_integral", runs.stream().mapToDouble(x -> last(x.unmatchedIntegral())).toArray())
                .write(dir.resolve("trials.csv"));
        double[] t = Traces.time(runs.get(0).somaVMv().length, runs.get(0).sampleMs());
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("t_ms", NpyArray.of(t));
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            String p = "example" + i + "_";
            arrays.put(p + "v_soma_mv", NpyArray.of(run.somaVMv()));
            arrays.put(p + "v_matched_mv", NpyArray.of(run.matchedVMv()));
            arrays.put(p + "ca_matched_mm", NpyArray.of(run.matchedCaMM()));
            arrays.put(p + "g_matched", NpyArray.of(run.matchedIntegral()));
            arrays.put(p + "v_unmatched_mv", NpyArray.of(run.unmatchedVMv()));
            arrays.put(p + "ca_unmatched_mm", NpyArray.of(run.unmatchedCaMM()));
            arrays.put(p + "g_unmatched", NpyArray.of(run.unmatchedIntegral()));
            arrays.put(p + "pulse_times_ms", NpyArray.of(run.pulsesMs()));
            arrays.put(p + "matched_axon_times_ms", NpyArray.of(run.matchedAxonSpikesMs()));
            arrays.put(p + "unmatched_axon_times_ms", NpyArray.of(run.unmatchedAxonSpikesMs()));
            new CsvTable().add("t_ms", t).add("v_soma_mv", run.somaVMv()).add("v_matched_mv", run.matchedVMv())
                    .add("ca_matched_mm", run.matchedCaMM()).add("g_matched", run.matchedIntegral())
                    .add("v_unmatched_mv", run.unmatchedVMv()).add("ca_unmatched_mm", run.unmatchedCaMM())
                    .add("g_unmatched", run.unmatchedIntegral()).write(dir.resolve("traces_example" + i + ".csv"));
            for (Map.Entry<String, XYChart> chart : charts(run, t).entrySet()) {
                Plots.writePngAndSvg(dir, PANEL + "_example" + i + chart.getKey(), chart.getValue());
            }
        }
        Npz.write(dir.resolve("trials.npz"), arrays);
        Summary s = summary(r, bapDelaysSource);
        s.write(dir);
        return s;
    }

    static Summary reproduce(Request request) throws IOException {
        Config base = request.quick() ? Config.quick() : Config.paper();
        Config c = new Config(request.matchWindowOr(base.matchWindowS()), request.trialsOr(base.examples()),
                request.seedOr());
        Sourced<BapDelays> delays = Fig2bBapDelays.resolve(request);
        Summary s = Ellwood2024.recordModel(write(run(request.model(), c, delays.value(), request.runner()),
                delays.source(), request.out()), request.model(), request.out());
        request.console().print(s.table("Figure 2A: a match run, window " + c.matchWindowS() + " s"));
        return s;
    }
}
