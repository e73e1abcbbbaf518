package org.spineformer.analysis.spikes;

import static org.spineformer.analysis.Arguments.finite;
import static org.spineformer.analysis.Arguments.sameLength;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.spineformer.analysis.stats.Statistics;

/**
 * Per-trial results (e.g. {@link ControlPhaseOutcome#failedFraction()}) grouped by the number of somatic pulses in
 * the trial's match window, as Figures 5B and 5C plot them against the query rate pulses / window.
 *
 * @param pulses the number of match-window pulses shared by the trials of this bin (at least 1)
 * @param trials how many trials have that number
 * @param mean the mean of their values
 * @param standardErrorOfMean {@link Statistics#standardErrorOfMean}, the paper's {@code np.std / sqrt(n)}
 */
public record PulseCountBin(int pulses, int trials, double mean, double standardErrorOfMean) {
    /** Figure 5B keeps pulse counts with at least 5 trials (failed spikes), Figure 5C at least 10 (spurious). */
    public static final int FIGURE_5B_MIN_TRIALS = 5;
    public static final int FIGURE_5C_MIN_TRIALS = 10;

    /**
     * Bins the trials by pulse count (Figure_5ABC_successful_and_spurious_spikes.py lines 40-55 and 68-79): trials
     * without pulses are left out, and so is every pulse count with fewer than {@code minTrials} trials.
     *
     * <p>The script then pairs its kept means with the first pulse counts, {@code counts[:len(frac_fail)]}, which
     * shifts the x values whenever a count in the middle is left out; here each bin keeps its own count.
     *
     * @param pulseCounts match-window pulses of each trial
     * @param values the per-trial result, same length
     * @return the bins in increasing pulse count
     */
    public static List<PulseCountBin> of(int[] pulseCounts, double[] values, int minTrials) {
        finite("values", values);
        if (pulseCounts == null) {
            throw new IllegalArgumentException("pulseCounts is null");
        }
        sameLength("pulseCounts", pulseCounts.length, "values", values.length);
        if (minTrials < 1) {
            throw new IllegalArgumentException("minTrials = " + minTrials + " must be at least 1");
        }
        TreeMap<Integer, List<Double>> byCount = new TreeMap<>();
        for (int i = 0; i < pulseCounts.length; i++) {
            if (pulseCounts[i] < 0) {
                throw new IllegalArgumentException("pulseCounts[" + i + "] = " + pulseCounts[i] + " is negative");
            }
            if (pulseCounts[i] > 0) {
                byCount.computeIfAbsent(pulseCounts[i], k -> new ArrayList<>()).add(values[i]);
            }
        }
        List<PulseCountBin> bins = new ArrayList<>();
        byCount.forEach((pulses, group) -> {
            if (group.size() >= minTrials) {
                double[] v = group.stream().mapToDouble(Double::doubleValue).toArray();
                bins.add(new PulseCountBin(pulses, v.length, Statistics.mean(v), Statistics.standardErrorOfMean(v)));
            }
        });
        return bins;
    }
}
