package org.spineformer.analysis.kernel;

import static org.spineformer.analysis.Arguments.finite;
import static org.spineformer.analysis.Arguments.finiteRectangular;
import static org.spineformer.analysis.Arguments.positive;
import static org.spineformer.analysis.Arguments.sameLength;

import org.spineformer.analysis.stats.Statistics;

/**
 * The temporal kernel of Figure 2C-D: the model of spine j's calcium integral is
 * {@code g_j ~ sum_{r,s} pre_j[r] K(s - r) post[s]}, with pre_j the presynaptic vector advanced by the bAP delay
 * d_j and post the postsynaptic vector ({@link SpikeBinning}), i.e. {@code sum_tau K(tau) C(tau)} over the
 * {@link CrossCorrelation} C. The lag tau = s - r counts entries from the presynaptic to the postsynaptic spike, so
 * K(tau) is the curve Figure 2C plots (the script stores K reversed and flips it to plot it, line 174); multiply
 * tau by {@link SpikeBinning#binSpacingMs()} for ms.
 *
 * @param values K(tau) for tau = -maxLag .. maxLag, at index maxLag + tau (an odd number of values)
 */
public record OverlapKernel(double[] values) {
    public OverlapKernel {
        finite("values", values);
        if (values.length % 2 == 0) {
            throw new IllegalArgumentException("values has " + values.length + " entries; need 2 maxLag + 1");
        }
    }

    /** The largest lag |tau| (entries). */
    public int maxLag() {
        return values.length / 2;
    }

    /** K(tau), zero outside the kernel's window. */
    public double at(int tau) {
        return Math.abs(tau) > maxLag() ? 0 : values[maxLag() + tau];
    }

    /** The lag of each value in ms: (index - maxLag) times the vectors' entry spacing. */
    public double[] lagsMs(double binSpacingMs) {
        positive("binSpacingMs", binSpacingMs);
        double[] lags = new double[values.length];
        for (int i = 0; i < lags.length; i++) {
            lags[i] = (i - maxLag()) * binSpacingMs;
        }
        return lags;
    }

    /** The predicted integral from a cross-correlation of this kernel's width. */
    public double predict(double[] crossCorrelation) {
        finite("crossCorrelation", crossCorrelation);
        sameLength("crossCorrelation", crossCorrelation.length, "values", values.length);
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i] * crossCorrelation[i];
        }
        return sum;
    }

    /** The predicted integral of a presynaptic (already advanced by d_j) and a postsynaptic spike vector. */
    public double predict(double[] pre, double[] post) {
        return predict(CrossCorrelation.of(pre, post, maxLag()));
    }

    /** One prediction per row of cross-correlations. */
    public double[] predictAll(double[][] crossCorrelations) {
        finiteRectangular("crossCorrelations", crossCorrelations);
        double[] predictions = new double[crossCorrelations.length];
        for (int i = 0; i < predictions.length; i++) {
            predictions[i] = predict(crossCorrelations[i]);
        }
        return predictions;
    }

    /**
     * The explained variance {@code 1 - var(g - g_model) / var(g)} of these samples, the figure's R^2, reported on
     * held-out test runs (Figure_2CD_FitLinearModelToOverlapsAndPlot.py lines 186-190, see
     * {@link Statistics#explainedVariance}).
     */
    public double explainedVariance(double[][] crossCorrelations, double[] integrals) {
        return Statistics.explainedVariance(integrals, predictAll(crossCorrelations));
    }
}
