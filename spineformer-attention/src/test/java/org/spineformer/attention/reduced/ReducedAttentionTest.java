package org.spineformer.attention.reduced;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.attention.AttentionInputs;
import org.spineformer.attention.QueryResult;
import org.spineformer.attention.encode.RetrievalTask;

class ReducedAttentionTest {
    /** K(lag) = lag for lag in [0, 10] ms, 0 elsewhere: easy to sum by hand. */
    private static final ScoreKernel RAMP = new ScoreKernel("ramp", 0, 1,
            new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});

    @Test
    void scoreIsTheHandSumOverPairsInTheSupport() {
        double[] key = {100, 103, 200};
        double[] query = {98, 104.5, 300};
        // Lags u - t + 7: (98,100) 5; (98,103) 2; (104.5,100) 11.5 outside; (104.5,103) 8.5; all others outside.
        assertThat(BilinearScore.score(RAMP, key, query, 0)).isCloseTo(5 + 2 + 8.5, within(1e-12));
    }

    @Test
    void shiftMovesEveryLag() {
        double[] key = {100, 103, 200};
        double[] query = {98, 104.5, 300};
        // Lags u - t + 7 - 2: (98,100) 3; (98,103) 0; (104.5,100) 9.5; (104.5,103) 6.5; (300,200) outside.
        assertThat(BilinearScore.score(RAMP, key, query, -2)).isCloseTo(3 + 0 + 9.5 + 6.5, within(1e-12));
    }

    @Test
    void kernelInterpolatesAndVanishesOutsideItsSupport() {
        assertThat(RAMP.at(3.25)).isCloseTo(3.25, within(1e-12));
        assertThat(RAMP.at(-0.01)).isZero();
        assertThat(RAMP.at(10.01)).isZero();
        assertThat(RAMP.at(10)).isEqualTo(10);
    }

    @Test
    void builtInKernelPeaksAtTheOptimumOffset() {
        ScoreKernel k = ScoreKernel.builtIn();
        assertThat(k.at(7)).isCloseTo(0.23, within(1e-9));
        assertThat(k.at(6)).isLessThan(k.at(7));
        assertThat(k.at(8)).isLessThan(k.at(7));
        assertThat(k.at(1)).isZero();
    }

    @Test
    void readsAFig2cdKernelCsv(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kernel.csv"), "lag_ms,k\n-1.0,0.5\n0.0,1.0\n1.0,3.0\n");
        ScoreKernel k = ScoreKernel.read(dir);
        assertThat(k.at(0.5)).isCloseTo(2, within(1e-12));
        assertThat(k.firstLagMs()).isEqualTo(-1);
        assertThatThrownBy(() -> ScoreKernel.read(dir.resolve("missing")))
                .hasMessageContaining("no kernel.csv");
    }

    @Test
    void paperRuleSelectsAtTheThresholdAndPotentiatesEightfold() {
        PotentiationRule rule = PotentiationRule.paper(1);
        assertThat(rule.threshold()).isEqualTo(1);
        assertThat(rule.selects(1.0)).isTrue();
        assertThat(rule.selects(0.99)).isFalse();
        assertThat(rule.potentiation(3)).isCloseTo(8, within(1e-6));
        assertThat(rule.potentiation(0)).isCloseTo(1, within(1e-6));
        assertThat(PotentiationRule.paper(2).threshold()).isGreaterThan(1);
    }

    @Test
    void outputIsTheDelayedUnionOfSelectedValues() {
        double[][] values = {{10, 30}, {20}, {5}};
        assertThat(new OutputStage(7).output(values, new int[] {0, 1})).containsExactly(17, 27, 37);
    }

    @Test
    void zeroJitterRetrievesEverySourceKey() {
        RetrievalTask task = RetrievalTask.generate(new RetrievalTask.Config(100, 100, 1, 0, 11));
        // A threshold that one coincidence at the kernel's peak (0.23) crosses, so even 2-spike keys are found.
        ReducedAttention model = new ReducedAttention(ScoreKernel.builtIn(), PotentiationRule.withThreshold(0.2),
                OutputStage.defaults(), 2);
        List<QueryResult> results = model.run(task.inputs());
        for (int i = 0; i < results.size(); i++) {
            QueryResult r = results.get(i);
            int source = task.sources()[i];
            assertThat(r.selected()).as("query %d", i).contains(source);
            for (int j : r.selected()) {
                assertThat(r.scores()[j]).as("query %d key %d", i, j).isLessThanOrEqualTo(r.scores()[source]);
            }
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        RetrievalTask task = RetrievalTask.generate(new RetrievalTask.Config(200, 64, 1, 2, 3));
        List<QueryResult> one = model(1).run(task.inputs());
        List<QueryResult> three = model(3).run(task.inputs());
        for (int i = 0; i < one.size(); i++) {
            assertThat(three.get(i).scores()).isEqualTo(one.get(i).scores());
            assertThat(three.get(i).selected()).isEqualTo(one.get(i).selected());
            assertThat(three.get(i).output()).isEqualTo(one.get(i).output());
        }
    }

    @Test
    void thousandQueriesByThousandKeysIsFast() {
        RetrievalTask task = RetrievalTask.generate(new RetrievalTask.Config(1000, 1000, 1, 1, 0));
        long start = System.nanoTime();
        List<QueryResult> results = model(2).run(task.inputs());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(results).hasSize(1000);
        assertThat(seconds).as("seconds for 1000 x 1000").isLessThan(20);
    }

    @Test
    void unsortedTrainIsRejectedByName() {
        assertThatThrownBy(() -> new AttentionInputs(new double[][] {{1, 2}}, new double[][] {{}},
                new double[][] {{5, 3}})).hasMessageContaining("queries[0] is not sorted");
    }

    private static ReducedAttention model(int threads) {
        return new ReducedAttention(ScoreKernel.builtIn(), PotentiationRule.paper(1), OutputStage.defaults(),
                threads);
    }
}
