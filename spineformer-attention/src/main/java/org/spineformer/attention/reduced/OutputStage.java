package org.spineformer.attention.reduced;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.spineformer.analysis.spikes.ControlPhaseOutcome;
import org.spineformer.attention.AttentionInputs;
import org.spineformer.attention.QueryResult;

/**
 * The reduced control phase as a copy: the neuron's output copies the selected keys' values, the union of their trains
 * delayed by the soma's response time (Figure 4B: output spikes follow the matched axon's; Figure 4D: two matched
 * axons give the union of both values).
 *
 * @param delayMs the delay from a value spike to the output spike (ms), at least 0
 */
public record OutputStage(double delayMs) implements OutputModel {
    /**
     * A placeholder delay inside the 5-10 ms seen in the biophysical cell's control phase, not yet fitted to it
     * (Figure 5 counts an output spike as driven when it comes within 10 ms of the matched axon's).
     */
    public static final double DEFAULT_DELAY_MS = 7;
    /** Figure 5 pairs a somatic spike with an axon spike 0 to 20 ms before it. */
    static final double PAIRING_WINDOW_MS = ControlPhaseOutcome.PAIRING_OFFSET_MS
            + ControlPhaseOutcome.PAIRING_TOLERANCE_MS;

    public OutputStage {
        if (!(delayMs >= 0 && Double.isFinite(delayMs))) {
            throw new IllegalArgumentException("delayMs = " + delayMs + " must be finite and >= 0");
        }
    }

    public static OutputStage defaults() {
        return new OutputStage(DEFAULT_DELAY_MS);
    }

    /**
     * The delay fitted to a backend's control phases (the biophysical cell's): the median, over every value spike of
     * every selected key, of the time to the first output spike that follows it within Figure 5's pairing window,
     * 0 to 20 ms (value spikes with no output spike in that window are the paper's failed spikes, left out).
     *
     * @throws IllegalArgumentException if no value spike of a selected key is followed by an output spike
     */
    public static OutputStage fittedTo(AttentionInputs inputs, List<QueryResult> results) {
        return fit(inputs, results).orElseThrow(() -> new IllegalArgumentException("no output spike follows a "
                + "selected key's value spike within " + PAIRING_WINDOW_MS + " ms in " + results.size()
                + " queries: nothing to fit"));
    }

    /**
     * The delay {@link #fittedTo} fits, or empty when there is nothing to fit (no selected key, or no output spike
     * within the pairing window after a selected key's value spike), for callers that fall back to another delay.
     */
    public static Optional<OutputStage> fit(AttentionInputs inputs, List<QueryResult> results) {
        List<Double> lags = new ArrayList<>();
        for (QueryResult r : results) {
            double[] out = r.output().clone();
            Arrays.sort(out);
            for (int j : r.selected()) {
                for (double v : inputs.values()[j]) {
                    int k = Arrays.binarySearch(out, v);
                    int next = k >= 0 ? k : -k - 1;
                    if (next < out.length && out[next] - v <= PAIRING_WINDOW_MS) {
                        lags.add(out[next] - v);
                    }
                }
            }
        }
        if (lags.isEmpty()) {
            return Optional.empty();
        }
        double[] sorted = lags.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int m = sorted.length / 2;
        return Optional.of(new OutputStage(sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2));
    }

    /** Every value spike of every selected key, whatever the scores: {@link #output(double[][], int[])}. */
    @Override
    public double[] output(double[][] values, int[] selected, double[] scores, double[] query) {
        return output(values, selected);
    }

    /** The output train of the selected keys' {@code values}: all their spikes, delayed, sorted. */
    public double[] output(double[][] values, int[] selected) {
        double[] out = Arrays.stream(selected).mapToObj(j -> values[j]).flatMapToDouble(Arrays::stream)
                .map(t -> t + delayMs).toArray();
        Arrays.sort(out);
        return out;
    }
}
