package org.spineformer.analysis.spikes;

import static org.spineformer.analysis.Arguments.finite;
import static org.spineformer.analysis.Arguments.finiteNonEmpty;
import static org.spineformer.analysis.Arguments.sameLength;
import static org.spineformer.analysis.Arguments.strictlyIncreasing;

import java.util.Arrays;

/** Peaks of a sampled trace: spike detection and sub-sample peak timing. Times in ms, values in any unit. */
public final class Peaks {
    /** The paper counts a somatic local maximum above 0 mV as a spike (CollectControlPhaseOutputs.py line 107). */
    public static final double SOMATIC_SPIKE_THRESHOLD_MV = 0;

    private Peaks() {
    }

    /**
     * Times of the samples that are strictly greater than both neighbours and strictly above {@code threshold}:
     * {@code argrelextrema(x, np.greater)} followed by {@code x > threshold} (CollectControlPhaseOutputs.py lines
     * 106-108). The first and last samples are never maxima, and the samples of a flat top are not either, because
     * each must exceed its equal neighbour.
     *
     * @param times sample times (ms), strictly increasing
     * @param x the trace, same length
     * @return the times of the maxima, in increasing order
     */
    public static double[] localMaximaTimes(double[] times, double[] x, double threshold) {
        checkTrace(times, x);
        finite("threshold", threshold);
        double[] found = new double[x.length / 2 + 1];
        int count = 0;
        for (int i = 1; i < x.length - 1; i++) {
            if (x[i] > x[i - 1] && x[i] > x[i + 1] && x[i] > threshold) {
                found[count++] = times[i];
            }
        }
        return Arrays.copyOf(found, count);
    }

    /**
     * The time of the trace's maximum refined by a parabola through the largest sample and its two neighbours, as
     * {@code find_maximum_with_second_order_approximation} in helper_functions.py, used for the bAP delays of
     * Figure 2B (Figure_2B_PlotSpikeDelays.py line 42). The largest sample is the first one of maximal value; if it
     * is the first or last sample its own time is returned. Otherwise the parabola's vertex lies at a fractional
     * sample offset {@code alpha} in [-1/2, 1/2] and the time is interpolated linearly between the two samples
     * around index + alpha, so non-uniform sampling is honoured as in the paper.
     *
     * @param times sample times (ms), strictly increasing
     * @param x the trace, same length, at least one sample
     */
    public static double parabolicPeakTime(double[] times, double[] x) {
        checkTrace(times, x);
        int i = 0;
        for (int j = 1; j < x.length; j++) {
            if (x[j] > x[i]) {
                i = j;
            }
        }
        if (i == 0 || i == x.length - 1) {
            return times[i];
        }
        // Parabola a u^2 + b u + c through (-1, x[i-1]), (0, x[i]), (1, x[i+1]); a < 0 because x[i-1] < x[i] >= x[i+1].
        double a = (x[i - 1] + x[i + 1]) / 2 - x[i];
        double b = (x[i + 1] - x[i - 1]) / 2;
        double position = i - b / (2 * a);
        int low = (int) Math.floor(position);
        double fraction = position - low;
        return (1 - fraction) * times[low] + fraction * times[low + 1];
    }

    private static void checkTrace(double[] times, double[] x) {
        strictlyIncreasing("times", times);
        finiteNonEmpty("x", x);
        sameLength("times", times.length, "x", x.length);
    }
}
