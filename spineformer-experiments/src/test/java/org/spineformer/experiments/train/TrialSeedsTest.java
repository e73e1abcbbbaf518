package org.spineformer.experiments.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrialSeedsTest {
    @Test
    void streamDependsOnlyOnSeedAndIndex() {
        long first = TrialSeeds.random(3, 10).nextLong();
        TrialSeeds.random(3, 11).nextLong(); // another trial drawn in between changes nothing
        assertThat(TrialSeeds.random(3, 10).nextLong()).isEqualTo(first);
    }

    @Test
    void neighbouringSeedsAndIndicesGiveDistinctStreams() {
        Set<Long> firstDraws = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            for (long index = 0; index < 200; index++) {
                firstDraws.add(TrialSeeds.random(seed, index).nextLong());
            }
        }
        assertThat(firstDraws).hasSize(20 * 200);
    }

    @Test
    void negativeIndexIsRejected() {
        assertThatThrownBy(() -> TrialSeeds.random(0, -1)).hasMessageContaining("trial index = -1");
    }
}
