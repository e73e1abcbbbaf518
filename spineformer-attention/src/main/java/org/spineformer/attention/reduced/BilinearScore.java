package org.spineformer.attention.reduced;

import org.spineformer.experiments.ellwood2024.Ellwood2024;

/**
 * The reduced model's Ca^4 score of a key against a query:
 * {@code s = sum over key spikes t and query spikes u of K(u - t + OPTIMUM_OFFSET_MS + shift)}.
 *
 * <p>Why the offset: in {@link org.spineformer.attention.AttentionInputs} a query spike at a key spike's time is the
 * paper's optimally matched pair, whose somatic pulse s comes 7 ms minus the spine's bAP delay d after the
 * presynaptic spike t (MODEL.md section 3). The kernel's lag is s - (t - d) = (u - t) + 7 ms, which removes d: the
 * reduced model uses one kernel for all of an axon's spines, as the Figure 2C-D fit samples each axon's first spine.
 * A neuron that places its pulses for one common delay d0 instead (the biophysical backend, which cannot know which
 * key a query matches) gives key j the lag (u - t) + 7 ms + (d_j - d0): that difference is the key's shift.
 *
 * <p>Cost: both trains are sorted, so for each query spike only the key spikes within the kernel's support are
 * visited (a moving window), O(|key| + |query| + pairs in support).
 */
public final class BilinearScore {
    private BilinearScore() {
    }

    /**
     * The score of sorted {@code key} and {@code query} trains (ms) under {@code kernel}, with every lag moved by
     * {@code shiftMs} (0 for a neuron wired to each key's own bAP delay).
     */
    public static double score(ScoreKernel kernel, double[] key, double[] query, double shiftMs) {
        double offset = Ellwood2024.OPTIMUM_OFFSET_MS + shiftMs;
        double lowShift = offset - kernel.lastLagMs();
        double highShift = offset - kernel.firstLagMs();
        double sum = 0;
        int start = 0;
        for (double u : query) {
            // Key spikes t with firstLag <= u - t + offset <= lastLag, i.e. u + lowShift <= t <= u + highShift.
            while (start < key.length && key[start] < u + lowShift) {
                start++;
            }
            for (int k = start; k < key.length && key[k] <= u + highShift; k++) {
                sum += kernel.at(u - key[k] + offset);
            }
        }
        return sum;
    }
}
