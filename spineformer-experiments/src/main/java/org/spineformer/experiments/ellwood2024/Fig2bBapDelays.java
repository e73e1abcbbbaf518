package org.spineformer.experiments.ellwood2024;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;
import org.spineformer.analysis.stats.Statistics;
import org.spineformer.cell.CellModel;
import org.spineformer.cell.replay.Replay;
import org.spineformer.cell.replay.Stimulus;
import org.spineformer.experiments.output.Summary;
import org.spineformer.experiments.sweep.TrialSet;
import org.spineformer.experiments.train.AxonTrains;
import org.spineformer.experiments.trial.TrialRunner;
import org.spineformer.io.csv.CsvTable;
import org.spineformer.io.npy.NpyArray;
import org.spineformer.io.npy.Npz;
import org.spineformer.io.plot.Plots;

/**
 * Figure 2B: the back-propagation delay of a somatic spike to every spine, against the spine's distance from the
 * soma. Each run gives all axons 6 Hz trains over [1, 349] ms, one 4 nA, 1 ms somatic pulse at 250 ms, v_init -70 mV,
 * 350 ms, and times the peak of every spine head's voltage with a parabola through the largest sample; the delay is
 * that time minus 250 ms, averaged over runs (CollectSpikeDelays.py, Figure_2B_PlotSpikeDelays.py). The peak is
 * the whole run's, as the script takes it, unless the model's experiment settings give a window after the pulse
 * ({@code bap_window_ms}: a cell whose spines see presynaptic input larger than the bAP). The cell
 * potentiates with the mod file's default threshold, as the script builds it, which is never reached.
 */
public final class Fig2bBapDelays {
    public static final String PANEL = "fig2b";

    /**
     * @param runs how many runs to average (the paper: 10)
     * @param seed the run's seed
     * @param pulseMs the somatic pulse's onset (250 ms)
     * @param tstopMs the run's length (350 ms)
     * @param trainStartMs the background trains' window start (1 ms)
     * @param trainEndMs the background trains' window end (349 ms)
     */
    public record Config(int runs, long seed, double pulseMs, double tstopMs, double trainStartMs, double trainEndMs) {
        public Config {
            if (runs < 1) {
                throw new IllegalArgumentException("runs = " + runs + " must be >= 1");
            }
            if (!(pulseMs > 0 && pulseMs < tstopMs)) {
                throw new IllegalArgumentException("pulseMs = " + pulseMs + " must be in (0, tstopMs = " + tstopMs
                        + ")");
            }
        }

        public static Config paper() {
            return new Config(10, Request.DEFAULT_SEED, 250, 350, 1, 349);
        }

        /** {@code --quick}: 2 runs (0.7 s of simulated time). */
        public static Config quick() {
            return paper().withRuns(2);
        }

        public Config withRuns(int n) {
            return new Config(n, seed, pulseMs, tstopMs, trainStartMs, trainEndMs);
        }

        public Config withSeed(long s) {
            return new Config(runs, s, pulseMs, tstopMs, trainStartMs, trainEndMs);
        }
    }

    /**
     * One run.
     *
     * @param delaysMs every spine's voltage peak time minus the pulse time
     * @param somaSpikesMs the somatic spikes (the pulse should give exactly one)
     * @param wallSeconds the simulation's wall time
     */
    public record Run(double[] delaysMs, double[] somaSpikesMs, double wallSeconds) {
    }

    /**
     * @param runs the runs in index order
     * @param distancesUm every spine head's path distance from soma(0)
     * @param meanDelaysMs every spine's delay averaged over runs
     * @param semDelaysMs its standard error over runs ({@code np.std / sqrt(runs)})
     * @param branches the section each spine sits on (the paper's cell: its six tuft branches)
     */
    public record Result(Config config, List<Run> runs, double[] distancesUm, double[] meanDelaysMs,
                         double[] semDelaysMs, String[] branches) {
        public BapDelays delays() {
            return new BapDelays(meanDelaysMs, distancesUm, runs.size());
        }
    }

    private Fig2bBapDelays() {
    }

    /** One run: a pure function of its random stream. */
    public static Run trial(CellModel model, Config c, SplittableRandom random, DoubleConsumer progress) {
        AxonTrains trains = Ellwood2024.axonTrains(model, random, c.trainStartMs(), c.trainEndMs(),
                Ellwood2024.RATE_KHZ);
        Stimulus stim = Ellwood2024.stimulus(model, model.bapVInitMv(), c.tstopMs(), Ellwood2024.MOD_DEFAULT_THRESHOLD,
                trains.perSpine(), new double[] {c.pulseMs()});
        double window = model.bapWindowMs();
        Replay.Result r = Double.isInfinite(window)
                ? Ellwood2024.simulate(model, stim, true, List.of(), progress)
                : Replay.run(stim, model, List.of(), c.pulseMs(), Math.min(c.pulseMs() + window, c.tstopMs()),
                        t -> progress.accept(t / stim.tstopMs()));
        double[] delays = r.spineVPeakTimeMs().clone();
        for (int k = 0; k < delays.length; k++) {
            delays[k] -= c.pulseMs();
        }
        return new Run(delays, r.somaSpikeTimesMs(), r.wallSeconds());
    }

    /** The runs' label, what determines them (run.json), seed and count. */
    public static TrialSet trials(CellModel model, Config c) {
        return new TrialSet("", PANEL, Fingerprint.of(model, PANEL, c, "runs"), c.seed(), c.runs());
    }

    public static Result run(CellModel model, Config c, TrialRunner runner) {
        TrialSet t = trials(model, c);
        return analyse(model, c, runner.run(t.label(), t.fingerprint(), t.seed(), t.trials(),
                (i, random, progress) -> trial(model, c, random, progress), Run.class));
    }

    /** Every spine's mean delay and its standard error over the runs. */
    public static Result analyse(CellModel model, Config c, List<Run> runs) {
        int spines = runs.get(0).delaysMs().length;
        double[] mean = new double[spines];
        double[] sem = new double[spines];
        double[] perRun = new double[runs.size()];
        for (int k = 0; k < spines; k++) {
            for (int i = 0; i < perRun.length; i++) {
                perRun[i] = runs.get(i).delaysMs()[k];
            }
            mean[k] = Statistics.mean(perRun);
            sem[k] = Statistics.standardErrorOfMean(perRun);
        }
        String[] branches = new String[spines];
        for (int k = 0; k < spines; k++) {
            branches[k] = model.branchOf(k);
        }
        return new Result(c, runs, model.spineDistancesUm(), mean, sem, branches);
    }

    public static Summary summary(Result r) {
        int runs = r.runs().size();
        int nearest = argExtreme(r.distancesUm(), false);
        int farthest = argExtreme(r.distancesUm(), true);
        int earliest = argExtreme(r.meanDelaysMs(), false);
        int latest = argExtreme(r.meanDelaysMs(), true);
        double[] spikes = r.runs().stream().mapToDouble(run -> run.somaSpikesMs().length).toArray();
        Summary s = new Summary();
        s.put("panel", PANEL).put("runs", runs).put("seed", r.config().seed())
                .put("pulse_ms", r.config().pulseMs())
                .mean("delay_nearest_spine_ms", "delay at the spine nearest the soma (ms)", r.meanDelaysMs()[nearest],
                        r.semDelaysMs()[nearest], runs)
                .put("nearest_spine", nearest).put("nearest_spine_distance_um", r.distancesUm()[nearest])
                .mean("delay_farthest_spine_ms", "delay at the farthest spine (ms)", r.meanDelaysMs()[farthest],
                        r.semDelaysMs()[farthest], runs)
                .put("farthest_spine", farthest).put("farthest_spine_distance_um", r.distancesUm()[farthest])
                .mean("delay_min_ms", "shortest spine delay (ms)", r.meanDelaysMs()[earliest],
                        r.semDelaysMs()[earliest], runs)
                .put("delay_min_spine", earliest)
                .mean("delay_max_ms", "longest spine delay (ms)", r.meanDelaysMs()[latest], r.semDelaysMs()[latest],
                        runs)
                .put("delay_max_spine", latest)
                .exact("delay_mean_over_spines_ms", "mean delay over spines (ms)", Statistics.mean(r.meanDelaysMs()))
                .mean("soma_spikes_per_run", "somatic spikes per run", Statistics.mean(spikes),
                        Statistics.standardErrorOfMean(spikes), runs)
                .put("paper_delay_min_ms", 1.56).put("paper_delay_max_ms", 4.8);
        byBranch(r, s);
        return s
                .put("simulation_wall_seconds_mean",
                        r.runs().stream().mapToDouble(Run::wallSeconds).average().orElse(Double.NaN));
    }

    /**
     * Writes summary.json, bap_delays.npz (the cache other panels read), bap_delays.csv (one row per spine),
     * trials.csv and trials.npz (every run's delays) and fig2b.png/.svg into {@code dir}.
     */
    public static Summary write(CellModel model, Result r, Path dir) throws IOException {
        r.delays().write(dir.resolve(BapDelays.FILE));
        int spines = r.meanDelaysMs().length;
        int[] spine = new int[spines];
        int[] axon = new int[spines];
        String[] branch = new String[spines];
        for (int k = 0; k < spines; k++) {
            spine[k] = k;
            axon[k] = model.axonOf(k);
            branch[k] = model.branchOf(k);
        }
        new CsvTable().add("spine", spine).add("axon", axon).add("branch", branch)
                .add("distance_um", r.distancesUm()).add("delay_ms", r.meanDelaysMs())
                .add("delay_sem_ms", r.semDelaysMs()).write(dir.resolve("bap_delays.csv"));
        int runs = r.runs().size();
        int[] runColumn = new int[runs * spines];
        int[] spineColumn = new int[runs * spines];
        double[] distanceColumn = new double[runs * spines];
        double[] delayColumn = new double[runs * spines];
        double[][] delays = new double[runs][];
        for (int i = 0; i < runs; i++) {
            delays[i] = r.runs().get(i).delaysMs();
            for (int k = 0; k < spines; k++) {
                int row = i * spines + k;
                runColumn[row] = i;
                spineColumn[row] = k;
                distanceColumn[row] = r.distancesUm()[k];
                delayColumn[row] = delays[i][k];
            }
        }
        new CsvTable().add("run", runColumn).add("spine", spineColumn).add("distance_um", distanceColumn)
                .add("delay_ms", delayColumn).write(dir.resolve("trials.csv"));
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("delays_ms", NpyArray.of(delays));
        arrays.put("distances_um", NpyArray.of(r.distancesUm()));
        Npz.write(dir.resolve("trials.npz"), arrays);
        Plots.writePngAndSvg(dir, PANEL, Plots.scatter("Figure 2B: bAP delay to each spine", "distance to soma (um)",
                "delay (ms)", List.of(new Plots.Series("spines, mean of " + runs + " runs", r.distancesUm(),
                        r.meanDelaysMs()))));
        Summary s = summary(r);
        if (Double.isFinite(model.bapWindowMs())) {
            s.put("bap_window_ms", model.bapWindowMs());
        }
        s.write(dir);
        return s;
    }

    static Summary reproduce(Request request) throws IOException {
        Config base = request.quick() ? Config.quick() : Config.paper();
        Config c = base.withRuns(request.trialsOr(base.runs())).withSeed(request.seedOr());
        Summary s = Ellwood2024.recordModel(write(request.model(), run(request.model(), c, request.runner()),
                request.out()), request.model(), request.out());
        request.console().print(s.table("Figure 2B: bAP delays (" + c.runs() + " runs)"));
        return s;
    }

    /**
     * The bAP delays a panel writing to {@code request.out()} uses: those it cached there on an earlier run, else
     * those of a finished fig2b run next to it (the one with most runs), else those of a fig2b run it makes now in
     * {@code out/fig2b} (the paper's 10 runs, or the quick count). The delays used are cached as
     * {@code out/bap_delays.npz}, so a resumed run keeps them.
     *
     * @return the delays and where they came from
     */
    static Sourced<BapDelays> resolve(Request request) throws IOException {
        Path cache = request.out().resolve(BapDelays.FILE);
        if (Files.exists(cache)) {
            return new Sourced<>(BapDelays.read(cache, request.model().spineCount()), cache.toString());
        }
        Optional<PriorRuns.Found> sibling = PriorRuns.sibling(request.out(), PANEL,
                f -> Files.exists(f.dir().resolve(BapDelays.FILE)) && PriorRuns.sameModel(f, request.model()),
                "runs");
        Path from;
        if (sibling.isPresent()) {
            from = sibling.get().dir();
        } else {
            from = request.out().resolve(PANEL);
            request.console().println("No fig2b run next to " + request.out() + ": measuring the bAP delays first, in "
                    + from);
            request.console().flush();
            reproduce(request.in(from, null));
        }
        BapDelays delays = BapDelays.read(from.resolve(BapDelays.FILE), request.model().spineCount());
        Files.createDirectories(request.out());
        delays.write(cache);
        return new Sourced<>(delays, from.resolve(BapDelays.FILE).toString());
    }

    /**
     * The spread of the delays over branches (the sections spines sit on, in order of their first spine): each
     * branch's mean, smallest and largest run-averaged spine delay and its spines' distances ({@code by_branch}),
     * the smallest and largest branch mean and their population standard deviation over branches.
     */
    private static void byBranch(Result r, Summary s) {
        Map<String, List<Integer>> spines = new LinkedHashMap<>();
        for (int k = 0; k < r.branches().length; k++) {
            spines.computeIfAbsent(r.branches()[k], b -> new ArrayList<>()).add(k);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        double[] means = new double[spines.size()];
        String[] names = new String[spines.size()];
        int i = 0;
        for (Map.Entry<String, List<Integer>> e : spines.entrySet()) {
            double[] d = e.getValue().stream().mapToDouble(k -> r.meanDelaysMs()[k]).toArray();
            double[] x = e.getValue().stream().mapToDouble(k -> r.distancesUm()[k]).toArray();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("branch", e.getKey());
            row.put("spines", d.length);
            row.put("distance_min_um", Arrays.stream(x).min().orElseThrow());
            row.put("distance_max_um", Arrays.stream(x).max().orElseThrow());
            row.put("delay_mean_ms", Statistics.mean(d));
            row.put("delay_min_ms", Arrays.stream(d).min().orElseThrow());
            row.put("delay_max_ms", Arrays.stream(d).max().orElseThrow());
            rows.add(row);
            means[i] = Statistics.mean(d);
            names[i++] = e.getKey();
        }
        int earliest = argExtreme(means, false);
        int latest = argExtreme(means, true);
        s.put("branches", means.length)
                .exact("branch_delay_min_ms", "smallest branch mean delay (ms)", means[earliest])
                .put("branch_delay_min_branch", names[earliest])
                .exact("branch_delay_max_ms", "largest branch mean delay (ms)", means[latest])
                .put("branch_delay_max_branch", names[latest])
                .exact("branch_delay_sd_ms", "s.d. of the branch mean delays over branches (ms)",
                        Statistics.standardDeviation(means))
                .put("by_branch", rows);
    }

    private static int argExtreme(double[] x, boolean max) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (max ? x[i] > x[best] : x[i] < x[best]) {
                best = i;
            }
        }
        return best;
    }
}
