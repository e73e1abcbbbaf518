package org.spineformer.attention.capacity;

/**
 * 1.5-entmax (Peters, Niculae and Martins, ACL 2019): {@code p_i = max(z_i / 2 - tau, 0)^2} with tau such that the p
 * sum to 1; between softmax (alpha = 1) and sparsemax (alpha = 2), sparse but smoother than sparsemax.
 *
 * <p>The paper's exact sort-based algorithm: with x = z / 2 sorted in decreasing order, for each support size k the
 * threshold solving {@code sum_{j<=k} (x_(j) - tau)^2 = 1} is
 * {@code tau_k = mean_k - sqrt((1 - k (meanOfSquares_k - mean_k^2)) / k)}, and the support is the largest k with
 * {@code tau_k <= x_(k)}. (tau_k is decreasing in k until the discriminant turns negative, past the support.)
 */
public final class Entmax15 {
    private Entmax15() {
    }

    /** The 1.5-entmax of {@code z} (finite, at least one element). */
    public static double[] of(double[] z) {
        double[] x = Sparsemax.descending(z);
        double sum = 0;
        double sumOfSquares = 0;
        double tau = Double.NaN; // set at k = 1, whose condition always holds (tau_1 = x_(1) - 1)
        for (int k = 1; k <= x.length; k++) {
            double xk = x[k - 1] / 2;
            sum += xk;
            sumOfSquares += xk * xk;
            double mean = sum / k;
            double discriminant = (1 - k * (sumOfSquares / k - mean * mean)) / k;
            if (discriminant < 0) {
                break;
            }
            double tauK = mean - Math.sqrt(discriminant);
            if (tauK <= xk) {
                tau = tauK;
            } else {
                break;
            }
        }
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            double d = Math.max(z[i] / 2 - tau, 0);
            p[i] = d * d;
        }
        return p;
    }
}
