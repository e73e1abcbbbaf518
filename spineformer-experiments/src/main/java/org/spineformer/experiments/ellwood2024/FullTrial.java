package org.spineformer.experiments.ellwood2024;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.spineformer.analysis.spikes.ControlPhaseOutcome;
import org.spineformer.cell.CellModel;
import org.spineformer.cell.replay.Replay;
import org.spineformer.cell.replay.Stimulus;
import org.spineformer.experiments.train.AxonTrains;
import org.spineformer.experiments.trial.ReplayTrial;
import org.spineformer.experiments.trial.Replayed;
import org.spineformer.experiments.train.SpikeTrains;

/**
 * The match-and-control trial of Figures 4 and 5 (CollectControlPhaseOutputs.py, PotentiationExample.py,
 * PotentiationThresholdScan.py, TwoSpinePotentiationExample.py): 250 ms rest, the match window W, a 500 ms gap,
 * a 1 s control phase and 250 ms rest, v_init -75 mV, the potentiating cell.
 *
 * <p>Random draws in the scripts' order: the matched axons (distinct, uniform); every axon's 6 Hz train from 250 ms
 * to the control phase's end, with the gap's spikes removed; the query, a 6 Hz train of somatic pulses over the match
 * window (redrawn until it has the requested count, when there is one); then each matched axon's own 6 Hz control
 * train. A matched axon fires at each pulse - 7 ms + d (the bAP delay of its first spine) in the match window, and on
 * its control train after the gap.
 *
 * @param matchWindowS W (s)
 * @param threshold the potentiation threshold
 * @param pulseCount the number of pulses, or {@link #ANY_PULSE_COUNT} for a plain Poisson draw
 * @param matchedAxons how many axons are matched (Figure 4D: 2)
 * @param model the cell
 */
public record FullTrial(double matchWindowS, double threshold, int pulseCount, int matchedAxons, CellModel model) {
    public static final int ANY_PULSE_COUNT = -1;

    public FullTrial {
        if (!(matchWindowS > 0 && Double.isFinite(matchWindowS))) {
            throw new IllegalArgumentException("matchWindowS = " + matchWindowS + " must be > 0");
        }
        Ellwood2024.requireAtMostMaxMatchWindow("matchWindowS", matchWindowS);
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold = " + threshold + " must be > 0");
        }
        if (matchedAxons < 1 || matchedAxons > model.axonCount()) {
            throw new IllegalArgumentException("matchedAxons = " + matchedAxons + " must be in [1, "
                    + model.axonCount() + "]");
        }
    }

    /** The trial on the paper's cell. */
    public FullTrial(double matchWindowS, double threshold, int pulseCount, int matchedAxons) {
        this(matchWindowS, threshold, pulseCount, matchedAxons, CellModel.paper());
    }

    /**
     * The query's pulse count of the Figure 4 examples: round(W * 6 Hz), 6 for a 1 s window
     * ({@code number_of_postsynaptic_spikes}).
     */
    public static int expectedPulses(double matchWindowS) {
        return (int) Math.round(1000 * matchWindowS * Ellwood2024.RATE_KHZ);
    }

    public double windowMs() {
        return 1000 * matchWindowS;
    }

    public double matchEndMs() {
        return Ellwood2024.REST_MS + windowMs();
    }

    public double controlStartMs() {
        return ControlPhaseOutcome.controlStartMs(windowMs());
    }

    public double controlEndMs() {
        return controlStartMs() + Ellwood2024.CONTROL_MS;
    }

    public double tstopMs() {
        return controlEndMs() + Ellwood2024.REST_MS;
    }

    /**
     * A trial's inputs.
     *
     * @param matchedAxons the matched axons, in draw order
     * @param delaysMs the bAP delay of each one's first spine
     * @param pulsesMs the somatic pulses
     * @param matchedAxonSpikesMs each matched axon's train (match-window spikes, then its control train)
     * @param stimulus what the cell receives
     */
    public record Draw(int[] matchedAxons, double[] delaysMs, double[] pulsesMs, double[][] matchedAxonSpikesMs,
                       Stimulus stimulus) {
    }

    public Draw draw(BapDelays delays, SplittableRandom random) {
        int[] matched = new int[matchedAxons];
        for (int i = 0; i < matched.length; i++) {
            int axon;
            do {
                axon = random.nextInt(model.axonCount());
            } while (contains(matched, i, axon));
            matched[i] = axon;
        }
        AxonTrains trains = Ellwood2024.axonTrains(model, random, Ellwood2024.REST_MS, controlEndMs(),
                Ellwood2024.RATE_KHZ).map(t -> SpikeTrains.withoutOpenInterval(t, matchEndMs(), controlStartMs()));
        double[] pulses = pulseCount == ANY_PULSE_COUNT
                ? SpikeTrains.poisson(random, Ellwood2024.REST_MS, matchEndMs(), Ellwood2024.RATE_KHZ,
                        Ellwood2024.RECOVERY_MS)
                : SpikeTrains.poissonWithCount(random, Ellwood2024.REST_MS, matchEndMs(), Ellwood2024.RATE_KHZ,
                        Ellwood2024.RECOVERY_MS, pulseCount);
        double[] delay = new double[matched.length];
        double[][] matchedTrains = new double[matched.length][];
        for (int i = 0; i < matched.length; i++) {
            double[] control = SpikeTrains.poisson(random, controlStartMs(), controlEndMs(), Ellwood2024.RATE_KHZ,
                    Ellwood2024.RECOVERY_MS);
            delay[i] = delays.of(model.firstSpine(matched[i]));
            matchedTrains[i] = SpikeTrains.concatenated(
                    SpikeTrains.shifted(pulses, delay[i] - Ellwood2024.OPTIMUM_OFFSET_MS), control);
            trains = trains.withTrain(matched[i], matchedTrains[i]);
        }
        return new Draw(matched, delay, pulses, matchedTrains, Ellwood2024.stimulus(model, model.vInitMv(),
                tstopMs(), threshold, trains.perSpine(), pulses));
    }

    /**
     * Runs the cell on a drawn trial, recording (besides {@code record}) every axon's low-passed integral, so that
     * {@link #potentiatedAtControlStart} can tell which axons the match phase selected.
     *
     * @param saveEvery traces keep every n-th step; n dt must divide the control phase's start
     */
    public Replay.Result simulate(Draw d, int saveEvery, List<String> record, DoubleConsumer progress) {
        return replayed(d, saveEvery, record, r -> r).runAlone(progress);
    }

    /** What {@link #simulate} runs, not run yet (a {@link ReplayTrial}'s replay), the result read by {@code read}. */
    public <R> Replayed<R> replayed(Draw d, int saveEvery, List<String> record, Function<Replay.Result, R> read) {
        List<String> all = new ArrayList<>(record);
        for (int a = 0; a < model.axonCount(); a++) {
            all.add(delayedIntegral(model, a));
        }
        return new Replayed<>(model, Ellwood2024.sampledEvery(d.stimulus(), saveEvery), all, read);
    }

    /**
     * The axons whose first spine's low-passed integral is at or above the threshold when the control phase starts:
     * the selection the control phase reads out. (By the trial's end more may be: the integrals keep growing with
     * the somatic spikes of the control phase.)
     */
    public int[] potentiatedAtControlStart(Replay.Result r) {
        double[] t = Ellwood2024.trace(r, "t_ms");
        int i = Arrays.binarySearch(t, controlStartMs());
        int at = i >= 0 ? i : Math.min(t.length - 1, -i - 1);
        return IntStream.range(0, model.axonCount())
                .filter(a -> Ellwood2024.trace(r, delayedIntegral(model, a))[at] >= threshold).toArray();
    }

    /** The axons whose first spine's low-passed integral ended at or above the threshold. */
    public int[] potentiatedAtEnd(Replay.Result r) {
        return IntStream.range(0, model.axonCount())
                .filter(a -> r.finalGDynamicDelayed()[model.firstSpine(a)] >= threshold).toArray();
    }

    /** The recorded column of axon a's first spine's low-passed integral. */
    static String delayedIntegral(CellModel model, int axon) {
        return "g_dynamic_delayed:spine_" + model.firstSpine(axon);
    }

    private static boolean contains(int[] values, int count, int value) {
        return Arrays.stream(values, 0, count).anyMatch(v -> v == value);
    }
}
