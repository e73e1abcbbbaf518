package org.spineformer.analysis.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.spineformer.analysis.stats.Statistics;

class KernelFitTest {
    private static final int MAX_LAG = 20;
    private static final SpikeBinning BINNING = new SpikeBinning(0, 200, 1);

    /** A kernel with an NMDA-like bump at +7 entries and a dip before zero. */
    private static final OverlapKernel TRUE_KERNEL = new OverlapKernel(kernelValues());

    private static double[] kernelValues() {
        double[] k = new double[2 * MAX_LAG + 1];
        for (int tau = -MAX_LAG; tau <= MAX_LAG; tau++) {
            k[MAX_LAG + tau] = Math.exp(-(tau - 7) * (tau - 7) / 32.0) - 0.3 * Math.exp(-(tau + 5) * (tau + 5) / 18.0);
        }
        return k;
    }

    /** Cross-correlations of random trains (8 pre and 8 post spikes in 200 ms), one row per sample. */
    private static double[][] randomCorrelations(Random random, int samples) {
        double[][] rows = new double[samples][];
        for (int s = 0; s < samples; s++) {
            double[] pre = BINNING.vector(randomTrain(random), 2.5);
            double[] post = BINNING.vector(randomTrain(random));
            rows[s] = CrossCorrelation.of(pre, post, MAX_LAG);
        }
        return rows;
    }

    private static double[] randomTrain(Random random) {
        double[] t = new double[8];
        for (int i = 0; i < t.length; i++) {
            t[i] = 200 * random.nextDouble();
        }
        return t;
    }

    @Test
    void recoversAKnownKernelFromNoiselessData() {
        Random random = new Random(1);
        double[][] train = randomCorrelations(random, 400);
        double[][] test = randomCorrelations(random, 200);
        OverlapKernel fitted = KernelFit.fit(train, TRUE_KERNEL.predictAll(train), 0);
        assertThat(fitted.maxLag()).isEqualTo(MAX_LAG);
        assertThat(fitted.values()).containsExactly(TRUE_KERNEL.values(), within(1e-9));
        assertThat(fitted.explainedVariance(test, TRUE_KERNEL.predictAll(test))).isCloseTo(1, within(1e-9));
    }

    @Test
    void noiseLowersTheHeldOutExplainedVariance() {
        Random random = new Random(2);
        double[][] train = randomCorrelations(random, 400);
        double[][] test = randomCorrelations(random, 200);
        double[] trainIntegrals = withNoise(TRUE_KERNEL.predictAll(train), random);
        double[] testIntegrals = withNoise(TRUE_KERNEL.predictAll(test), random);
        OverlapKernel fitted = KernelFit.fit(train, trainIntegrals, 0);
        double explained = fitted.explainedVariance(test, testIntegrals);
        // Noise of half the signal's sd leaves at most 1 / (1 + 0.25) = 0.8 explainable.
        assertThat(explained).isBetween(0.6, 0.8);
        assertThat(TRUE_KERNEL.explainedVariance(test, testIntegrals)).isLessThan(1).isGreaterThan(explained);
        assertThat(fitted.at(7)).isCloseTo(TRUE_KERNEL.at(7), within(0.2));
    }

    @Test
    void theSmoothFitMinimisesThePapersObjective() {
        Random random = new Random(3);
        double[][] train = randomCorrelations(random, 300);
        double[] integrals = withNoise(TRUE_KERNEL.predictAll(train), random);
        double smoothness = 0.05;
        double[] k = KernelFit.fit(train, integrals, smoothness).values();
        // The objective is quadratic, so a central difference is its exact partial derivative: all must vanish.
        double h = 1e-3;
        double scale = objective(train, integrals, new double[k.length], smoothness);
        for (int i = 0; i < k.length; i++) {
            double[] up = k.clone();
            double[] down = k.clone();
            up[i] += h;
            down[i] -= h;
            double derivative = (objective(train, integrals, up, smoothness)
                    - objective(train, integrals, down, smoothness)) / (2 * h);
            assertThat(Math.abs(derivative)).as("dJ/dk[%d]", i).isLessThan(1e-9 * scale);
        }
        // and the penalty matters: the smooth kernel is not the least-squares one
        double[] plain = KernelFit.fit(train, integrals, 0).values();
        assertThat(roughness(k)).isLessThan(roughness(plain));
    }

    @Test
    void lagsWithoutDataNeedSmoothness() {
        double[][] rows = {{0, 1, 0}, {0, 2, 0}, {0, 0.5, 0}};
        double[] integrals = {1, 2, 0.5};
        assertThatThrownBy(() -> KernelFit.fit(rows, integrals, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do not determine the kernel over lags +-1");
        // With the penalty, the empty lags are pulled towards their neighbours and the ends towards zero.
        OverlapKernel k = KernelFit.fit(rows, integrals, 1e-6);
        assertThat(k.at(0)).isCloseTo(1, within(1e-5));
        assertThat(k.at(-1)).isCloseTo(0.5, within(1e-5));
        assertThat(k.at(5)).isZero();
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> KernelFit.fit(new double[][] {{1, 2, 3}}, new double[] {1, 2}, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("crossCorrelations has 1 entries but integrals has 2");
        assertThatThrownBy(() -> KernelFit.fit(new double[][] {{1, 2}}, new double[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows have 2 entries");
        assertThatThrownBy(() -> KernelFit.fit(new double[][] {{1, 2, 3}, {1, 2}}, new double[] {1, 2}, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("crossCorrelations[1] has 2 entries but crossCorrelations[0] has 3");
        assertThatThrownBy(() -> KernelFit.fit(new double[][] {{1}}, new double[] {1}, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("smoothness = -1.0");
        assertThatThrownBy(() -> new OverlapKernel(new double[2])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("values has 2 entries");
    }

    private static double[] withNoise(double[] clean, Random random) {
        double sd = 0.5 * Statistics.standardDeviation(clean);
        double[] noisy = new double[clean.length];
        for (int i = 0; i < clean.length; i++) {
            noisy[i] = clean[i] + sd * random.nextGaussian();
        }
        return noisy;
    }

    /** The script's loss: mean squared error plus smoothness times K_smoothness_loss (lines 138-140, 151). */
    private static double objective(double[][] rows, double[] integrals, double[] k, double smoothness) {
        OverlapKernel kernel = new OverlapKernel(k);
        double squared = 0;
        for (int s = 0; s < rows.length; s++) {
            double r = kernel.predict(rows[s]) - integrals[s];
            squared += r * r;
        }
        return squared / rows.length + smoothness * (roughness(k) + k[0] * k[0] + k[k.length - 1] * k[k.length - 1]);
    }

    private static double roughness(double[] k) {
        double sum = 0;
        for (int i = 1; i < k.length; i++) {
            sum += (k[i] - k[i - 1]) * (k[i] - k[i - 1]);
        }
        return sum;
    }
}
