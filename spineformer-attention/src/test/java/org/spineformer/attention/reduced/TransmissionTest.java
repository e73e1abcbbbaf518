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

class TransmissionTest {
    /** Sums of ten positions and one division. */
    private static final double ROUNDING = 1e-12;
    /**
     * 20,000 draws with p = 0.3 have a standard deviation of sqrt(0.3 * 0.7 / 20000) = 0.0032 in the fraction: 0.016
     * is 5 of them.
     */
    private static final double FIVE_SD_OF_20000_DRAWS = 0.016;

    private static Transmission withIntercept(double b0) {
        return new Transmission(new double[] {b0, 0, 0}, new double[] {0, 0, 0}, 6, 1, "test");
    }

    @Test
    void keysSitWhereTheirAxonsSpinesSit() {
        // Spines are evenly spaced from 2 to 248 um, 250 to a branch: axon 0 holds spines 0-9, mean index 4.5.
        double step = 246.0 / 249;
        double[] d = KeyPlacement.distancesUm(152);
        assertThat(d[0]).isCloseTo(2 + 4.5 * step, within(ROUNDING));
        // Axon 24 holds spines 240-249, the branch's distal end; axon 25 starts the next branch.
        assertThat(d[24]).isCloseTo(2 + 244.5 * step, within(ROUNDING));
        assertThat(d[25]).isCloseTo(d[0], within(ROUNDING));
        // Beyond the cell's 150 axons: the mean over them, the branch's middle (125 um).
        assertThat(d[150]).isCloseTo(125, within(ROUNDING));
        assertThat(d[151]).isEqualTo(d[150]);
    }

    @Test
    void certainAndImpossibleTransmission() {
        double[][] values = {{10, 30}, {20}, {5}};
        double[] scores = {2, 2, 2};
        double[] query = {1, 2};
        // An intercept of +-50: p within 2e-22 of 1 and 0.
        assertThat(new TransmittingOutput(withIntercept(50), 1, new double[0], 0)
                .output(values, new int[] {0, 1}, scores, query)).containsExactly(16, 26, 36);
        assertThat(new TransmittingOutput(withIntercept(-50), 1, new double[0], 0)
                .output(values, new int[] {0, 1}, scores, query)).isEmpty();
    }

    @Test
    void transmitsTheFittedFractionReproducibly() {
        double[] train = new double[20000];
        for (int i = 0; i < train.length; i++) {
            train[i] = i * 0.05;
        }
        double p = 0.3;
        TransmittingOutput stage = new TransmittingOutput(withIntercept(Math.log(p / (1 - p))), 1, new double[0], 7);
        double[] out = stage.output(new double[][] {train}, new int[] {0}, new double[] {1}, new double[] {3});
        assertThat(out.length / (double) train.length).isCloseTo(p, within(FIVE_SD_OF_20000_DRAWS));
        assertThat(stage.output(new double[][] {train}, new int[] {0}, new double[] {1}, new double[] {3}))
                .isEqualTo(out);
    }

    @Test
    void probabilityFollowsScoreAndDistance() {
        Transmission t = new Transmission(new double[] {0.5, 2, -0.01}, new double[] {0, 0, 0}, 6, 1, "test");
        TransmittingOutput stage = new TransmittingOutput(t, 2, new double[] {100}, 0);
        // Score 3 at threshold 2: relative 0.5; distance 100 um: z = 0.5 + 1 - 1 = 0.5.
        assertThat(stage.probability(0, 3)).isCloseTo(1 / (1 + Math.exp(-0.5)), within(ROUNDING));
    }

    @Test
    void fitCountsValueSpikesFollowedByOutputWithinTwentyMs() {
        // Key 0 selected, values at 100, 300, 500, 700; the cell's output follows 100 by 6 ms and 300 by 8 ms,
        // 500 by 25 ms (too late: failed), 700 not at all. Key 1 is not selected: not observed.
        AttentionInputs inputs = new AttentionInputs(new double[][] {{1}, {2}},
                new double[][] {{100, 300, 500, 700}, {400}}, new double[][] {{1}, {1}});
        QueryResult cell = new QueryResult(new double[] {106, 308, 525}, new int[] {0}, new double[] {1.5, 0});
        QueryResult cell2 = new QueryResult(new double[] {105, 305, 505, 705}, new int[] {0}, new double[] {1.5, 0});
        QueryResult reduced = new QueryResult(new double[0], new int[0], new double[] {1.2, 0});
        TransmissionFit fit = new TransmissionFit().add(inputs, List.of(cell, cell2), List.of(reduced, reduced), 1,
                new double[] {50, 60});
        assertThat(fit.samples()).isEqualTo(8);
        assertThat(fit.transmitted()).isEqualTo(6);
        // The delay is the median of 6, 8, 5, 5, 5, 5: 5.
        assertThat(fit.delayMs()).isEqualTo(5);
    }

    @Test
    void nothingTransmittedIsRefused() {
        AttentionInputs inputs = new AttentionInputs(new double[][] {{1}}, new double[][] {{100}},
                new double[][] {{1}});
        QueryResult cell = new QueryResult(new double[0], new int[] {0}, new double[] {2});
        assertThatThrownBy(() -> new TransmissionFit().add(inputs, List.of(cell), List.of(cell), 1,
                new double[] {10}).fit("test")).hasMessageContaining("nothing to fit");
    }

    @Test
    void readsAFitAndNamesABadField(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("transmission.json");
        Files.writeString(file, "{\"predictors\": [\"relative_score\", \"distance_um\"], \"coefficients\": [1, 2, 3],"
                + " \"standard_errors\": [0.1, 0.2, 0.3], \"delay_ms\": 6.5, \"samples\": 40}");
        Transmission t = Transmission.read(dir);
        assertThat(t.coefficients()).containsExactly(1, 2, 3);
        assertThat(t.delayMs()).isEqualTo(6.5);
        Files.writeString(file, "{\"predictors\": [\"relative_score\", \"distance_um\"], \"coefficients\": [1, \"x\","
                + " 3], \"standard_errors\": [0.1, 0.2, 0.3], \"delay_ms\": 6.5, \"samples\": 40}");
        assertThatThrownBy(() -> Transmission.read(file)).hasMessageContaining(file.toString())
                .hasMessageContaining("coefficients[1] = \"x\"");
    }
}
