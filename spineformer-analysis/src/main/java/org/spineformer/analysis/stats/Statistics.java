package org.spineformer.analysis.stats;

import static org.spineformer.analysis.Arguments.finite;
import static org.spineformer.analysis.Arguments.finiteNonEmpty;
import static org.spineformer.analysis.Arguments.finiteOfLength;
import static org.spineformer.analysis.Arguments.sameLength;

/**
 * Summary statistics as the paper's scripts compute them with numpy and torch. Variances are two-pass (mean first,
 * then the mean squared deviation), like {@code np.var}.
 */
public final class Statistics {
    private Statistics() {
    }

    /** Arithmetic mean ({@code np.mean}). */
    public static double mean(double[] values) {
        finiteNonEmpty("values", values);
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Population variance, divisor n ({@code np.var}, ddof = 0). */
    public static double variance(double[] values) {
        return sumOfSquaredDeviations(values) / values.length;
    }

    /** Sample variance, divisor n - 1 ({@code torch.var}, {@code np.cov}); needs at least two values. */
    public static double sampleVariance(double[] values) {
        finiteOfLength("values", values, 2);
        return sumOfSquaredDeviations(values) / (values.length - 1);
    }

    /** Population standard deviation, divisor n ({@code np.std}, ddof = 0). */
    public static double standardDeviation(double[] values) {
        return Math.sqrt(variance(values));
    }

    /** Sample standard deviation, divisor n - 1 ({@code torch.std}); needs at least two values. */
    public static double sampleStandardDeviation(double[] values) {
        return Math.sqrt(sampleVariance(values));
    }

    /**
     * Standard error of the mean as Figure 5 computes its error bars: {@code np.std(x) / sqrt(len(x))}, i.e. the
     * population standard deviation (divisor n, not n - 1) over sqrt(n)
     * (Figure_5ABC_successful_and_spurious_spikes.py lines 26-27, 52 and 78). It is sqrt((n - 1) / n) times the
     * textbook value that uses the sample standard deviation.
     */
    public static double standardErrorOfMean(double[] values) {
        return standardDeviation(values) / Math.sqrt(values.length);
    }

    /**
     * Explained variance {@code 1 - var(actual - predicted) / var(actual)} with population variances
     * (Figure_2CD_FitLinearModelToOverlapsAndPlot.py lines 184 and 188). Because it uses the variance of the
     * residual, not its mean square, a constant offset between prediction and data costs nothing.
     *
     * @throws IllegalArgumentException if the lengths differ or {@code actual} has zero variance
     */
    public static double explainedVariance(double[] actual, double[] predicted) {
        finiteNonEmpty("actual", actual);
        finite("predicted", predicted);
        sameLength("actual", actual.length, "predicted", predicted.length);
        double[] residual = new double[actual.length];
        for (int i = 0; i < actual.length; i++) {
            residual[i] = actual[i] - predicted[i];
        }
        double actualVariance = variance(actual);
        if (actualVariance == 0) {
            throw new IllegalArgumentException("actual has zero variance: explained variance is undefined");
        }
        return 1 - variance(residual) / actualVariance;
    }

    /**
     * The one-sided outlier mask of Figure 2C-D: keeps value i when {@code (x_i - mean) / s < zMax}, s the sample
     * standard deviation ({@code torch.std}); the paper uses zMax = 4 and drops only large outliers
     * (Figure_2CD_FitLinearModelToOverlapsAndPlot.py lines 93-104). When all values are equal there are no
     * outliers and all are kept (the script would divide zero by zero and drop them all).
     *
     * @return {@code keep[i]} true for the values to keep
     */
    public static boolean[] belowZScore(double[] values, double zMax) {
        finite("zMax", zMax);
        double mean = mean(values);
        double sd = sampleStandardDeviation(values);
        boolean[] keep = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            keep[i] = sd == 0 || (values[i] - mean) / sd < zMax;
        }
        return keep;
    }

    private static double sumOfSquaredDeviations(double[] values) {
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum;
    }
}
