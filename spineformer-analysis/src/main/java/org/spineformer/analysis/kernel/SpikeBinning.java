package org.spineformer.analysis.kernel;

import static org.spineformer.analysis.Arguments.finite;
import static org.spineformer.analysis.Arguments.positive;

/**
 * Turns spike times into vectors as {@code make_vector_from_ts(ts, [startMs, endMs], binSizeMs)} in
 * helper_functions.py, the representation the Figure 2C-D kernel works on (1 ms bins over [50, 50 + window] in
 * Figure_2CD_FitLinearModelToOverlapsAndPlot.py lines 62 and 71).
 *
 * <p>The vector has n = round((end - start) / binSize) entries (round half to even, as {@code np.round}), and the
 * range [start, end] is mapped linearly onto the indices 0 .. n - 1, so consecutive entries are
 * {@link #binSpacingMs()} = (end - start) / (n - 1) apart, slightly more than the nominal bin size (1000/999 ms in
 * the paper). A spike at fractional index i + f adds 1 - f to entry i and f to entry i + 1. Spikes outside the range
 * are clamped onto its first or last entry, as the script does; this matters for presynaptic spikes that the bAP
 * delay shift moves before the start.
 *
 * @param startMs start of the range (ms)
 * @param endMs end of the range (ms), after the start
 * @param binSizeMs nominal bin size (ms); the range must hold at least two bins
 */
public record SpikeBinning(double startMs, double endMs, double binSizeMs) {
    public SpikeBinning {
        finite("startMs", startMs);
        finite("endMs", endMs);
        positive("binSizeMs", binSizeMs);
        if (!(endMs > startMs) || Math.rint((endMs - startMs) / binSizeMs) < 2) {
            throw new IllegalArgumentException("range [" + startMs + ", " + endMs + "] ms must hold at least two bins"
                    + " of binSizeMs = " + binSizeMs);
        }
    }

    /** The number of vector entries n. */
    public int binCount() {
        return (int) Math.rint((endMs - startMs) / binSizeMs);
    }

    /** The time between consecutive entries (ms): (end - start) / (n - 1). Kernel lags are multiples of it. */
    public double binSpacingMs() {
        return (endMs - startMs) / (binCount() - 1);
    }

    /** The vector of {@code spikeTimesMs} (any order). */
    public double[] vector(double[] spikeTimesMs) {
        return vector(spikeTimesMs, 0);
    }

    /**
     * The vector of the spike times moved earlier by {@code advanceMs}, i.e. of {@code t - advanceMs}. Figure 2C-D
     * advances each presynaptic train by its spine's bAP delay d_j (script line 62), so that a presynaptic spike and
     * a postsynaptic spike whose bAP reaches the spine 7 ms later are 7 ms apart in the vectors.
     */
    public double[] vector(double[] spikeTimesMs, double advanceMs) {
        finite("spikeTimesMs", spikeTimesMs);
        finite("advanceMs", advanceMs);
        int n = binCount();
        double[] v = new double[n];
        double scale = 1 / (endMs - startMs);
        for (double t : spikeTimesMs) {
            double unit = Math.min(Math.max(((t - advanceMs) - startMs) * scale, 0), 1);
            double position = unit * (n - 1);
            int index = (int) Math.floor(position);
            double fraction = position - index;
            if (index < n - 1) {
                v[index] += 1 - fraction;
                v[index + 1] += fraction;
            } else {
                v[index] += 1;
            }
        }
        return v;
    }
}
