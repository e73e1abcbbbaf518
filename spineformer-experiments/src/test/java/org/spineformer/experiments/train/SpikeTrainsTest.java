package org.spineformer.experiments.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpikeTrainsTest {
    private static final double RATE = 0.006;
    private static final double RECOVERY = 50;

    @Test
    void longTrainHasThePaperRateAndDeadTime() {
        double[] t = SpikeTrains.poisson(new SplittableRandom(1), 0, 1e6, RATE, RECOVERY);
        // Renewal intervals R + Exp(1/r - R): mean 1/r, so about 6000 spikes (s.d. ~54) in 1e6 ms.
        assertThat(t.length).isBetween(6000 - 270, 6000 + 270);
        double sum = 0;
        double sumSq = 0;
        for (int i = 1; i < t.length; i++) {
            double excess = t[i] - t[i - 1] - RECOVERY;
            assertThat(excess).isGreaterThanOrEqualTo(0);
            sum += excess;
            sumSq += excess * excess;
        }
        int n = t.length - 1;
        double mean = sum / n;
        double beta = 1 / RATE - RECOVERY;
        assertThat(mean).isCloseTo(beta, within(0.05 * beta));
        // Exponential excess: standard deviation equal to the mean.
        assertThat(Math.sqrt(sumSq / n - mean * mean)).isCloseTo(beta, within(0.05 * beta));
    }

    @Test
    void meanCountOverShortWindowsMatchesTheRate() {
        SplittableRandom random = new SplittableRandom(2);
        int windows = 20000;
        long spikes = 0;
        for (int i = 0; i < windows; i++) {
            double[] t = SpikeTrains.poisson(random, 250, 1250, RATE, RECOVERY);
            spikes += t.length;
            for (double x : t) {
                assertThat(x).isBetween(250.0, 1250.0);
            }
        }
        // The first interval has no dead time before it, which adds ~0.045 spikes per window (renewal theory).
        assertThat((double) spikes / windows).isCloseTo(6.045, within(0.05));
    }

    @Test
    void sameStreamSameTrain() {
        double[] a = SpikeTrains.poisson(TrialSeeds.random(7, 3), 0, 5000, RATE, RECOVERY);
        double[] b = SpikeTrains.poisson(TrialSeeds.random(7, 3), 0, 5000, RATE, RECOVERY);
        double[] c = SpikeTrains.poisson(TrialSeeds.random(7, 4), 0, 5000, RATE, RECOVERY);
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void emptyWindowGivesAtMostOneSpikeAtItsStart() {
        assertThat(SpikeTrains.poisson(new SplittableRandom(3), 10, 10, RATE, RECOVERY)).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void fixedCountIsHonoured() {
        double[] t = SpikeTrains.poissonWithCount(new SplittableRandom(4), 250, 1250, RATE, RECOVERY, 6);
        assertThat(t).hasSize(6);
        assertThatThrownBy(() -> SpikeTrains.poissonWithCount(new SplittableRandom(4), 0, 100, RATE, RECOVERY, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count = 5");
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> SpikeTrains.poisson(new SplittableRandom(), 0, 10, 0.03, 50))
                .hasMessageContaining("rateKhz = 0.03");
        assertThatThrownBy(() -> SpikeTrains.poisson(new SplittableRandom(), 10, 0, RATE, 50))
                .hasMessageContaining("endMs = 0.0");
    }

    @Test
    void gapRemovalKeepsTheEdges() {
        double[] t = {100, 1250, 1300, 1749, 1750, 2000};
        assertThat(SpikeTrains.withoutOpenInterval(t, 1250, 1750)).containsExactly(100, 1250, 1750, 2000);
    }

    @Test
    void concatenationRequiresOrder() {
        assertThat(SpikeTrains.concatenated(new double[] {1, 2}, new double[] {3})).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> SpikeTrains.concatenated(new double[] {1, 5}, new double[] {3}))
                .hasMessageContaining("overlap");
    }
}
