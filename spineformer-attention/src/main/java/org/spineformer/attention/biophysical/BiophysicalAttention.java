package org.spineformer.attention.biophysical;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;
import org.spineformer.analysis.spikes.ControlPhaseOutcome;
import org.spineformer.attention.AttentionInputs;
import org.spineformer.attention.QueryResult;
import org.spineformer.cell.CellModel;
import org.spineformer.cell.replay.Replay;
import org.spineformer.experiments.ellwood2024.BapDelays;
import org.spineformer.experiments.ellwood2024.Ellwood2024;
import org.spineformer.experiments.trial.ReplayTrial;
import org.spineformer.experiments.trial.Replayed;
import org.spineformer.experiments.trial.TrialRunner;

/**
 * The biophysical backend: one run of the paper's cell (the potentiating cell, NEURON-exact) per query, the
 * match-and-control trial of Figures 4 and 5 with the inputs in place of random trains.
 *
 * <p>The trial: 250 ms rest, the match window W, a 500 ms gap, the 1 s control phase, 250 ms rest, v_init -75 mV.
 * Key j drives axon j (its 10 neighbouring spines) in the match window and value j drives it in the control phase;
 * axons without a key stay silent. The query's spikes become somatic pulses 7 ms minus d0 after the query spike,
 * d0 the mean bAP delay of the cell's spines: a query spike at a key spike's time is then the paper's optimally
 * matched pair up to that key's delay minus d0 (+-1.6 ms), which the neuron cannot know.
 *
 * <p>Per query: key j's score is its axon's first spine's Ca^4 integral (g_dynamic) at the match window's end, in
 * units of the paper's 1 s threshold (the reduced backend's unit); key j is selected when that spine's low-passed
 * integral (g_dynamic_delayed, what the potentiation sigmoid reads) reaches the threshold by the control phase's end
 * (it only grows during a trial); the output is the somatic spikes in the control phase, in the values' frame.
 *
 * <p>Queries run as trials of a {@link TrialRunner}: in parallel, each a function of the inputs alone, and resumable
 * when the runner records in a directory.
 */
public final class BiophysicalAttention {
    /** Recorded traces keep every 40th step (1 ms): the match window's end (a whole ms) falls on a sample. */
    private static final int SAVE_EVERY = 40;

    private final CellModel model;
    private final BapDelays delays;
    private final double matchWindowS;
    private final double threshold;
    private final TrialRunner runner;
    private final double meanDelayMs;

    /** The backend on the paper's cell. */
    public BiophysicalAttention(BapDelays delays, double matchWindowS, double threshold, TrialRunner runner) {
        this(CellModel.paper(), delays, matchWindowS, threshold, runner);
    }

    /**
     * @param model the cell ({@code --model}): key j drives its axon j
     * @param delays the cell's bAP delays (a Figure 2B run)
     * @param matchWindowS W (s); keys and queries must lie in [0, W] s
     * @param threshold the potentiation threshold in units of the paper's 1 s threshold
     * @param runner runs the queries' trials (threads, and a directory to resume from)
     */
    public BiophysicalAttention(CellModel model, BapDelays delays, double matchWindowS, double threshold,
                                TrialRunner runner) {
        if (!(matchWindowS > 0 && Double.isFinite(matchWindowS))) {
            throw new IllegalArgumentException("matchWindowS = " + matchWindowS + " must be finite and > 0");
        }
        if (!(threshold > 0 && Double.isFinite(threshold))) {
            throw new IllegalArgumentException("threshold = " + threshold + " must be finite and > 0");
        }
        this.model = model;
        this.delays = delays;
        this.matchWindowS = matchWindowS;
        this.threshold = threshold;
        this.runner = runner;
        this.meanDelayMs = Arrays.stream(delays.delaysMs()).average().orElseThrow();
    }

    /** d0: the mean bAP delay the pulses are placed for (ms). */
    public double meanDelayMs() {
        return meanDelayMs;
    }

    /**
     * Key j's lag shift for the reduced backend, d_j - d0 with d_j the delay of axon j's first spine, so that both
     * backends score the same pairs at the same lags (see {@link org.spineformer.attention.reduced.BilinearScore}).
     */
    public double[] keyLagShiftsMs(int keys) {
        return IntStream.range(0, keys)
                .mapToDouble(j -> delays.of(model.firstSpine(j)) - meanDelayMs).toArray();
    }

    private double windowMs() {
        return 1000 * matchWindowS;
    }

    private double controlStartMs() {
        return ControlPhaseOutcome.controlStartMs(windowMs());
    }

    /** One result per query, in query order. */
    public List<QueryResult> run(AttentionInputs inputs) {
        check(inputs);
        return runner.run("biophysical attention", experiment(inputs), 0, inputs.queries().length,
                (ReplayTrial<QueryResult>) (i, random) -> replayed(inputs, inputs.queries()[i]), QueryResult.class);
    }

    /**
     * The results of every query if the runner's folder has recorded them all (a finished {@link #run} on these
     * inputs), else empty; runs no trial.
     */
    public Optional<List<QueryResult>> recorded(AttentionInputs inputs) {
        check(inputs);
        return runner.recorded(experiment(inputs), 0, inputs.queries().length, QueryResult.class);
    }

    /** What determines every query's result: the journal's identity, so that a folder is not resumed otherwise. */
    private Map<String, Object> experiment(AttentionInputs inputs) {
        Map<String, Object> experiment = new LinkedHashMap<>();
        experiment.put("backend", "biophysical");
        experiment.put("match_window_s", matchWindowS);
        experiment.put("threshold", threshold);
        experiment.put("bap_delays_sha256", delays.sha256());
        experiment.put("inputs_sha256", sha256(inputs));
        if (!model.isPaper()) {
            experiment.put("model", model.name());
            experiment.put("model_sha256", model.sha256());
            if (model.morphologySha256() != null) { // not resumed on another morphology file
                experiment.put("morphology_sha256", model.morphologySha256());
            }
        }
        return experiment;
    }

    /** The cell's result for one query. */
    public QueryResult query(AttentionInputs inputs, double[] query, DoubleConsumer progress) {
        check(inputs);
        return replayed(inputs, query).runAlone(progress);
    }

    /** One trial of the cell, on inputs already checked, not run yet (so that queries can run in lanes). */
    private Replayed<QueryResult> replayed(AttentionInputs inputs, double[] query) {
        double matchStart = Ellwood2024.REST_MS;
        double controlStart = controlStartMs();
        double controlEnd = controlStart + Ellwood2024.CONTROL_MS;
        int keys = inputs.keys().length;
        double[][] perSpine = new double[model.spineCount()][];
        Arrays.fill(perSpine, new double[0]);
        int[][] axons = model.axons();
        for (int a = 0; a < axons.length; a++) {
            double[] train = a < keys ? concat(shift(inputs.keys()[a], matchStart), shift(inputs.values()[a],
                    controlStart)) : new double[0];
            for (int s : axons[a]) {
                perSpine[s] = train;
            }
        }
        double[] pulses = shift(query, matchStart + Ellwood2024.OPTIMUM_OFFSET_MS - meanDelayMs);
        double absoluteThreshold = threshold * Ellwood2024.paperThreshold(1);
        List<String> record = new ArrayList<>();
        for (int a = 0; a < keys; a++) {
            record.add("g_dynamic:spine_" + model.firstSpine(a));
        }
        return new Replayed<>(model, Ellwood2024.sampledEvery(Ellwood2024.stimulus(model, model.vInitMv(),
                controlEnd + Ellwood2024.REST_MS, absoluteThreshold, perSpine, pulses), SAVE_EVERY), record,
                r -> read(r, keys, record, absoluteThreshold));
    }

    /** A query's result from its replay. */
    private QueryResult read(Replay.Result r, int keys, List<String> record, double absoluteThreshold) {
        double matchStart = Ellwood2024.REST_MS;
        double controlStart = controlStartMs();
        double controlEnd = controlStart + Ellwood2024.CONTROL_MS;
        double[] t = Ellwood2024.trace(r, "t_ms");
        int matchEnd = nearest(t, matchStart + windowMs());
        double[] scores = new double[keys];
        for (int a = 0; a < keys; a++) {
            scores[a] = Ellwood2024.trace(r, record.get(a))[matchEnd] / Ellwood2024.paperThreshold(1);
        }
        int[] selected = IntStream.range(0, keys).filter(a -> r.finalGDynamicDelayed()[model.firstSpine(a)]
                >= absoluteThreshold).toArray();
        double[] output = Arrays.stream(r.somaSpikeTimesMs()).filter(s -> s >= controlStart && s < controlEnd)
                .map(s -> s - controlStart).toArray();
        return new QueryResult(output, selected, scores);
    }

    /** The inputs fit the cell and the trial's windows. */
    private void check(AttentionInputs inputs) {
        if (inputs.keys().length > model.axonCount()) {
            throw new IllegalArgumentException("the biophysical backend's cell has " + model.axonCount()
                    + " axons, one per key; got " + inputs.keys().length + " keys (the reduced backend takes more)");
        }
        inputs.requireWithin(windowMs(), Ellwood2024.CONTROL_MS);
    }

    /** The index of the sample nearest {@code time} (t accumulates half steps, so it is not exactly n dt). */
    private static int nearest(double[] t, double time) {
        int i = Arrays.binarySearch(t, time);
        if (i >= 0) {
            return i;
        }
        int after = Math.min(t.length - 1, -i - 1);
        return after > 0 && time - t[after - 1] < t[after] - time ? after - 1 : after;
    }

    private static double[] shift(double[] train, double byMs) {
        return Arrays.stream(train).map(x -> x + byMs).toArray();
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** Fingerprint of the inputs, so that a directory of recorded queries is not resumed with other inputs. */
    private static String sha256(AttentionInputs inputs) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (double[][] group : new double[][][] {inputs.keys(), inputs.values(), inputs.queries()}) {
                digest.update(ByteBuffer.allocate(4).putInt(group.length).array());
                for (double[] train : group) {
                    ByteBuffer bytes = ByteBuffer.allocate(4 + 8 * train.length).putInt(train.length);
                    for (double x : train) {
                        bytes.putDouble(x);
                    }
                    digest.update(bytes.array());
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this Java runtime", e);
        }
    }
}
