package org.spineformer.analysis.stats;

import static org.spineformer.analysis.Arguments.finite;
import static org.spineformer.analysis.Arguments.finiteNonEmpty;
import static org.spineformer.analysis.Arguments.finiteOfLength;
import static org.spineformer.analysis.Arguments.positive;

/**
 * A one-dimensional Gaussian kernel density estimate with Scott's bandwidth, as {@code scipy.stats.gaussian_kde}
 * with its defaults: kernel standard deviation = sample standard deviation (n - 1) times n^(-1/5). Figure 3 draws
 * its distributions of matched and unmatched integrals (in units of the threshold) this way rather than as
 * histograms (Figure_3BCDE_HistogramAndROCPlots.py lines 29-31 and 59-64).
 *
 * @param data the sample
 * @param bandwidth the kernel's standard deviation, in the data's unit
 */
public record GaussianKde(double[] data, double bandwidth) {
    private static final double SQRT_2_PI = Math.sqrt(2 * Math.PI);

    public GaussianKde {
        finiteNonEmpty("data", data);
        positive("bandwidth", bandwidth);
    }

    /** The estimate for {@code data}: at least two finite values that are not all equal. */
    public static GaussianKde of(double[] data) {
        finiteOfLength("data", data, 2);
        double sd = Statistics.sampleStandardDeviation(data);
        if (sd == 0) {
            throw new IllegalArgumentException("data: all " + data.length + " values equal " + data[0]
                    + ", so the bandwidth would be zero");
        }
        return new GaussianKde(data.clone(), sd * Math.pow(data.length, -0.2));
    }

    /** The density at each point of {@code at} (per unit of the data; integrates to 1). */
    public double[] density(double[] at) {
        finite("at", at);
        double[] density = new double[at.length];
        double norm = 1 / (data.length * bandwidth * SQRT_2_PI);
        for (int i = 0; i < at.length; i++) {
            double sum = 0;
            for (double x : data) {
                double z = (at[i] - x) / bandwidth;
                sum += Math.exp(-0.5 * z * z);
            }
            density[i] = sum * norm;
        }
        return density;
    }
}
