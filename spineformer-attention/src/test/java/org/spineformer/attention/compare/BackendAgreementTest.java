package org.spineformer.attention.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spineformer.attention.QueryResult;

class BackendAgreementTest {
    private static QueryResult selecting(int[] selected, double[] scores) {
        return new QueryResult(new double[0], selected, scores);
    }

    @Test
    void comparesSelectionsQueryByQuery() {
        double[] scores = {3, 2, 1};
        List<QueryResult> a = List.of(selecting(new int[] {0, 1}, scores), selecting(new int[0], scores),
                selecting(new int[] {2}, scores));
        List<QueryResult> b = List.of(selecting(new int[] {0}, scores), selecting(new int[0], scores),
                selecting(new int[] {1}, scores));
        BackendAgreement agreement = BackendAgreement.of(a, b);
        // Query 0: {0,1} vs {0}: Jaccard 1/2, same top key 0. Query 1: both empty: equal, Jaccard 1, top -1 both.
        // Query 2: {2} vs {1}: Jaccard 0, top keys differ.
        assertThat(agreement.jaccard()).containsExactly(0.5, 1, 0);
        assertThat(agreement.sameSelection()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(agreement.meanJaccard()).isCloseTo(0.5, within(1e-15));
        assertThat(agreement.sameTopKey()).isCloseTo(2.0 / 3, within(1e-15));
    }

    @Test
    void needsTheSameQueries() {
        assertThatThrownBy(() -> BackendAgreement.of(List.of(selecting(new int[0], new double[0])), List.of()))
                .hasMessageContaining("1 and 0 queries");
    }
}
