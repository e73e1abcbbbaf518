package org.spineformer.attention.capacity;

import java.util.Arrays;

/**
 * Sparsemax (Martins and Astudillo, ICML 2016): the Euclidean projection of a score vector z onto the probability
 * simplex, {@code p_i = max(z_i - tau, 0)} with tau such that the p sum to 1. Unlike softmax it gives exactly zero
 * weight to keys far enough below the best.
 *
 * <p>The paper's exact sort-based algorithm: with z sorted in decreasing order, the support size is the largest k
 * with {@code 1 + k z_(k) > z_(1) + ... + z_(k)}, and {@code tau = (z_(1) + ... + z_(k) - 1) / k}.
 */
public final class Sparsemax {
    private Sparsemax() {
    }

    /** The sparsemax of {@code z} (finite, at least one element). */
    public static double[] of(double[] z) {
        double[] sorted = descending(z);
        double sum = 0;
        double tau = 0;
        for (int k = 1; k <= sorted.length; k++) {
            sum += sorted[k - 1];
            if (1 + k * sorted[k - 1] > sum) {
                tau = (sum - 1) / k;
            } else {
                break;
            }
        }
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.max(z[i] - tau, 0);
        }
        return p;
    }

    /** A copy of {@code z} in decreasing order. */
    static double[] descending(double[] z) {
        if (z.length == 0) {
            throw new IllegalArgumentException("need at least one score");
        }
        double[] sorted = z.clone();
        Arrays.sort(sorted);
        for (int i = 0, j = sorted.length - 1; i < j; i++, j--) {
            double t = sorted[i];
            sorted[i] = sorted[j];
            sorted[j] = t;
        }
        return sorted;
    }
}
