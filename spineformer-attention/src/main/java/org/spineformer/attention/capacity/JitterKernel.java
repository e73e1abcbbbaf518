package org.spineformer.attention.capacity;

import org.spineformer.attention.reduced.ScoreKernel;

/**
 * The kernel that gives the expected score of a key against a query whose spikes are another train's spikes moved
 * by independent Gaussian jitter of s.d. sigma: each pair's lag moves by the jitter, so
 * {@code K_sigma(L) = E[K(L + sigma e)] = integral K(L + x) phi_sigma(x) dx}.
 */
public final class JitterKernel {
    /** The Gaussian is cut at this many standard deviations (its mass beyond is below 2e-9). */
    static final double CUT_SDS = 6;
    /** Quadrature points per standard deviation of the jitter: K varies over ms, the Gaussian over sigma. */
    static final int POINTS_PER_SD = 20;

    private JitterKernel() {
    }

    /** K smoothed by jitter of s.d. {@code sigmaMs} (at least 0; 0 gives {@code kernel} itself). */
    public static ScoreKernel of(ScoreKernel kernel, double sigmaMs) {
        if (!(sigmaMs >= 0 && Double.isFinite(sigmaMs))) {
            throw new IllegalArgumentException("jitter s.d. = " + sigmaMs + " ms must be finite and >= 0");
        }
        if (sigmaMs == 0) {
            return kernel;
        }
        int side = (int) Math.ceil(CUT_SDS * sigmaMs / kernel.spacingMs());
        double first = kernel.firstLagMs() - side * kernel.spacingMs();
        double[] values = new double[kernel.values().length + 2 * side];
        double step = sigmaMs / POINTS_PER_SD;
        int half = (int) Math.round(CUT_SDS * POINTS_PER_SD);
        double[] phi = new double[2 * half + 1];
        double total = 0;
        for (int m = -half; m <= half; m++) {
            double z = m * step / sigmaMs;
            phi[m + half] = Math.exp(-z * z / 2);
            total += phi[m + half];
        }
        for (int i = 0; i < values.length; i++) {
            double lag = first + i * kernel.spacingMs();
            double sum = 0;
            for (int m = -half; m <= half; m++) {
                sum += kernel.at(lag + m * step) * phi[m + half];
            }
            // Normalised weights: a kernel constant over the Gaussian's reach stays that constant.
            values[i] = sum / total;
        }
        return new ScoreKernel(kernel.source() + ", smoothed by " + sigmaMs + " ms Gaussian jitter", first,
                kernel.spacingMs(), values);
    }
}
