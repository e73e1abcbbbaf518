package org.spineformer.attention.reduced;

import org.spineformer.experiments.ellwood2024.Ellwood2024;

/**
 * The reduced model's Ca^4 score of a key against a query:
 * {@code s = sum over key spikes t and query spikes u of K(u - t + OPTIMUM_OFFSET_MS)}.
 *
 * <p>Why the offset: in {@link org.spineformer.attention.AttentionInputs} a query spike at a key spike's time is the
 * paper's optimally matched pair, whose somatic pulse s comes 7 ms minus the spine's bAP delay d after the
 * presynaptic spike t (MODEL.md section 3). The kernel's lag is s - (t - d) = (u - t) + 7 ms, which removes d: the
 * reduced model uses one kernel for all of an axon's spines, as the Figure 2C-D fit samples each axon's first spine.
 *
 * <p>Cost: both trains are sorted, so for each query spike only the key spikes within the kernel's support are
 * visited (a moving window), O(|key| + |query| + pairs in support).
 */
public final class BilinearScore {
    private BilinearScore() {
    }

    /** The score of sorted {@code key} and {@code query} trains (ms) under {@code kernel}. */
    public static double score(ScoreKernel kernel, double[] key, double[] query) {
        double lowShift = Ellwood2024.OPTIMUM_OFFSET_MS - kernel.lastLagMs();
        double highShift = Ellwood2024.OPTIMUM_OFFSET_MS - kernel.firstLagMs();
        double sum = 0;
        int start = 0;
        for (double u : query) {
            // Key spikes t with firstLag <= u - t + offset <= lastLag, i.e. u + lowShift <= t <= u + highShift.
            while (start < key.length && key[start] < u + lowShift) {
                start++;
            }
            for (int k = start; k < key.length && key[k] <= u + highShift; k++) {
                sum += kernel.at(u - key[k] + Ellwood2024.OPTIMUM_OFFSET_MS);
            }
        }
        return sum;
    }
}
