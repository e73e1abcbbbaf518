package org.spineformer.attention.capacity;

import java.util.TreeSet;
import org.spineformer.attention.encode.RateCode;
import org.spineformer.attention.reduced.BilinearScore;
import org.spineformer.attention.reduced.ScoreKernel;
import org.spineformer.experiments.ellwood2024.Ellwood2024;

/**
 * The expected {@link BilinearScore} of two vectors encoded by a {@link RateCode}: the score without the encoding's
 * Poisson noise, a bilinear form in the vectors.
 *
 * <p>Component i of a vector fires at rate {@code x_i R} over bin i, [i B, (i + 1) B). For independent Poisson trains
 * the expected number of spike pairs at lags in dL is the product of the rates integrated over the pairs' times, so
 * {@code E[score] = R^2 sum_{i, i'} k_i q_i' W(i' - i)} with
 * {@code W(D) = integral K(L) tri(L - offset - D B) dL}: tri(x) = max(0, B - |x|) is the measure of the time pairs
 * (t in key bin i, u in query bin i') with u - t = D B + x, and the kernel's lag is L = u - t + offset (the paper's
 * 7 ms optimum offset, as in {@link BilinearScore}). K is piecewise linear and tri is too, so their product is
 * piecewise quadratic between the merged breakpoints, and Simpson's rule on each piece is exact.
 */
public final class RateScore {
    private final RateCode code;
    private final int firstShift;
    private final double[] weights;

    /** The expected score of vectors of {@code code} under {@code kernel}. */
    public RateScore(ScoreKernel kernel, RateCode code) {
        this.code = code;
        double b = code.binMs();
        double offset = Ellwood2024.OPTIMUM_OFFSET_MS;
        // tri(L - offset - D B) is non-zero only for |L - offset - D B| < B with L in the kernel's support.
        firstShift = (int) Math.floor((kernel.firstLagMs() - offset - b) / b);
        int lastShift = (int) Math.ceil((kernel.lastLagMs() - offset + b) / b);
        weights = new double[lastShift - firstShift + 1];
        for (int s = 0; s < weights.length; s++) {
            weights[s] = bandWeight(kernel, offset + (firstShift + s) * b, b);
        }
    }

    /** W(D) for D = {@code shift}, in ms^2 times the kernel's unit. */
    double weight(int shift) {
        int s = shift - firstShift;
        return s >= 0 && s < weights.length ? weights[s] : 0;
    }

    /** The expected score of the trains of {@code key} and {@code query} (same dimension). */
    public double expected(double[] key, double[] query) {
        if (key.length != query.length) {
            throw new IllegalArgumentException("key has dimension " + key.length + " but query " + query.length);
        }
        double sum = 0;
        for (int s = 0; s < weights.length; s++) {
            int shift = firstShift + s;
            double band = 0;
            for (int i = Math.max(0, -shift); i < key.length && i + shift < query.length; i++) {
                band += key[i] * query[i + shift];
            }
            sum += weights[s] * band;
        }
        return code.maxRateKhz() * code.maxRateKhz() * sum;
    }

    /** {@code integral K(L) max(0, B - |L - centre|) dL}, by Simpson's rule between the breakpoints. */
    private static double bandWeight(ScoreKernel kernel, double centre, double b) {
        double lo = kernel.firstLagMs();
        double hi = kernel.lastLagMs();
        TreeSet<Double> points = new TreeSet<>();
        for (int i = 0; i < kernel.values().length; i++) {
            points.add(lo + i * kernel.spacingMs());
        }
        for (double p : new double[] {centre - b, centre, centre + b}) {
            if (p > lo && p < hi) {
                points.add(p);
            }
        }
        double[] x = points.stream().mapToDouble(Double::doubleValue).toArray();
        double sum = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i];
            double c = x[i + 1];
            double m = (a + c) / 2;
            sum += (c - a) / 6 * (f(kernel, a, centre, b) + 4 * f(kernel, m, centre, b) + f(kernel, c, centre, b));
        }
        return sum;
    }

    private static double f(ScoreKernel kernel, double lag, double centre, double b) {
        return kernel.at(lag) * Math.max(0, b - Math.abs(lag - centre));
    }
}
