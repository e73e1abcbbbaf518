package org.spineformer.analysis.spikes;

import static org.spineformer.analysis.Arguments.finite;

/**
 * How well one trial's control phase copied the matched axon (Figure 5), with the definitions of
 * ProcessControlPhaseTests.py lines 102-139. All times in ms.
 *
 * <ul>
 * <li>Only matched-axon spikes at or after the control start ({@code >= t0}) and somatic spikes strictly after it
 * ({@code > t0}) count (lines 113 and 115); there is no upper bound, so somatic spikes in the final rest period
 * count too.</li>
 * <li>A somatic spike s is <b>spurious</b> when {@code |s - (p + 10)| > 10} for every counted matched-axon spike p
 * (line 121), i.e. no p with {@code p <= s <= p + 20}: a somatic spike exactly 0 or 20 ms after an axon spike is
 * explained by it.</li>
 * <li>A matched-axon spike p has <b>failed</b> when {@code |p - (s - 10)| > 10} for every counted somatic spike s
 * (line 131): the same pairing, seen from the axon.</li>
 * <li>The fractions are failed / axon spikes and spurious / somatic spikes, and 0 when there is nothing to divide
 * by (lines 123-126, 136-139).</li>
 * </ul>
 * One case the script cannot handle: somatic spikes but no matched-axon spike in the control phase makes its
 * {@code np.min} of an empty array raise. Here every such somatic spike is spurious, which is what the definition
 * says.
 *
 * @param matchedAxonSpikes matched-axon spikes counted in the control phase
 * @param somaticSpikes somatic spikes counted in the control phase
 * @param failedSpikes matched-axon spikes with no somatic spike 0 to 20 ms after them
 * @param spuriousSpikes somatic spikes with no matched-axon spike 0 to 20 ms before them
 */
public record ControlPhaseOutcome(int matchedAxonSpikes, int somaticSpikes, int failedSpikes, int spuriousSpikes) {
    /** The expected somatic delay after a matched-axon spike, and the tolerance around it (ms). */
    public static final double PAIRING_OFFSET_MS = 10;
    public static final double PAIRING_TOLERANCE_MS = 10;
    /** Rest before the match window and gap after it, in the full trials (CollectControlPhaseOutputs.py). */
    public static final double REST_MS = 250;
    public static final double GAP_MS = 500;

    public ControlPhaseOutcome {
        if (matchedAxonSpikes < 0 || failedSpikes < 0 || failedSpikes > matchedAxonSpikes) {
            throw new IllegalArgumentException("failedSpikes = " + failedSpikes + " must be in [0, matchedAxonSpikes = "
                    + matchedAxonSpikes + "]");
        }
        if (somaticSpikes < 0 || spuriousSpikes < 0 || spuriousSpikes > somaticSpikes) {
            throw new IllegalArgumentException("spuriousSpikes = " + spuriousSpikes + " must be in [0, somaticSpikes = "
                    + somaticSpikes + "]");
        }
    }

    /** The control phase's start t0 = 250 + match window + 500 ms (ProcessControlPhaseTests.py line 102). */
    public static double controlStartMs(double matchWindowMs) {
        return REST_MS + finite("matchWindowMs", matchWindowMs) + GAP_MS;
    }

    /**
     * Scores one trial.
     *
     * @param matchedAxonSpikeTimes all spike times of the matched axon in the trial (any order)
     * @param somaticSpikeTimes all somatic spike times of the trial (any order), e.g. from
     *     {@link Peaks#localMaximaTimes}
     * @param controlStartMs t0, see {@link #controlStartMs}
     */
    public static ControlPhaseOutcome score(double[] matchedAxonSpikeTimes, double[] somaticSpikeTimes,
                                            double controlStartMs) {
        finite("matchedAxonSpikeTimes", matchedAxonSpikeTimes);
        finite("somaticSpikeTimes", somaticSpikeTimes);
        finite("controlStartMs", controlStartMs);
        double[] axon = matchedAxonSpikeTimes.clone();
        int nAxon = 0;
        for (double p : matchedAxonSpikeTimes) {
            if (p >= controlStartMs) {
                axon[nAxon++] = p;
            }
        }
        double[] soma = somaticSpikeTimes.clone();
        int nSoma = 0;
        for (double s : somaticSpikeTimes) {
            if (s > controlStartMs) {
                soma[nSoma++] = s;
            }
        }
        // The two tests are written as in the script (x - (y +/- 10)) so that edge cases round identically.
        int spurious = unpaired(soma, nSoma, axon, nAxon, PAIRING_OFFSET_MS);
        int failed = unpaired(axon, nAxon, soma, nSoma, -PAIRING_OFFSET_MS);
        return new ControlPhaseOutcome(nAxon, nSoma, failed, spurious);
    }

    /** Failed / matched-axon spikes, 0 when the axon did not fire in the control phase. */
    public double failedFraction() {
        return matchedAxonSpikes == 0 ? 0 : (double) failedSpikes / matchedAxonSpikes;
    }

    /** Spurious / somatic spikes, 0 when the soma did not fire in the control phase. */
    public double spuriousFraction() {
        return somaticSpikes == 0 ? 0 : (double) spuriousSpikes / somaticSpikes;
    }

    /** Counts the first nx entries of x with |x - (y + offset)| > tolerance for each of the first ny entries of y. */
    private static int unpaired(double[] x, int nx, double[] y, int ny, double offset) {
        int count = 0;
        for (int i = 0; i < nx; i++) {
            boolean paired = false;
            for (int j = 0; j < ny && !paired; j++) {
                paired = Math.abs(x[i] - (y[j] + offset)) <= PAIRING_TOLERANCE_MS;
            }
            if (!paired) {
                count++;
            }
        }
        return count;
    }
}
