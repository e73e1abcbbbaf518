package org.spineformer.attention.compare;

/**
 * Spike trains as rates in equal bins over [0, endMs): bin b holds spikes in [b binMs, (b + 1) binMs), as spikes/ms.
 *
 * @param binMs the bin width (ms), > 0
 * @param endMs the end of the binned range (ms), at least one bin
 */
public record RateBins(double binMs, double endMs) {
    /** The default width: wider than the output stage's jitter, narrower than the 50 ms dead time. */
    public static final double DEFAULT_BIN_MS = 20;

    public RateBins {
        if (!(binMs > 0 && Double.isFinite(binMs) && endMs >= binMs && Double.isFinite(endMs))) {
            throw new IllegalArgumentException("binMs = " + binMs + ", endMs = " + endMs
                    + ": need finite binMs > 0 and endMs >= binMs");
        }
    }

    public int count() {
        return (int) Math.ceil(endMs / binMs);
    }

    /** The rates of {@code train} moved earlier by {@code advanceMs}; spikes outside [0, endMs) are left out. */
    public double[] rates(double[] train, double advanceMs) {
        double[] r = new double[count()];
        for (double t : train) {
            double shifted = t - advanceMs;
            if (shifted >= 0 && shifted < endMs) {
                r[(int) (shifted / binMs)] += 1 / binMs;
            }
        }
        return r;
    }
}
