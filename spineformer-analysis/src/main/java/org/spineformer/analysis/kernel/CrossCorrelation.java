package org.spineformer.analysis.kernel;

import static org.spineformer.analysis.Arguments.finite;
import static org.spineformer.analysis.Arguments.sameLength;

/**
 * The lagged products of a presynaptic and a postsynaptic spike vector, the regressors of the Figure 2C-D model:
 * entry {@code maxLag + tau} is {@code C(tau) = sum_r pre[r] post[r + tau]} for tau = -maxLag .. maxLag, tau
 * being (post index - pre index). The model's prediction {@code sum_{r,s} pre[r] K(s - r) post[s]} is then
 * {@code sum_tau K(tau) C(tau)} (see {@link OverlapKernel}).
 */
public final class CrossCorrelation {
    private CrossCorrelation() {
    }

    /**
     * @param pre presynaptic vector ({@link SpikeBinning#vector(double[], double)})
     * @param post postsynaptic vector, same length
     * @param maxLag largest |tau| in entries, at least 0
     * @return 2 maxLag + 1 values
     */
    public static double[] of(double[] pre, double[] post, int maxLag) {
        finite("pre", pre);
        finite("post", post);
        sameLength("pre", pre.length, "post", post.length);
        if (maxLag < 0) {
            throw new IllegalArgumentException("maxLag = " + maxLag + " is negative");
        }
        double[] c = new double[2 * maxLag + 1];
        for (int r = 0; r < pre.length; r++) {
            // Spike vectors are mostly zeros: skip them rather than multiply through.
            if (pre[r] == 0) {
                continue;
            }
            int from = Math.max(-maxLag, -r);
            int to = Math.min(maxLag, post.length - 1 - r);
            for (int tau = from; tau <= to; tau++) {
                c[maxLag + tau] += pre[r] * post[r + tau];
            }
        }
        return c;
    }
}
