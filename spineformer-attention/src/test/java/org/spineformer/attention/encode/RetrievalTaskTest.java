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

    @Test
    void jitteredSpikesAreReflectedIntoTheWindow() {
        // the case: --keys 150 --queries 20 --jitter 1 --seed 4242 put a query spike at -0.46 ms
        RetrievalTask t = RetrievalTask.generate(new RetrievalTask.Config(150, 20, 1, 1, 4242));
        assertThat(t.inputs().requireWithin(1000, 1000)).isSameAs(t.inputs());
        // a jitter of the window's size moves many spikes out: every one comes back, none is lost
        RetrievalTask wide = RetrievalTask.generate(new RetrievalTask.Config(40, 40, 0.5, 500, 1));
        for (int i = 0; i < 40; i++) {
            double[] query = wide.inputs().queries()[i];
            assertThat(query).hasSameSizeAs(wide.inputs().keys()[wide.sources()[i]]).isSorted();
            assertThat(Arrays.stream(query)).allMatch(s -> s >= 0 && s <= 500);
        }
    }

    @Test
    void reflectionMirrorsAtBothEdges() {
        assertThat(RetrievalTask.reflectedInto(-0.46, 1000)).isEqualTo(0.46);
        assertThat(RetrievalTask.reflectedInto(1000.25, 1000)).isEqualTo(999.75);
        assertThat(RetrievalTask.reflectedInto(500, 1000)).isEqualTo(500);
        assertThat(RetrievalTask.reflectedInto(-1500, 1000)).as("folded twice").isEqualTo(500);
        assertThat(RetrievalTask.reflectedInto(1000, 1000)).isEqualTo(1000);
    }
}
