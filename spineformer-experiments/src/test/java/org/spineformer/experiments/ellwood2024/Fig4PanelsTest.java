package org.spineformer.experiments.ellwood2024;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The parts of the Figure 4 panels that need no simulation. */
class Fig4PanelsTest {
    @Test
    void thresholdFactorsAreThoseOfPotentiationThresholdScan() {
        // np.flip(np.geomspace(0.25 * np.sqrt(2), 4, 9))
        double[] numpy = {4, 2.95365229, 2.18101547, 1.61049033, 1.18920712, 0.87812608, 0.64841978, 0.47880164,
                0.35355339};
        Fig4cThresholdScan.Config c = Fig4cThresholdScan.Config.paper();
        for (int i = 0; i < 9; i++) {
            assertThat(c.multiplier(i)).isCloseTo(numpy[i], within(1e-8));
            assertThat(c.protocol(i).threshold()).isCloseTo(numpy[i] * Ellwood2024.paperThreshold(1), within(1e-20));
        }
        Fig4cThresholdScan.Config quick = Fig4cThresholdScan.Config.quick();
        assertThat(quick.multiplier(0)).isEqualTo(4);
        assertThat(quick.multiplier(2)).isCloseTo(0.25 * Math.sqrt(2), within(1e-15));
        assertThat(c.protocol(0).pulseCount()).isEqualTo(6);
    }

    @Test
    void examplesAlternateBetweenTheSuccessfulAndTheFailedQuery() {
        Fig4befPotentiationExamples.Config c = Fig4befPotentiationExamples.Config.paper();
        assertThat(c.pulses(0)).isEqualTo(6);
        assertThat(c.pulses(1)).isEqualTo(4);
        assertThat(c.protocol(1).matchedAxons()).isEqualTo(1);
    }

    @Test
    void twoAxonSomaticSpikesAreSpuriousOnlyWhenNeitherAxonExplainsThem() {
        Fig4dTwoMatchedAxons.Run run = new Fig4dTwoMatchedAxons.Run(new int[] {3, 90}, new double[] {300},
                new double[][] {{295, 1800, 2000}, {296, 1900}}, new double[] {1810, 1910, 2400}, new int[] {3, 90},
                0.1, new double[0], new double[2][0], 1);
        Fig4dTwoMatchedAxons.Outcome o = Fig4dTwoMatchedAxons.score(run, 1750);
        assertThat(o.perAxon().get(0).failedSpikes()).isEqualTo(1); // 2000 has no somatic spike after it
        assertThat(o.perAxon().get(1).failedSpikes()).isZero();
        assertThat(o.union().spuriousSpikes()).isEqualTo(1); // 2400
        assertThat(o.union().somaticSpikes()).isEqualTo(3);
        assertThat(Fig4dTwoMatchedAxons.Config.paper().protocol().matchedAxons()).isEqualTo(2);
    }
}
