package org.spineformer.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GridTest {
    @Test
    void linspaceIncludesBothEnds() {
        assertThat(Grid.linspace(0, 1, 5)).containsExactly(0, 0.25, 0.5, 0.75, 1);
        double stop = 1.2 * 3.7;
        double[] grid = Grid.linspace(0, stop, 1000);
        assertThat(grid).hasSize(1000);
        assertThat(grid[999]).isEqualTo(stop);
        assertThat(grid[1]).isEqualTo(stop / 999);
    }

    @Test
    void rejectsTooFewPoints() {
        assertThatThrownBy(() -> Grid.linspace(0, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n = 1");
    }
}
