package org.spineformer.attention.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spineformer.attention.encode.RateCode;
import org.spineformer.attention.reduced.BilinearScore;
import org.spineformer.attention.reduced.ScoreKernel;

class RateScoreTest {
    /** Simpson's rule is exact on the piecewise quadratic integrand; what remains is rounding. */
    static final double ROUNDING = 1e-9;
    /** A Monte Carlo mean is within this many standard errors of its expectation (a 1e-6 chance of failing). */
    static final double STANDARD_ERRORS = 5;

    /** K = c on [2, 60] ms, 0 elsewhere. */
    static ScoreKernel box(double c) {
        double[] values = new double[581];
        Arrays.fill(values, c);
        return new ScoreKernel("box", 2, 0.1, values);
    }

    @Test
    void oneBinBoxKernelByHand() {
        // One 1000 ms bin, rate R for a component of 1: E = R^2 k q c integral_2^60 (B - |L - 7|) dL
        // = R^2 k q c (58 B - (12.5 + 1404.5)) (the two triangles, 5^2/2 and 53^2/2).
        double r = 0.01;
        RateScore score = new RateScore(box(0.5), new RateCode(1000, r));
        assertThat(score.expected(new double[] {0.6}, new double[] {0.5}))
                .isCloseTo(r * r * 0.6 * 0.5 * 0.5 * (58_000 - 1417), within(ROUNDING));
    }

    @Test
    void neighbouringBinsByHand() {
        // 20 ms bins: the pairs (t in key bin i, u in query bin i + D) have u - t = 20 D + x with density
        // tri(x) = 20 - |x| on (-20, 20), and lag L = u - t + 7. D = 1: L in (7, 47), all inside the box, so
        // W(1) = c 20^2. D = 0: L in (-13, 27); the box starts at 2, leaving out
        // integral_-13^2 (20 - (7 - L)) dL = 112.5 of the 400. D = -1: L in (-33, 7), of which (2, 7) is in the
        // box: integral_2^7 (7 - L) dL = 12.5.
        double c = 0.5;
        RateScore score = new RateScore(box(c), new RateCode(20, 0.1));
        assertThat(score.weight(1)).isCloseTo(c * 400, within(ROUNDING));
        assertThat(score.weight(0)).isCloseTo(c * (400 - 112.5), within(ROUNDING));
        assertThat(score.weight(-1)).isCloseTo(c * 12.5, within(ROUNDING));
        // D = 3: L in (47, 87), of which (47, 60) is in the box: integral_47^60 (L - 47) dL = 13^2 / 2.
        assertThat(score.weight(3)).isCloseTo(c * 84.5, within(ROUNDING));
        assertThat(score.weight(4)).isZero();
        // The expected score sums the bands: key (1, 0), query (0, 1) pair bin 0 with bin 1 only (D = 1).
        RateCode code = new RateCode(20, 0.1);
        assertThat(new RateScore(box(c), code).expected(new double[] {1, 0}, new double[] {0, 1}))
                .isCloseTo(0.1 * 0.1 * c * 400, within(ROUNDING));
    }

    @Test
    void theSpikeScoreAveragesToIt() {
        ScoreKernel kernel = ScoreKernel.builtIn();
        RateCode code = new RateCode(125, 0.1);
        double[] key = {0.5, 0.1, 0.7, 0.0, 0.2, 0.3, 0.2, 0.25};
        double[] query = {0.4, 0.3, 0.6, 0.1, 0.1, 0.4, 0.1, 0.3};
        double expected = new RateScore(kernel, code).expected(key, query);
        SplittableRandom random = new SplittableRandom(7);
        int samples = 4000;
        double sum = 0;
        double squares = 0;
        for (int s = 0; s < samples; s++) {
            double x = BilinearScore.score(kernel, code.encode(key, random), code.encode(query, random), 0);
            sum += x;
            squares += x * x;
        }
        double mean = sum / samples;
        double standardError = Math.sqrt((squares / samples - mean * mean) / samples);
        assertThat(mean).isCloseTo(expected, within(STANDARD_ERRORS * standardError));
    }
}
