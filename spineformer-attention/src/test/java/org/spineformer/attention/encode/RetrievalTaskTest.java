package org.spineformer.attention.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RetrievalTaskTest {
    @Test
    void zeroJitterQueryIsItsSourceKey() {
        RetrievalTask t = RetrievalTask.generate(new RetrievalTask.Config(20, 30, 1, 0, 5));
        for (int i = 0; i < 30; i++) {
            assertThat(t.inputs().queries()[i]).isEqualTo(t.inputs().keys()[t.sources()[i]]);
        }
    }

    @Test
    void keysKeepTheDeadTimeAndTheWindow() {
        RetrievalTask t = RetrievalTask.generate(new RetrievalTask.Config(50, 0, 0.5, 0, 1));
        for (double[] key : t.inputs().keys()) {
            assertThat(Arrays.stream(key)).allMatch(s -> s >= 0 && s <= 500);
            for (int k = 1; k < key.length; k++) {
                assertThat(key[k] - key[k - 1]).isGreaterThanOrEqualTo(50);
            }
        }
        assertThat(Arrays.asList(t.inputs().values())).allMatch(v -> v.length == 0 || v[v.length - 1] <= 1000);
    }

    @Test
    void sameSeedSameTaskOtherSeedOtherTask() {
        RetrievalTask.Config c = new RetrievalTask.Config(10, 10, 1, 2, 7);
        RetrievalTask a = RetrievalTask.generate(c);
        RetrievalTask b = RetrievalTask.generate(c);
        RetrievalTask other = RetrievalTask.generate(new RetrievalTask.Config(10, 10, 1, 2, 8));
        assertThat(b.inputs().queries()).isDeepEqualTo(a.inputs().queries());
        assertThat(b.inputs().values()).isDeepEqualTo(a.inputs().values());
        assertThat(b.sources()).isEqualTo(a.sources());
        assertThat(other.inputs().keys()[0]).isNotEqualTo(a.inputs().keys()[0]);
    }

    @Test
    void jitterMovesSpikesBySmallAmounts() {
        RetrievalTask t = RetrievalTask.generate(new RetrievalTask.Config(5, 5, 1, 1, 3));
        double[] key = t.inputs().keys()[t.sources()[0]];
        double[] query = t.inputs().queries()[0];
        assertThat(query).hasSameSizeAs(key).isSorted().isNotEqualTo(key);
        for (int k = 0; k < key.length; k++) {
            assertThat(Math.abs(query[k] - key[k])).isLessThan(10);
        }
    }
}
