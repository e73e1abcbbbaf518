package org.spineformer.experiments.train;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Spike trains as the paper draws them: a Poisson process with a dead time ({@code generate_spike_train} in
 * helper_functions.py), and the operations the protocols apply to them. Times in ms, rates in spikes per ms (kHz).
 */
public final class SpikeTrains {
    /** Rejection sampling for a fixed spike count gives up after this many draws (the count is then unlikely). */
    static final int MAX_DRAWS = 1_000_000;

    private SpikeTrains() {
    }

    /**
     * A Poisson train with dead time over [startMs, endMs], as {@code generate_spike_train}: starting at startMs,
     * repeatedly draw an exponential interval of rate r' = 1 / (1/r - R), place a spike after it, and start the next
     * interval R after that spike; a spike is kept when it is at or before endMs, and drawing stops once the next
     * interval would start after endMs. The correction r' makes the mean rate r despite the dead time R.
     *
     * @param rateKhz the mean rate r (spikes/ms), with 1/r > R
     * @param recoveryMs the dead time R after each spike (ms), at least 0
     * @return increasing spike times
     */
    public static double[] poisson(SplittableRandom random, double startMs, double endMs, double rateKhz,
                                   double recoveryMs) {
        checkWindow(startMs, endMs);
        if (!(recoveryMs >= 0 && Double.isFinite(recoveryMs))) {
            throw new IllegalArgumentException("recoveryMs = " + recoveryMs + " must be finite and >= 0");
        }
        if (!(rateKhz > 0 && 1 / rateKhz > recoveryMs)) {
            throw new IllegalArgumentException("rateKhz = " + rateKhz + " must be > 0 with 1/rate > recoveryMs = "
                    + recoveryMs + " (a dead time that long cannot give that rate)");
        }
        double meanInterval = 1 / rateKhz - recoveryMs;
        double[] spikes = new double[16];
        int count = 0;
        double t = startMs;
        while (t < endMs) {
            // 1 - u is in (0, 1], so its logarithm is finite.
            double spike = t - meanInterval * Math.log(1 - random.nextDouble());
            t = spike + recoveryMs;
            if (spike <= endMs) {
                if (count == spikes.length) {
                    spikes = Arrays.copyOf(spikes, 2 * count);
                }
                spikes[count++] = spike;
            }
        }
        return Arrays.copyOf(spikes, count);
    }

    /**
     * A {@link #poisson} train conditioned on having exactly {@code count} spikes, by redrawing until it does, as the
     * Figure 4 scripts draw their postsynaptic trains (PotentiationExample.py, PotentiationThresholdScan.py).
     */
    public static double[] poissonWithCount(SplittableRandom random, double startMs, double endMs, double rateKhz,
                                            double recoveryMs, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count = " + count + " must be >= 0");
        }
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            double[] train = poisson(random, startMs, endMs, rateKhz, recoveryMs);
            if (train.length == count) {
                return train;
            }
        }
        throw new IllegalArgumentException("no train with count = " + count + " spikes in " + MAX_DRAWS
                + " draws over [" + startMs + ", " + endMs + "] ms at rateKhz = " + rateKhz + ", recoveryMs = "
                + recoveryMs);
    }

    /**
     * The spikes not strictly inside (fromMs, toMs): CollectControlPhaseOutputs.py keeps
     * {@code t <= match end or t >= control start}, silencing the gap between match and control.
     */
    public static double[] withoutOpenInterval(double[] train, double fromMs, double toMs) {
        return Arrays.stream(train).filter(t -> t <= fromMs || t >= toMs).toArray();
    }

    /** Every time moved by {@code shiftMs}. */
    public static double[] shifted(double[] train, double shiftMs) {
        return Arrays.stream(train).map(t -> t + shiftMs).toArray();
    }

    /** {@code first} followed by {@code second}; both increasing, every time of first before every time of second. */
    public static double[] concatenated(double[] first, double[] second) {
        if (first.length > 0 && second.length > 0 && !(first[first.length - 1] < second[0])) {
            throw new IllegalArgumentException("concatenated trains overlap: the first ends at "
                    + first[first.length - 1] + " ms, the second starts at " + second[0] + " ms");
        }
        double[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static void checkWindow(double startMs, double endMs) {
        if (!(Double.isFinite(startMs) && Double.isFinite(endMs) && endMs >= startMs)) {
            throw new IllegalArgumentException("window [startMs = " + startMs + ", endMs = " + endMs
                    + "] must be finite with endMs >= startMs");
        }
    }
}
