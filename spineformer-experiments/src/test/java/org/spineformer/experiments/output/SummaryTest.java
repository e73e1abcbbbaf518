package org.spineformer.experiments.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTest {
    @Test
    void keysFollowTheSuffixConventionAndTheTableAligns(@TempDir Path dir) throws IOException {
        Summary s = new Summary().put("panel", "fig5")
                .mean("fraction_failed_spikes", "failed fraction", 0.25, 0.01, 1000)
                .estimate("threshold", "threshold", 7.87e-14, 2e-15, 1500)
                .exact("width", "width", 0.2197);
        assertThat(s.values()).containsKeys("fraction_failed_spikes_mean", "fraction_failed_spikes_sem",
                "fraction_failed_spikes_n", "threshold", "threshold_se", "threshold_n", "width");
        String table = s.table("Figure 5");
        assertThat(table).contains("failed fraction  ").contains("0.2500").contains("7.8700e-14").contains("1000");
        s.write(dir);
        assertThat(Files.readString(dir.resolve(Summary.FILE))).contains("\"fraction_failed_spikes_sem\": 0.01");
        assertThatThrownBy(() -> s.put("panel", "x")).hasMessageContaining("'panel'");
    }

    @Test
    void numbersAreShortAndNaNIsNamed() {
        assertThat(Summary.number(Double.NaN)).isEqualTo("n/a");
        assertThat(Summary.number(4.5)).isEqualTo("4.500");
        assertThat(Summary.number(0)).isEqualTo("0");
    }
}
