package org.spineformer.attention.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spineformer.attention.capacity.CapacityBenchmark.RuleMetrics;
import org.spineformer.attention.capacity.CapacityTask.Encoding;
import org.spineformer.attention.reduced.ScoreKernel;

class CapacityBenchmarkTest {
    static CapacityTask task(Encoding encoding, int keys, double correlation, double jitterMs) {
        return CapacityTask.generate(new CapacityTask.Config(encoding, keys, 16, correlation, 20, 40, 0.1, 1,
                jitterMs, 11));
    }

    static RuleMetrics rule(CapacityBenchmark.Result r, String name) {
        return r.rules().stream().filter(m -> m.rule().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void queriesEqualToTheirKeysAreAlwaysFoundByArgmax() {
        // rho = 1: each query is its target key, a unit vector, whose dot product 1 beats every other key's.
        CapacityTask t = task(Encoding.VECTOR, 100, 1, 0);
        CapacityBenchmark.Result r = CapacityBenchmark.run(t, t.exact(ScoreKernel.builtIn()), 0.1, 1, () -> { });
        assertThat(r.rules()).extracting(RuleMetrics::rule).containsExactly("softmax", "sparsemax", "entmax-1.5",
                "top-1", "top-2", "top-8", "argmax", "linear", "match-and-control",
                "match-and-control-tuned");
        assertThat(rule(r, "argmax").accuracy()).isEqualTo(1);
        assertThat(rule(r, "argmax").cosine()).isEqualTo(1);
        assertThat(rule(r, "argmax").keysAttended()).isEqualTo(1);
        assertThat(rule(r, "top-1").accuracy()).isEqualTo(1);
        // Tuning finds the sharpest temperature best here, so softmax is argmax too.
        assertThat(rule(r, "softmax").accuracy()).isEqualTo(1);
        assertThat(rule(r, "softmax").parameter()).isLessThan(0.01);
        // Top-8 shares softmax's temperature: at most 8 keys, fewer where the rest underflow to 0.
        assertThat(rule(r, "top-8").keysAttended()).isBetween(1.0, 8.0);
        assertThat(rule(r, "top-8").accuracy()).isEqualTo(1);
        assertThat(r.comparisonsPerQuery()).isEqualTo(100);
        assertThat(r.spikesPerQuery()).isZero();
        // The paper's threshold lets about one query in ten select a wrong key (of 99), not a tenth of the keys.
        assertThat(rule(r, "match-and-control").falseSelections()).isLessThan(1.0);
        assertThat(rule(r, "match-and-control").accuracy()).isGreaterThan(0.5);
        // Tuned for retrieval instead, the threshold rises above every non-target score of the tuning split.
        assertThat(rule(r, "match-and-control-tuned").accuracy()).isEqualTo(1);
    }

    @Test
    void theSameNumbersOnAnyThreadCount() {
        CapacityTask t = task(Encoding.RATE, 60, 0.9, 0);
        ScoreSource spine = t.spine(ScoreKernel.builtIn());
        CapacityBenchmark.Result one = CapacityBenchmark.run(t, spine, 0.1, 1, () -> { });
        CapacityBenchmark.Result two = CapacityBenchmark.run(t, spine, 0.1, 2, () -> { });
        assertThat(two).isEqualTo(one);
        assertThat(one.spikesPerQuery()).isPositive();
    }

    @Test
    void withoutJitterThePoissonSourcesCoincide() {
        // The exact score averages the spine's over the query's jitter; with none they are the same numbers.
        CapacityTask t = task(Encoding.POISSON, 50, 1, 0);
        List<RuleMetrics> exact = CapacityBenchmark.run(t, t.exact(ScoreKernel.builtIn()), 0.1, 2, () -> { }).rules();
        List<RuleMetrics> spine = CapacityBenchmark.run(t, t.spine(ScoreKernel.builtIn()), 0.1, 2, () -> { }).rules();
        assertThat(spine).isEqualTo(exact);
    }

    @Test
    void vectorsHaveNoSpineScore() {
        assertThatThrownBy(() -> task(Encoding.VECTOR, 10, 1, 0).spine(ScoreKernel.builtIn()))
                .hasMessageContaining("spine score needs spike trains");
    }
}
