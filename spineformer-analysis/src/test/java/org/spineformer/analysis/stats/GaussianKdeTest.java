package org.spineformer.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaussianKdeTest {
    private static final double[] DATA = {0.1, 0.5, 0.9, 1.7, 2.0, 3.2};

    @Test
    void matchesScipyGaussianKde() {
        // scipy 1.17: k = stats.gaussian_kde(DATA); k.factor = 0.6988271187715792,
        // sqrt(k.covariance) = 0.7930995097757885, k([0, 1, 2.5]) = [0.207874793173439, 0.29237561192099576,
        // 0.1912283702775591]
        GaussianKde kde = GaussianKde.of(DATA);
        assertThat(kde.bandwidth()).isCloseTo(0.7930995097757885, within(1e-14));
        assertThat(kde.density(new double[] {0, 1, 2.5}))
                .containsExactly(new double[] {0.207874793173439, 0.29237561192099576, 0.1912283702775591},
                        within(1e-14));
    }

    @Test
    void integratesToOne() {
        double[] grid = Grid.linspace(-10, 13, 4601);
        double[] density = GaussianKde.of(DATA).density(grid);
        double integral = 0;
        for (int i = 1; i < grid.length; i++) {
            integral += 0.5 * (density[i] + density[i - 1]) * (grid[i] - grid[i - 1]);
        }
        assertThat(integral).isCloseTo(1, within(1e-9));
    }

    @Test
    void rejectsDegenerateData() {
        assertThatThrownBy(() -> GaussianKde.of(new double[] {2, 2, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("all 3 values equal 2.0");
        assertThatThrownBy(() -> GaussianKde.of(new double[] {2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data has 1 entries");
    }
}
