package org.spineformer.analysis.kernel;

import static org.spineformer.analysis.Arguments.finite;
import static org.spineformer.analysis.Arguments.finiteRectangular;
import static org.spineformer.analysis.Arguments.sameLength;

/**
 * Fits the Figure 2C-D {@link OverlapKernel} to training runs by exact penalised least squares.
 *
 * <p>The paper (Figure_2CD_FitLinearModelToOverlapsAndPlot.py) minimises, by Adam on minibatches of 1000,
 * {@code mean((g_model - g)^2) + 0.01 R(k)} (line 151) with the smoothness term
 * {@code R(k) = sum_i (k[i+1] - k[i])^2 + k[first]^2 + k[last]^2} (lines 138-140), g being the integrals divided by
 * the Figure 3 threshold of the 1 s window (line 89), after dropping integrals 4 or more sample standard deviations
 * above the mean (lines 93-104; {@link org.spineformer.analysis.stats.Statistics#belowZScore}). Its kernel spans
 * all lags +-999 but is multiplied by the soft window Z(tau) = sigmoid((tau + 30) / 10) sigmoid((30 - tau) / 10)
 * (line 115), 0.5 at +-30 ms, 0.05 at +-60 ms and 0.007 at +-80 ms, which in 10000 small Adam steps keeps the kernel
 * near zero beyond a few tens of ms (the window only reparametrises the kernel, so it shapes where the optimiser
 * stops, not the optimum). Here the window is a hard one, the lags -maxLag .. maxLag of the cross-correlations:
 * maxLag = 30 cuts where Z is 0.5, maxLag = 60 (1 ms bins) where Z is 0.05, which keeps the NMDA tail (26 ms decay)
 * of the kernel. The same objective is minimised exactly, through its normal equations
 * {@code (X^T X / N + smoothness T) k = X^T g / N}, with X the N x (2 maxLag + 1) cross-correlations and
 * T = tridiag(-1, 2, -1) the matrix of R (R = k^T T k: the end terms make the edges behave as if the kernel were
 * zero outside the window), solved by Cholesky.
 */
public final class KernelFit {
    /** The paper's smoothness weight, for integrals in units of the potentiation threshold (script line 151). */
    public static final double PAPER_SMOOTHNESS = 0.01;
    /** The paper's outlier cut: integrals at least 4 sample standard deviations above the mean are dropped. */
    public static final double PAPER_OUTLIER_Z = 4;

    private KernelFit() {
    }

    /**
     * @param crossCorrelations one row per (run, spine) sample, {@link CrossCorrelation#of} of its vectors, all of
     *     one odd width 2 maxLag + 1 (the paper takes every 10th spine of each run, script lines 49-56)
     * @param integrals the calcium integral of each sample (in the unit the smoothness weight refers to)
     * @param smoothness weight of R, at least 0; 0 gives ordinary least squares
     * @throws IllegalArgumentException also when the samples do not determine the kernel (no data at some lag and
     *     no smoothness)
     */
    public static OverlapKernel fit(double[][] crossCorrelations, double[] integrals, double smoothness) {
        int width = finiteRectangular("crossCorrelations", crossCorrelations);
        finite("integrals", integrals);
        sameLength("crossCorrelations", crossCorrelations.length, "integrals", integrals.length);
        if (width % 2 == 0) {
            throw new IllegalArgumentException("crossCorrelations rows have " + width
                    + " entries; need 2 maxLag + 1");
        }
        if (!(smoothness >= 0 && Double.isFinite(smoothness))) {
            throw new IllegalArgumentException("smoothness = " + smoothness + " must be finite and >= 0");
        }
        double[][] normal = new double[width][width];
        double[] rhs = new double[width];
        for (int s = 0; s < integrals.length; s++) {
            double[] x = crossCorrelations[s];
            for (int i = 0; i < width; i++) {
                if (x[i] == 0) {
                    continue;
                }
                rhs[i] += x[i] * integrals[s];
                for (int j = 0; j <= i; j++) {
                    normal[i][j] += x[i] * x[j];
                }
            }
        }
        int n = integrals.length;
        for (int i = 0; i < width; i++) {
            rhs[i] /= n;
            for (int j = 0; j <= i; j++) {
                normal[i][j] /= n;
            }
            normal[i][i] += 2 * smoothness;
            if (i > 0) {
                normal[i][i - 1] -= smoothness;
            }
        }
        try {
            return new OverlapKernel(Cholesky.solve(normal, rhs));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + n + " samples do not determine the kernel over lags +-"
                    + width / 2 + " (" + e.getMessage() + "): add samples or smoothness", e);
        }
    }
}
