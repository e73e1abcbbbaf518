package org.spineformer.attention.reduced;

import org.spineformer.experiments.ellwood2024.Ellwood2024;
import org.spineformer.experiments.ellwood2024.Fig4aPotentiationSigmoid;

/**
 * Which keys a neuron potentiates: the spine's AMPA factor {@code (1 - a) + 8 a},
 * {@code a = sigmoid(20 (x - 1))} at x = score / threshold (Figure 4A, the cell's own synapse parameters), and a key
 * is selected when its potentiation is at least half way, {@code a >= 1/2}, i.e. x >= 1 for the paper's sigmoid.
 *
 * @param threshold the potentiation threshold in the scores' unit (the paper's 1 s threshold), > 0
 * @param sigmoid the potentiation sigmoid
 */
public record PotentiationRule(double threshold, Fig4aPotentiationSigmoid.Config sigmoid) {
    public PotentiationRule {
        if (!(threshold > 0 && Double.isFinite(threshold))) {
            throw new IllegalArgumentException("threshold = " + threshold + " must be finite and > 0");
        }
    }

    /**
     * The paper's rule for a match window: its Figure 3 threshold for that window (0.5, 1 or 2 s) over its 1 s
     * threshold, the kernel's unit.
     */
    public static PotentiationRule paper(double matchWindowS) {
        return withThreshold(Ellwood2024.paperThreshold(matchWindowS) / Ellwood2024.paperThreshold(1));
    }

    /** The paper's sigmoid with another threshold (in units of the paper's 1 s threshold). */
    public static PotentiationRule withThreshold(double threshold) {
        return new PotentiationRule(threshold, Fig4aPotentiationSigmoid.Config.paper());
    }

    /** The AMPA conductance factor a spine with this score reaches. */
    public double potentiation(double score) {
        return Fig4aPotentiationSigmoid.relativeConductance(sigmoid, score / threshold);
    }

    /** Whether a key with this score is selected. */
    public boolean selects(double score) {
        return score / threshold >= Fig4aPotentiationSigmoid.fractionAt(sigmoid, 0.5);
    }
}
