package org.spineformer.attention.reduced;

import java.util.Arrays;

/**
 * The reduced control phase: the neuron's output copies the selected keys' values, the union of their trains
 * delayed by the soma's response time (Figure 4B: output spikes follow the matched axon's; Figure 4D: two matched
 * axons give the union of both values).
 *
 * @param delayMs the delay from a value spike to the output spike (ms), at least 0
 */
public record OutputStage(double delayMs) {
    /**
     * A placeholder delay inside the 5-10 ms seen in the biophysical cell's control phase, not yet fitted to it
     * (Figure 5 counts an output spike as driven when it comes within 10 ms of the matched axon's).
     */
    public static final double DEFAULT_DELAY_MS = 7;

    public OutputStage {
        if (!(delayMs >= 0 && Double.isFinite(delayMs))) {
            throw new IllegalArgumentException("delayMs = " + delayMs + " must be finite and >= 0");
        }
    }

    public static OutputStage defaults() {
        return new OutputStage(DEFAULT_DELAY_MS);
    }

    /** The output train of the selected keys' {@code values}: all their spikes, delayed, sorted. */
    public double[] output(double[][] values, int[] selected) {
        double[] out = Arrays.stream(selected).mapToObj(j -> values[j]).flatMapToDouble(Arrays::stream)
                .map(t -> t + delayMs).toArray();
        Arrays.sort(out);
        return out;
    }
}
