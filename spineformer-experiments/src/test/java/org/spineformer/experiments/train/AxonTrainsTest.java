package org.spineformer.experiments.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AxonTrainsTest {
    @Test
    void neighbouringSpinesShareTheirAxonsTrain() {
        AxonTrains axons = AxonTrains.poisson(new SplittableRandom(5), 150, 10, 50, 1050, 0.006, 50);
        double[][] spines = axons.perSpine();
        assertThat(spines).hasNumberOfRows(1500);
        for (int k = 0; k < 1500; k++) {
            assertThat(spines[k]).isSameAs(axons.train(k / 10));
        }
        assertThat(spines[0]).isNotEqualTo(spines[10]);
    }

    @Test
    void replacingOneAxonLeavesTheOriginalAlone() {
        AxonTrains axons = AxonTrains.poisson(new SplittableRandom(6), 3, 2, 0, 1000, 0.006, 50);
        AxonTrains changed = axons.withTrain(1, new double[] {42});
        assertThat(changed.perSpine()[2]).containsExactly(42);
        assertThat(changed.perSpine()[3]).containsExactly(42);
        assertThat(axons.train(1)).isNotEqualTo(new double[] {42});
        assertThatThrownBy(() -> axons.withTrain(3, new double[0])).hasMessageContaining("axon = 3");
    }

    @Test
    void drawsAreDeterministicPerStream() {
        AxonTrains a = AxonTrains.poisson(TrialSeeds.random(1, 9), 150, 10, 0, 2000, 0.006, 50);
        AxonTrains b = AxonTrains.poisson(TrialSeeds.random(1, 9), 150, 10, 0, 2000, 0.006, 50);
        for (int i = 0; i < 150; i++) {
            assertThat(a.train(i)).containsExactly(b.train(i));
        }
    }
}
