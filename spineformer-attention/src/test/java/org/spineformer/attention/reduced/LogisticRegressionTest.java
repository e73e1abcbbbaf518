package org.spineformer.attention.reduced;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {
    /** Newton's method converges to 1e-10 in the coefficients: the closed forms hold far tighter than this. */
    private static final double CLOSED_FORM = 1e-9;
    /**
     * A maximum-likelihood estimate lies within 4 of its standard errors of the truth except with probability about
     * 6e-5 per coefficient; with a fixed seed the test is deterministic anyway.
     */
    private static final double STANDARD_ERRORS = 4;

    @Test
    void interceptOnlyIsTheLogOddsOfTheMean() {
        // 3 successes in 10: b0 = log(3/7), SE = 1 / sqrt(n p (1 - p)) = 1 / sqrt(10 * 0.3 * 0.7).
        int[] y = {1, 0, 0, 1, 0, 0, 0, 1, 0, 0};
        LogisticRegression fit = LogisticRegression.fit(new double[10][0], y);
        assertThat(fit.coefficients()[0]).isCloseTo(Math.log(3.0 / 7), within(CLOSED_FORM));
        assertThat(fit.standardErrors()[0]).isCloseTo(1 / Math.sqrt(2.1), within(CLOSED_FORM));
        assertThat(fit.probability()).isCloseTo(0.3, within(CLOSED_FORM));
        // log L = 3 log 0.3 + 7 log 0.7.
        assertThat(fit.logLikelihood()).isCloseTo(3 * Math.log(0.3) + 7 * Math.log(0.7), within(CLOSED_FORM));
    }

    @Test
    void twoGroupsGiveTheirLogOdds() {
        // x = 0: 1 of 4; x = 1: 3 of 4. b0 = log(1/3), b1 = log(3) - log(1/3) = 2 log 3;
        // SE(b1)^2 = 1/(4 * 1/4 * 3/4) + 1/(4 * 3/4 * 1/4) = 8/3.
        double[][] x = {{0}, {0}, {0}, {0}, {1}, {1}, {1}, {1}};
        int[] y = {1, 0, 0, 0, 1, 1, 1, 0};
        LogisticRegression fit = LogisticRegression.fit(x, y);
        assertThat(fit.coefficients()[0]).isCloseTo(Math.log(1.0 / 3), within(CLOSED_FORM));
        assertThat(fit.coefficients()[1]).isCloseTo(2 * Math.log(3), within(CLOSED_FORM));
        assertThat(fit.standardErrors()[1]).isCloseTo(Math.sqrt(8.0 / 3), within(CLOSED_FORM));
    }

    @Test
    void recoversKnownCoefficientsFromSyntheticData() {
        double[] truth = {0.5, 2.0, -0.01};
        SplittableRandom random = new SplittableRandom(21);
        int n = 20000;
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {random.nextDouble(-1, 1), random.nextDouble(0, 250)};
            double p = LogisticRegression.sigmoid(truth[0] + truth[1] * x[i][0] + truth[2] * x[i][1]);
            y[i] = random.nextDouble() < p ? 1 : 0;
        }
        LogisticRegression fit = LogisticRegression.fit(x, y);
        for (int j = 0; j < truth.length; j++) {
            assertThat(fit.coefficients()[j]).as("coefficient %d", j)
                    .isCloseTo(truth[j], within(STANDARD_ERRORS * fit.standardErrors()[j]));
        }
        assertThat(fit.samples()).isEqualTo(n);
    }

    @Test
    void separableDataAreRefused() {
        double[][] x = {{0}, {1}, {2}, {3}};
        assertThatThrownBy(() -> LogisticRegression.fit(x, new int[] {0, 0, 1, 1}))
                .hasMessageContaining("did not converge");
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> LogisticRegression.fit(new double[][] {{0}}, new int[] {2}))
                .hasMessageContaining("outcome 0 = 2");
        assertThatThrownBy(() -> LogisticRegression.fit(new double[][] {{Double.NaN}}, new int[] {1}))
                .hasMessageContaining("predictor 0 of row 0 = NaN");
    }
}
