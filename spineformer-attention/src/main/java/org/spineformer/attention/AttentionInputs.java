package org.spineformer.attention;

/**
 * One attention problem, all as spike trains (ms): one neuron per query.
 *
 * <p>Time frames: keys and queries share the match window's frame, and a query spike at the time of a key spike is
 * the paper's optimally matched pair (the neuron is wired so that the somatic pulse follows the presynaptic spike by
 * the optimum offset minus the spine's bAP delay, MODEL.md section 3). Values are the keys' axons' spikes in the
 * control window, in its own frame starting at 0. Vectors enter through
 * {@link org.spineformer.attention.encode.RateCode}.
 *
 * @param keys key j = axon j's match-window train
 * @param values value j = axon j's control-window train (as many as keys)
 * @param queries query i = the postsynaptic train of neuron i
 */
public record AttentionInputs(double[][] keys, double[][] values, double[][] queries) {
    public AttentionInputs {
        Trains.requireAll("keys", keys);
        Trains.requireAll("values", values);
        Trains.requireAll("queries", queries);
        if (keys.length != values.length) {
            throw new IllegalArgumentException("keys has " + keys.length + " trains but values has " + values.length
                    + "; need one value per key");
        }
    }

    /**
     * These inputs, after checking that every key and query spike lies in the match window [0, matchWindowMs] and
     * every value spike in the control window [0, controlMs]: what a trial of the cell can play. The attention
     * command checks this for either backend before running, so that both take the same inputs.
     */
    public AttentionInputs requireWithin(double matchWindowMs, double controlMs) {
        requireWithin("keys", keys, matchWindowMs);
        requireWithin("queries", queries, matchWindowMs);
        requireWithin("values", values, controlMs);
        return this;
    }

    private static void requireWithin(String name, double[][] trains, double endMs) {
        for (int i = 0; i < trains.length; i++) {
            for (double t : trains[i]) {
                if (t < 0 || t > endMs) {
                    throw new IllegalArgumentException(name + "[" + i + "] has a spike at " + t + " ms, outside its"
                            + " window [0, " + endMs + "] ms");
                }
            }
        }
    }
}
